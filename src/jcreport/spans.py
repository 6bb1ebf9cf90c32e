"""Sorted, non-overlapping spans with containment and overlap tests in logarithmic time."""
from __future__ import annotations

from bisect import bisect_right


class Spans:
    """Sorted, non-overlapping spans with fast containment and overlap tests."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def _near(self, start: int, end: int):
        i = bisect_right(self.starts, end)
        for j in range(max(0, i - 2), i):
            yield self.spans[j]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._near(start, end))

    def contains(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self._near(start, end))

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` lies strictly inside one of the spans."""
        return any(s < pos < e for s, e in self._near(pos, pos + 1))
