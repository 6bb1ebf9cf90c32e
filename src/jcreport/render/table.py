"""A readable summary for people: metadata, outline, and the figures of each section."""
from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.tree import Tree

from ..models import Report


def _value(fig) -> str:
    value = "×" if fig.redacted else f"{fig.value:g}" if isinstance(fig.value, float) else str(fig.value)
    return f"{value}{fig.unit or ''}" + (f" ({fig.qualifier})" if fig.qualifier else "")


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _campaigns(report: Report) -> Table:
    table = Table(title=f"campaigns: {len(report.campaigns)}")
    for col in ("id", "name", "kind", "mentions", "source", "section"):
        table.add_column(col, overflow="ellipsis")
    for c in report.campaigns:
        table.add_row(c.id, c.name, c.kind or "", str(len(c.mentions)), "lexicon" if c.lexicon_id else "pattern",
                      c.section or "")
    return table


ROLE_LABELS = {"review": "[green]回顾[/]", "problems": "[red]问题[/]", "plan": "[magenta]计划[/]"}


def _commitments(report: Report) -> list[Table]:
    """The planned measures, concrete acts (制定, 召开 …) apart from policy commitments (加强, 深化 …)."""
    planned = [m for m in report.measures if m.status == "planned"]
    counts = {s: sum(m.status == s for m in report.measures) for s in ("done", "ongoing", "planned")}
    tables = []
    for concrete, label in ((True, "concrete acts"), (False, "policy commitments")):
        rows = [m for m in planned if m.concrete is concrete]
        title = f"commitments, {label}: {len(rows)}"
        if concrete:
            title += (f" (of {len(planned)} planned among {len(report.measures)} measures: {counts['done']} done,"
                      f" {counts['ongoing']} ongoing)")
        table = Table(title=title)
        for col in ("section", "verb", "object", "cue", "partners", "campaigns"):
            table.add_column(col, overflow="ellipsis")
        for m in rows:
            table.add_row(m.section or "", m.verb, m.object, m.cue or "", "、".join(m.partners), " ".join(m.campaigns))
        tables.append(table)
    return tables


def render(report: Report, console: Console, include: set[str] | None = None) -> None:
    """Print the summary; ``include`` (from --only) limits it to some record lists."""
    want = (lambda name: include is None or name in include)
    meta = Table(title=report.meta.title or report.source.path or "report", show_header=False, box=None)
    for key, value in report.meta.model_dump().items():
        meta.add_row(key, "" if value is None else str(value))
    meta.add_row("source", f"{report.source.path or '<stdin>'} ({report.source.encoding}, {report.source.chars} chars)")
    tree = Tree("outline ([green]回顾[/] review, [red]问题[/] problems, [magenta]计划[/] plan)")
    nodes, parents = {}, {}
    for sec in report.outline:
        parent = nodes.get(sec.parent, tree)
        role = ROLE_LABELS.get(sec.role or "", "") if sec.role != parents.get(sec.parent) else ""   # where it changes
        parents[sec.id] = sec.role
        nodes[sec.id] = parent.add(f"[bold]{sec.id}[/] {role + ' ' if role else ''}{sec.marker or ''}{_cut(sec.title, 40)}")
    figures = Table(title=f"figures: {len(report.case_counts)} case counts, {len(report.metrics)} metrics")
    for col in ("section", "type", "value", "subject", "action / kind", "period", "change"):
        figures.add_column(col, overflow="ellipsis")
    rows = [(f.span.start, f.section or "", "case", _value(f), f.subject or "", f.action or "",
             f.period.text if f.period else "", "") for f in report.case_counts]
    rows += [(f.span.start, f.section or "", "metric", _value(f), f.subject or "", f.kind,
              f.period.text if f.period else "",
              f"{f.change.direction} {f.change.basis or ''}".strip() if f.change else "") for f in report.metrics]
    for row in sorted(rows):
        figures.add_row(*row[1:])
    parts = [meta]
    if want("outline"):
        parts.append(tree)
    if want("metrics") or want("case_counts"):
        parts.append(figures)
    if want("campaigns"):
        parts.append(_campaigns(report))
    if want("measures"):
        parts += _commitments(report)
    if report.warnings and want("warnings"):
        parts.append("[yellow]warnings:[/]\n" + "\n".join(f"  - {w}" for w in report.warnings))
    console.print(Group(*parts))
