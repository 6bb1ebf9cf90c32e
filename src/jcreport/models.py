"""The output contract (docs/contract.md, schema_version "2"; CHANGELOG.md says what each version
changed) as pydantic models.

These models are the source of truth in code; ``schemas/*.schema.json`` are generated from them
by ``jcreport schema`` and a test keeps the checked-in copies in sync.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2"

Bound = Literal["exact", "approx", "over", "at_least", "under", "at_most"]
OrganLevel = Literal["supreme", "provincial", "municipal", "branch", "district", "unknown"]
DocType = Literal["work_report", "speech", "meeting_news", "rectification", "experience", "summary", "other"]
Format = Literal["txt", "html", "docx", "pdf"]
MetricKind = Literal["count", "rate", "ratio", "amount", "rank", "other"]
Role = Literal["review", "problems", "plan"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SentenceSpan(Model):
    """A record's sentence: code-point offsets into the decoded source, and its text (always
    ``text == source[start:end]``) unless the output was written with ``--sentences span``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str | None = Field(default=None, description="the sentence as written; left out with --sentences span")


class Span(SentenceSpan):
    """Code-point offsets into the decoded source; always ``text == source[start:end]``."""

    text: str


class Source(Model):
    path: str | None
    format: Format = "txt"
    encoding: str
    chars: int


class Meta(Model):
    title: str | None = None
    organ: str | None = None
    organ_level: OrganLevel = "unknown"
    region: str | None = None
    doc_type: DocType = "other"
    year: int | None = None
    date: str | None = Field(default=None, description="YYYY-MM-DD the document was delivered or issued")
    speaker: str | None = None


class Section(Model):
    id: str = Field(description='stable path such as "s2", "s2.1", "s2.1.3"')
    marker: str | None = Field(description='the numbering as written: "二、", "(一)", "1.", "一是"; null for unnumbered headings')
    level: int = Field(ge=1)
    title: str
    span: Span
    parent: str | None
    role: Role | None = Field(default=None, description="review | problems | plan, inherited by subsections; null when unknown")


class Period(Model):
    text: str
    start: str | None = Field(description='"YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when open or unresolved')
    end: str | None


class Change(Model):
    direction: Literal["up", "down"]
    basis: str | None = Field(description='"同比", "环比", "比前五年", "比2018年" ...')


class Figure(Model):
    id: str
    value: float | int | None = Field(description="resolved number; null only when the digits are redacted")
    raw: str
    unit: str | None
    qualifier: str | None = None
    bound: Bound = "exact"
    redacted: bool = False
    upper: float | int | None = Field(default=None, description="upper end of a range (1万至5万元 -> 50000)")
    period: Period | None = None
    section: str | None = None
    sentence: SentenceSpan | None = Field(description="the sentence it lies in; its text left out with "
                                                     "--sentences span, null with --sentences none")
    span: Span


class Metric(Figure):
    kind: MetricKind = "count"
    subject: str | None = None
    change: Change | None = None
    refers_to: str | None = None


class CaseCount(Figure):
    action: str | None = None
    case_type: str | None = None
    subject: str | None = None


class Measure(Model):
    id: str
    verb: str
    object: str = Field(description="the noun phrase the verb governs; coordinated objects stay together (制定A、B和C -> \"A、B和C\")")
    category: Literal["mechanism", "document", "meeting", "training", "cooperation", "inspection", "publicity",
                      "case_handling", "other"] = "other"
    status: Literal["done", "planned", "ongoing"]
    concrete: bool = Field(default=True, description="true for a concrete act of the closed verb list (制定 召开 开展 …), "
                                                     "false for a policy verb (加强 深化 推进 …)")
    cue: str | None = Field(default=None, description="the word that decided status (要, 将, 下一步, 已, 持续 ...) or null")
    partners: list[str] = []
    campaigns: list[str] = Field(default=[], description="ids of the Campaign records the measure names")
    section: str | None = None
    sentence: SentenceSpan | None = Field(description="the sentence it lies in; its text left out with "
                                                     "--sentences span, null with --sentences none")
    span: Span = Field(description="verb through object")
    object_span: Span | None = None
    objects: list[str] = Field(default=[], description="the conjuncts of a coordinated object: A、B和C -> [A, B, C]")


class Campaign(Model):
    id: str
    name: str
    kind: str | None = None
    lexicon_id: str | None = None
    mentions: list[Span]
    section: str | None = None
    years: list[int] = Field(default=[], description="first and last year from the lexicon, when known")


class Report(Model):
    schema_version: Literal["2"] = SCHEMA_VERSION
    doc_id: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")
    source: Source
    meta: Meta
    outline: list[Section] = []
    metrics: list[Metric] = []
    case_counts: list[CaseCount] = []
    measures: list[Measure] = []
    campaigns: list[Campaign] = []
    warnings: list[str] = []


class ErrorInfo(Model):
    path: str | None
    kind: str
    message: str


class ErrorLine(Model):
    """One line of batch output for an input that failed."""

    error: ErrorInfo


def exported() -> dict[str, type[Model]]:
    """Every model with a checked-in JSON Schema, by schema file stem."""
    from .diff.models import DiffReport, SeriesReport

    return {"report": Report, "error-line": ErrorLine, "diff-report": DiffReport, "series-report": SeriesReport}
