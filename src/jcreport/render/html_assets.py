"""Data and assets of the HTML view (``html.py``): record types, labels, the inline CSS and JS.

Adding a record type to the view touches ``RECORD_TYPES`` here and the CSS rule for its class.
"""
from __future__ import annotations

# (type, Report attribute, label, nesting rank: lower ranks are the outer element when spans coincide)
RECORD_TYPES = (
    ("measure", "measures", "举措 measures", 1),
    ("campaign", "campaigns", "专项活动 campaigns", 2),
    ("case_count", "case_counts", "案件数 case counts", 3),
    ("metric", "metrics", "指标 metrics", 4),
)
HEADING_RANK = 0

# measure statuses: (status, label)
STATUSES = (
    ("done", "已完成 done"),
    ("ongoing", "持续 ongoing"),
    ("planned", "计划 planned"),
)

# section roles: (role, label); the plan and the problems are shown apart from the review
ROLES = (
    ("review", "回顾 review"),
    ("problems", "问题 problems"),
    ("plan", "计划 plan"),
)
ROLE_NAMES = {role: label.split()[0] for role, label in ROLES}

# page header: (Meta field, label)
META_FIELDS = (
    ("organ", "机关 organ"),
    ("organ_level", "层级 level"),
    ("region", "地区 region"),
    ("doc_type", "类型 doc_type"),
    ("year", "年度 year"),
    ("date", "日期 date"),
    ("speaker", "讲话人 speaker"),
)

