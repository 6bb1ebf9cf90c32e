"""A readable summary for people: metadata, outline, and the figures of each section."""
from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.tree import Tree

from ..models import Report


def _value(fig) -> str:
    value = "×" if fig.redacted else f"{fig.value:g}" if isinstance(fig.value, float) else str(fig.value)
    return f"{value}{fig.unit or ''}" + (f" ({fig.qualifier})" if fig.qualifier else "")


def render(report: Report, console: Console) -> None:
    meta = Table(title=report.meta.title or report.source.path or "report", show_header=False, box=None)
    for key, value in report.meta.model_dump().items():
        meta.add_row(key, "" if value is None else str(value))
    meta.add_row("source", f"{report.source.path or '<stdin>'} ({report.source.encoding}, {report.source.chars} chars)")
    tree = Tree("outline")
    nodes = {}
    for sec in report.outline:
        parent = nodes.get(sec.parent, tree)
        nodes[sec.id] = parent.add(f"[bold]{sec.id}[/] {sec.marker or ''}{sec.title[:40]}")
    figures = Table(title=f"figures: {len(report.case_counts)} case counts, {len(report.metrics)} metrics")
    for col in ("section", "type", "value", "subject", "action / kind", "period", "change"):
        figures.add_column(col)
    rows = [(f.span.start, f.section or "", "case", _value(f), f.subject or "", f.action or "",
             f.period.text if f.period else "", "") for f in report.case_counts]
    rows += [(f.span.start, f.section or "", "metric", _value(f), f.subject or "", f.kind,
              f.period.text if f.period else "",
              f"{f.change.direction} {f.change.basis or ''}".strip() if f.change else "") for f in report.metrics]
    for row in sorted(rows):
        figures.add_row(*row[1:])
    parts = [meta, tree, figures]
    if report.warnings:
        parts.append("[yellow]warnings:[/]\n" + "\n".join(f"  - {w}" for w in report.warnings))
    console.print(Group(*parts))
