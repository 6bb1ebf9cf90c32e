"""The DiffReport and SeriesReport models (schemas/diff-report.schema.json, series-report.schema.json)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..models import Model, Span

Outcome = Literal["fulfilled", "continued", "not_reported"]


class ReportRef(Model):
    """Which report a side of the comparison is."""

    doc_id: str
    path: str | None
    organ: str | None
    year: int | None
    title: str | None
    doc_type: str


class MeasureRef(Model):
    id: str
    verb: str
    object: str
    status: Literal["done", "planned", "ongoing"]
    cue: str | None
    campaigns: list[str] = Field(default=[], description="campaign names (canonical) the measure names")
    span: Span
    sentence: Span


class CommitmentMatch(Model):
    """One planned measure of the earlier report and what the later report says of it."""

    a: MeasureRef
    outcome: Outcome = Field(description="fulfilled: a done measure in B on the same object; continued: planned "
                                         "again or ongoing in B; not_reported: nothing similar in B")
    b: MeasureRef | None = None
    score: float = Field(ge=0, le=1, description="similarity of the matched measure (0 when none)")


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
    schema_version: Literal["1"] = "1"
    a: ReportRef
    b: ReportRef
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
    new_commitments: int


class SeriesReport(Model):
    schema_version: Literal["1"] = "1"
    reports: list[ReportRef]
    warnings: list[str] = []
    figures: list[FigureSeries] = []
    campaigns: list[CampaignSeries] = []
    steps: list[StepSummary] = []
