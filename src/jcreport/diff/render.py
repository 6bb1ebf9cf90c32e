"""A DiffReport or SeriesReport for people: markdown, and a rich view for the terminal."""
from __future__ import annotations

from .models import DiffReport, SeriesReport

_OUTCOME = {"fulfilled": "✔ fulfilled", "continued": "↻ continued", "not_reported": "✘ not reported"}


def _side(r) -> str:
    return f"{r.organ or '?'} {r.year or '?'} ({r.path or r.doc_id[:15]})"


def _value(f) -> str:
    return "×" if f.redacted else f.raw


def _change(c) -> str:
    if c is None:
        return "–"
    rel = f" ({c.relative:+.1%})" if c.relative is not None else ""
    return f"{c.absolute:+g}{rel}"


def markdown(d: DiffReport) -> str:
    out = [f"# {_side(d.a)} → {_side(d.b)}", ""]
    out += [f"> {w}" for w in d.warnings] + ([""] if d.warnings else [])
    counts = {o: sum(c.outcome == o for c in d.commitments) for o in _OUTCOME}
    out += ["## Commitments", "",
            f"{counts['fulfilled']} fulfilled, {counts['continued']} continued, {counts['not_reported']} not reported "
            f"of {len(d.commitments)}; {len(d.new_commitments)} new in B.", "",
            "| commitment (A) | outcome | in B | score |", "| --- | --- | --- | --- |"]
    for c in d.commitments:
        b = f"{c.b.verb}{c.b.object} ({c.b.status})" if c.b else ""
        out.append(f"| {c.a.verb}{c.a.object} | {_OUTCOME[c.outcome]} | {b} | {c.score:.2f} |")
    if d.new_commitments:
        out += ["", "New commitments of B:", ""] + [f"- {m.verb}{m.object}" for m in d.new_commitments]
    out += ["", "## Campaigns", "", "| campaign | outcome | mentions A | mentions B |", "| --- | --- | --- | --- |"]
    out += [f"| {c.name} | {c.outcome} | {c.mentions_a} | {c.mentions_b} |" for c in d.campaigns]
    out += ["", "## Figures", "", "| figure | A | B | change |", "| --- | --- | --- | --- |"]
    for f in d.figures:
        label = " ".join(x for x in (f.key.subject, f.key.action) if x)
        out.append(f"| {label} | {_value(f.a)} | {_value(f.b)} | {_change(f.change)} |")
    for name, only in (("A", d.figures_only_a), ("B", d.figures_only_b)):
        if only:
            out += ["", f"Only in {name}: " + "、".join(_value(f) for f in only)]
    return "\n".join(out) + "\n"


def series_markdown(s: SeriesReport) -> str:
    years = [r.year for r in s.reports]
    out = [f"# {s.reports[0].organ or '?'}: {', '.join(str(y) for y in years)}", ""]
    out += [f"> {w}" for w in s.warnings] + ([""] if s.warnings else [])
    head = "| figure | " + " | ".join(str(y) for y in years) + " |"
    out += ["## Figures", "", head, "|" + " --- |" * (len(years) + 1)]
    for f in s.figures:
        by_year = {p.year: p.raw for p in f.points}
        out.append(f"| {f.key.subject} {f.key.action or ''} | " + " | ".join(by_year.get(y, "") for y in years) + " |")
    out += ["", "## Campaigns (mentions)", "", head.replace("figure", "campaign"), "|" + " --- |" * (len(years) + 1)]
    for c in s.campaigns:
        by_year = {p.year: str(p.mentions) for p in c.points}
        out.append(f"| {c.name} | " + " | ".join(by_year.get(y, "") for y in years) + " |")
    out += ["", "## Commitments, year to year", "", "| from → to | fulfilled | continued | not reported | new |",
            "| --- | --- | --- | --- | --- |"]
    years_by_doc = {r.doc_id: r.year for r in s.reports}
    out += [f"| {years_by_doc[t.a]} → {years_by_doc[t.b]} | {t.fulfilled} | {t.continued} | {t.not_reported} | "
            f"{t.new_commitments} |" for t in s.steps]
    return "\n".join(out) + "\n"


def rich_view(d: DiffReport, console) -> None:
    from rich.table import Table

    console.print(f"[bold]{_side(d.a)}[/] → [bold]{_side(d.b)}[/]")
    for w in d.warnings:
        console.print(f"[yellow]warning:[/] {w}")
    table = Table(title=f"commitments of A: {len(d.commitments)}")
    for col in ("commitment (A)", "outcome", "in B", "score"):
        table.add_column(col)
    style = {"fulfilled": "green", "continued": "cyan", "not_reported": "red"}
    for c in d.commitments:
        b = f"{c.b.verb}{c.b.object} ({c.b.status})" if c.b else ""
        table.add_row(f"{c.a.verb}{c.a.object}", f"[{style[c.outcome]}]{_OUTCOME[c.outcome]}[/]", b, f"{c.score:.2f}")
    console.print(table)
    if d.new_commitments:
        console.print("new commitments of B: " + "; ".join(f"{m.verb}{m.object}" for m in d.new_commitments))
    camp = Table(title="campaigns")
    for col in ("campaign", "outcome", "A", "B"):
        camp.add_column(col)
    for c in d.campaigns:
        camp.add_row(c.name, c.outcome, str(c.mentions_a), str(c.mentions_b))
    console.print(camp)
    figs = Table(title=f"figures: {len(d.figures)} aligned, {len(d.figures_only_a)} only in A, {len(d.figures_only_b)} only in B")
    for col in ("figure", "A", "B", "change"):
        figs.add_column(col)
    for f in d.figures:
        figs.add_row(" ".join(x for x in (f.key.subject, f.key.action) if x), _value(f.a), _value(f.b), _change(f.change))
    console.print(figs)
