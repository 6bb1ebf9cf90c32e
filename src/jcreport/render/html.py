"""One self-contained HTML page for people: the report text with every record highlighted in place.

The page has no external resources (inline CSS and JS, no fonts, images or network). Records may
overlap (a figure inside a measure, a campaign mention inside a measure's object): the text is cut at
every span boundary and the elements are kept well nested by closing and reopening an element that
an inner one outlives. Each piece carries ``data-id`` and ``data-type``; the JSON of every record,
keyed by id, is embedded in ``<script type="application/json" id="records">``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import PurePath

from ..models import Report, Section, Span
from .html_assets import CSS, HEADING_RANK, JS, META_FIELDS, RECORD_TYPES, ROLE_NAMES, ROLES, STATUSES


@dataclass(frozen=True)
class Mark:
    """An element to wrap ``source[start:end]``: ``tag`` opens its first piece, ``again`` the others."""

    start: int
    end: int
    rank: int
    tag: str
    again: str


def render_html(report: Report, source: str) -> str:
    """Return the page for ``report`` extracted from ``source`` (the decoded text its spans index)."""
    marks, ungrounded = _record_marks(report, source)
    headings, ungrounded_headings = _heading_marks(report.outline, source)
    marks += headings
    ungrounded += ungrounded_headings
    classes = " ".join(f"show-{name}" for name in _filter_names())
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape(_title(report))}</title>\n<style>{CSS}</style>\n</head>\n",
        f'<body class="{classes}">\n',
        _header(report, ungrounded),
        f'<nav id="nav">{_filters(report)}{_outline(report.outline)}</nav>\n',
        f'<main><div id="text">{_nest(source, marks)}</div></main>\n',
        '<aside id="panel"><h2>记录 record</h2><div id="panel-body"><p class="hint">',
        "将鼠标移到高亮处查看记录,点击固定 (Esc 取消)。<br>Hover a highlight to see its record; "
        "click to pin it (Esc to unpin).</p></div></aside>\n",
        f'<script type="application/json" id="records">{_records_json(report)}</script>\n',
        f"<script>{JS}</script>\n</body>\n</html>\n",
    ])


def _filter_names() -> list[str]:
    return [kind for kind, *_ in RECORD_TYPES] + [f"st-{status}" for status, _ in STATUSES]


def _title(report: Report) -> str:
    path = report.source.path
    return report.meta.title or (PurePath(path).name if path else "report")


def _spans(kind: str, record) -> list[Span]:
    return list(record.mentions) if kind == "campaign" else [record.span]


def _grounded(span: Span, source: str) -> bool:
    return 0 <= span.start < span.end <= len(source) and source[span.start:span.end] == span.text


def _record_marks(report: Report, source: str) -> tuple[list[Mark], list[str]]:
    """Marks for every record span, and the ids of records with a span that is not in ``source``."""
    marks, ungrounded = [], []
    for kind, attr, _label, rank in RECORD_TYPES:
        for record in getattr(report, attr):
            spans = _spans(kind, record)
            if not all(_grounded(span, source) for span in spans):
                ungrounded.append(record.id)
                continue
            status = f" st-{record.status}{'' if record.concrete else ' policy'}" if kind == "measure" else ""
            tag = (f'<span class="hl t-{kind}{status}" data-type="{kind}" '
                   f'data-id="{escape(record.id)}"')
            marks += [Mark(s.start, s.end, rank, tag + ">", tag + ' data-cont="1">') for s in spans]
    return marks, ungrounded


def _heading_marks(outline: list[Section], source: str) -> tuple[list[Mark], list[str]]:
    """Marks for the section headings (anchor ``sec-<id>`` on the first piece), and ungrounded ids."""
    marks, ungrounded = [], []
    for sec in outline:
        if not _grounded(sec.span, source):
            ungrounded.append(sec.id)
            continue
        cls = f'<span class="heading lv-{sec.level}{" role-" + sec.role if sec.role else ""}"'
        marks.append(Mark(sec.span.start, sec.span.end, HEADING_RANK,
                          f'{cls} id="sec-{escape(sec.id)}">', cls + ">"))
    return marks, ungrounded


def _nest(source: str, marks: list[Mark]) -> str:
    """Escape ``source`` and wrap every mark, cutting an element where an inner one outlives it.

    >>> a, b = Mark(0, 4, 1, "<a>", "<a+>"), Mark(2, 6, 2, "<b>", "<b+>")
    >>> _nest("0123456789", [a, b]).replace("</span>", "/")
    '<a>01<b>23//<b+>45/6789'
    """
    starting = defaultdict(list)
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        starting[mark.start].append(mark)
    bounds = sorted({m.start for m in marks} | {m.end for m in marks})
    out, stack, pos = [], [], 0
    for bound in bounds:
        out.append(escape(source[pos:bound], quote=False))
        _close_ending(bound, stack, out)
        for mark in starting.get(bound, ()):
            out.append(mark.tag)
            stack.append(mark)
        pos = bound
    out.append(escape(source[pos:], quote=False))
    return "".join(out)


def _close_ending(bound: int, stack: list[Mark], out: list[str]) -> None:
    """Close the open marks that end at ``bound``, reopening any mark closed on the way out."""
    reopen = []
    while any(mark.end == bound for mark in stack):
        mark = stack.pop()
        out.append("</span>")
        if mark.end != bound:
            reopen.append(mark)
    for mark in reversed(reopen):
        out.append(mark.again)
        stack.append(mark)


def _records_json(report: Report) -> str:
    """The records keyed by id, safe inside a ``<script>`` element (``<`` written as ``\\u003c``)."""
    records = {}
    for kind, attr, _label, _rank in RECORD_TYPES:
        for record in getattr(report, attr):
            if record.id in records:
                raise ValueError(f"record id {record.id!r} is used by two records ({kind} and "
                                 f"{records[record.id]['type']})")
            records[record.id] = {"type": kind, **record.model_dump(mode="json")}
    return json.dumps(records, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _header(report: Report, ungrounded: list[str]) -> str:
    meta = report.meta.model_dump()
    items = [_item(label, meta[field]) for field, label in META_FIELDS]
    src = report.source
    items.append(_item("来源 source", f"{src.path or '<stdin>'} ({src.encoding}, {src.chars} chars)"))
    return (f"<header><h1>{escape(_title(report))}</h1><dl>{''.join(items)}</dl>"
            + warnings_box(report.warnings, ungrounded) + "</header>\n")


def warnings_box(warnings: list[str], ungrounded: list[str], text: str = "the source text") -> str:
    """The report's warnings and the records left unhighlighted, as a box (empty when none)."""
    notes = list(warnings)
    if ungrounded:
        notes.append(f"not highlighted, span empty or not in {text}: {', '.join(ungrounded)}")
    items = "".join(f"<li>{escape(w)}</li>" for w in notes)
    return f'<div class="warnings"><ul>{items}</ul></div>' if items else ""


