"""The document type, decided on the opening as a whole (docs/contract.md, meta.doc_type).

Every cue of ``lexicons/meta.yaml`` (``doc_types``) found in the title or the opening adds its
weight to its type, once per cue; the highest score wins, ties going to the type listed first. One
word alone (「重要讲话精神」 in a work report) does not make a speech: the work report's own cues
(各位代表, 向大会报告) weigh more, and news of a meeting that quotes a speech gathers the news cues
(记者, 会议强调, 日上午) of its third-person telling.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import Lexicon
from ..patterns import alternation


class DocTypeReader:
    def __init__(self, lex: Lexicon) -> None:
        self.rules = [(c.doc_type, c.title, c.opening) for c in lex.meta.doc_types]
        words = {w for _, t, o in self.rules for w in (*t, *o)}
        self.words = re.compile(alternation(words))

    def scores(self, title: str, opening: str) -> dict[str, int]:
        in_title = {m.group() for m in _overlapping(self.words, title)}
        in_opening = {m.group() for m in _overlapping(self.words, opening)}
        return {name: sum(w for cue, w in t.items() if cue in in_title) + sum(w for cue, w in o.items() if cue in in_opening)
                for name, t, o in self.rules}

    def read(self, title: str, opening: str, bonus: dict[str, int] | None = None) -> str:
        """``bonus``: weights the layout gives (a delivery line or a speaker line heads a work report)."""
        scores = self.scores(title, opening)
        for name, weight in (bonus or {}).items():
            scores[name] += weight
        best = max(scores.values(), default=0)
        if best <= 0:
            return "other"
        return next(name for name, score in scores.items() if score == best)


def _overlapping(pattern: re.Pattern, text: str):
    """Every cue found, also those inside a longer one (工作报告 inside 专项工作报告)."""
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return
        yield m
        for end in range(m.end() - 1, m.start(), -1):
            inner = pattern.match(text, m.start(), end)
            if inner:
                yield inner
        pos = m.start() + 1


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> DocTypeReader:
    return DocTypeReader(lex)
