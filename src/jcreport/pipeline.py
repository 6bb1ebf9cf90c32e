"""The pipeline: small stages over one Doc, registered by name, run in order.

Each stage says what it reads and what it writes. ``extract`` runs them and builds the Report.
"""
from __future__ import annotations

import gc

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import outline, sentences
from . import tokenize as tokenize_stage
from .doc import Doc
from .extract import campaigns, checks, chrome, figures, measures, meta
from .lexicons import Lexicon, load_lexicon
from .models import Campaign, CaseCount, Measure, Metric, Report, Section, SentenceSpan, Source
from .normalize import reading_copy
from .tokens import Tokens


@dataclass(frozen=True)
class Stage:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[["Context"], None]


@dataclass
class Context:
    doc: Doc
    lexicon: Lexicon
    tokenizer: str


def _figures(ctx: Context) -> None:
    doc = ctx.doc
    doc.figures = figures.read(doc, ctx.lexicon)


def _campaigns(ctx: Context) -> None:
    ctx.doc.campaigns = campaigns.read(ctx.doc, ctx.lexicon)


def _measures(ctx: Context) -> None:
    mentions = [(s, e, k) for k, c in enumerate(ctx.doc.campaigns) for s, e in c.mentions]
    ctx.doc.measures = measures.read(ctx.doc, ctx.lexicon, mentions)


def _roles(ctx: Context) -> None:
    default = None if ctx.doc.meta.doc_type == "speech" else "review"
    outline.assign_roles(ctx.doc, outline.reader(ctx.lexicon), default)


def _checks(ctx: Context) -> None:
    doc, figs = ctx.doc, ctx.doc.figures
    doc.warnings += checks.redacted(figs)
    doc.warnings += checks.breakdown(doc, figs, ctx.lexicon.figure_words.breakdown)
    doc.warnings += checks.changes(doc, figs)


STAGES: tuple[Stage, ...] = (
    Stage("sentences", ("norm",), ("lines", "sentences"), lambda c: sentences.run(c.doc)),
    Stage("chrome", ("norm", "lines"), ("chrome",), lambda c: chrome.run(c.doc, c.lexicon)),
    Stage("outline", ("norm", "lines", "chrome"), ("sections",), lambda c: outline.run(c.doc, c.lexicon)),
    Stage("meta", ("norm", "lines", "chrome", "sections"), ("meta",), lambda c: meta.run(c.doc, c.lexicon)),
    Stage("roles", ("sections", "meta"), ("sections",), _roles),
    Stage("tokenize", ("norm",), ("tokens",),
          lambda c: tokenize_stage.run(c.doc, tokenize_stage.tokenizer(c.tokenizer, c.lexicon))),
    Stage("figures", ("norm", "sentences", "sections", "tokens", "meta"), ("figures", "periods"), _figures),
    Stage("campaigns", ("norm", "source"), ("campaigns",), _campaigns),
    Stage("measures", ("norm", "tokens", "sentences", "sections", "figures", "campaigns", "meta"), ("measures",),
          _measures),
    Stage("checks", ("figures",), ("warnings",), _checks),
)

_DEFAULT_LEXICON: Lexicon | None = None


def default_lexicon() -> Lexicon:
    global _DEFAULT_LEXICON
    if _DEFAULT_LEXICON is None:
        _DEFAULT_LEXICON = load_lexicon()
    return _DEFAULT_LEXICON


def run(doc: Doc, lexicon: Lexicon | None = None, tokenizer: str = tokenize_stage.DEFAULT) -> Doc:
    ctx = Context(doc, lexicon or default_lexicon(), tokenizer)
    for stage in STAGES:
        stage.run(ctx)
    return doc


