"""The one document object every pipeline stage reads and writes (spaCy's ``Doc``)."""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .models import Meta, Span
from .normalize import PositionMap
from .tokens import Tokens


@dataclass
class Line:
    start: int
    end: int  # excluding the newline


@dataclass
class SectionNode:
    id: str
    marker: str | None
    kind: str          # the numbering family: 一、 (一) 1. (1) ① 一是 第一 heading
    level: int
    title_start: int
    title_end: int
    start: int         # heading start
    end: int           # extent end: where the next sibling or ancestor's sibling begins
    parent: str | None
    inline: bool = False
    role: str | None = None
    role_cue: str | None = None          # the heading word that shows the role (工作安排, 存在的问题)


@dataclass
class Doc:
    source: str
    norm: str
    pos: PositionMap = field(default_factory=lambda: PositionMap([], []))   # norm offsets -> source
    path: str | None = None
    encoding: str = "utf-8"
    format: str = "txt"
    lines: list[Line] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: Tokens = field(default_factory=Tokens.empty)
    sections: list[SectionNode] = field(default_factory=list)
    chrome: Any = None                  # Spans of the page-chrome lines (extract/chrome.py)
    meta: Meta = field(default_factory=Meta)
    periods: list[Any] = field(default_factory=list)
    figures: list[Any] = field(default_factory=list)
    campaigns: list[Any] = field(default_factory=list)
    measures: list[Any] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _section_starts: list[int] = field(default_factory=list, repr=False)
    _period_starts: list[int] = field(default_factory=list, repr=False)
    _by_id: dict[str, SectionNode] = field(default_factory=dict, repr=False)

    @property
    def doc_id(self) -> str:
        return doc_id_of(self.source)

    def span(self, start: int, end: int) -> Span:
        """The grounded span of ``norm[start:end]``: offsets mapped to the source, text always
        ``source[start:end]``."""
        return Span(**self.span_dict(start, end))

    def span_dict(self, start: int, end: int) -> dict[str, Any]:
        """``span(start, end)`` as the dict a record is validated from."""
        s, e = self.pos.source_range(start, end)
        e = max(s, e)
        return {"start": s, "end": e, "text": self.source[s:e]}

    def text(self, start: int, end: int) -> str:
        """The source as written for ``norm[start:end]`` (glosses and spaces the copy skips included)."""
        s, e = self.pos.source_range(start, end)
        return self.source[s:e] if e > s else ""

    def sentence_at(self, pos: int) -> tuple[int, int]:
        if not self._sentence_starts:
            self._sentence_starts = [s for s, _ in self.sentences]
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def period_starts(self) -> list[int]:
        """Start offsets of ``periods`` (in text order), kept while the list stays the same length."""
        if len(self._period_starts) != len(self.periods):
            self._period_starts = [p.start for p in self.periods]
        return self._period_starts

    def sentence_over(self, start: int, end: int) -> tuple[int, int]:
        """The sentence of a record from ``start`` to ``end``: the one it starts in, run on to the end
        of the one it ends in (a record never lies outside its sentence, even across a cut of an
        over-long sentence)."""
        first = self.sentence_at(start)
        last = self.sentence_at(max(start, end - 1))
        return (min(first[0], start), max(first[1], last[1], end))

    def tokens_from(self, pos: int, count: int) -> list[tuple[str, int, int]]:
        """Up to ``count`` tokens from ``pos`` on; a token that straddles ``pos`` is cut there."""
        i = bisect_right(self.tokens.starts, pos) - 1
        if i < 0:
            return self.tokens[:count]
        word, start, end = self.tokens[i]
        first = [(word[pos - start:], pos, end)] if start < pos < end else [] if end <= pos else [self.tokens[i]]
        return first + self.tokens[i + 1:i + 1 + count - len(first)]

    def tokens_between(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The tokens lying wholly between ``start`` and ``end``."""
        starts = self.tokens.starts
        i = bisect_right(starts, start - 1)
        j = bisect_right(starts, end - 1)
        return [t for t in self.tokens[i:j] if t[2] <= end]

    def words_between(self, start: int, end: int) -> list[str]:
        """The words of ``tokens_between(start, end)``, without building a tuple per token."""
        words = self.tokens.words
        starts = self.tokens.starts
        i = bisect_right(starts, start - 1)
        j = bisect_right(starts, end - 1)
        if j > i and starts[j - 1] + len(words[j - 1]) > end:
            j -= 1                                    # the last token runs past ``end``
        return words[i:j]

    def section_node_at(self, pos: int) -> SectionNode | None:
        return self.section(self.section_at(pos))

    def section(self, sid: str | None) -> SectionNode | None:
        """The section of id ``sid`` (None for None)."""
        if sid is None:
            return None
        if len(self._by_id) != len(self.sections):
            self._by_id = {s.id: s for s in self.sections}
        return self._by_id.get(sid)

    def section_at(self, pos: int) -> str | None:
        """The id of the innermost section whose extent holds ``pos``: the latest-starting section
        that starts at or before ``pos`` and still holds it (a child starts after its parent)."""
        if len(self._section_starts) != len(self.sections):
            self._section_starts = [sec.start for sec in self.sections]
        i = bisect_right(self._section_starts, pos) - 1
        while i >= 0:
            sec = self.sections[i]
            if pos < sec.end:
                return sec.id
            i -= 1
        return None


def doc_id_of(text: str) -> str:
    """A document's id: the SHA-256 of its decoded text (so a batch knows a document is done before
    extracting it)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
