"""Traditional script to simplified through OpenCC's phrase-aware conversion, where the ``opencc``
extra is installed (``pip install 'jcreport[opencc]'``).

OpenCC converts by phrase (乾燥 -> 干燥 but 乾隆 stays; 著作 stays, 顯著 -> 显著), where the shipped
table (``lexicons/t2s.tsv``) maps one character to one whatever surrounds it. The normalized copy
must keep the source's length, offset for offset, so a line is taken from OpenCC only when its
conversion has the line's length, and then OpenCC's choice stands (the table's character folds
are not applied over it); any other line is left to the table. Without the extra, or with
``JCREPORT_OPENCC=0`` in the environment, the table alone is used.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from .resources import lexicon_path


@lru_cache(maxsize=1)
def converter():
    """OpenCC's t2s converter, or None where the extra is absent or turned off."""
    if os.environ.get("JCREPORT_OPENCC", "1") == "0":
        return None
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def t2s_pairs() -> dict[str, str]:
    """The shipped table, ``lexicons/t2s.tsv``: a traditional character -> its simplified one."""
    pairs = {}
    for line in lexicon_path("t2s.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            pairs[trad] = simp
    return pairs


@lru_cache(maxsize=1)
def _traditional_char() -> re.Pattern:
    """A character the shipped table folds from traditional script."""
    return re.compile("[" + "".join(re.escape(c) for c in t2s_pairs()) + "]")


def phrase_segments(text: str) -> list[tuple[str, bool]] | None:
    """``text`` cut into segments, each with whether OpenCC converted it: every line holding
    traditional script whose conversion keeps its length comes from OpenCC (True), the rest as
    written (False). None where no converter is installed or no line is traditional. Linear: a
    line is found from a traditional character in it, and the search goes on after its end."""
    found = _traditional_char().search(text)
    cc = converter() if found else None
    if cc is None:
        return None
    parts: list[tuple[str, bool]] = []
    last = 0
    while found:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        line = text[start:end]
        simple = cc.convert(line)
        if len(simple) == len(line):
            parts += ((text[last:start], False), (simple, True))
            last = end
        found = _traditional_char().search(text, end)
    if not parts:
        return None
    parts.append((text[last:], False))
    return parts
