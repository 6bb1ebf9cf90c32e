"""Commitment matching: each planned measure of the earlier report against the measures of the
later one, by the object's words, the verb and the campaigns named (weights in lexicons/diff.yaml).

Two object similarities are implemented and compared on the test pairs (bench/bench_diff.py):
``tokens`` (overlap of jieba words, the share of the smaller set) and ``rapidfuzz``
(token-set ratio over the same words); ``DEFAULT_SIMILARITY`` is the one chosen by measurement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from pydantic import BaseModel, ConfigDict

from ..models import Measure, Report
from ..normalize import folded
from ..resources import lexicon_path
from ..tokenize import Tokenizer


class DiffSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    threshold: float
    object_weight: float
    verb_weight: float
    campaign_weight: float
    fulfils: dict[str, list[str]]
    same_category: float
    listed: float
    other_verbs: float
    policy_any: float
    figure_threshold: float
    figure_min_shared: int
    shortfall_threshold: float
    shortfall_min_shared: int
    stop_words: list[str]


@lru_cache(maxsize=1)
def settings() -> DiffSettings:
    return DiffSettings.model_validate(yaml.safe_load(lexicon_path("diff.yaml").read_text(encoding="utf-8")))


def object_words(measure: Measure, tok: Tokenizer, stop: frozenset[str]) -> frozenset[str]:
    return words_of(measure.object, tok, stop)


def tokens_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (a reworded object keeps its key words)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def rapidfuzz_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b))) / 100


def dice_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient: shared words over the mean size. Unlike the overlap coefficient and the
    token-set ratio, a short object inside a long one (办理涉企案件 in 建立涉企案件经济影响评估机制) is no
    full match."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


SIMILARITIES = {"tokens": tokens_similarity, "rapidfuzz": rapidfuzz_similarity, "dice": dice_similarity}
DEFAULT_SIMILARITY = "dice"   # chosen on the fit pairs by bench/tune_diff.py: see README (bench/bench_diff.py)


def verb_compatibility(a: Measure, b: Measure, s: DiffSettings) -> float:
    if a.verb == b.verb:
        return 1.0
    if b.verb in s.fulfils.get(a.verb, ()):
        return s.listed
    if not a.concrete:
        return s.policy_any                           # 加强听证工作 is answered by 举行听证会 as much as by 加强
    if a.category == b.category:
        return s.same_category
    return s.other_verbs


@dataclass
class Match:
    a: Measure
    b: Measure | None
    score: float
    outcome: str
    figure: object | None = None                      # a Metric or CaseCount of B's review part
    clause: tuple[int, int] | None = None             # a clause of B's problems part


def _campaigns(m: Measure, names: dict[str, str]) -> set[str]:
    return {names[c] for c in m.campaigns if c in names}


_QUOTED = re.compile(r"“([^“”]{1,30})”")


def conflicting(a_names: set[str], b_names: set[str], a_text: str, b_text: str) -> bool:
    """Two different campaigns never answer each other (“护苗”专项行动 is not “净网”专项行动): both sides name
    campaigns and share none, or both quote names and share none."""
    if a_names and b_names and not a_names & b_names:
        return True
    qa, qb = {folded(q) for q in _QUOTED.findall(a_text)}, {folded(q) for q in _QUOTED.findall(b_text)}
    return bool(qa and qb and not qa & qb)


def score(a: Measure, b: Measure, words: dict[str, frozenset[str]], names_a: dict[str, str], names_b: dict[str, str],
          similarity, s: DiffSettings) -> float:
    camp_a, camp_b = _campaigns(a, names_a), _campaigns(b, names_b)
    if conflicting(camp_a, camp_b, a.object, b.object):
        return 0.0
    if camp_a & camp_b:                               # the same campaign, named apart (主题教育 / its full name):
        rest_a, rest_b = words.get("ra" + a.id), words.get("rb" + b.id)   # compare what is left of the objects
        obj = similarity(rest_a, rest_b) if rest_a and rest_b else 1.0
    else:
        obj = similarity(words["a" + a.id], words["b" + b.id])
    verb = verb_compatibility(a, b, s)
    if not camp_a:
        return (s.object_weight + s.campaign_weight) * obj + s.verb_weight * verb
    shared = 1.0 if camp_a & _campaigns(b, names_b) else 0.0
    return s.object_weight * obj + s.verb_weight * verb + s.campaign_weight * shared


def campaign_names(report: Report) -> dict[str, str]:
    """Campaign id -> a name that is the same across reports (the lexicon id, else the name)."""
    return {c.id: c.lexicon_id or folded(c.name) for c in report.campaigns}


def section_roles(report: Report) -> dict[str, str | None]:
    return {sec.id: sec.role for sec in report.outline}


def problem_clauses(report: Report, text: str | None) -> list[tuple[int, int]]:
    """The clauses of B's problems part (存在的问题, 清醒认识到…一是…二是…): from each problems heading to
    the next heading of a section that is not problems, cut at 。；;！？ and line ends."""
    if not text:
        return []
    out = []
    heads = report.outline
    for i, sec in enumerate(heads):
        if sec.role != "problems":
            continue
        end = next((h.span.start for h in heads[i + 1:] if h.role != "problems"), len(text))
        start = sec.span.start
        for m in re.finditer(r"[^。;；!！?？\n]+", text[start:end]):
            if len(m.group().strip()) >= 4:
                out.append((start + m.start(), start + m.end()))
    return out


def words_of(text: str, tok: Tokenizer, stop: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w, _, _ in tok.tokenize(folded(text)) if w.strip() and w not in stop)


def _cover(obj: frozenset[str], other: frozenset[str]) -> tuple[float, int]:
    """The share of the commitment's object words the other text holds, and how many."""
    shared = len(obj & other)
    return (shared / len(obj) if obj else 0.0), shared


