"""A DiffReport or SeriesReport for people: markdown, and a rich view for the terminal."""
from __future__ import annotations

from .models import DiffReport, SeriesReport, sentence_text

_OUTCOME = {"fulfilled": "✔ fulfilled", "continued": "↻ continued", "reported_shortfall": "⚠ shortfall reported",
            "not_reported": "✘ not reported"}


def _clip(text: str, size: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"


def _where(section: str | None, role: str | None) -> str:
    return " · ".join(x for x in (role, _clip(section or "", 24)) if x) or "–"


def _kind(c) -> str:
    return "" if c.a.concrete else " (policy)"


def _groups(d: DiffReport):
    for outcome in _OUTCOME:
        items = [c for c in d.commitments if c.outcome == outcome]
        if items:
            yield outcome, items


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


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
    only = " (concrete acts only)" if d.concrete_only else ""
    out += ["## Commitments" + only, "",
            f"A's commitments are for {d.a.plan_year or '?'}; B reports on {d.b.year or '?'}.", "",
            f"{counts['fulfilled']} fulfilled, {counts['continued']} continued, {counts['reported_shortfall']} with a "
            f"shortfall reported, {counts['not_reported']} not reported of {len(d.commitments)}; "
            f"{len(d.new_commitments)} new in B.", ""]
    for outcome, items in _groups(d):
        out += [f"### {_OUTCOME[outcome]} ({len(items)})", "",
                "| commitment (A) | A: sentence | A: section | evidence in B | B: sentence | B: section | score |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
        for c in items:
            e = c.evidence
            cells = [f"{c.a.verb}{c.a.object}{_kind(c)}", _clip(sentence_text(c.a.sentence)), _where(c.a.section, c.a.role),
                     (f"{e.text} ({e.kind})" if e else ""), (_clip(sentence_text(e.sentence)) if e else ""),
                     (_where(e.section, e.role) if e else ""), f"{c.score:.2f}"]
            out.append("| " + " | ".join(_cell(x) for x in cells) + " |")
        out.append("")
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


def _columns(s: SeriesReport) -> list[tuple[str, str]]:
    """(doc_id, label) per report, in order: its year, told apart when two reports share one."""
    labels, seen = [], {}
    for r in s.reports:
        year = str(r.year) if r.year is not None else "?"
        seen[year] = seen.get(year, 0) + 1
        labels.append((r.doc_id, year if seen[year] == 1 else f"{year} ({seen[year]})"))
    return labels


def series_markdown(s: SeriesReport) -> str:
    columns = _columns(s)
    years = [label for _, label in columns]
    out = [f"# {s.reports[0].organ or '?'}: {', '.join(years)}", ""]
    out += [f"> {w}" for w in s.warnings] + ([""] if s.warnings else [])
    head = "| figure | " + " | ".join(years) + " |"
    out += ["## Figures", "", head, "|" + " --- |" * (len(years) + 1)]
    for f in s.figures:
        by_doc = {p.doc_id: p.raw for p in f.points}       # by report, not by year: two reports may share one
        out.append(f"| {f.key.subject} {f.key.action or ''} | " + " | ".join(by_doc.get(d) or "" for d, _ in columns)
                   + " |")
    out += ["", "## Campaigns (mentions)", "", head.replace("figure", "campaign"), "|" + " --- |" * (len(years) + 1)]
    for c in s.campaigns:
        by_doc = {p.doc_id: str(p.mentions) for p in c.points}
        out.append(f"| {c.name} | " + " | ".join(by_doc.get(d, "") for d, _ in columns) + " |")
    out += ["", "## Commitments, year to year", "",
            "| from → to | fulfilled | continued | shortfall reported | not reported | new |",
            "| --- | --- | --- | --- | --- | --- |"]
    label = dict(columns)
    out += [f"| {label[t.a]} → {label[t.b]} | {t.fulfilled} | {t.continued} | {t.reported_shortfall} | "
            f"{t.not_reported} | {t.new_commitments} |" for t in s.steps]
    return "\n".join(out) + "\n"


def rich_view(d: DiffReport, console) -> None:
    from rich.table import Table

    console.print(f"[bold]{_side(d.a)}[/] → [bold]{_side(d.b)}[/]")
    for w in d.warnings:
        console.print(f"[yellow]warning:[/] {w}")
    style = {"fulfilled": "green", "continued": "cyan", "reported_shortfall": "yellow", "not_reported": "red"}
    console.print(f"A's commitments are for {d.a.plan_year or '?'}; B reports on {d.b.year or '?'}"
                  + ("; concrete acts only" if d.concrete_only else ""))
    for outcome, items in _groups(d):
        table = Table(title=f"[{style[outcome]}]{_OUTCOME[outcome]}[/]: {len(items)} of {len(d.commitments)}")
        for col in ("commitment (A)", "A section", "evidence in B", "B sentence", "B section", "score"):
            table.add_column(col, overflow="ellipsis")
        for c in items:
            e = c.evidence
            table.add_row(f"{c.a.verb}{c.a.object}{_kind(c)}", _where(c.a.section, c.a.role),
                          f"{e.text} ({e.kind})" if e else "", _clip(sentence_text(e.sentence), 60) if e else "",
                          _where(e.section, e.role) if e else "", f"{c.score:.2f}")
        console.print(table)
    if d.new_commitments:
        console.print("new commitments of B: " + "; ".join(f"{m.verb}{m.object}" for m in d.new_commitments))
    camp = Table(title="campaigns")
    for col in ("campaign", "outcome", "A", "B"):
        camp.add_column(col, overflow="ellipsis")
    for c in d.campaigns:
        camp.add_row(c.name, c.outcome, str(c.mentions_a), str(c.mentions_b))
    console.print(camp)
    figs = Table(title=f"figures: {len(d.figures)} aligned, {len(d.figures_only_a)} only in A, {len(d.figures_only_b)} only in B")
    for col in ("figure", "A", "B", "change"):
        figs.add_column(col, overflow="ellipsis")
    for f in d.figures:
        figs.add_row(" ".join(x for x in (f.key.subject, f.key.action) if x), _value(f.a), _value(f.b), _change(f.change))
    console.print(figs)
