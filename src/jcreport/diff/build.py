"""Build a DiffReport from two Reports, and a SeriesReport from several."""
from __future__ import annotations

import re
from collections import defaultdict

from ..models import CaseCount, Metric, Report
from ..normalize import folded
from ..tokenize import Tokenizer
from .match import DEFAULT_SIMILARITY, campaign_names, match_commitments
from .models import (CampaignDiff, CampaignSeries, CommitmentMatch, DiffReport, FigureChange, FigureDiff, FigureKey,
                     FigureRef, FigureSeries, MeasureRef, ReportRef, SeriesPoint, SeriesReport, StepSummary)

_SUBJECT_NOISE = re.compile(r"[\s“”\"'《》()、,]")


def report_ref(r: Report) -> ReportRef:
    return ReportRef(doc_id=r.doc_id, path=r.source.path, organ=r.meta.organ, year=r.meta.year, title=r.meta.title,
                     doc_type=r.meta.doc_type)


def measure_ref(m, names: dict[str, str]) -> MeasureRef:
    return MeasureRef(id=m.id, verb=m.verb, object=m.object, status=m.status, cue=m.cue,
                      campaigns=sorted({names[c] for c in m.campaigns if c in names}), span=m.span, sentence=m.sentence)


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
    if a.meta.year is not None and b.meta.year is not None and a.meta.year >= b.meta.year:
        out.append(f"the years are not in order: A reports on {a.meta.year}, B on {b.meta.year}")
    return out


def diff_reports(a: Report, b: Report, tok: Tokenizer, similarity: str = DEFAULT_SIMILARITY) -> DiffReport:
    names_a, names_b = campaign_names(a), campaign_names(b)
    matches = match_commitments(a, b, tok, similarity)
    used = {m.b.id for m in matches if m.b is not None}
    figures, only_a, only_b = align_figures(a, b)
    return DiffReport(
        a=report_ref(a), b=report_ref(b), warnings=warnings(a, b),
        commitments=[CommitmentMatch(a=measure_ref(m.a, names_a), outcome=m.outcome, score=m.score,
                                     b=measure_ref(m.b, names_b) if m.b else None) for m in matches],
        new_commitments=[measure_ref(m, names_b) for m in b.measures if m.status == "planned" and m.concrete and m.id not in used],
        campaigns=diff_campaigns(a, b), figures=figures, figures_only_a=only_a, figures_only_b=only_b)


def series(reports: list[Report], tok: Tokenizer, similarity: str = DEFAULT_SIMILARITY) -> SeriesReport:
    """Timelines over reports in year order: every figure key and campaign, year by year."""
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
        d = diff_reports(a, b, tok, similarity)
        count = {o: sum(c.outcome == o for c in d.commitments) for o in ("fulfilled", "continued", "not_reported")}
        steps.append(StepSummary(a=a.doc_id, b=b.doc_id, new_commitments=len(d.new_commitments), **count))
    warns = [w for a, b in zip(reports, reports[1:]) for w in warnings(a, b)]
    return SeriesReport(
        reports=[report_ref(r) for r in reports], warnings=warns, steps=steps,
        figures=[FigureSeries(key=k, points=p) for k, p in fig_points.values() if len(p) > 1],
        campaigns=[CampaignSeries(name=n, lexicon_id=lid, points=p) for n, lid, p in camp_points.values()])