CSS = """
:root { --nav: 300px; --panel: 340px; --line: #d0d7de; --muted: #57606a;
  --case: #ffd8a8; --metric: #a5d8ff; --campaign: #e64980; --campaign-bg: #fff0f6;
  --done: #2f9e44; --ongoing: #e67700; --planned: #7048e8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC",
  "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; background: #f6f8fa;
  height: 100vh; overflow: hidden; display: grid;
  grid-template-columns: var(--nav) minmax(0, 1fr) var(--panel); grid-template-rows: auto minmax(0, 1fr);
  grid-template-areas: "head head head" "nav main panel"; }
header { grid-area: head; background: #fff; border-bottom: 1px solid var(--line); padding: 10px 20px; }
header h1 { font-size: 20px; margin: 0 0 6px; }
header dl { display: flex; flex-wrap: wrap; gap: 2px 18px; margin: 0; font-size: 13px; }
header dl div { display: flex; gap: 6px; }
header dt { color: var(--muted); }
header dd { margin: 0; font-weight: 600; }
header dd.none { color: #aaa; font-weight: normal; }
.warnings { margin: 6px 0 0; padding: 4px 10px; background: #fff8c5; border: 1px solid #d4a72c;
  border-radius: 4px; font-size: 13px; }
.warnings ul { margin: 0; padding-left: 18px; }
nav, aside { overflow: auto; padding: 12px 14px; font-size: 13px; }
nav { grid-area: nav; border-right: 1px solid var(--line); background: #fff; }
aside { grid-area: panel; border-left: 1px solid var(--line); background: #fff; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 4px 0 8px; }
.filters { margin: 0 0 14px; padding: 0; list-style: none; }
.filters li { margin: 3px 0; }
.filters ul { list-style: none; padding-left: 22px; margin: 2px 0; }
.filters label { display: flex; white-space: nowrap; align-items: center; gap: 6px; cursor: pointer; }
.filters .count { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; min-width: 2.4em; text-align: center; line-height: 1.5; font-size: 12px; }
.outline ul { list-style: none; margin: 0; padding-left: 12px; }
.outline > ul { padding-left: 0; }
.outline li { margin: 1px 0; }
.outline a { display: block; color: #0b4f9c; text-decoration: none; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; padding: 1px 4px 1px 16px; border-radius: 3px; }
.outline a:hover { background: #ddf4ff; }
.outline .lv-1 > a, .outline .lv-1 > details > summary > a { font-weight: 700; }
.outline summary { list-style: none; cursor: pointer; display: flex; }
.outline summary::-webkit-details-marker { display: none; }
.outline summary::before { content: "\\25b8"; flex: 0 0 14px; color: var(--muted); text-align: center; }
.outline details[open] > summary::before { content: "\\25be"; }
.outline summary > a { flex: 1 1 auto; min-width: 0; padding-left: 2px; }
main { grid-area: main; overflow: auto; padding: 16px 28px 40vh; min-width: 0; }
#text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; font-size: 16px; background: #fff;
  border: 1px solid var(--line); border-radius: 6px; padding: 18px 24px; max-width: 60em; }
.heading { font-weight: 700; color: #0b3d75; scroll-margin-top: 12px; }
.heading.lv-1 { font-size: 1.15em; }
.heading:target { background: #fff3bf; }
.hl { border-radius: 2px; }
.show-case_count .t-case_count, .swatch.t-case_count { background: var(--case); cursor: pointer; }
.show-metric .t-metric, .swatch.t-metric { background: var(--metric); cursor: pointer; }
.show-campaign .t-campaign, .swatch.t-campaign { background: var(--campaign-bg); cursor: pointer;
  box-shadow: inset 0 0 0 1px var(--campaign); color: #a61e4d; }
.swatch.t-measure, .show-measure .t-measure { cursor: pointer; padding-bottom: 1px; }
.swatch.t-measure { border-bottom: 2px solid #8c959f; }
.show-measure.show-st-done .st-done, .swatch.st-done { border-bottom: 2px solid var(--done); background-color: #ebfbee; }
.show-measure.show-st-ongoing .st-ongoing, .swatch.st-ongoing { border-bottom: 2px double var(--ongoing); border-bottom-width: 3px; background-color: #fff4e6; }
.show-measure.show-st-planned .st-planned, .swatch.st-planned { border-bottom: 2px dashed var(--planned); background-color: #f3f0ff; }
.show-measure .t-measure.policy, .swatch.policy { text-decoration: underline dotted #8c959f; text-underline-offset: 4px; }
.role-badge { display: inline-block; font-size: 11px; padding: 0 4px; margin-right: 4px; border-radius: 3px; color: #fff; }
.role-badge.role-review { background: #2f9e44; } .role-badge.role-problems { background: #e03131; }
.role-badge.role-plan { background: #7048e8; }
.heading.role-problems { border-left: 3px solid #e03131; padding-left: 4px; }
.heading.role-plan { border-left: 3px solid #7048e8; padding-left: 4px; }
.hl.active { outline: 2px solid #1f6feb; outline-offset: 1px; }
.hl.pinned { outline: 2px solid #cf222e; outline-offset: 1px; }
#panel-body .hint { color: var(--muted); }
.record { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; overflow: hidden; }
.record h3 { margin: 0; padding: 4px 8px; font-size: 13px; border-bottom: 1px solid var(--line); }
.record h3.t-case_count { background: var(--case); }
.record h3.t-metric { background: var(--metric); }
.record h3.t-campaign { background: var(--campaign-bg); color: #a61e4d; }
.record h3.st-done { background: #ebfbee; border-bottom: 2px solid var(--done); }
.record h3.st-ongoing { background: #fff4e6; border-bottom: 2px solid var(--ongoing); }
.record h3.st-planned { background: #f3f0ff; border-bottom: 2px solid var(--planned); }
.record table { border-collapse: collapse; width: 100%; }
.record th { text-align: left; vertical-align: top; color: var(--muted); font-weight: normal; padding: 2px 8px;
  white-space: nowrap; width: 1%; }
.record td { padding: 2px 8px 2px 0; overflow-wrap: anywhere; }
.record .pos { color: var(--muted); font-size: 11px; }
"""