def _item(label: str, value) -> str:
    shown = '<dd class="none">—</dd>' if value is None else f"<dd>{escape(str(value))}</dd>"
    return f"<div><dt>{escape(label)}</dt>{shown}</div>"


def _filters(report: Report) -> str:
    rows = []
    for kind, attr, label, _rank in RECORD_TYPES:
        records = getattr(report, attr)
        count = str(len(records))
        if kind == "campaign":
            count += f" · {sum(len(r.mentions) for r in records)}处"
        sub = _status_filters(records) + _policy_legend(records) if kind == "measure" else ""
        rows.append(f"<li>{_checkbox(kind, f't-{kind}', label, count)}{sub}</li>")
    return f'<h2>记录 records</h2><ul class="filters">{"".join(rows)}</ul>'


def _status_filters(measures) -> str:
    rows = [_checkbox(f"st-{status}", f"t-measure st-{status}", label,
                      str(sum(m.status == status for m in measures)))
            for status, label in STATUSES]
    return "<ul>" + "".join(f"<li>{row}</li>" for row in rows) + "</ul>"


def _policy_legend(measures) -> str:
    policy = sum(not m.concrete for m in measures)
    return (f'<p class="legend"><span class="swatch t-measure policy">样例</span>政策性 policy commitments'
            f' (加强, 深化 …; concrete: false)<span class="count">{policy}</span></p>')


def _checkbox(name: str, swatch: str, label: str, count: str) -> str:
    return (f'<label><input type="checkbox" data-filter="{name}" checked>'
            f'<span class="swatch {swatch}">样例</span>{escape(label)}'
            f'<span class="count">{escape(count)}</span></label>')


def _outline(outline: list[Section]) -> str:
    children = defaultdict(list)
    for sec in outline:
        children[sec.parent].append(sec)
    legend = "".join(f'<span class="role-badge role-{role}">{escape(label)}</span>' for role, label in ROLES)
    return (f'<h2>目录 outline</h2><p class="roles">{legend}</p>'
            f'<div class="outline">{_tree(None, children)}</div>')


def _tree(parent: str | None, children: dict, parent_role: str | None = None) -> str:
    """Nested outline; a section's role shows as a badge where it differs from its parent's."""
    items = []
    for sec in children.get(parent, ()):
        name = escape(f"{sec.marker or ''}{sec.title}")
        badge = (f'<span class="role-badge role-{sec.role}">{escape(ROLE_NAMES[sec.role])}</span>'
                 if sec.role and sec.role != parent_role else "")
        link = f'{badge}<a href="#sec-{escape(sec.id)}" title="{name}">{name}</a>'
        if sec.id in children:
            opened = " open" if sec.level == 1 else ""
            link = f"<details{opened}><summary>{link}</summary>{_tree(sec.id, children, sec.role)}</details>"
        items.append(f'<li class="lv-{sec.level}">{link}</li>')
    return f"<ul>{''.join(items)}</ul>"
