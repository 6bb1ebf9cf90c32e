"""Commitment matching: each planned measure of the earlier report against the measures of the
later one, by the object's words, the verb and the campaigns named (weights in lexicons/diff.yaml).

Two object similarities are implemented and compared on the test pairs (bench/bench_diff.py):
``tokens`` (overlap of jieba words, the share of the smaller set) and ``rapidfuzz``
(token-set ratio over the same words); ``DEFAULT_SIMILARITY`` is the one chosen by measurement.
"""
from __future__ import annotations

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
    stop_words: list[str]


@lru_cache(maxsize=1)
def settings() -> DiffSettings:
    return DiffSettings.model_validate(yaml.safe_load(lexicon_path("diff.yaml").read_text(encoding="utf-8")))


def object_words(measure: Measure, tok: Tokenizer, stop: frozenset[str]) -> frozenset[str]:
    words = {w for w, _, _ in tok.tokenize(folded(measure.object))}
    return frozenset(w for w in words if w.strip() and w not in stop)


def tokens_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (a reworded object keeps its key words)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def rapidfuzz_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b))) / 100


SIMILARITIES = {"tokens": tokens_similarity, "rapidfuzz": rapidfuzz_similarity}
DEFAULT_SIMILARITY = "rapidfuzz"   # measured on tests/diff/pairs: see README (bench/bench_diff.py)


def verb_compatibility(a: Measure, b: Measure, s: DiffSettings) -> float:
    if a.verb == b.verb:
        return 1.0
    if b.verb in s.fulfils.get(a.verb, ()):
        return s.listed
    if a.category == b.category:
        return s.same_category
    return s.other_verbs


@dataclass
class Match:
    a: Measure
    b: Measure | None
    score: float
    outcome: str


def _campaigns(m: Measure, names: dict[str, str]) -> set[str]:
    return {names[c] for c in m.campaigns if c in names}


def score(a: Measure, b: Measure, words: dict[str, frozenset[str]], names_a: dict[str, str], names_b: dict[str, str],
          similarity, s: DiffSettings) -> float:
    obj = similarity(words["a" + a.id], words["b" + b.id])
    verb = verb_compatibility(a, b, s)
    camp_a = _campaigns(a, names_a)
    if not camp_a:
        return (s.object_weight + s.campaign_weight) * obj + s.verb_weight * verb
    shared = 1.0 if camp_a & _campaigns(b, names_b) else 0.0
    return s.object_weight * obj + s.verb_weight * verb + s.campaign_weight * shared


def campaign_names(report: Report) -> dict[str, str]:
    """Campaign id -> a name that is the same across reports (the lexicon id, else the name)."""
    return {c.id: c.lexicon_id or folded(c.name) for c in report.campaigns}


def match_commitments(a: Report, b: Report, tok: Tokenizer, similarity: str = DEFAULT_SIMILARITY) -> list[Match]:
    """For every planned measure of A: a measure of B above the threshold, each measure of B
    reporting on one commitment at most (pairs taken best score first). A done measure (fulfilled)
    is preferred over a planned or ongoing one (continued) scoring within 0.05 of it.

    Only concrete acts are compared for now: policy-verb commitments (加强…, 深化…; contract v2,
    ``concrete: false``) need evidence read from B's review and problems parts, not a verb match."""
    s = settings()
    sim = SIMILARITIES[similarity]
    stop = frozenset(s.stop_words)
    words = {"a" + m.id: object_words(m, tok, stop) for m in a.measures}
    words |= {"b" + m.id: object_words(m, tok, stop) for m in b.measures}
    names_a, names_b = campaign_names(a), campaign_names(b)
    plans = [m for m in a.measures if m.status == "planned" and m.concrete]
    candidates = []
    for i, plan in enumerate(plans):
        for m in (m for m in b.measures if m.concrete):
            sc = score(plan, m, words, names_a, names_b, sim, s)
            if sc >= s.threshold:
                done_bonus = 0.05 if m.status == "done" else 0.0
                candidates.append((sc + done_bonus, sc, i, m))
    chosen: dict[int, tuple[float, Measure]] = {}
    taken: set[str] = set()
    for _, sc, i, m in sorted(candidates, key=lambda c: (-c[0], c[2])):
        if i not in chosen and m.id not in taken:
            chosen[i] = (sc, m)
            taken.add(m.id)
    out = []
    for i, plan in enumerate(plans):
        if i not in chosen:
            out.append(Match(plan, None, 0.0, "not_reported"))
            continue
        sc, m = chosen[i]
        out.append(Match(plan, m, round(min(sc, 1.0), 3), "fulfilled" if m.status == "done" else "continued"))
    return out
