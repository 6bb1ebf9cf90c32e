"""Sorted, non-overlapping spans with containment and overlap tests in logarithmic time."""
from __future__ import annotations

from bisect import bisect_right


class Spans:
    """Sorted, non-overlapping spans with fast containment and overlap tests."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The (at most two) last spans starting at or before ``end``: the only ones that can hold
        or overlap ``[start, end)``, as the spans do not overlap."""
        i = bisect_right(self.starts, end)
        return self.spans[max(0, i - 2):i]

    def overlaps(self, start: int, end: int) -> bool:
        for s, e in self._near(start, end):
            if s < end and start < e:
                return True
        return False

    def contains(self, start: int, end: int) -> bool:
        for s, e in self._near(start, end):
            if s <= start and end <= e:
                return True
        return False

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` lies strictly inside one of the spans."""
        for s, e in self._near(pos, pos + 1):
            if s < pos < e:
                return True
        return False
