"""Data and assets of the comparison views (``diff_html.py``): labels, the inline CSS and JS, and
the inline SVG charts (plain SVG written here: no JS, no charting library).

The CSS is added after the single-report view's (``html_assets.CSS``), whose colours, header,
campaign and figure highlights (``t-campaign``, ``t-metric``) and pin outlines it reuses.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

# commitment outcomes, and "new" for planned measures of B that match no commitment: (outcome, label)
OUTCOMES = (
    ("fulfilled", "兑现 fulfilled"),
    ("continued", "延续 continued"),
    ("not_reported", "未提及 not reported"),
    ("new", "新承诺 new"),
)
CAMPAIGN_OUTCOMES = (
    ("continued", "延续 continued"),
    ("new", "新增 new"),
    ("dropped", "未再提及 dropped"),
)

# a highlight's kind -> (body class that shows it, nesting rank: lower is the outer element)
KINDS = {
    "commitment": ("commitment", 1),  # a planned measure of A
    "match": ("commitment", 1),  # the measure of B it was matched with
    "new": ("commitment", 1),  # a planned measure of B matching no commitment
    "campaign": ("campaign", 2),
    "figure": ("metric", 3),
}
# the highlight filters: (body class, swatch classes, label)
FILTERS = (
    ("commitment", "hl o-fulfilled", "承诺 commitments"),
    ("campaign", "t-campaign", "专项活动 campaigns"),
    ("metric", "t-metric", "数据 figures"),
)

# a side's header: (ReportRef field, label)
REPORT_FIELDS = (
    ("organ", "机关 organ"),
    ("year", "年度 year"),
    ("doc_type", "类型 doc_type"),
    ("path", "来源 path"),
    ("doc_id", "doc_id"),
)

DIFF_CSS = """
:root { --fulfilled: var(--done); --continued: var(--ongoing); --not_reported: #c92a2a; --new: var(--planned);
  --up: #1c7ed6; --down: #e8590c; --bar-a: #8db7e0; --bar-b: #1c7ed6; }
body.diff { grid-template-columns: minmax(420px, 36%) minmax(0, 1fr) minmax(0, 1fr);
  grid-template-rows: auto auto minmax(0, 1fr);
  grid-template-areas: "head head head" "tables pin pin" "tables a b"; }
header .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; }
header .side h2 { margin: 0 0 2px; text-transform: none; letter-spacing: 0; font-size: 14px; color: #1f2328; }
header .side h2 b { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 3px;
  background: #1f2328; color: #fff; margin-right: 6px; }
header .warnings { max-height: 5.5em; overflow: auto; }
.doc-id { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
header .side { min-width: 0; }
#tables { grid-area: tables; overflow: auto; padding: 10px 14px 40vh; background: #fff;
  border-right: 1px solid var(--line); font-size: 13px; }
#tables section { margin: 0 0 20px; }
#tables h2 { display: flex; gap: 8px; align-items: baseline; }
#tables h2 .count { color: var(--muted); text-transform: none; font-weight: normal; }
.tiles { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 8px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 2px 10px 4px; min-width: 76px; line-height: 1.3; }
.tile b { display: block; font-size: 20px; font-variant-numeric: tabular-nums; }
.tile span { font-size: 12px; color: var(--muted); white-space: nowrap; }
.tile.o-fulfilled { border-color: var(--fulfilled); background: #ebfbee; }
.tile.o-continued { border-color: var(--continued); background: #fff4e6; }
.tile.o-not_reported { border-color: var(--not_reported); background: #fff5f5; }
.tile.o-new { border-color: var(--new); background: #f3f0ff; }
.tile.k-continued, .tile.k-new, .tile.k-dropped { border-color: var(--campaign); background: var(--campaign-bg); }
.show { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; color: var(--muted); }
.show label { display: flex; gap: 5px; align-items: center; cursor: pointer; color: #1f2328; white-space: nowrap; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line);
  padding: 3px 6px; position: sticky; top: -10px; background: #fff; z-index: 1; white-space: nowrap; }
table.grid td { border-bottom: 1px solid #eaeef2; padding: 4px 6px; vertical-align: top; overflow-wrap: anywhere; }
table.grid tr[data-g] { cursor: pointer; }
table.grid tr[data-g]:hover, table.grid tr.active { background: #ddf4ff; }
table.grid tr.pinned { background: #fff8c5; box-shadow: inset 3px 0 0 #cf222e; }
table.grid a { color: #0b4f9c; text-decoration: none; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.none, span.none { color: #aaa; }
.verb { font-weight: 700; }
td.key { min-width: 7em; }
.note { color: var(--muted); font-size: 11px; white-space: nowrap; }
.redacted { color: #cf222e; font-weight: 700; }
.up { color: var(--up); } .down { color: var(--down); }
.ctx { color: var(--muted); } .ctx mark { background: var(--metric); color: #1f2328; border-radius: 2px; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; white-space: nowrap;
  border: 1px solid; line-height: 1.5; }
.badge.o-fulfilled { color: #2b8a3e; background: #ebfbee; border-color: var(--fulfilled); }
.badge.o-continued { color: #d9480f; background: #fff4e6; border-color: var(--continued); }
.badge.o-not_reported { color: #c92a2a; background: #fff5f5; border-color: var(--not_reported); }
.badge.o-new { color: #5f3dc4; background: #f3f0ff; border-color: var(--new); }
.badge.k-continued, .badge.k-new, .badge.k-dropped { color: #a61e4d; background: var(--campaign-bg);
  border-color: var(--campaign); }
.badge.k-dropped { border-style: dashed; }
svg.bars { display: block; }
svg.bars .a { fill: var(--bar-a); } svg.bars .b { fill: var(--bar-b); }
svg.bars text { font-size: 10px; fill: var(--muted); }
#pinbar { grid-area: pin; padding: 6px 16px; font-size: 13px; background: #fff; border-bottom: 1px solid var(--line);
  min-height: 2.4em; }
#pinbar .hint { color: var(--muted); }
.pane { overflow: auto; padding: 0 14px 40vh; min-width: 0; }
#pane-a { grid-area: a; border-right: 1px solid var(--line); }
#pane-b { grid-area: b; }
.pane h2 { position: sticky; top: 0; z-index: 1; background: #f6f8fa; margin: 0; padding: 8px 0 6px;
  text-transform: none; letter-spacing: 0; }
.pane h2 b { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 3px; background: #1f2328;
  color: #fff; margin-right: 6px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2; font-size: 15px; background: #fff;
  border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; }
.show-commitment .k-commitment, .show-commitment .k-match, .show-commitment .k-new { cursor: pointer;
  padding-bottom: 1px; }
.show-commitment .hl.o-fulfilled, .swatch.o-fulfilled { background-color: #ebfbee;
  border-bottom: 2px solid var(--fulfilled); }
.show-commitment .hl.o-continued { background-color: #fff4e6; border-bottom: 3px double var(--continued); }
.show-commitment .hl.o-not_reported { background-color: #fff5f5; border-bottom: 2px dotted var(--not_reported); }
.show-commitment .hl.o-new { background-color: #f3f0ff; border-bottom: 2px dashed var(--new); }
.text .t-metric { box-shadow: inset 1px 0 0 #fff; }  /* two figures side by side stay two */
@media (max-width: 1000px) {
  body.diff { height: auto; overflow: auto; display: block; }
  .pane, #tables { overflow: visible; padding-bottom: 20px; }
}
"""

SERIES_CSS = """
body.series { display: block; height: auto; overflow: auto; }
body.series main { padding: 14px 20px 40px; overflow: visible; }
body.series section { margin: 0 0 22px; }
.reports { border-collapse: collapse; font-size: 13px; margin: 4px 0 0; }
.reports th, .reports td { text-align: left; padding: 1px 14px 1px 0; }
.reports th { color: var(--muted); font-weight: normal; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 12px; }
.chart { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px 4px; margin: 0; }
.chart figcaption { font-size: 13px; font-weight: 600; min-height: 1.6em; }
.chart figcaption .note { font-weight: normal; margin-left: 6px; }
svg.line { display: block; width: 100%; height: auto; }
svg.line .grid { stroke: #eaeef2; }
svg.line .axis { stroke: #8c959f; }
svg.line .tick { font-size: 10px; fill: var(--muted); }
svg.line .line { fill: none; stroke: #1c7ed6; stroke-width: 2; stroke-linejoin: round; }
svg.line .pt { fill: #1c7ed6; stroke: #fff; stroke-width: 1.5; }
svg.line .lbl { font-size: 10px; fill: #1f2328; }
svg.line .gap { font-size: 12px; fill: #cf222e; font-weight: 700; }
.k-chart svg.line .line { stroke: var(--campaign); }
.k-chart svg.line .pt { fill: var(--campaign); }
table.grid { border-collapse: collapse; background: #fff; font-size: 13px; }
table.grid th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line);
  padding: 4px 10px; }
table.grid td { border-bottom: 1px solid #eaeef2; padding: 4px 10px; }
svg.stack .o-fulfilled { fill: var(--done); } svg.stack .o-continued { fill: var(--ongoing); }
svg.stack .o-not_reported { fill: #c92a2a; } svg.stack .o-new { fill: var(--planned); }
"""

DIFF_JS = """
(function () {
  "use strict";
  var body = document.body, bar = document.getElementById("pinbar"), hint = bar.innerHTML;
  var tables = document.getElementById("tables"), pinned = null;
  var panes = [document.getElementById("pane-a"), document.getElementById("pane-b")];
  var shows = JSON.parse(document.getElementById("kinds").textContent);

  function q(g) { return '[data-g="' + CSS.escape(g) + '"]'; }
  function mark(g, cls) {
    document.querySelectorAll("." + cls).forEach(function (e) { e.classList.remove(cls); });
    if (g) document.querySelectorAll(q(g)).forEach(function (e) { e.classList.add(cls); });
  }
  function reveal(box, el) {
    if (box.scrollHeight <= box.clientHeight) { el.scrollIntoView({block: "center"}); return; }  // narrow
    var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    if (r.top < b.top + 40 || r.bottom > b.bottom) box.scrollTop += r.top - b.top - box.clientHeight / 3;
  }
  function pin(g, fromRow) {
    var row = tables.querySelector("tr" + q(g));
    if (!row && !document.querySelector(".hl" + q(g))) return;
    pinned = g;
    mark(g, "pinned");
    panes.forEach(function (pane) {
      var el = pane.querySelector(".hl" + q(g));
      if (el) reveal(pane, el);
    });
    if (row && !fromRow) reveal(tables, row);
    bar.textContent = row ? row.getAttribute("data-summary") : g;
  }
  function unpin() {
    pinned = null;
    mark(null, "pinned");
    bar.innerHTML = hint;
    history.replaceState(null, "", location.pathname + location.search);
  }
  function go(g, fromRow) {
    if (g === pinned) { unpin(); return; }
    history.replaceState(null, "", "#" + encodeURIComponent(g));
    pin(g, fromRow);
  }
  function shown(el) { return body.classList.contains("show-" + shows[el.getAttribute("data-kind")]); }
  function innermost(el) {
    for (; el && !el.classList.contains("pane"); el = el.parentElement) {
      if (el.classList.contains("hl") && shown(el)) return el;
    }
    return null;
  }

  tables.addEventListener("click", function (ev) {
    var row = ev.target.closest("tr[data-g]");
    if (!row) return;
    ev.preventDefault();
    go(row.getAttribute("data-g"), true);
  });
  tables.addEventListener("mouseover", function (ev) {
    var row = ev.target.closest("tr[data-g]");
    mark(row ? row.getAttribute("data-g") : null, "active");
  });
  panes.forEach(function (pane) {
    pane.addEventListener("click", function (ev) {
      var el = innermost(ev.target);
      if (el) go(el.getAttribute("data-g"), false);
    });
    pane.addEventListener("mouseover", function (ev) {
      var el = innermost(ev.target);
      mark(el ? el.getAttribute("data-g") : null, "active");
    });
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") unpin(); });
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("show-" + box.getAttribute("data-filter"), box.checked);
    });
  });
  function fromHash() {
    var g = decodeURIComponent(location.hash.slice(1));
    if (g && g !== pinned) pin(g, false);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  body.setAttribute("data-ready", "1");
})();
"""


# --- inline SVG charts (no JS, no library) --------------------------------------------------------

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
