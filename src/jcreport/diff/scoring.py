"""Score commitment matching against hand-made pairs (tests/diff/pairs/<pair>/a.txt, b.txt, gold.yaml).

Each predicted CommitmentMatch is a claim "this planned measure of A is <outcome>, reported by
<that measure of B>". It is right when a gold commitment has the same verb and an overlapping
object in A, the same outcome, and (unless not_reported) a matched measure in B overlapping the
gold one. Precision: right claims over claims; recall: right claims over gold commitments.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..scoring import Counts, add_fields
from .build import diff_reports


def locate(text: str, verb: str, obj: str) -> list[tuple[int, int]]:
    """Every place ``obj`` stands in ``text`` right after ``verb`` (了/好 may come between): a
    commitment's wording can recur in a report's review part."""
    found, start = [], text.find(obj)
    while start >= 0:
        if verb in text[max(0, start - len(verb) - 2):start]:
            found.append((start, start + len(obj)))
        start = text.find(obj, start + 1)
    return found


def _overlap(places: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in places)


@dataclass
class PairScore:
    commitments: Counts = field(default_factory=Counts)
    campaigns_right: int = 0
    campaigns_total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "PairScore") -> None:
        add_fields(self, other)


def score_pair(folder: Path, tok, similarity: str) -> PairScore:
    from ..diff.inputs import load

    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    (a, text_a), (b, text_b) = load(str(folder / "a.txt")), load(str(folder / "b.txt"))
    d = diff_reports(a, b, tok, similarity)
    score, used = PairScore(), set()
    for pred in d.commitments:
        hit = None
        for i, g in enumerate(gold["commitments"]):
            where = locate(text_a, g["a"]["verb"], g["a"]["object"])
            if i not in used and g["a"]["verb"] == pred.a.verb and _overlap(where, pred.a.span.start + len(pred.a.verb),
                                                                             pred.a.span.end):
                hit = i
                break
        if hit is None:
            score.commitments.fp += 1
            score.misses.append(f"{folder.name}: extra commitment {pred.a.verb}{pred.a.object} ({pred.outcome})")
            continue
        used.add(hit)
        g = gold["commitments"][hit]
        right = pred.outcome == g["outcome"]
        if right and g.get("b"):
            where_b = locate(text_b, g["b"]["verb"], g["b"]["object"])
            right = pred.b is not None and _overlap(where_b, pred.b.span.start, pred.b.span.end)
        if right:
            score.commitments.tp += 1
        else:
            score.commitments.fp += 1
            got = f"{pred.outcome} {pred.b.verb + pred.b.object if pred.b else ''}".strip()
            want = f"{g['outcome']} {g['b']['verb'] + g['b']['object'] if g.get('b') else ''}".strip()
            score.misses.append(f"{folder.name}: {g['a']['verb']}{g['a']['object']}: got {got}, gold {want}")
    for i, g in enumerate(gold["commitments"]):
        if i not in used:
            score.commitments.fn += 1
            score.misses.append(f"{folder.name}: commitment not extracted: {g['a']['verb']}{g['a']['object']}")
    by_name = {c.name: c.outcome for c in d.campaigns}
    by_lexicon = {c.lexicon_id: c.outcome for c in d.campaigns if c.lexicon_id}
    for g in gold.get("campaigns") or []:
        score.campaigns_total += 1
        got = by_name.get(g["name"]) or next((o for k, o in by_lexicon.items() if k and g["name"] in _names(k)), None)
        score.campaigns_right += got == g["outcome"]
        if got != g["outcome"]:
            score.misses.append(f"{folder.name}: campaign {g['name']}: got {got}, gold {g['outcome']}")
    return score


def _names(lexicon_id: str) -> set[str]:
    from ..pipeline import default_lexicon

    entry = next((c for c in default_lexicon().campaigns.campaigns if c.id == lexicon_id), None)
    return {entry.name, *entry.aliases} if entry else set()


def score_pairs(root: Path, tok, similarity: str) -> PairScore:
    total = PairScore()
    for folder in sorted(p for p in root.iterdir() if (p / "gold.yaml").exists()):
        total.add(score_pair(folder, tok, similarity))
    return total
