"""A normalized copy of the source for matching, with its position map.

Every fold here maps one code point to one code point (full-width to ASCII, traditional to
simplified characters, odd spaces and line breaks to plain ones, and ``\\r\\n`` to ``" \\n"``), so the
normalized copy has exactly the length of the source and its position map is the identity:
``norm[i]`` stands for ``source[i]``. Extractors match on ``norm`` and slice spans from ``source``.
A test holds the invariant on arbitrary input.
"""
from __future__ import annotations

from functools import lru_cache

import yaml

from .resources import lexicon_path

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


@lru_cache(maxsize=1)
def fold_table() -> dict[int, int]:
    table = dict(_FULLWIDTH)
    for line in lexicon_path("t2s.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[ord(trad)] = ord(simp)
    punct = yaml.safe_load(lexicon_path("punctuation.yaml").read_text(encoding="utf-8"))["fold"]
    for src, dst in punct.items():
        if len(src) != 1 or len(dst) != 1:
            raise ValueError(f"punctuation.yaml: fold {src!r} -> {dst!r} must map one character to one")
        table[ord(src)] = ord(dst)
    return table


def normalize(source: str) -> str:
    """Return the normalized copy of ``source``; always ``len(result) == len(source)``.

    >>> normalize("１２３件，同比上升２７．６５％")
    '123件,同比上升27.65%'
    >>> normalize("檢察院辦理案件\\r\\n")
    '检察院办理案件 \\n'
    """
    return source.replace("\r\n", " \n").translate(fold_table())
