"""Figures: turn resolved numbers into Metrics and CaseCounts with subject, action, case type,
period and change, reading the clause around each number (lexicons/actions.yaml,
case_types.yaml, measure_verbs.yaml, figure_words.yaml).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc
from ..lexicons import Lexicon
from ..models import Change, Period
from ..patterns import alternation
from . import numbers, periods

_CLAUSE_BREAK = re.compile(r"[,;:。!?\n]")
_CASE_UNITS = frozenset({"件", "件次", "起", "宗", "人", "名", "人次"})


@dataclass
class Figure:
    """One figure on its way to a record; ``record`` builds the pydantic model."""

    start: int
    end: int
    number: numbers.Resolved
    sentence: tuple[int, int]
    clause_start: int
    type: str = "metric"
    kind: str = "count"
    subject: str | None = None
    action: str | None = None
    case_type: str | None = None
    change: Change | None = None
    refers_to: int | None = None       # index of the figure a change qualifies
    period: Period | None = None
    section: str | None = None
    run_head: int | None = None        # index of the first figure of a run (5725件8616人)
    extra: dict = field(default_factory=dict)


class FigureReader:
    """Compiled word patterns of one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        fw = lex.figure_words
        self.action_of = {w: a.action for a in lex.actions.actions for w in a.words}
        self.actions = re.compile(alternation(self.action_of))
        self.general_actions = {"办理", "受理"}
        self.case_type_of = {w: c.case_type for c in lex.case_types.case_types for w in c.words}
        self.case_types = re.compile(alternation(self.case_type_of))
        self.honour = re.compile(alternation(lex.actions.honour_words))
        self.case_nouns = tuple(lex.actions.case_nouns)
        verbs = [v.verb for v in lex.measure_verbs.verbs]
        self.verbs = re.compile(alternation(verbs))
        self.linking_tail = re.compile(alternation(fw.linking) + "+$")
        self.stop_words = set(fw.stop_after) | set(verbs) | set(lex.actions.honour_words)
        self.direction = {**{w: "up" for w in fw.up}, **{w: "down" for w in fw.down}}
        self.change = re.compile(
            "(?P<dir>" + alternation(self.direction)[3:-1] + r")(?:了|至)?(?:" + alternation(
                q.word for q in lex.units.qualifiers if q.where == "prefix")[3:-1] + ")?$")
        self.basis = re.compile(alternation(fw.basis) + "|(?:" + alternation(fw.basis_lead) + r")[^,;。:、]{1,10}?(?=分别|" +
                                alternation(self.direction)[3:-1] + ")")
        self.breakdown = re.compile(alternation(fw.breakdown))


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> FigureReader:
    return FigureReader(lex)


def _clause_start(norm: str, sent_start: int, pos: int) -> int:
    for i in range(pos - 1, sent_start - 1, -1):
        if _CLAUSE_BREAK.match(norm, i):
            return i + 1
    return sent_start


def _clause_end(norm: str, pos: int, sent_end: int) -> int:
    m = _CLAUSE_BREAK.search(norm, pos, sent_end)
    return m.start() if m else sent_end


def _strip_subject(text: str, r: FigureReader) -> str | None:
    text = r.linking_tail.sub("", text.strip(" “”\"'、"))
    text = text.strip(" “”\"'、")
    for lead in ("全市检察机关", "全市两级院", "两级院", "市检察院", "市院"):
        if text.startswith(lead) and len(text) > len(lead) + 1:
            text = text[len(lead):]
    return text or None


def _subject_after(doc: Doc, end: int, r: FigureReader) -> str | None:
    """The counted noun right after the unit: 33个案例获评 -> 案例."""
    words = []
    for word, s, _ in doc.tokens_from(end, 6):
        if s != end or not re.match(r"[\u4e00-\u9fff]", word) or word in r.stop_words:
            break
        words.append(word)
        end = s + len(word)
    return "".join(words) or None


def _subject_before(doc: Doc, start: int, r: FigureReader, fig: Figure) -> str | None:
    clause_start = max([fig.clause_start] + [p.end for p in doc.periods if fig.clause_start <= p.start and p.end <= start])
    left = doc.norm[clause_start:start]
    if fig.type == "case_count":
        acts = list(r.actions.finditer(left))
        if acts:
            last = acts[-1]
            cut = last.end() if last.group() in r.general_actions else last.start()
            return _strip_subject(left[cut:], r) or _strip_subject(left[last.start():], r)
    verb = r.verbs.search(left)
    if verb and verb.end() < len(left):
        left = left[verb.end():]
    return _strip_subject(left[-16:], r)


def classify(doc: Doc, fig: Figure, r: FigureReader) -> None:
    """Decide CaseCount vs Metric and the action and case type (CONTRACT: a CaseCount counts cases
    or persons handled in a procuratorial or judicial action)."""
    norm, n = doc.norm, fig.number
    left = norm[fig.clause_start:fig.start]
    right = norm[fig.end:_clause_end(norm, fig.end, fig.sentence[1])]
    acts = list(r.actions.finditer(left))
    honoured = r.honour.search(right) or (acts and r.honour.search(left, acts[-1].end()))
    if n.unit in _CASE_UNITS and fig.change is None and n.kind == "count" and acts and not honoured:
        noun_after = _subject_after(doc, fig.end, r)
        if noun_after is None or noun_after.endswith(r.case_nouns):
            fig.type = "case_count"
            fig.action = r.action_of[acts[-1].group()]
    types = list(r.case_types.finditer(left)) or list(r.case_types.finditer(right))
    if fig.type == "case_count" and types:
        fig.case_type = r.case_type_of[types[-1].group()]
    fig.kind = n.kind


