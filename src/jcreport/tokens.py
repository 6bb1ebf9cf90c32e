"""A document's tokens: the one representation every stage reads (``Doc.tokens``)."""
from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from itertools import accumulate

Token = tuple[str, int, int]


class Tokens(Sequence[Token]):
    """Tokens as parallel lists of words and start offsets; ``(word, start, end)`` tuples are made
    only for the tokens a stage reads (the full list of tuples costs as much as segmenting). Each
    distinct word is one string (a report repeats a few thousand words), and the offsets are a
    machine-int array: a million characters' tokens take 8 MiB instead of 55."""

    def __init__(self, words: list[str], starts: Sequence[int], length: int) -> None:
        self.words, self.starts, self._length = words, starts, length

    @classmethod
    def from_words(cls, words: list[str]) -> "Tokens":
        words = list(map(sys.intern, words))
        starts = array("q", accumulate(map(len, words), initial=0))
        length = starts.pop()
        return cls(words, starts, length)

    @classmethod
    def empty(cls) -> "Tokens":
        return cls([], array("q"), 0)

    def __len__(self) -> int:
        return len(self.words)

    def __repr__(self) -> str:
        return f"Tokens({self[:8]!r}{' …' if len(self) > 8 else ''})"

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [(w, s, s + len(w)) for w, s in zip(self.words[i], self.starts[i])]
        start = self.starts[i]
        return (self.words[i], start, start + len(self.words[i]))
