"""The HTML views of a comparison: two reports side by side (``render_diff_html``) and timelines
over several (``render_series_html``).

Both pages are self-contained like the single-report view (``html.py``): inline CSS and JS, no
fonts, images or network. Its style, header helper and overlap-safe nesting are reused: every span
of the comparison becomes a ``Mark`` on its report's text, so evidence that overlaps (a campaign
mention inside a commitment, a figure inside a measure) stays well nested and the text intact.

Each highlight carries ``data-side`` (a or b), ``data-kind``, ``data-id``, ``data-outcome`` and
``data-g``, the key of the table row it is evidence for (``c-<id of A's measure>`` for a
commitment, ``n-<id>`` for a new one, ``k-<n>`` for a campaign, ``f-<n>``, ``fa-<id>``, ``fb-<id>``
for figures). Rows carry the same ``data-g``; clicking one, or opening ``page.html#c-a3``, pins it
and scrolls both texts to its evidence. Charts are plain inline SVG written here, no JS.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from ..diff.models import CampaignDiff, CommitmentMatch, DiffReport, FigureKey, FigureRef, MeasureRef, ReportRef, \
    SeriesReport
from ..diff.models import Evidence as EvidenceRef
from ..diff.models import sentence_text
from ..models import Span
from .diff_html_assets import CAMPAIGN_OUTCOMES, DIFF_CSS, DIFF_JS, FILTERS, KINDS, OUTCOMES, REPORT_FIELDS, SERIES_CSS
from .diff_svg import Axis, Dot, bar_pair, line_chart, number, stack
from .html import Mark, _grounded, _item, _nest, warnings_box
from .html_assets import CSS

OUTCOME_LABELS = dict(OUTCOMES)
CAMPAIGN_LABELS = dict(CAMPAIGN_OUTCOMES)


@dataclass(frozen=True)
class Evidence:
    """One span to highlight: on which side, of what kind, and the row (``group``) it belongs to."""

    side: str
    kind: str
    group: str
    span: Span
    id: str | None
    outcome: str | None


def render_diff_html(diff: DiffReport, text_a: str, text_b: str) -> str:
    """Return the page comparing report A (``text_a``) with report B (``text_b``)."""
    evidence = _evidence(diff)
    texts = {"a": text_a, "b": text_b}
    marks, ungrounded = {"a": [], "b": []}, []
    for ev in evidence:
        if _grounded(ev.span, texts[ev.side]):
            marks[ev.side].append(_mark(ev))
        else:
            ungrounded.append(f"{ev.side.upper()} {ev.kind} {ev.id or ev.group}")
    classes = "diff " + " ".join(f"show-{name}" for name, *_ in FILTERS)
    kinds = json.dumps({kind: show for kind, (show, _rank) in KINDS.items()})
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape(_title(diff.a, diff.b))}</title>\n<style>{CSS}{DIFF_CSS}</style>\n</head>\n",
        f'<body class="{classes}">\n',
        _header(diff, ungrounded),
        '<div id="tables">', _summary(diff), _commitments(diff), _new_commitments(diff),
        _figures(diff), _figures_only(diff, texts), _campaigns(diff), "</div>\n",
        '<div id="pinbar"><span class="hint">点击表格行或高亮处,两侧原文同时定位并固定 (Esc 取消)。 '
        "Click a row or a highlight to show its evidence in both texts and pin it (Esc to unpin).</span></div>\n",
        _pane("a", diff.a, text_a, marks["a"]), _pane("b", diff.b, text_b, marks["b"]),
        f'<script type="application/json" id="kinds">{kinds}</script>\n',
        f"<script>{DIFF_JS}</script>\n</body>\n</html>\n",
    ])


def render_series_html(series: SeriesReport) -> str:
    """Return the page of timelines: a line chart per figure and per campaign, and the step table."""
    years = [r.year for r in series.reports if r.year is not None]
    span = f"{min(years)}–{max(years)}" if years else f"{len(series.reports)} reports"
    organs = sorted({r.organ for r in series.reports if r.organ})
    title = f"{'、'.join(organs) or '报告'} {span}"
    notes = "".join(f"<li>{escape(w)}</li>" for w in series.warnings)
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape(title)}</title>\n<style>{CSS}{SERIES_CSS}</style>\n</head>\n",
        '<body class="series">\n',
        f"<header><h1>时间序列 series · {escape(title)}</h1>{_reports_table(series.reports)}",
        f'<div class="warnings"><ul>{notes}</ul></div>' if notes else "", "</header>\n",
        f"<main>{_series_main(series)}</main>\n</body>\n</html>\n",
    ])


# --- evidence in the texts -----------------------------------------------------------------------

def _evidence(diff: DiffReport) -> list[Evidence]:
    out = []
    for c in diff.commitments:
        group = f"c-{c.a.id}"
        out.append(Evidence("a", "commitment", group, c.a.span, c.a.id, c.outcome))
        if c.b is not None:
            out.append(Evidence("b", "match", group, c.b.span, c.b.id, c.outcome))
        elif c.evidence is not None:
            kind = "shortfall" if c.evidence.kind == "shortfall" else "answer"
            out.append(Evidence("b", kind, group, c.evidence.span, None, c.outcome))
    out += [Evidence("b", "new", f"n-{m.id}", m.span, m.id, "new") for m in diff.new_commitments]
    for i, k in enumerate(diff.campaigns, 1):
        out += [Evidence("a", "campaign", f"k-{i}", s, k.lexicon_id, k.outcome) for s in k.spans_a]
        out += [Evidence("b", "campaign", f"k-{i}", s, k.lexicon_id, k.outcome) for s in k.spans_b]
    for i, f in enumerate(diff.figures, 1):
        out += [Evidence("a", "figure", f"f-{i}", f.a.span, f.a.id, None),
                Evidence("b", "figure", f"f-{i}", f.b.span, f.b.id, None)]
    out += [Evidence("a", "figure", f"fa-{f.id}", f.span, f.id, "only_a") for f in diff.figures_only_a]
    out += [Evidence("b", "figure", f"fb-{f.id}", f.span, f.id, "only_b") for f in diff.figures_only_b]
    return out


def _mark(ev: Evidence) -> Mark:
    _show, rank = KINDS[ev.kind]
    cls = {"campaign": "t-campaign", "figure": "t-metric"}.get(ev.kind, f"k-{ev.kind} o-{ev.outcome}")
    attrs = [("data-side", ev.side), ("data-kind", ev.kind), ("data-id", ev.id), ("data-outcome", ev.outcome),
             ("data-g", ev.group)]
    tag = f'<span class="hl {cls}"' + "".join(f' {k}="{escape(v)}"' for k, v in attrs if v is not None)
    return Mark(ev.span.start, ev.span.end, rank, tag + ">", tag + ' data-cont="1">')


def _pane(side: str, ref: ReportRef, text: str, marks: list[Mark]) -> str:
    return (f'<section class="pane" id="pane-{side}"><h2><b>{side.upper()}</b>{escape(_name(ref))}</h2>'
            f'<div class="text" id="text-{side}">{_nest(text, marks)}</div></section>\n')


# --- header --------------------------------------------------------------------------------------

def _name(ref: ReportRef) -> str:
    year = f"{ref.year}年" if ref.year is not None else "?年"
    return " ".join(filter(None, [year, ref.organ, ref.title and f"《{ref.title}》"]))


def _title(a: ReportRef, b: ReportRef) -> str:
    organ = a.organ if a.organ == b.organ else " / ".join(filter(None, [a.organ, b.organ]))
    return f"对比 diff {organ or ''} {a.year or '?'} → {b.year or '?'}".replace("  ", " ")


def _header(diff: DiffReport, ungrounded: list[str]) -> str:
    sides = "".join(_side(side, ref) for side, ref in (("A", diff.a), ("B", diff.b)))
    return (f"<header><h1>{escape(_title(diff.a, diff.b))}</h1><div class=\"sides\">{sides}</div>"
            + warnings_box(diff.warnings, ungrounded, "the text") + "</header>\n")


def _side(side: str, ref: ReportRef) -> str:
    values = ref.model_dump()
    items = [_item(label, values[field]) for field, label in REPORT_FIELDS]
    items[-1] = items[-1].replace("<dd>", '<dd class="doc-id">')
    return (f'<div class="side"><h2><b>{side}</b>{escape(ref.title or _name(ref))}</h2>'
            f"<dl>{''.join(items)}</dl></div>")


# --- tables --------------------------------------------------------------------------------------

def _summary(diff: DiffReport) -> str:
    counts = {o: sum(c.outcome == o for c in diff.commitments) for o, _ in OUTCOMES}
    counts["new"] = len(diff.new_commitments)
    tiles = [_tile(f"o-{o}", counts[o], label) for o, label in OUTCOMES]
    kinds = [_tile(f"k-{o}", sum(k.outcome == o for k in diff.campaigns), label) for o, label in CAMPAIGN_OUTCOMES]
    figures = [_tile("", len(diff.figures), "对齐数据 aligned figures"),
               _tile("", len(diff.figures_only_a), "仅A only in A"), _tile("", len(diff.figures_only_b), "仅B only in B")]
    boxes = "".join(f'<label><input type="checkbox" data-filter="{name}" checked>'
                    f'<span class="swatch {swatch}">样例</span>{escape(label)}</label>'
                    for name, swatch, label in FILTERS)
    return (f'<section id="summary"><h2>承诺 commitments of A</h2><div class="tiles">{"".join(tiles)}</div>'
            f'<h2>专项活动 campaigns</h2><div class="tiles">{"".join(kinds)}</div>'
            f'<h2>数据 figures</h2><div class="tiles">{"".join(figures)}</div>'
            f'<div class="show">高亮 show:{boxes}</div></section>')


def _tile(cls: str, count: int, label: str) -> str:
    return f'<div class="tile {cls}" data-count="{count}"><b>{count}</b><span>{escape(label)}</span></div>'


def _section(sid: str, title: str, count: int, head: list[str], rows: list[str]) -> str:
    if not rows:
        return ""
    cells = "".join(f'<th class="num">{escape(h[1:])}</th>' if h.startswith("#") else f"<th>{escape(h)}</th>"
                    for h in head)
    return (f'<section id="{sid}"><h2>{escape(title)}<span class="count">{count}</span></h2>'
            f'<table class="grid"><thead><tr>{cells}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def _row(group: str, summary: str, cells: list[str], **data) -> str:
    attrs = "".join(f' data-{k.replace("_", "-")}="{escape(str(v))}"' for k, v in data.items() if v is not None)
    link = f'<td><a href="#{escape(group)}">↦</a></td>'
    return (f'<tr data-g="{escape(group)}" data-summary="{escape(summary)}"{attrs}>{link}'
            f'{"".join(cells)}</tr>')


def _measure(m: MeasureRef | None) -> str:
    if m is None:
        return '<td class="none">—</td>'
    cue = f' <span class="note">{escape(m.status)}{" · " + escape(m.cue) if m.cue else ""}</span>'
    return f'<td><span class="verb">{escape(m.verb)}</span>{escape(m.object)}{cue}</td>'


def _badge(cls: str, label: str) -> str:
    return f'<td><span class="badge {cls}">{escape(label)}</span></td>'


def _commitments(diff: DiffReport) -> str:
    """Commitments grouped by outcome; each with its sentence and section in A, and the evidence
    in B (a measure, a figure or a problems clause) with its sentence and section."""
    rows = []
    for outcome, label in OUTCOMES:
        items = [c for c in diff.commitments if c.outcome == outcome]
        if items:
            rows.append(f'<tr class="group" data-outcome="{outcome}"><th colspan="5">{escape(label)} · {len(items)}</th></tr>')
            rows += [_commitment_row(c) for c in items]
    only = " (concrete acts only)" if diff.concrete_only else ""
    years = f" · A: {diff.a.plan_year or '?'} 计划 plan, B: {diff.b.year or '?'} 报告 report"
    return _section("commitments", "承诺 commitments of A → B" + only + years, len(diff.commitments),
                    ["", "A 承诺 commitment", "结果 outcome", "B 依据 evidence in B", "#score"], rows)


def _where(section: str | None, role: str | None) -> str:
    text = " · ".join(x for x in (role, section) if x)
    return f'<span class="where">{escape(text)}</span>' if text else ""


def _commitment_row(c: CommitmentMatch) -> str:
    label = OUTCOME_LABELS[c.outcome]
    e = c.evidence
    if e is None and c.b is not None:                 # a DiffReport written without evidence: the measure
        e = EvidenceRef(kind="measure", text=c.b.verb + c.b.object, span=c.b.span, sentence=c.b.sentence,
                        section=c.b.section, role=c.b.role)
    b = f"B: {e.text} ({c.score:.2f})" if e else "B: —"
    summary = f"A: {c.a.verb}{c.a.object} → {label} → {b}"
    policy = "" if c.a.concrete else ' <span class="kind-policy">policy</span>'
    a_cell = (f'<td><span class="verb">{escape(c.a.verb)}</span>{escape(c.a.object)}{policy}'
              f'<span class="sentence">{escape(sentence_text(c.a.sentence).strip())}</span>{_where(c.a.section, c.a.role)}</td>')
    if e is None:
        b_cell = '<td class="none">—</td>'
    else:
        b_cell = (f'<td>{escape(e.text)} <span class="note">{escape(e.kind)}</span>'
                  f'<span class="sentence">{escape(sentence_text(e.sentence).strip())}</span>{_where(e.section, e.role)}</td>')
    cells = [a_cell, _badge(f"o-{c.outcome}", label), b_cell, f'<td class="num">{c.score:.2f}</td>']
    return _row(f"c-{c.a.id}", summary, cells, id=c.a.id, outcome=c.outcome, b_id=c.b.id if c.b else None)


def _new_commitments(diff: DiffReport) -> str:
    rows = [_row(f"n-{m.id}", f"B: {m.verb}{m.object} ({OUTCOME_LABELS['new']})",
                 [_measure(m), _badge("o-new", OUTCOME_LABELS["new"])], id=m.id, outcome="new")
            for m in diff.new_commitments]
    return _section("new-commitments", "新承诺 new commitments of B", len(rows), ["", "B 承诺 commitment", ""], rows)


def _campaigns(diff: DiffReport) -> str:
    rows = [_campaign_row(i, k) for i, k in enumerate(diff.campaigns, 1)]
    return _section("campaigns", "专项活动 campaigns", len(rows),
                    ["", "名称 name", "类型 kind", "结果 outcome", "#A", "#B"], rows)


def _campaign_row(i: int, k: CampaignDiff) -> str:
    label = CAMPAIGN_LABELS[k.outcome]
    cells = [f"<td>{escape(k.name)}</td>", f"<td>{escape(k.kind or '')}</td>", _badge(f"k-{k.outcome}", label),
             f'<td class="num">{k.mentions_a}</td>', f'<td class="num">{k.mentions_b}</td>']
    summary = f"{k.name}: {label} (A {k.mentions_a}处, B {k.mentions_b}处)"
    return _row(f"k-{i}", summary, cells, name=k.name, outcome=k.outcome)


# --- figures -------------------------------------------------------------------------------------

def key_label(key: FigureKey) -> str:
    """What a figure counts, for people.

    >>> key_label(FigureKey(subject="审查逮捕案件", action=None, case_type=None, unit="人", kind="count"))
    '审查逮捕案件 (人)'
    """
    name = " · ".join(filter(None, [key.subject, key.action, key.case_type])) or key.kind
    return f"{name} ({key.unit})" if key.unit else name


def _value(f: FigureRef) -> str:
    if f.redacted:
        return f'<td class="num" title="{escape(f.raw)}"><span class="redacted">×</span></td>'
    return f'<td class="num" title="{escape(f.raw)}">{escape(number(f.value))}</td>'


def _change_cells(f) -> list[str]:
    if f.change is None:
        return ['<td class="num none">—</td>'] * 2
    sign = "up" if f.change.absolute > 0 else "down" if f.change.absolute < 0 else ""
    arrow = {"up": "▲ +", "down": "▼ −"}.get(sign, "")
    absolute = f'<td class="num {sign}">{arrow}{escape(number(abs(f.change.absolute)))}</td>'
    if f.change.relative is None:
        return [absolute, '<td class="num none">—</td>']
    rel = f.change.relative * 100
    return [absolute, f'<td class="num {sign}">{"+" if rel > 0 else ""}{rel:.1f}%</td>']


def _figures(diff: DiffReport) -> str:
    rows = []
    for i, f in enumerate(diff.figures, 1):
        shown = "×" if f.a.redacted else f.a.raw, "×" if f.b.redacted else f.b.raw
        summary = f"{key_label(f.key)}: A {shown[0]} → B {shown[1]}"
        cells = [f'<td class="key">{escape(key_label(f.key))}</td>', _value(f.a), _value(f.b), *_change_cells(f),
                 f"<td>{bar_pair(_bar(f.a, diff.a), _bar(f.b, diff.b))}</td>"]
        rows.append(_row(f"f-{i}", summary, cells, a_id=f.a.id, b_id=f.b.id,
                         redacted=str(f.a.redacted or f.b.redacted).lower()))
    year_a, year_b = (str(r.year) if r.year is not None else s for r, s in ((diff.a, "A"), (diff.b, "B")))
    return _section("figures", "数据 figures A → B", len(rows),
                    ["", "指标 figure", f"#A {year_a}", f"#B {year_b}", "#变化 change", "#%", ""], rows)


def _bar(f: FigureRef, ref: ReportRef) -> tuple[str, float | int | None]:
    return f"{ref.year or '?'}: {'×' if f.redacted else f.raw}", None if f.redacted else f.value


def _context(f: FigureRef, text: str, width: int = 14) -> str:
    """The figure in a few characters of its sentence (its raw text when its span is not in ``text``)."""
    if not _grounded(f.span, text):
        return escape(f.raw)
    before = text[max(0, f.span.start - width):f.span.start].split("\n")[-1]
    after = text[f.span.end:f.span.end + width // 2].split("\n")[0]
    return f'<span class="ctx">…{escape(before)}<mark>{escape(f.span.text)}</mark>{escape(after)}…</span>'


def _figures_only(diff: DiffReport, texts: dict[str, str]) -> str:
    out = []
    for side, figs in (("a", diff.figures_only_a), ("b", diff.figures_only_b)):
        rows = [_row(f"f{side}-{f.id}", f"{side.upper()} only: {f.raw}",
                     [f"<td>{_context(f, texts[side])}</td>", _value(f)], id=f.id, side=side)
                for f in figs]
        title = f"仅{side.upper()}有 figures only in {side.upper()}"
        out.append(_section(f"figures-only-{side}", title, len(rows), ["", "原文 in the text", "#值 value"], rows))
    return "".join(out)


# --- series --------------------------------------------------------------------------------------

def _reports_table(reports: list[ReportRef]) -> str:
    rows = "".join(f"<tr><td>{escape(str(r.year) if r.year is not None else '?')}</td>"
                   f"<td>{escape(r.organ or '—')}</td><td>{escape(r.title or '—')}</td>"
                   f"<td>{escape(r.doc_type)}</td><td>{escape(r.path or '')}</td></tr>" for r in reports)
    head = "".join(f"<th>{h}</th>" for h in ("年度 year", "机关 organ", "标题 title", "类型 type", "来源 path"))
    return f'<table class="reports"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'



def _series_main(series: SeriesReport) -> str:
    axis = Axis.of(series.reports)
    figures = [line_chart(key_label(f.key), f.key.kind, "f-chart", axis,
                          [Dot(p.doc_id, p.year, p.value, p.raw or number(p.value), p.value is None and p.raw is not None)
                           for p in f.points])
               for f in series.figures]
    campaigns = [line_chart(k.name, "提及次数 mentions", "k-chart", axis,
                            [Dot(p.doc_id, p.year, p.mentions, None if p.mentions is None else f"{p.mentions}次")
                             for p in k.points])
                 for k in series.campaigns]
    return "".join([_charts("figures", "数据 figures", figures), _charts("campaigns", "专项活动 campaigns", campaigns),
                    _steps(series)])


def _charts(sid: str, title: str, charts: list[str]) -> str:
    if not charts:
        return ""
    return (f'<section id="{sid}"><h2>{escape(title)} <span class="note">{len(charts)}</span></h2>'
            f'<div class="charts">{"".join(charts)}</div></section>')


def _steps(series: SeriesReport) -> str:
    if not series.steps:
        return ""
    names = {r.doc_id: str(r.year) if r.year is not None else r.doc_id[:15] for r in series.reports}
    rows = []
    for s in series.steps:
        total = s.fulfilled + s.continued + s.reported_shortfall + s.not_reported
        rate = f"{s.fulfilled / total:.0%}" if total else "—"
        counts = "".join(f'<td class="num">{n}</td>' for n in (s.fulfilled, s.continued, s.reported_shortfall,
                                                                 s.not_reported, s.new_commitments))
        rows.append(f'<tr data-a="{escape(s.a)}" data-b="{escape(s.b)}"><td>{escape(names.get(s.a, s.a))} → '
                    f'{escape(names.get(s.b, s.b))}</td>{counts}<td class="num">{rate}</td>'
                    f"<td>{stack(s.fulfilled, s.continued, s.not_reported)}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("A → B", "兑现 fulfilled", "延续 continued", "自述不足 shortfall",
                                             "未提及 not reported",
                                             "新承诺 new", "兑现率 rate", ""))
    return (f'<section id="steps"><h2>承诺 commitments, step by step</h2><table class="grid"><thead><tr>{head}'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')
