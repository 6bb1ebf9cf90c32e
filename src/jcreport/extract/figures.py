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
from ..normalize import folded
from ..patterns import alternation
from . import numbers, periods
from .acts import (_CASE_UNITS, _CJK, _LIST_JOINERS, _PERSON_UNITS, _QUOTES, act_after, act_of_list,
                   acts_before, choose_act, item_of_list)

_CLAUSE_BREAK = re.compile(r"[,;:。!?\n]")
_BASIS_PERIODS = frozenset({"去年", "上年", "去年同期", "上年同期", "同期"})
_BASIS_LEADS = frozenset("比较与同")
_BASELINE = re.compile(r"(?:去年同期|上年同期|去年|上年|同期|上一年)(?:为|是|有|共)?$")


_UNREAD = object()    # a Figure's noun_after before it is read


@dataclass(slots=True)
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
    period_start: int = -1
    period_end: int = -1
    left_bound: int = 0                 # end of the previous figure: a subject never reaches over it
    section: str | None = None
    run_head: int | None = None        # index of the first figure of a run (5725件8616人)
    extra: dict = field(default_factory=dict)
    noun_after: object = _UNREAD       # _subject_after, read once (classify and the subject both ask)


class FigureReader:
    """Compiled word patterns of one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        fw = lex.figure_words
        self.action_of = {w: a.action for a in lex.actions.actions for w in a.words}
        self.actions = re.compile(alternation(self.action_of))
        self.verb_actions = {w for a in lex.actions.actions if a.verb for w in a.words}
        self.person_actions = {a.action for a in lex.actions.actions if a.persons}
        self.field_words = {w for a in lex.actions.actions if a.field for w in a.words}
        self.case_heads = tuple(lex.actions.case_heads)
        self.list_heads = tuple(lex.actions.case_heads) + ("罪", "犯罪")
        self.clue_units = frozenset(lex.actions.clue_units)
        self.supervision = re.compile(alternation(lex.actions.supervision_targets)) \
            if lex.actions.supervision_targets else None
        self.case_type_of = {w: c.case_type for c in lex.case_types.case_types for w in c.words}
        self.case_types = re.compile(alternation(self.case_type_of))
        self.honour = re.compile(alternation(lex.actions.honour_words))
        self.case_nouns = tuple(lex.actions.case_nouns)
        self.staff_nouns = tuple(lex.actions.staff_nouns)
        verbs = [v.verb for v in lex.measure_verbs.verbs]
        self.verb_words = tuple(verbs)
        self.verb_set = frozenset(verbs)               # for _ends_with_verb
        self.verb_lengths = sorted({len(v) for v in verbs})
        self.linking_tail = re.compile(alternation(fw.linking) + "+$")
        self.stop_words = set(fw.stop_after) | set(verbs) | set(lex.actions.honour_words)
        self.direction = {**{w: "up" for w in fw.up}, **{w: "down" for w in fw.down}}
        self.change = re.compile(
            "(?P<dir>" + alternation(self.direction)[3:-1] + r")(?:了|至)?(?:" + alternation(
                q.word for q in lex.units.qualifiers if q.where == "prefix")[3:-1] + ")?$")
        self.basis = re.compile(alternation(fw.basis) + "|(?:" + alternation(fw.basis_lead) + r")[^,;。:、]{1,10}?(?=分别|" +
                                alternation(self.direction)[3:-1] + ")")
        self.basis_lead = re.compile(alternation([*fw.basis, *fw.basis_lead]))
        self.breakdown = re.compile(alternation(fw.breakdown))
        self.leads = re.compile(alternation(fw.actors))


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> FigureReader:
    return FigureReader(lex)


def _clause_start(backwards: str, sent_start: int, pos: int) -> int:
    """Where the clause of ``pos`` begins: after the last clause break before it in its sentence.
    ``backwards`` is the text reversed, so the nearest break before ``pos`` is a forward search."""
    n = len(backwards)
    m = _CLAUSE_BREAK.search(backwards, n - pos, n - sent_start)
    return n - m.start() if m else sent_start


def _clause_end(norm: str, pos: int, sent_end: int) -> int:
    m = _CLAUSE_BREAK.search(norm, pos, sent_end)
    return m.start() if m else sent_end




def _strip_subject(doc: Doc, start: int, end: int, r: FigureReader) -> str | None:
    """The subject between ``start`` and ``end`` without quotes, linking words and the organ
    that acts; read in the normalized text, returned as written in the source."""
    norm = doc.norm
    while start < end and norm[start] in _QUOTES:
        start += 1
    while end > start and norm[end - 1] in _QUOTES:
        end -= 1
    tail = r.linking_tail.search(norm, start, end)
    if tail:
        end = tail.start()
    while end > start and norm[end - 1] in _QUOTES:
        end -= 1
    lead = r.leads.match(norm, start, end)
    if lead and end - lead.end() > 1:
        start = lead.end()
    return doc.text(start, end) if end > start else None


def _subject_after(doc: Doc, end: int, r: FigureReader) -> str | None:
    """The counted noun right after the unit: 33个案例获评 -> 案例."""
    stop = end
    for word in _words_from(doc, end, 6):
        if not _CJK.match(word) or word in r.stop_words or word in r.action_of:
            break                                    # 7人次|提起民事诉讼: a verb, not a counted noun
        stop += len(word)
    return doc.text(end, stop) if stop > end else None


def _words_from(doc: Doc, pos: int, count: int) -> list[str]:
    """The words of up to ``count`` tokens from ``pos`` on, as far as they follow one another
    without a gap; a token that straddles ``pos`` is cut there (``Doc.tokens_from``, read on the
    tokens' parallel lists without building a tuple per token)."""
    words, starts = doc.tokens.words, doc.tokens.starts
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return []                                    # the first token starts after ``pos``: a gap
    start, word = starts[i], words[i]
    if start + len(word) <= pos:
        return []                                    # ``pos`` lies in a gap after token i
    out = [word[pos - start:]]
    stop = start + len(word)
    for k in range(i + 1, min(len(words), i + count)):
        if starts[k] != stop:
            break
        out.append(words[k])
        stop += len(words[k])
    return out


def _noun_after(doc: Doc, fig: Figure, r: FigureReader) -> str | None:
    """``_subject_after`` of a figure, read once per figure."""
    if fig.noun_after is _UNREAD:
        fig.noun_after = _subject_after(doc, fig.end, r)
    return fig.noun_after


def _period_end_before(doc: Doc, lo: int, hi: int) -> int:
    """The furthest end of a period lying within [lo, hi) (periods are in text order; a clause is
    short, so the walk back is too)."""
    starts = doc.period_starts()
    best = lo
    for i in range(bisect_left(starts, hi) - 1, -1, -1):
        p = doc.periods[i]
        if p.start < lo:
            break
        if p.end <= hi:
            best = max(best, p.end)
    return best


def _subject_before(doc: Doc, start: int, r: FigureReader, fig: Figure) -> str | None:
    """The noun phrase before the number: 办理审查逮捕案件5725件 -> 审查逮捕案件."""
    begin = max(fig.clause_start, fig.left_bound, _period_end_before(doc, fig.clause_start, start))
    norm = doc.norm
    if fig.type == "case_count":
        acts = list(r.actions.finditer(norm, begin, start))
        if acts:
            last = acts[-1]
            cut = last.end() if last.group() in r.verb_actions else last.start()
            return _strip_subject(doc, cut, start, r) or _strip_subject(doc, last.start(), start, r)
    verb_end = _last_verb_end(doc, begin, start, r)
    if verb_end is not None:
        begin = verb_end
    return _strip_subject(doc, max(begin, start - 16), start, r)


def _last_verb_end(doc: Doc, begin: int, start: int, r: FigureReader) -> int | None:
    """End of the last measure verb before ``start`` that ends a token and heads a word of its own
    (深入开展|践学活动4次 -> after 开展); a verb bound to a one-character suffix (业务推进|会) is part
    of a noun."""
    end = None
    words, starts = doc.tokens.words, doc.tokens.starts
    i, j = bisect_right(starts, begin - 1), bisect_right(starts, start - 1)  # the tokens starting in [begin, start)
    if j > i and starts[j - 1] + len(words[j - 1]) > start:
        j -= 1                                       # the last one runs past ``start``: not wholly between
    for k in range(i, j - 1):
        word = words[k]
        e = starts[k] + len(word)
        if e < start and _ends_with_verb(word, r) and len(words[k + 1]) > 1:
            end = e
    return end


def _ends_with_verb(word: str, r: FigureReader) -> bool:
    """``word.endswith(r.verb_words)``, looked up by the verbs' lengths rather than tried verb by verb."""
    for n in r.verb_lengths:
        if word[-n:] in r.verb_set:
            return True
    return False


def classify(doc: Doc, fig: Figure, r: FigureReader, figs: list[Figure] = ()) -> None:
    """Decide CaseCount vs Metric and the action and case type (contract: a CaseCount counts cases
    or persons handled in a procuratorial or judicial action). ``figs``: the few figures just before it."""
    norm, n = doc.norm, fig.number
    fig.kind = n.kind
    if fig.change is not None or n.kind != "count":
        return
    noun_before = norm[max(fig.clause_start, fig.left_bound):fig.start]
    if n.unit not in _CASE_UNITS and not (n.unit in r.clue_units and (noun_before.endswith("线索")
                                                                    or norm.startswith("线索", fig.end))):
        return
    clause_end = _clause_end(norm, fig.end, fig.sentence[1])
    acts = acts_before(norm, fig.clause_start, fig.start, r)
    if r.honour.search(norm, fig.end, clause_end) or (acts and r.honour.search(norm, acts[-1].end(), fig.start)):
        return
    noun_after = _noun_after(doc, fig, r)
    after = None if acts else act_after(norm, fig, r, noun_after, clause_end)
    if noun_after is not None and not noun_after.endswith(r.case_nouns) and not (
            after and n.unit in _PERSON_UNITS and r.action_of[after.group()] in r.person_actions):
        return                                       # 对24名省部级以上干部立案侦查: defendants, whatever the noun
    action = choose_act(norm, acts, r) if acts else after or act_of_list(doc, fig, r, figs)
    if action is None:
        listed = item_of_list(doc, fig, r, figs)
        if listed is not None:
            fig.type, fig.action = "case_count", listed
        elif n.unit not in _PERSON_UNITS and noun_before.rstrip(_QUOTES).endswith(r.case_heads):
            fig.extra["handled"] = True              # 刑事检察案件141件 in a data list: handled, unless a 其中 part
        return
    name = r.action_of[action.group()]
    if n.unit in _PERSON_UNITS and name not in r.person_actions and action.end() <= fig.start:
        between = _strip_subject(doc, action.end(), fig.start, r)
        if between and folded(between).endswith(r.staff_nouns):
            return                                   # 第三方监督评估的专业人员400人: staff, not parties
    fig.type, fig.action = "case_count", name
    types = list(r.case_types.finditer(norm, fig.clause_start, fig.start)) or \
        list(r.case_types.finditer(norm, fig.end, clause_end))
    fig.case_type = case_type_named(norm, types, r)


_COORDINATION = ("、", "和", "及", "与", "以及")


def case_type_named(norm: str, types: list, r: FigureReader) -> str | None:
    """The case type the last of ``types`` (matches, in order) names, unless it closes a list of
    different ones (办理刑事、民事、行政、公益诉讼等各类案件): no one name covers such a list, so
    none (guidelines)."""
    if not types:
        return None
    last = types[-1]
    name = r.case_type_of[last.group()]
    for prev in reversed(types[:-1]):
        if norm[prev.end():last.start()] not in _COORDINATION:
            break
        if r.case_type_of[prev.group()] != name:
            return None
        last = prev
    return name


def read_change(norm: str, fig: Figure, r: FigureReader) -> None:
    """同比上升27.65% -> change up, basis 同比."""
    left = norm[fig.clause_start:fig.start]
    m = r.change.search(left)
    if not m or norm[fig.start - 1:fig.start] == "至" or left.endswith(("升至", "降至")):
        return
    if len(m.group("dir")) == 1 and not r.basis_lead.search(left):
        return                                       # 高/低/多/少 state a change only after 比/较: 比去年同期高4.5个百分点
    basis = None
    sent_left = norm[fig.sentence[0]:fig.start]
    for b in r.basis.finditer(sent_left):
        basis = b.group()
    fig.change = Change.model_construct(direction=r.direction[m.group("dir")], basis=basis)  # valid by construction


def _take_baseline_of(figs: list[Figure], i: int) -> None:
    """A baseline (去年同期为420件) has the type and action of the figure it is the baseline for: the
    nearest earlier figure of its sentence with the same unit (contract)."""
    fig = figs[i]
    for prev in reversed(figs[max(0, i - 4):i]):
        if prev.sentence != fig.sentence:
            return
        if prev.number.unit == fig.number.unit and prev.change is None:
            fig.type, fig.action, fig.case_type = prev.type, prev.action, prev.case_type
            return


def _continues_list(norm: str, prev: Figure, fig: Figure) -> bool:
    """A value listed right after a change figure of the same unit takes its direction."""
    return prev.change is not None and prev.sentence == fig.sentence and prev.number.unit == fig.number.unit \
        and norm[prev.end:fig.start] in _LIST_JOINERS


def _inherit_breakdown(doc: Doc, figs: list[Figure], i: int, r: FigureReader) -> None:
    """Parts after 其中 count what their total counts: 共办理案件110件,其中民事案件60件 (also when 其中
    opens the next sentence), and so do the parts listed after the first (其中刑事347万件,民事28万件)."""
    fig, norm = figs[i], doc.norm
    opens = r.breakdown.match(norm, fig.clause_start) is not None
    total, sentence, back = None, fig.sentence, 1 if opens else 0
    for j in range(i - 1, -1, -1):
        f = figs[j]
        if f.sentence != sentence:
            if back == 0:
                break
            back, sentence = back - 1, f.sentence
        if f.number.unit == fig.number.unit and f.change is None and f.end <= fig.clause_start:
            total = f if opens or f.extra.get("part") else None
            break
    if total is None or total.type != "case_count" or \
            r.honour.search(norm, fig.end, _clause_end(norm, fig.end, fig.sentence[1])):
        return
    fig.type, fig.action, fig.extra["part"] = "case_count", total.action, True
    types = list(r.case_types.finditer(norm, fig.clause_start, fig.start))
    fig.case_type = case_type_named(norm, types, r) if types else total.case_type


def attach_heading_types(doc: Doc, figs: list[Figure], r: FigureReader) -> None:
    """A case count whose own words name no case type takes the one its nearest enclosing section's
    heading names (一、刑事检察工作 / (三)未成年人检察工作 over the counts below them). A heading
    naming two or more (民事行政检察工作) decides nothing, for its section and those below it. Each
    section's heading is read once."""
    of_section: dict[str, str | None] = {}

    def named(sid: str | None) -> str | None:
        if sid is None:
            return None
        if sid not in of_section:
            sec = doc.section(sid)
            found = {r.case_type_of[m.group()] for m in r.case_types.finditer(doc.norm, sec.title_start, sec.title_end)}
            if len(found) == 1:
                of_section[sid] = found.pop()
            else:
                of_section[sid] = None if found else named(sec.parent)
        return of_section[sid]

    for fig in figs:
        if fig.type == "case_count" and fig.case_type is None:
            fig.case_type = named(fig.section)


def attach_runs(figs: list[Figure], norm: str) -> None:
    """Figures written back to back (5725件8616人) or listed with 、 share their subject."""
    for i in range(1, len(figs)):
        prev, cur = figs[i - 1], figs[i]
        gap = norm[prev.end:cur.start]
        if cur.sentence == prev.sentence and (gap == "" or (gap in ("、", "和", "及") and cur.number.unit == prev.number.unit)):
            cur.run_head = prev.run_head if prev.run_head is not None else i - 1


def is_basis_period(doc: Doc, fig: Figure) -> bool:
    """A figure of the comparison year (去年同期100件) is what a change compares with, not what it qualifies."""
    return fig.period is not None and doc.norm[fig.period_start:fig.period_end] in _BASIS_PERIODS


def attach_changes(doc: Doc, figs: list[Figure]) -> None:
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
        first = i                                     # figures are in text order: a sentence's are contiguous
        while first > 0 and figs[first - 1].sentence == figs[i].sentence:
            first -= 1
        bases = [k for k in range(first, i) if figs[k].change is None]
        current = [k for k in bases if not is_basis_period(doc, figs[k])]
        bases = current or bases
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
        if i < len(mentions) and mentions[i].start < line.start + 3 \
                and doc.norm[mentions[i].start - 1:mentions[i].start] not in _BASIS_LEADS:
            para_lead[line.start] = mentions[i]
    line_starts = [ln.start for ln in doc.lines]
    for fig in figs:
        best = None
        i = bisect_right(starts, fig.start) - 1
        while i >= 0 and mentions[i].start >= fig.sentence[0]:
            p = mentions[i]
            if p.end <= fig.start and not (fig.change is not None and doc.norm[p.start:p.end] in _BASIS_PERIODS) \
                    and doc.norm[p.start - 1:p.start] not in _BASIS_LEADS:   # 比2018年上升: the change's basis
                best = p
                break
            i -= 1
        if best is None:
            li = bisect_right(line_starts, fig.start) - 1
            best = para_lead.get(line_starts[li]) if li >= 0 else None
        if best is not None:
            fig.period, fig.period_start, fig.period_end = best.period, best.start, best.end


def read(doc: Doc, lex: Lexicon) -> list[Figure]:
    """Find, resolve and read every figure of a document."""
    g, r = numbers.grammar(lex), reader(lex)
    norm = doc.norm
    doc.periods = periods.find(norm, periods.grammar(lex), doc.meta.year, doc.text)
    figs: list[Figure] = []
    chrome = doc.chrome
    backwards = norm[::-1]                            # for _clause_start
    for cand in numbers.find(norm, g):
        if chrome is not None and chrome.overlaps(cand.start, cand.end):
            continue                                  # 浏览次数: 1234次 in page chrome counts nothing of the report
        sent = doc.sentence_over(cand.start, cand.end)
        fig = Figure(cand.start, cand.end, numbers.resolve(cand, g), sent, _clause_start(backwards, sent[0], cand.start))
        fig.left_bound = figs[-1].end if figs else 0
        figs.append(fig)
    attach_runs(figs, norm)
    for i, fig in enumerate(figs):
        read_change(norm, fig, r)
        if fig.change is None and i and _continues_list(norm, figs[i - 1], fig):
            fig.change = figs[i - 1].change          # 同比分别下降5.2%、6.4%: every value of the list is down
        head = figs[fig.run_head] if fig.run_head is not None else None
        if head is not None and fig.change is None and head.change is None:
            fig.type, fig.action, fig.case_type = head.type, head.action, head.case_type
            fig.kind = fig.number.kind
            if head.type == "metric" and fig.number.unit in _CASE_UNITS:
                classify(doc, fig, r, figs[max(0, i - 4):i])
            fig.subject = head.subject
        else:
            classify(doc, fig, r, figs[max(0, i - 4):i])
            if fig.type == "metric" and fig.number.unit in _CASE_UNITS:
                _inherit_breakdown(doc, figs, i, r)
                if fig.type == "metric" and fig.extra.get("handled"):
                    fig.type, fig.action = "case_count", "办理"
            elif fig.type == "case_count" and r.breakdown.match(norm, fig.clause_start):
                fig.extra["part"] = True
            after = _noun_after(doc, fig, r) if fig.number.kind == "count" else None
            if fig.type == "case_count" and after and not after.endswith(r.case_nouns):
                after = None
            fig.subject = after or _subject_before(doc, fig.start, r, fig)
        if fig.type == "metric" and fig.change is None and _BASELINE.search(norm, fig.clause_start, fig.start):
            _take_baseline_of(figs, i)
        if fig.change is not None:
            fig.type = "metric"
        fig.section = doc.section_at(fig.start)
    attach_heading_types(doc, figs, r)
    attach_periods(doc, figs, doc.periods)
    attach_changes(doc, figs)
    for fig in figs:
        if fig.refers_to is not None and fig.change is not None:
            fig.subject = figs[fig.refers_to].subject or fig.subject
    return figs