def match_commitments(a: Report, b: Report, tok: Tokenizer, similarity: str = DEFAULT_SIMILARITY,
                      text_b: str | None = None, concrete_only: bool = False) -> list[Match]:
    """For every planned measure of A (concrete and policy; concrete acts only with ``concrete_only``):
    what B says of it.

    - a measure of B above the threshold, each measure of B answering one commitment at most (pairs
      taken best score first, a done one preferred within 0.05): done in B's review part is
      ``fulfilled``, planned or ongoing is ``continued``; a measure of B's problems part never answers;
    - else a figure of B's review part whose subject holds the commitment's object: ``fulfilled``;
    - a clause of B's problems part on the object makes it ``reported_shortfall`` unless B reports it
      done;
    - else ``not_reported``. Two different campaigns never answer each other."""
    s = settings()
    sim = SIMILARITIES[similarity]
    stop = frozenset(s.stop_words)
    words = {"a" + m.id: object_words(m, tok, stop) for m in a.measures}
    words |= {"b" + m.id: object_words(m, tok, stop) for m in b.measures}
    for side, report in (("a", a), ("b", b)):         # objects without the campaign names they hold
        names = sorted({folded(sp.text) for c in report.campaigns for sp in c.mentions}, key=len, reverse=True)
        for m in report.measures:
            if m.campaigns:
                rest = folded(m.object)
                for n in names:
                    rest = rest.replace(n, " ")
                words["r" + side + m.id] = words_of(rest, tok, stop)
    names_a, names_b = campaign_names(a), campaign_names(b)
    roles_b = section_roles(b)
    plans = [m for m in a.measures if m.status == "planned" and (m.concrete or not concrete_only)]
    answers = [m for m in b.measures if roles_b.get(m.section) != "problems"]
    candidates = []
    for i, plan in enumerate(plans):
        for m in answers:
            sc = score(plan, m, words, names_a, names_b, sim, s)
            if sc >= s.threshold:
                done_bonus = 0.05 if _fulfils(m, roles_b) else 0.0
                candidates.append((sc + done_bonus, sc, i, m))
    chosen: dict[int, tuple[float, Measure]] = {}
    taken: set[str] = set()
    for _, sc, i, m in sorted(candidates, key=lambda c: (-c[0], c[2])):
        if i not in chosen and m.id not in taken:
            chosen[i] = (sc, m)
            taken.add(m.id)
    figures = [f for f in (*b.case_counts, *b.metrics)
               if f.subject and roles_b.get(f.section) not in ("plan", "problems")]
    figure_words = {f.id: words_of(f.subject, tok, stop) for f in figures}
    clauses = problem_clauses(b, text_b)
    clause_words = [words_of(text_b[x:y], tok, stop) for x, y in clauses] if clauses else []
    open_plans = [i for i, plan in enumerate(plans) if not (i in chosen and _fulfils(chosen[i][1], roles_b))]
    by_figure = _figures_for(plans, open_plans, words, figures, figure_words, s)
    out = []
    for i, plan in enumerate(plans):
        obj = words["a" + plan.id]
        sc, m = chosen.get(i, (0.0, None))
        short = _best_clause(plan, obj, clauses, clause_words, text_b or "", s)
        if m is not None and _fulfils(m, roles_b) and (short is None or sc >= short[0]):
            out.append(Match(plan, m, round(min(sc, 1.0), 3), "fulfilled"))
            continue                                  # (a problems clause nearer the object than the act wins)
        if i in by_figure:
            out.append(Match(plan, None, by_figure[i][0], "fulfilled", figure=by_figure[i][1]))
            continue
        if short is not None:
            out.append(Match(plan, None, short[0], "reported_shortfall", clause=short[1]))
        elif m is not None:
            out.append(Match(plan, m, round(min(sc, 1.0), 3), "continued"))
        else:
            out.append(Match(plan, None, 0.0, "not_reported"))
    return out


def _fulfils(m: Measure, roles: dict[str, str | None]) -> bool:
    """A done measure outside B's plan and problems parts reports an act carried out."""
    return m.status == "done" and roles.get(m.section) not in ("plan", "problems")


def _figures_for(plans, open_plans, words, figures, figure_words, s: DiffSettings) -> dict[int, tuple[float, object]]:
    """Figures of B's review part reported for a commitment's object (建设更多检察听证室 → 建成检察听证室12个),
    one figure for one commitment, best match first. The match is the harmonic mean of the share of
    the object's words in the figure's subject and the share of the subject's words in the object."""
    candidates = []
    for i in open_plans:
        obj = words["a" + plans[i].id]
        for f in figures:
            if conflicting(set(), set(), plans[i].object, f.subject or ""):
                continue
            subject = figure_words[f.id]
            shared = len(obj & subject)
            if shared < s.figure_min_shared:
                continue
            a, b = shared / len(obj), shared / len(subject)
            fit = 2 * a * b / (a + b)
            if fit >= s.figure_threshold:
                candidates.append((fit, i, f))
    out, used = {}, set()
    for fit, i, f in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if i not in out and f.id not in used:
            out[i] = (round(min(fit, 1.0), 3), f)
            used.add(f.id)
    return out


def _best_clause(plan: Measure, obj: frozenset[str], clauses, clause_words, text: str, s: DiffSettings):
    best = None
    need = min(s.shortfall_min_shared, len(obj))
    for (x, y), w in zip(clauses, clause_words):
        if conflicting(set(), set(), plan.object, text[x:y]):
            continue
        cover, shared = _cover(obj, w)
        if cover >= s.shortfall_threshold and shared >= max(need, 1) and (best is None or cover > best[0]):
            best = (round(min(cover, 1.0), 3), (x, y))
    return best