JS = """
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records").textContent);
  var body = document.body;
  var text = document.getElementById("text");
  var panel = document.getElementById("panel-body");
  var hint = panel.innerHTML;
  var pinned = null;

  function shown(el) {
    var type = el.getAttribute("data-type");
    if (!body.classList.contains("show-" + type)) return false;
    var rec = records[el.getAttribute("data-id")] || {};
    return type !== "measure" || body.classList.contains("show-st-" + rec.status);
  }

  function covering(el) {
    var out = [];
    for (; el && el !== text; el = el.parentElement) {
      if (el.classList.contains("hl") && shown(el)) out.push(el);
    }
    return out;
  }

  function span(v) { return "\\u300c" + v.text + "\\u300d [" + v.start + "\\u2013" + v.end + ")"; }

  function format(key, v) {
    if (Array.isArray(v)) return v.map(function (x) { return format(key, x); }).join(key === "mentions" ? "\\n" : "\\u3001");
    if (v && typeof v === "object") {
      if ("text" in v && "start" in v && "end" in v && typeof v.start === "number") return span(v);
      if ("text" in v) return v.text + "  (" + (v.start || "?") + " \\u2192 " + (v.end || "?") + ")";
      if ("direction" in v) return (v.direction === "up" ? "\\u2191 " : "\\u2193 ") + (v.basis || "");
      return JSON.stringify(v);
    }
    return String(v);
  }

  function card(el) {
    var id = el.getAttribute("data-id"), rec = records[id] || {};
    var box = document.createElement("div"), h = document.createElement("h3"), table = document.createElement("table");
    box.className = "record";
    h.className = "t-" + rec.type + (rec.status ? " st-" + rec.status : "");
    h.textContent = rec.type + " " + id + (rec.status ? " \\u00b7 " + rec.status : "");
    Object.keys(rec).forEach(function (key) {
      var v = rec[key];
      if (key === "type" || key === "id" || v === null || (Array.isArray(v) && !v.length)) return;
      var tr = table.insertRow(), th = document.createElement("th"), td = tr.insertCell(-1);
      th.textContent = key;
      tr.insertBefore(th, td);
      td.textContent = format(key, v);
      td.style.whiteSpace = key === "mentions" ? "pre-line" : "";
    });
    box.appendChild(h);
    box.appendChild(table);
    return box;
  }

  function mark(els, cls) {
    document.querySelectorAll("." + cls).forEach(function (e) { e.classList.remove(cls); });
    els.forEach(function (el) {
      var sel = '.hl[data-id="' + CSS.escape(el.getAttribute("data-id")) + '"]';
      document.querySelectorAll(sel).forEach(function (e) { e.classList.add(cls); });
    });
  }

  function show(els) {
    panel.textContent = "";
    if (!els.length) { panel.innerHTML = hint; return; }
    els.forEach(function (el) { panel.appendChild(card(el)); });
  }

  text.addEventListener("mouseover", function (ev) {
    if (pinned) return;
    var els = covering(ev.target);
    show(els);
    mark(els.slice(0, 1), "active");
  });
  text.addEventListener("click", function (ev) {
    var els = covering(ev.target);
    pinned = els.length && (!pinned || pinned[0] !== els[0]) ? els : null;
    show(els);
    mark(pinned ? els.slice(0, 1) : [], "pinned");
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { pinned = null; mark([], "pinned"); show([]); }
  });
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("show-" + box.getAttribute("data-filter"), box.checked);
    });
  });
  function pinFromHash() {
    var m = /^#rec-(.+)$/.exec(location.hash), el;
    if (!m) return;
    el = document.querySelector('.hl[data-id="' + CSS.escape(decodeURIComponent(m[1])) + '"]');
    if (!el) return;
    pinned = covering(el);
    if (!pinned.length) { pinned = null; return; }
    show(pinned);
    mark(pinned.slice(0, 1), "pinned");
    el.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", pinFromHash);
  pinFromHash();
  body.setAttribute("data-ready", "1");
})();
"""
