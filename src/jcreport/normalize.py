"""A normalized copy of the source for matching, with its position map.

Two steps. ``normalize`` folds one code point to one code point (full-width to ASCII, traditional to
simplified characters, compatibility ideographs and Kangxi radicals from PDF text layers to the
ideographs they stand for, odd spaces and line breaks to plain ones, and ``\\r\\n`` to ``" \\n"``;
traditional script by phrase through OpenCC first where the extra is installed, traditional.py):
its result has the length of the source. ``reading_copy`` then deletes what a reader skips but a
pattern would trip on, and keeps a ``PositionMap`` from the copy back to the source:

- pinyin glosses after a character, as reposts print them: ``審(shěn)結`` reads ``审结``;
- a single space inside a number and its unit, from PDF and Word text layers: ``共受理 356 件``,
  ``1.2 万人次``, ``2023 年`` read ``共受理356件``, ``1.2万人次``, ``2023年``;
- a line break inside a number or between a number and its unit in a running line: ``…共办理案件35``
  / ``6件`` reads ``…共办理案件356件``.

Extractors match on the copy; every offset they report is mapped back, so a span's text is always
the source as written (gloss and space included). Tests hold both on arbitrary input.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

import yaml

from .resources import lexicon_path
from .traditional import phrase_segments, t2s_pairs

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


# Kangxi radicals, CJK radicals supplement and compatibility ideographs: PDF text layers write
# 「⼀」「⼯」 for 一 工. Folded through their NFKC form where that is one ideograph.
_COMPAT_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def _compat_folds() -> dict[int, int]:
    table = {}
    for low, high in _COMPAT_RANGES:
        for cp in range(low, high + 1):
            nfkc = unicodedata.normalize("NFKC", chr(cp))
            if len(nfkc) == 1 and nfkc != chr(cp):
                table[cp] = ord(nfkc)
    return table


@lru_cache(maxsize=1)
def fold_table() -> dict[int, int]:
    """Every fold: character forms and traditional to simplified characters."""
    return _table(traditional=True)


@lru_cache(maxsize=1)
def form_table() -> dict[int, int]:
    """The folds of character forms alone (full width, compatibility ideographs, punctuation, lone
    surrogates): what a line that OpenCC converted still needs."""
    return _table(traditional=False)


def _table(traditional: bool) -> dict[int, int]:
    table = dict(_FULLWIDTH)
    table.update(_compat_folds())
    if traditional:
        table.update((ord(trad), ord(simp)) for trad, simp in t2s_pairs().items())
    table.update(_punctuation_folds())
    for cp in range(0xD800, 0xE000):                  # a lone surrogate (a broken decode) is no text: U+FFFD
        table[cp] = 0xFFFD
    return table


@lru_cache(maxsize=1)
def _punctuation_folds() -> dict[int, int]:
    punct = yaml.load(lexicon_path("punctuation.yaml").read_text(encoding="utf-8"),
                      Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["fold"]
    for src, dst in punct.items():
        if len(src) != 1 or len(dst) != 1:
            raise ValueError(f"punctuation.yaml: fold {src!r} -> {dst!r} must map one character to one")
    return {ord(src): ord(dst) for src, dst in punct.items()}


def normalize(source: str) -> str:
    """Return the normalized copy of ``source``; always ``len(result) == len(source)``.

    >>> normalize("１２３件，同比上升２７．６５％")
    '123件,同比上升27.65%'
    >>> normalize("檢察院辦理案件\\r\\n")
    '检察院办理案件 \\n'
    >>> normalize("⼀是⼯作")
    '一是工作'
    """
    if "\r" in source:
        source = source.replace("\r\n", " \n")
    segments = phrase_segments(source)
    if segments is None:
        return source.translate(fold_table())
    return "".join(seg.translate(form_table() if converted else fold_table()) for seg, converted in segments)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# What a reader skips. Each alternative deletes its whole match (groups name the kind). Each one
# starts with the character it deletes and looks behind from there, so the engine skips ahead to a
# candidate character instead of trying every alternative at every position (5x faster).
_SKIPPED = re.compile(
    rf"\((?<=[{_CJK}]\()(?:[a-z{_TONED}]{{1,6}})\) ?"          # 審(shěn)結, 書(shu) 。
    rf"| (?<=\d )(?=[{_CJK}%])"                                  # 356 件, 1.2 万人次, 2023 年
    rf"| (?<=[{_CJK}] )(?=\d)"                                   # 受理 356
    rf"|\n(?<=[^\n]{{6}}\d\n)(?=\d|[万亿千百件人名次个项份起宗户元倍%])"   # …办理案件35 / 6件
    rf"|\[(?<=[{_CJK}”)]\[)\d{{1,2}}\]"                              # footnote markers: “检察护企”[1]专项行动
    rf"|(?P<qbreak>\n)(?=[{_CJK}]{{1,10}}”)"                           # a quoted name broken across lines
)


_OPEN_QUOTE = re.compile(rf"“[{_CJK}]{{1,10}}$")


class PositionMap:
    """Where each character of a reading copy stands in its source: ``source(i)`` for a start,
    ``source_end(j)`` for an end. Sparse: one entry per deletion."""

    __slots__ = ("_keys", "_shifts")

    def __init__(self, keys: list[int], shifts: list[int]) -> None:
        self._keys, self._shifts = keys, shifts

    @property
    def identity(self) -> bool:
        return not self._keys

    def source(self, i: int) -> int:
        if not self._keys:
            return i
        k = bisect_right(self._keys, i) - 1
        return i + (self._shifts[k] if k >= 0 else 0)

    def source_end(self, j: int) -> int:
        return j if not self._keys or j == 0 else self.source(j - 1) + 1

    def source_range(self, i: int, j: int) -> tuple[int, int]:
        """``(source(i), source_end(j))`` in one call (the hot path of every span)."""
        keys = self._keys
        if not keys:
            return i, j
        shifts = self._shifts
        k = bisect_right(keys, i) - 1
        s = i + shifts[k] if k >= 0 else i
        if j == 0:
            return s, 0
        k = bisect_right(keys, j - 1) - 1
        return s, (j + shifts[k] if k >= 0 else j)


def reading_copy(source: str) -> tuple[str, PositionMap]:
    """The normalized copy extractors read, and its map back to ``source``.

    >>> copy, pos = reading_copy("審(shěn)結7.2萬(wàn)宗,共受理 356 件")
    >>> copy
    '审结7.2万宗,共受理356件'
    >>> start = copy.index("356件"); pos.source(start), pos.source_end(start + 4)
    (23, 28)
    """
    norm = normalize(source)
    if "(" not in norm and " " not in norm and "\n" not in norm and "[" not in norm:
        return norm, PositionMap([], [])
    parts, keys, shifts = [], [], []
    last = deleted = 0
    for m in _SKIPPED.finditer(norm):
        if m.group("qbreak") and not _OPEN_QUOTE.search(norm, max(0, m.start() - 11), m.start()):
            continue                                  # a line break is kept unless a quote is open before it
        parts.append(norm[last:m.start()])
        deleted += m.end() - m.start()
        keys.append(m.start() - (deleted - (m.end() - m.start())))
        shifts.append(deleted)
        last = m.end()
    if not keys:
        return norm, PositionMap([], [])
    parts.append(norm[last:])
    return "".join(parts), PositionMap(keys, shifts)


def folded(text: str) -> str:
    """A key for comparing names as a reader reads them: folded, glosses and stray spaces gone."""
    return reading_copy(text)[0]