def read_change(norm: str, fig: Figure, r: FigureReader) -> None:
    """同比上升27.65% -> change up, basis 同比."""
    left = norm[fig.clause_start:fig.start]
    m = r.change.search(left)
    if not m or norm[fig.start - 1:fig.start] == "至" or left.endswith(("升至", "降至")):
        return
    basis = None
    sent_left = norm[fig.sentence[0]:fig.start]
    for b in r.basis.finditer(sent_left):
        basis = b.group()
    fig.change = Change(direction=r.direction[m.group("dir")], basis=basis)


def attach_runs(figs: list[Figure], norm: str) -> None:
    """Figures written back to back (5725件8616人) or listed with 、 share their subject."""
    for i in range(1, len(figs)):
        prev, cur = figs[i - 1], figs[i]
        gap = norm[prev.end:cur.start]
        if cur.sentence == prev.sentence and (gap == "" or (gap in ("、", "和", "及") and cur.number.unit == prev.number.unit)):
            cur.run_head = prev.run_head if prev.run_head is not None else i - 1


def attach_changes(figs: list[Figure]) -> None:
    """A change refers to the figure it qualifies: the nearest earlier non-change figure of its
    sentence; a run of n changes after n figures pairs them in order."""
    i = 0
    while i < len(figs):
        if figs[i].change is None:
            i += 1
            continue
        j = i
        while j + 1 < len(figs) and figs[j + 1].change is not None and figs[j + 1].sentence == figs[i].sentence:
            j += 1
        bases = [k for k in range(i) if figs[k].change is None and figs[k].sentence == figs[i].sentence]
        run = list(range(i, j + 1))
        if bases and len(bases) >= len(run) > 1 and figs[i].run_head is None:
            pairs = zip(run, bases[-len(run):])
        else:
            pairs = ((k, bases[-1]) for k in run) if bases else ()
        for k, b in pairs:
            figs[k].refers_to = b
        i = j + 1


def attach_periods(doc: Doc, figs: list[Figure], mentions: list[periods.PeriodMention]) -> None:
    """The period of a figure: the nearest period before it in its sentence, else one that opens
    its paragraph (2024年，全市检察机关……)."""
    starts = [p.start for p in mentions]
    para_lead = {}
    for line in doc.lines:
        i = bisect_left(starts, line.start)
        if i < len(mentions) and mentions[i].start < line.start + 3:
            para_lead[line.start] = mentions[i].period
    line_starts = [ln.start for ln in doc.lines]
    for fig in figs:
        best = None
        i = bisect_right(starts, fig.start) - 1
        while i >= 0 and mentions[i].start >= fig.sentence[0]:
            p = mentions[i]
            if p.end <= fig.start and not (fig.change is not None and p.period.text in ("去年同期", "上年同期", "同期")):
                best = p.period
                break
            i -= 1
        if best is None:
            li = bisect_right(line_starts, fig.start) - 1
            best = para_lead.get(line_starts[li]) if li >= 0 else None
        fig.period = best


def read(doc: Doc, lex: Lexicon) -> list[Figure]:
    """Find, resolve and read every figure of a document."""
    g, r = numbers.grammar(lex), reader(lex)
    norm = doc.norm
    doc.periods = periods.find(norm, periods.grammar(lex), doc.meta.year)
    figs: list[Figure] = []
    for cand in numbers.find(norm, g):
        sent = doc.sentence_at(cand.start)
        fig = Figure(cand.start, cand.end, numbers.resolve(cand, g), sent, _clause_start(norm, sent[0], cand.start))
        figs.append(fig)
    attach_runs(figs, norm)
    for fig in figs:
        read_change(norm, fig, r)
        head = figs[fig.run_head] if fig.run_head is not None else None
        if head is not None and fig.change is None and head.change is None:
            fig.type, fig.action, fig.case_type = head.type, head.action, head.case_type
            fig.kind = fig.number.kind
            if head.type == "metric" and fig.number.unit in _CASE_UNITS:
                classify(doc, fig, r)
            fig.subject = head.subject
        else:
            classify(doc, fig, r)
            fig.subject = _subject_after(doc, fig.end, r) if fig.type == "metric" and fig.number.kind == "count" else None
            fig.subject = fig.subject or _subject_before(doc, fig.start, r, fig)
        if fig.change is not None:
            fig.type = "metric"
        fig.section = doc.section_at(fig.start)
    attach_changes(figs)
    for fig in figs:
        if fig.refers_to is not None and fig.change is not None:
            fig.subject = figs[fig.refers_to].subject or fig.subject
    attach_periods(doc, figs, doc.periods)
    return figs
