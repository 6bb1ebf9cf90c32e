"""Text lines of PDF pages (with their boxes) to paragraphs, one per line.

Pages are read top to bottom (reports are set in one column). Lines sharing a baseline are one
row: pieces far apart are table cells joined by a tab. Page furniture goes: page numbers ("— 3 —",
"第3页 共9页") near the top or bottom edge, and a line repeated at the top or bottom of several
pages (a running header). A line continues the paragraph of the line before when that one runs to
the right margin and this one starts at the left margin (no first-line indent) without a wider gap
than the line pitch; the two are joined without a space next to a CJK character.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .cjk import join_wrapped

EDGE = 0.12            # share of the page height at top and bottom where furniture sits
CELL_GAP = 2.0         # ems between two pieces of a row that make them table cells
FULL = 1.5             # a line ending within this many ems of the right margin is full
INDENT = 0.8           # a line starting this many ems right of the left margin is indented
WIDE_GAP = 1.6         # a vertical gap of this many line pitches breaks a paragraph
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/／]\s*\d+|共\s*\d+\s*页)?[-—–－\s]*$"
                          r"|^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d+)?$", re.I)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class TextLine:
    text: str
    x0: float
    x1: float
    y0: float          # PDF coordinates: y grows upwards
    y1: float
    page: int
    cells: int = 1

    @property
    def em(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def rows(lines: list[TextLine]) -> list[TextLine]:
    """The lines of one page top to bottom, pieces on one baseline merged (cells joined by a tab)."""
    out: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda ln: (-(ln.y0 + ln.y1) / 2, ln.x0)):
        mid = (line.y0 + line.y1) / 2
        if out and abs(mid - (out[-1][0].y0 + out[-1][0].y1) / 2) < 0.5 * min(line.em, out[-1][0].em):
            out[-1].append(line)
        else:
            out.append([line])
    return [_merge(sorted(row, key=lambda ln: ln.x0)) for row in out]


def _merge(row: list[TextLine]) -> TextLine:
    text, cells = row[0].text, 1
    for left, right in zip(row, row[1:]):
        if right.x0 - left.x1 > CELL_GAP * min(left.em, right.em):
            text, cells = f"{text}\t{right.text}", cells + 1
        else:
            text = join_wrapped(text, right.text)
    first = row[0]
    return TextLine(text, first.x0, max(ln.x1 for ln in row), min(ln.y0 for ln in row),
                    max(ln.y1 for ln in row), first.page, cells)


def drop_furniture(pages: list[list[TextLine]], heights: list[float]) -> list[list[TextLine]]:
    """Pages without page numbers and running headers / footers near their edges."""
    def at_edge(line: TextLine) -> bool:
        height = heights[line.page]
        return line.y0 > height * (1 - EDGE) or line.y1 < height * EDGE

    seen: dict[str, set[int]] = {}
    for page in pages:
        for line in page:
            if at_edge(line):
                seen.setdefault(_DIGITS.sub("#", line.text), set()).add(line.page)
    repeated = {text for text, where in seen.items() if len(where) >= 2}
    return [[line for line in page
             if not (at_edge(line) and (_PAGE_NUMBER.match(line.text) or _DIGITS.sub("#", line.text) in repeated))]
            for page in pages]


def _margins(page: list[TextLine]) -> tuple[float, float, float]:
    """(left margin, right margin, line pitch) of a page's body lines."""
    left = min(ln.x0 for ln in page)
    widest = max(ln.x1 for ln in page)
    right = statistics.median([ln.x1 for ln in page if ln.x1 >= widest - 3 * ln.em])
    steps = [a.y0 - b.y0 for a, b in zip(page, page[1:]) if a.y0 > b.y0]
    return left, right, statistics.median(steps) if steps else 0.0


def paragraphs(pages: list[list[TextLine]]) -> list[str]:
    """Each page's rows (top to bottom) joined into paragraphs across lines and pages."""
    out: list[str] = []
    prev: TextLine | None = None
    prev_full = False
    for page in pages:
        if not page:
            continue
        left, right, pitch = _margins(page)
        for line in page:
            starts_at_margin = line.x0 < left + INDENT * line.em
            close = prev is not None and (prev.page != line.page or not pitch
                                          or prev.y0 - line.y0 <= WIDE_GAP * pitch)
            if prev_full and starts_at_margin and close and line.cells == 1 and out:
                out[-1] = join_wrapped(out[-1], line.text)
            else:
                out.append(line.text)
            prev_full = line.cells == 1 and line.x1 >= right - FULL * line.em
            prev = line
    return out
