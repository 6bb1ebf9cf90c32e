"""Build a DiffReport from two Reports, and a SeriesReport from several."""
from __future__ import annotations

import re
from collections import defaultdict

from ..models import CaseCount, Metric, Report
from ..normalize import folded
from ..tokenize import Tokenizer
from ..models import Span
from .match import DEFAULT_SIMILARITY, Match, campaign_names, match_commitments
from .models import (CampaignDiff, CampaignSeries, CommitmentMatch, DiffReport, Evidence, FigureChange, FigureDiff,
                     FigureKey, FigureRef, FigureSeries, MeasureRef, ReportRef, SeriesPoint, SeriesReport, StepSummary)

_SUBJECT_NOISE = re.compile(r"[\s“”\"'《》()、,]")


_YEAR = re.compile(r"(?:19|20)\d{2}")


def plan_year(r: Report) -> int | None:
    """The year a report's plan part commits to: the year its plan heading names (2024年工作安排); else
    the year it was delivered in when that is later than the year reported on (a report of January
    2024 on 2023, a January speech deploying the year); else the year after, for a work report with a
    plan part; else the year it reports on."""
    for sec in r.outline:
        if sec.role == "plan" and (m := _YEAR.search(sec.title)):
            return int(m.group())
    year = r.meta.year
    if year is None:
        return None
    if r.meta.date and int(r.meta.date[:4]) > year:
        return int(r.meta.date[:4])
    if r.meta.doc_type == "work_report" and any(sec.role == "plan" for sec in r.outline):
        return year + 1
    return year


def report_ref(r: Report) -> ReportRef:
    return ReportRef(doc_id=r.doc_id, path=r.source.path, organ=r.meta.organ, year=r.meta.year, title=r.meta.title,
                     doc_type=r.meta.doc_type, plan_year=plan_year(r))


def _sections(r: Report) -> dict[str, tuple[str, str | None]]:
    return {sec.id: (sec.title, sec.role) for sec in r.outline}


def _section_at(r: Report, pos: int) -> tuple[str | None, str | None]:
    found = (None, None)
    for sec in r.outline:
        if sec.span.start > pos:
            break
        found = (sec.title, sec.role)
    return found


def measure_ref(m, names: dict[str, str], sections: dict[str, tuple[str, str | None]] | None = None) -> MeasureRef:
    title, role = (sections or {}).get(m.section, (None, None))
    return MeasureRef(id=m.id, verb=m.verb, object=m.object, status=m.status, cue=m.cue, concrete=m.concrete,
                      campaigns=sorted({names[c] for c in m.campaigns if c in names}), section=title, role=role,
                      span=m.span, sentence=m.sentence)


def evidence(match: Match, b: Report, sections: dict[str, tuple[str, str | None]], text_b: str | None) -> Evidence | None:
    """What in B answers a commitment, with its sentence and section (``sections``: B's, by id)."""
    if match.b is not None:
        title, role = sections.get(match.b.section, (None, None))
        return Evidence(kind="measure", text=match.b.verb + match.b.object, span=match.b.span,
                        sentence=match.b.sentence, section=title, role=role)
    if match.figure is not None:
        f = match.figure
        title, role = sections.get(f.section, (None, None))
        return Evidence(kind="figure", text=f.raw, span=f.span, sentence=f.sentence, section=title, role=role)
    if match.clause is not None and text_b:
        x, y = match.clause
        while x < y and text_b[x].isspace():
            x += 1
        span = Span(start=x, end=y, text=text_b[x:y])
        title, role = _section_at(b, x)
        return Evidence(kind="shortfall", text=span.text, span=span, sentence=span, section=title, role=role)
    return None


def figure_key(f: Metric | CaseCount) -> FigureKey | None:
    """The identity of a figure across years; None when it has no subject to be known by."""
    if not f.subject:
        return None
    subject = _SUBJECT_NOISE.sub("", folded(f.subject))
    if isinstance(f, CaseCount):
        return FigureKey(subject=subject, action=f.action, case_type=f.case_type, unit=f.unit, kind="count")
    if f.change is not None:
        return None                                   # 同比上升27.65% is a change, not a level to compare
    return FigureKey(subject=subject, unit=f.unit, kind=f.kind)


def figure_ref(f) -> FigureRef:
    return FigureRef(id=f.id, raw=f.raw, value=f.value, redacted=f.redacted,
                     period=f.period.text if f.period else None, span=f.span)


def _figures_by_key(r: Report) -> dict[tuple, list]:
    by_key: dict[tuple, list] = defaultdict(list)
    for f in sorted([*r.case_counts, *r.metrics], key=lambda f: f.span.start):
        key = figure_key(f)
        if key is not None:
            by_key[tuple(key.model_dump().values())].append((key, f))
    return by_key


def change(a, b) -> FigureChange | None:
    """b - a, and relative to a; None when either is redacted (no invented change)."""
    if a.value is None or b.value is None:
        return None
    absolute = b.value - a.value
    absolute = round(absolute, 6) if isinstance(absolute, float) else absolute
    return FigureChange(absolute=absolute, relative=round(absolute / a.value, 4) if a.value else None)


