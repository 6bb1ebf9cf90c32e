"""Data and assets of the comparison views (``diff_html.py``): labels and the inline CSS and JS
(the SVG charts are in ``diff_svg.py``).

The CSS is added after the single-report view's (``html_assets.CSS``), whose colours, header,
campaign and figure highlights (``t-campaign``, ``t-metric``) and pin outlines it reuses.
"""
from __future__ import annotations

# commitment outcomes, and "new" for planned measures of B that match no commitment: (outcome, label)
OUTCOMES = (
    ("fulfilled", "兑现 fulfilled"),
    ("continued", "延续 continued"),
    ("reported_shortfall", "自述不足 shortfall reported"),
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
    "shortfall": ("commitment", 1),  # a clause of B's problems part admitting it
    "answer": ("metric", 3),  # a figure of B reported for its object
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
    ("year", "报告年度 reports on"),
    ("plan_year", "计划年度 plans for"),
    ("doc_type", "类型 doc_type"),
    ("path", "来源 path"),
    ("doc_id", "doc_id"),
)

DIFF_CSS = """
:root { --fulfilled: var(--done); --continued: var(--ongoing); --reported_shortfall: #e67700; --not_reported: #c92a2a; --new: var(--planned);
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
.tile.o-reported_shortfall { border-color: var(--reported_shortfall); background: #fff9db; }
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
.badge.o-reported_shortfall { color: #a61e4d; background: #fff9db; border-color: var(--reported_shortfall); }
tr.group th { text-align: left; background: #f8f9fa; font-weight: 600; }
td .sentence { display: block; color: #495057; font-size: 0.85em; max-width: 28em; }
td .where { display: block; color: #868e96; font-size: 0.8em; }
.kind-policy { color: #868e96; font-size: 0.8em; }
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
.show-commitment .hl.o-reported_shortfall { background-color: #fff9db; border-bottom: 2px dashed var(--reported_shortfall); }
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