def to_report(doc: Doc) -> Report:
    """The Report of a document that has run through the stages. Each record is built as a plain
    dict and validated by pydantic's core at once (no Python call per span; a record's dicts are
    garbage before the next one is built, so they never pile up beside the models)."""
    ids: dict[int, str] = {}
    metrics, cases = [], []
    for i, fig in enumerate(doc.figures):
        if fig.type == "case_count":
            ids[i] = f"c{len(cases) + 1}"
            cases.append(i)
        else:
            ids[i] = f"m{len(metrics) + 1}"
            metrics.append(i)
    span = doc.span_dict
    sentence = _sentences(doc)

    def common(i: int) -> dict:
        fig = doc.figures[i]
        n = fig.number
        return dict(id=ids[i], value=n.value, raw=doc.text(fig.start, fig.end), unit=n.unit, qualifier=n.qualifier,
                    bound=n.bound, redacted=n.redacted, upper=n.upper, period=fig.period, section=fig.section,
                    sentence=sentence(fig.sentence), span=span(fig.start, fig.end))

    return Report(
        doc_id=doc.doc_id,
        source=Source(path=doc.path, format=doc.format, encoding=doc.encoding, chars=len(doc.source)),
        meta=doc.meta,
        outline=[Section.model_validate(_section(doc, s)) for s in doc.sections],
        metrics=[Metric.model_validate(dict(common(i), kind=doc.figures[i].kind, subject=doc.figures[i].subject,
                                            change=doc.figures[i].change,
                                            refers_to=ids.get(doc.figures[i].refers_to)
                                            if doc.figures[i].refers_to is not None else None))
                 for i in metrics],
        case_counts=[CaseCount.model_validate(dict(common(i), action=doc.figures[i].action,
                                                   case_type=doc.figures[i].case_type, subject=doc.figures[i].subject))
                     for i in cases],
        measures=[Measure.model_validate(_measure(doc, i, m, sentence)) for i, m in enumerate(doc.measures)],
        campaigns=[Campaign.model_validate(dict(id=f"k{i + 1}", name=c.name, kind=c.kind, lexicon_id=c.lexicon_id,
                                                mentions=[span(s, e) for s, e in c.mentions],
                                                section=doc.section_at(c.mentions[0][0]), years=c.years))
                   for i, c in enumerate(doc.campaigns)],
        warnings=doc.warnings,
    )


def _sentences(doc: Doc) -> Callable[[tuple[int, int]], SentenceSpan]:
    """A record's sentence as one SentenceSpan shared by all the records of that sentence: a
    Report holds each sentence's text once."""
    made: dict[tuple[int, int], SentenceSpan] = {}

    def sentence(key: tuple[int, int]) -> SentenceSpan:
        found = made.get(key)
        if found is None:
            found = made[key] = SentenceSpan.model_validate(doc.span_dict(*key))
        return found
    return sentence


def _measure(doc: Doc, i: int, m, sentence: Callable[[tuple[int, int]], SentenceSpan]) -> dict:
    start, end = min(m.start, m.object_start), max(m.verb_end, m.object_end)
    return dict(id=f"a{i + 1}", verb=doc.text(m.start, m.verb_end), object=doc.text(m.object_start, m.object_end),
                category=m.category, status=m.status, cue=m.cue, concrete=m.concrete, partners=m.partners,
                campaigns=[f"k{k + 1}" for k in m.campaigns], section=doc.section_at(m.start),
                sentence=sentence(doc.sentence_over(start, end)), span=doc.span_dict(start, end),
                object_span=doc.span_dict(m.object_start, m.object_end), objects=m.objects)


def _section(doc: Doc, s) -> dict:
    return dict(id=s.id, marker=s.marker, level=s.level, title=doc.text(s.title_start, s.title_end).strip(),
                span=doc.span_dict(s.start, s.title_end), parent=s.parent, role=s.role)


def extract(text: str, *, path: str | Path | None = None, encoding: str = "utf-8", format: str = "txt",
            lexicon: Lexicon | None = None, tokenizer: str = tokenize_stage.DEFAULT) -> Report:
    """Extract a Report from decoded text. Offsets in the Report index into ``text``.

    The cyclic garbage collector is paused for the run: a document's records are many small
    objects that live until the Report is built, and full collections over a growing heap made
    extraction time grow faster than the text (4 M chars took 1.5x the time per char of 1 M)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        norm, pos = reading_copy(text)
        doc = Doc(source=text, norm=norm, pos=pos, path=str(path) if path is not None else None,
                  encoding=encoding, format=format)
        run(doc, lexicon, tokenizer)
        doc.tokens = Tokens.empty()                   # no record reads them: freed before the records are built
        return to_report(doc)
    finally:
        if paused:
            gc.enable()
