"""Which act governs a number: the procuratorial act whose object a figure counts (contract version
2, "Action vocabulary"). Read in the clause before the number, after it (对3名被告人提起公诉), over a list
(起诉涉枪犯罪12人,电信诈骗犯罪430人), or from the list a verb-less item continues (data sheets).
``figures.classify`` calls these; the words are lexicons/actions.yaml.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..normalize import folded

if TYPE_CHECKING:
    from ..doc import Doc
    from .figures import Figure, FigureReader

_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTES = " “”\"'、"
_CASE_UNITS = frozenset({"件", "件次", "起", "宗", "人", "名", "人次"})
_PERSON_UNITS = frozenset({"人", "名", "人次"})
_RUN_BREAK = re.compile(r"[、和及与\d×]")
_LIST_JOINERS = frozenset({"、", "和", "及", "与", "、和"})
_COUNT_NEXT = re.compile(r"[\d×共计达约近超逾]")
_AFTER_BREAK = re.compile(r"[\d×]")
_ITEM_GAP = re.compile(r"[^。!?\d×]{0,40}|[^。!?\d×]{0,40}。其中[^。!?\d×]{0,10}")


def _governs(norm: str, act: re.Match, clause_start: int, r: FigureReader) -> bool:
    """Whether an action word before a number is an act at all: one followed by 的 modifies the
    counted noun (受理公安机关移送的案件80件); 检察建议 is a case act only after a supervision target."""
    if norm.startswith("的", act.end()) and act.group() in r.verb_actions:
        return False
    if act.group().endswith("案") and not _COUNT_NEXT.match(norm, act.end()):
        return False                                 # 办案事项12件: 办案 carries its object, here a modifier
    if r.action_of[act.group()] == "检察建议":
        return r.supervision is not None and r.supervision.search(norm, clause_start, act.start()) is not None
    return True


def acts_before(norm: str, start: int, end: int, r: FigureReader) -> list[re.Match]:
    """The acts of a clause that can govern a number at ``end``; an act in brackets (决定不起诉(含附条件
    不起诉)48件) is a remark, not the act."""
    acts = []
    for a in r.actions.finditer(norm, start, end):
        if _governs(norm, a, start, r) and not (norm.rfind("(", start, a.start()) > norm.rfind(")", start, a.start())
                                                and ")" in norm[a.end():end]):
            acts.append(a)
    return acts


def choose_act(norm: str, acts: list[re.Match], r: FigureReader) -> re.Match:
    """The governing act among a clause's acts before the number: a procedure beats a generic verb
    wherever it stands (受理审查逮捕案件, 适用认罪认罚审结374件), except a field word inside the counted
    noun (受理民事检察监督案件); two procedures coordinated under a generic verb keep the verb (受理审查逮捕、
    审查起诉犯罪嫌疑人N人); two coordinated without one, the first named (民事抗诉和再审检察建议N件)."""
    generic = [a for a in acts if a.group() in r.verb_actions]
    procs = [a for a in acts if a.group() not in r.verb_actions and not (generic and a.group() in r.field_words
                                                                         and generic[0].start() < a.start())]
    if not procs:
        return generic[-1] if generic else acts[-1]
    last = procs[-1]
    run = [last]
    for a in reversed(procs[:-1]):
        if norm[a.end():run[0].start()] in _LIST_JOINERS and r.action_of[a.group()] != r.action_of[run[0].group()]:
            run.insert(0, a)
        else:
            break
    if len(run) > 1:
        verb = [g for g in generic if g.end() <= run[0].start()]
        return verb[-1] if verb else run[0]
    return last


def act_after(norm: str, fig: Figure, r: FigureReader, noun_after: str | None, clause_end: int) -> re.Match | None:
    """The act written after the counted number: 58人作出不起诉决定, 支持7人次提起民事诉讼, and the
    对-construction 对3名被告人提起公诉 (the verb follows the counted noun)."""
    act = r.actions.search(norm, fig.end, clause_end)
    if act is None or _AFTER_BREAK.search(norm, fig.end, act.start()):
        return None
    if noun_after is None and act.start() <= fig.end + 4 and not _RUN_BREAK.search(norm, fig.end, act.start()):
        return act
    lead = norm[fig.clause_start:fig.start]
    if noun_after is not None and any(w in lead for w in ("对", "将", "把", "向")):
        return act
    return None


def act_of_list(doc: Doc, fig: Figure, r: FigureReader, figs: list[Figure]) -> re.Match | None:
    """One verb governs a list, across clauses of its sentence: 起诉涉枪犯罪12人,电信诈骗犯罪430人 (both
    起诉); 批捕案件较多的罪名:盗窃罪859人. The counted noun must name crimes or cases, and no figure of
    another kind may stand between the verb and this one."""
    norm = doc.norm
    noun = norm[max(fig.clause_start, fig.left_bound):fig.start].rstrip(_QUOTES)
    if not noun.endswith(r.list_heads) or fig.clause_start <= fig.sentence[0]:
        return None
    acts = acts_before(norm, fig.sentence[0], fig.clause_start, r)
    if not acts:
        return None
    act = acts[-1]
    if any(f.type != "case_count" and act.end() <= f.start for f in figs[-3:] if f.sentence == fig.sentence):
        return None
    return act


def item_of_list(doc: Doc, fig: Figure, r: FigureReader, figs: list[Figure]) -> str | None:
    """A verb-less item of a list of case counts takes the list's act: 审查逮捕41件;审查起诉99件;提请延押1件
    (data sheets), 盗窃罪859人,占…17.1%;诈骗罪629人 (items across ;). The item is a bare noun and
    its number; the case count it continues stands close before it, with only rates between."""
    norm = doc.norm
    noun = norm[max(fig.clause_start, fig.left_bound):fig.start].strip(_QUOTES)
    if not noun or len(noun) > 20 or not _CJK.match(noun[-1]) or r.actions.search(noun) \
            or any(v in noun for v in r.verb_words) or folded(noun).endswith(r.staff_nouns):
        return None
    if not figs or not _ITEM_GAP.fullmatch(norm, figs[-1].end, fig.clause_start):
        return None
    for prev in reversed(figs[-4:]):
        if prev.number.kind != "count" or prev.change is not None:
            continue                                 # 占批捕总人数的17.1%
        if prev.type == "case_count" and prev.number.unit in _CASE_UNITS and fig.start - prev.end <= 60:
            return prev.action
        return None
    return None