def align_figures(a: Report, b: Report) -> tuple[list[FigureDiff], list[FigureRef], list[FigureRef]]:
    """Figures of the same key pair up in the order they are written; the rest stand apart."""
    fa, fb = _figures_by_key(a), _figures_by_key(b)
    pairs, only_a, only_b = [], [], []
    for key, items in fa.items():
        others = fb.get(key, [])
        for (k, x), (_, y) in zip(items, others):
            pairs.append(FigureDiff(key=k, a=figure_ref(x), b=figure_ref(y), change=change(x, y)))
        only_a += [figure_ref(x) for _, x in items[len(others):]]
    for key, items in fb.items():
        only_b += [figure_ref(y) for _, y in items[len(fa.get(key, [])):]]
    return pairs, only_a, only_b


def diff_campaigns(a: Report, b: Report) -> list[CampaignDiff]:
    ka = {c.lexicon_id or folded(c.name): c for c in a.campaigns}
    kb = {c.lexicon_id or folded(c.name): c for c in b.campaigns}
    out = []
    for key in [*ka, *(k for k in kb if k not in ka)]:
        ca, cb = ka.get(key), kb.get(key)
        c = cb or ca
        outcome = "continued" if ca and cb else "dropped" if ca else "new"
        out.append(CampaignDiff(name=c.name, lexicon_id=c.lexicon_id, kind=c.kind, outcome=outcome,
                                mentions_a=len(ca.mentions) if ca else 0, mentions_b=len(cb.mentions) if cb else 0,
                                spans_a=ca.mentions if ca else [], spans_b=cb.mentions if cb else []))
    return out


def warnings(a: Report, b: Report) -> list[str]:
    out = []
    oa, ob = (re.sub(r"人民", "", folded(r.meta.organ or "")) for r in (a, b))
    if oa and ob and oa != ob:
        out.append(f"the reports look like different procuratorates: {a.meta.organ} / {b.meta.organ}")
    planned = plan_year(a)
    if planned is not None and b.meta.year is not None and planned != b.meta.year:
        order = "not in order" if planned > b.meta.year else "a year or more apart"
        out.append(f"the years are {order}: A's commitments are for {planned} (A reports on {a.meta.year}), "
                   f"B reports on {b.meta.year}")
    return out


def diff_reports(a: Report, b: Report, tok: Tokenizer, similarity: str = DEFAULT_SIMILARITY,
                 text_b: str | None = None, concrete_only: bool = False) -> DiffReport:
    """``text_b``: the text B's spans index, for the clauses of its problems part (shortfalls)."""
    names_a, names_b = campaign_names(a), campaign_names(b)
    sec_a, sec_b = _sections(a), _sections(b)
    matches = match_commitments(a, b, tok, similarity, text_b=text_b, concrete_only=concrete_only)
    used = {m.b.id for m in matches if m.b is not None}
    figures, only_a, only_b = align_figures(a, b)
    return DiffReport(
        a=report_ref(a), b=report_ref(b), concrete_only=concrete_only, warnings=warnings(a, b),
        commitments=[CommitmentMatch(a=measure_ref(m.a, names_a, sec_a), outcome=m.outcome, score=m.score,
                                     b=measure_ref(m.b, names_b, sec_b) if m.b else None,
                                     evidence=evidence(m, b, sec_b, text_b)) for m in matches],
        new_commitments=[measure_ref(m, names_b, sec_b) for m in b.measures
                         if m.status == "planned" and (m.concrete or not concrete_only) and m.id not in used],
        campaigns=diff_campaigns(a, b), figures=figures, figures_only_a=only_a, figures_only_b=only_b)


def series(reports: list[Report], tok: Tokenizer, similarity: str = DEFAULT_SIMILARITY,
           texts: list[str | None] | None = None, concrete_only: bool = False) -> SeriesReport:
    """Timelines over reports in year order: every figure key and campaign, year by year."""
    text_of = dict(zip((r.doc_id for r in reports), texts or [None] * len(reports)))
    reports = sorted(reports, key=lambda r: (r.meta.year is None, r.meta.year or 0))
    fig_points: dict[tuple, tuple[FigureKey, list[SeriesPoint]]] = {}
    camp_points: dict[str, tuple[str, str | None, list[SeriesPoint]]] = {}
    for r in reports:
        for key, items in _figures_by_key(r).items():
            k, f = items[0]
            fig_points.setdefault(key, (k, []))[1].append(
                SeriesPoint(year=r.meta.year, doc_id=r.doc_id, value=f.value, raw=f.raw))
        for c in r.campaigns:
            camp_points.setdefault(c.lexicon_id or folded(c.name), (c.name, c.lexicon_id, []))[2].append(
                SeriesPoint(year=r.meta.year, doc_id=r.doc_id, mentions=len(c.mentions)))
    steps = []
    for a, b in zip(reports, reports[1:]):
        d = diff_reports(a, b, tok, similarity, text_b=text_of.get(b.doc_id), concrete_only=concrete_only)
        count = {o: sum(c.outcome == o for c in d.commitments)
                 for o in ("fulfilled", "continued", "not_reported", "reported_shortfall")}
        steps.append(StepSummary(a=a.doc_id, b=b.doc_id, new_commitments=len(d.new_commitments), **count))
    warns = [w for a, b in zip(reports, reports[1:]) for w in warnings(a, b)]
    return SeriesReport(
        reports=[report_ref(r) for r in reports], warnings=warns, steps=steps,
        figures=[FigureSeries(key=k, points=p) for k, p in fig_points.values() if len(p) > 1],
        campaigns=[CampaignSeries(name=n, lexicon_id=lid, points=p) for n, lid, p in camp_points.values()])
