"""Inline SVG charts for the diff and series pages: bar pairs, stacked bars and line charts with
gaps. Plain SVG generated here: no JavaScript, no charting library, nothing fetched."""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from .diff_html_assets import OUTCOMES

def number(value: float | int | None) -> str:
    """A value for people: thousands separated, no float noise.

    >>> number(17562), number(98.0), number(0.1176), number(None)
    ('17,562', '98', '0.1176', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{round(value, 4):,}"


def compact(value: float) -> str:
    """An axis label: 万 and 亿 for large values.

    >>> compact(0), compact(800), compact(20000), compact(125000), compact(3e8)
    ('0', '800', '2万', '12.5万', '3亿')
    """
    for size, unit in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:.3g}{unit}"
    return number(round(value, 3))


def nice(value: float) -> float:
    """The round number at or above ``value`` an axis ends at.

    >>> nice(0), nice(7), nice(98), nice(760), nice(17562), nice(0.92)
    (1, 8, 100, 800, 20000, 1)
    """
    if value <= 0:
        return 1
    exp = 10 ** math.floor(math.log10(value))
    top = next(m * exp for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if value <= m * exp * (1 + 1e-9))
    return int(round(top)) if abs(top - round(top)) < 1e-9 else top


def _width(label: str, size: float = 10) -> float:
    """Roughly how wide ``label`` is at ``size`` px: CJK characters are square, others half."""
    return sum(size if ord(ch) >= 0x2E80 else size * 0.6 for ch in label)


def _clip(label: str, most: int = 10) -> str:
    return label if len(label) <= most else label[:most - 1] + "…"


def bar_pair(a: tuple[str, float | int | None], b: tuple[str, float | int | None], width: int = 64) -> str:
    """Two horizontal bars, A above B, on one scale; a redacted value (None) is a ×, not a bar."""
    top = max((abs(v) for _, v in (a, b) if v is not None), default=0) or 1
    parts = []
    for row, (cls, (label, value)) in enumerate((("a", a), ("b", b))):
        y = 2 + row * 11
        if value is None:
            parts.append(f'<text class="gap" x="2" y="{y + 9}">×<title>{escape(label)}</title></text>')
            continue
        w = max(1.0, abs(value) / top * (width - 4))
        parts.append(f'<rect class="{cls}" x="2" y="{y}" width="{w:.1f}" height="9" rx="1">'
                     f"<title>{escape(label)}</title></rect>")
    return (f'<svg class="bars" width="{width}" height="24" viewBox="0 0 {width} 24" role="img" '
            f'aria-label="{escape(a[0])} / {escape(b[0])}">{"".join(parts)}</svg>')


def stack(*counts: int, width: int = 160) -> str:
    """One bar cut in parts: fulfilled, continued, not_reported."""
    total = sum(counts) or 1
    parts, x = [], 0.0
    for (outcome, label), n in zip(OUTCOMES, counts):
        w = n / total * width
        if n:
            parts.append(f'<rect class="o-{outcome}" x="{x:.1f}" y="2" width="{w:.1f}" height="12">'
                         f"<title>{escape(label)}: {n}</title></rect>")
        x += w
    return f'<svg class="stack" width="{width}" height="16" viewBox="0 0 {width} 16" role="img">{"".join(parts)}</svg>'


@dataclass(frozen=True)
class Dot:
    """One point of a series: the report it comes from, its value, and the label shown at it."""

    doc_id: str
    year: int | None
    value: float | int | None
    label: str | None
    redacted: bool = False


@dataclass(frozen=True)
class Axis:
    """The reports along x: at their years when every year is known and distinct, else evenly."""

    order: tuple[str, ...]
    x: dict
    ticks: dict
    by_year: dict

    @classmethod
    def of(cls, reports) -> "Axis":
        years = [r.year for r in reports]
        evenly = None in years or len(set(years)) < len(years)
        x = {r.doc_id: float(i if evenly else r.year) for i, r in enumerate(reports)}
        ticks = {r.doc_id: f"#{i + 1}" if r.year is None else str(r.year) for i, r in enumerate(reports)}
        return cls(tuple(x), x, ticks, {r.year: r.doc_id for r in reports if r.year is not None})

    def place(self, dot: Dot) -> str | None:
        """The report (doc_id) a dot belongs to: by doc_id, else by year."""
        return dot.doc_id if dot.doc_id in self.x else self.by_year.get(dot.year)


CHART = {"w": 360, "h": 170, "left": 46, "right": 22, "top": 22, "bottom": 24}


def line_chart(title: str, note: str, cls: str, axis: Axis, dots: list[Dot]) -> str:
    """A ``<figure>`` with one SVG line (one ``<path class="line">``, broken at missing or redacted
    values) and one ``<circle class="pt">`` per value, labelled with its raw text."""
    at = {doc: dot for dot in dots if (doc := axis.place(dot)) is not None}
    values = [d.value for d in at.values() if d.value is not None]
    lo, hi = min([0, *values]), nice(max([0, *values]))
    hi = hi if hi > lo else lo + 1
    xs = [axis.x[doc] for doc in axis.order] or [0.0]
    c = CHART
    span_x = max(xs) - min(xs)

    def px(doc: str) -> float:
        share = (axis.x[doc] - min(xs)) / span_x if span_x else 0.5
        return c["left"] + (c["w"] - c["left"] - c["right"]) * share

    def py(v: float) -> float:
        return c["top"] + (c["h"] - c["top"] - c["bottom"]) * (hi - v) / (hi - lo)

    parts = _grid(lo, hi, py, [(px(doc), axis.ticks[doc]) for doc in axis.order])
    parts.append(f'<path class="line" d="{_path(axis.order, at, px, py)}"/>')
    parts += _points(axis, at, px, py)
    return (f'<figure class="chart {cls}" data-points="{len(values)}"><figcaption>{escape(title)}'
            f'<span class="note">{escape(note)}</span></figcaption>'
            f'<svg class="line" viewBox="0 0 {c["w"]} {c["h"]}" width="{c["w"]}" height="{c["h"]}" role="img" '
            f'aria-label="{escape(title)}">{"".join(parts)}</svg></figure>')


def _grid(lo: float, hi: float, py, ticks: list[tuple[float, str]]) -> list[str]:
    c = CHART
    right, base = c["w"] - c["right"] + 6, py(max(lo, 0) if lo < 0 < hi else lo)
    out = []
    for v in sorted({lo, (lo + hi) / 2, hi}):
        y = py(v)
        out.append(f'<line class="grid" x1="{c["left"] - 4}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                   f'<text class="tick" x="{c["left"] - 7}" y="{y + 3:.1f}" text-anchor="end">{compact(v)}</text>')
    out.append(f'<line class="axis" x1="{c["left"] - 4}" x2="{right}" y1="{base:.1f}" y2="{base:.1f}"/>')
    out += [f'<text class="tick" x="{x:.1f}" y="{c["h"] - 6}" text-anchor="middle">{escape(t)}</text>'
            for x, t in ticks]
    return out


def _path(order, at: dict, px, py) -> str:
    """``M x,y L x,y …``: a new ``M`` after every report without a value, so gaps stay gaps."""
    out, pen = [], "M"
    for doc in order:
        dot = at.get(doc)
        if dot is None or dot.value is None:
            pen = "M"
            continue
        out.append(f"{pen}{px(doc):.1f},{py(dot.value):.1f}")
        pen = "L"
    return " ".join(out)


def _points(axis: Axis, at: dict, px, py) -> list[str]:
    docs = [doc for doc in axis.order if doc in at]
    labels = [_clip(at[doc].label or "") for doc in docs]
    crowded = any(px(b) - px(a) < (_width(la) + _width(lb)) / 2 + 4
                  for a, b, la, lb in zip(docs, docs[1:], labels, labels[1:]))
    out = []
    for i, (doc, label) in enumerate(zip(docs, labels)):
        dot, x = at[doc], px(doc)
        tip = escape(f"{axis.ticks[doc]}: {dot.label or '—'}")
        if dot.value is None:
            if dot.redacted:
                out.append(f'<text class="gap" x="{x:.1f}" y="{py(0) - 3:.1f}" text-anchor="middle">×'
                           f"<title>{tip}</title></text>")
            continue
        y = py(dot.value)
        ly = y + 15 if crowded and i % 2 else y - 7  # alternate below and above when labels would touch
        anchor, lx = _anchor(x, label)
        out.append(f'<circle class="pt" cx="{x:.1f}" cy="{y:.1f}" r="3.5"><title>{tip}</title></circle>'
                   f'<text class="lbl" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{escape(label)}</text>')
    return out


def _anchor(x: float, label: str) -> tuple[str, float]:
    """Where a label starts: centred on its point unless it would cross the y labels or the edge."""
    half = _width(label) / 2
    if x - half < CHART["left"] - 2:
        return "start", x - 4
    if x + half > CHART["w"] - 2:
        return "end", x + 4
    return "middle", x
