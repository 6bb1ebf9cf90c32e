"""The DiffReport and SeriesReport models (schemas/diff-report.schema.json, series-report.schema.json)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..models import Model, Role, SentenceSpan, Span

DIFF_SCHEMA_VERSION = "2"
Outcome = Literal["fulfilled", "continued", "reported_shortfall", "not_reported"]


def sentence_text(span: SentenceSpan | None) -> str:
    """A record's sentence as written, or "" when its Report was written without it (--sentences)."""
    return span.text if span is not None and span.text else ""


class ReportRef(Model):
    """Which report a side of the comparison is."""

    doc_id: str
    path: str | None
    organ: str | None
    year: int | None
    title: str | None
    doc_type: str
    plan_year: int | None = Field(default=None, description="the year the report's plan part commits to (a report "
                                                              "on 2023 plans 2024; a January 2024 speech deploys 2024)")


class MeasureRef(Model):
    id: str
    verb: str
    object: str
    status: Literal["done", "planned", "ongoing"]
    cue: str | None
    concrete: bool = Field(default=True, description="a concrete act (制定, 召开 …) or a policy verb (加强, 深化 …)")
    campaigns: list[str] = Field(default=[], description="campaign names (canonical) the measure names")
    section: str | None = Field(default=None, description="the title of the section it lies in")
    role: Role | None = Field(default=None, description="that section's role: review | problems | plan")
    span: Span
    sentence: SentenceSpan | None = None


class Evidence(Model):
    """What in the later report answers a commitment: one of its measures, a figure reported for the
    commitment's object, or a clause of its problems part that admits a shortfall."""

    kind: Literal["measure", "figure", "shortfall"]
    text: str = Field(description="the measure (verb and object), the figure as written, or the clause")
    span: Span
    sentence: SentenceSpan | None = None
    section: str | None = None
    role: Role | None = None


class CommitmentMatch(Model):
    """One planned measure of the earlier report and what the later report says of it."""

    a: MeasureRef
    outcome: Outcome = Field(description="fulfilled: done in B's review part (a done measure, or a figure reported "
                                         "for the object); continued: planned again or ongoing in B; "
                                         "reported_shortfall: B's problems part admits it is not achieved; "
                                         "not_reported: nothing in B answers it")
    b: MeasureRef | None = Field(default=None, description="the measure of B that answers it, when a measure does")
    evidence: Evidence | None = Field(default=None, description="what in B answers it (null when not_reported)")
    score: float = Field(ge=0, le=1, description="similarity of the evidence (0 when none)")


class CampaignDiff(Model):
    name: str
    lexicon_id: str | None
    kind: str | None
    outcome: Literal["continued", "new", "dropped"]
    mentions_a: int
    mentions_b: int
    spans_a: list[Span] = []
    spans_b: list[Span] = []


class FigureKey(Model):
    """What makes two figures of different years the same figure."""

    subject: str | None
    action: str | None = None
    case_type: str | None = None
    unit: str | None
    kind: str


class FigureRef(Model):
    id: str
    raw: str
    value: float | int | None
    redacted: bool
    period: str | None
    span: Span


class FigureChange(Model):
    absolute: float | int
    relative: float | None = Field(description="(b - a) / a; null when a is 0")


class FigureDiff(Model):
    key: FigureKey
    a: FigureRef
    b: FigureRef
    change: FigureChange | None = Field(description="null when either value is redacted")


class DiffReport(Model):
    schema_version: Literal["2"] = DIFF_SCHEMA_VERSION
    a: ReportRef
    b: ReportRef
    concrete_only: bool = Field(default=False, description="only A's concrete acts were compared (--concrete-only)")
    warnings: list[str] = []
    commitments: list[CommitmentMatch] = []
    new_commitments: list[MeasureRef] = Field(default=[], description="planned measures of B matching no commitment of A")
    campaigns: list[CampaignDiff] = []
    figures: list[FigureDiff] = []
    figures_only_a: list[FigureRef] = []
    figures_only_b: list[FigureRef] = []


class SeriesPoint(Model):
    year: int | None
    doc_id: str
    value: float | int | None = None
    raw: str | None = None
    mentions: int | None = None


class FigureSeries(Model):
    key: FigureKey
    points: list[SeriesPoint]


class CampaignSeries(Model):
    name: str
    lexicon_id: str | None
    points: list[SeriesPoint]


class StepSummary(Model):
    """Commitments of one report and what the next said of them."""

    a: str
    b: str
    fulfilled: int
    continued: int
    not_reported: int
    reported_shortfall: int = 0
    new_commitments: int


class SeriesReport(Model):
    schema_version: Literal["2"] = DIFF_SCHEMA_VERSION
    reports: list[ReportRef]
    warnings: list[str] = []
    figures: list[FigureSeries] = []
    campaigns: list[CampaignSeries] = []
    steps: list[StepSummary] = []
