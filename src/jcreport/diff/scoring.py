"""Score commitment matching against hand-made pairs (tests/diff/pairs/<pair>/a.txt, b.txt, gold.yaml).

Each gold commitment is a planned measure of A (verb and object as written) and what B says of it:
an outcome (fulfilled | continued | reported_shortfall | not_reported), the measure of B that answers
it (``b``) and/or the text of B that does (``evidence``: a figure, or a clause of B's problems part).

- **listed**: the diff lists the commitment at all (a commitment with the same verb and an object
  overlapping the gold one's place in A); *listing recall* = listed / gold commitments.
- **right**: listed, with the gold outcome, and (unless not_reported) evidence overlapping the gold
  ``b`` measure or ``evidence`` text in B; *outcome accuracy* = right / listed, also per gold outcome.
- **extra**: commitments the diff lists that the gold does not (the older pairs' gold lists concrete
  acts only, so their policy commitments are extra there).

Each pair's gold names its ``split``: ``fit`` pairs are the ones the matcher's weights
(lexicons/diff.yaml) were chosen on, ``held_out`` the ones they were not, so a score that was not
fitted can be reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..scoring import Agreement as Accuracy
from .build import diff_reports

OUTCOMES = ("fulfilled", "continued", "reported_shortfall", "not_reported")


def locate(text: str, verb: str, obj: str) -> list[tuple[int, int]]:
    """Every place ``obj`` stands in ``text`` right after ``verb`` (了/好 may come between): a
    commitment's wording can recur in a report's review part."""
    found, start = [], text.find(obj)
    while start >= 0:
        if verb in text[max(0, start - len(verb) - 2):start]:
            found.append((start, start + len(obj)))
        start = text.find(obj, start + 1)
    return found


def _find(text: str, snippet: str) -> list[tuple[int, int]]:
    found, start = [], text.find(snippet)
    while start >= 0:
        found.append((start, start + len(snippet)))
        start = text.find(snippet, start + 1)
    return found


def _overlap(places: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in places)


@dataclass
class PairScore:
    gold: int = 0
    listed: int = 0
    right: int = 0
    extra: int = 0
    outcomes: dict[str, Accuracy] = field(default_factory=lambda: {o: Accuracy() for o in OUTCOMES})
    campaigns: Accuracy = field(default_factory=Accuracy)
    misses: list[str] = field(default_factory=list)

    @property
    def listing_recall(self) -> float:
        return self.listed / self.gold if self.gold else 1.0

    @property
    def accuracy(self) -> float:
        return self.right / self.listed if self.listed else 1.0

    def add(self, other: "PairScore") -> None:
        self.gold, self.listed, self.right = self.gold + other.gold, self.listed + other.listed, self.right + other.right
        self.extra += other.extra
        for o in OUTCOMES:
            self.outcomes[o].right += other.outcomes[o].right
            self.outcomes[o].total += other.outcomes[o].total
        self.campaigns.right += other.campaigns.right
        self.campaigns.total += other.campaigns.total
        self.misses += other.misses


def _answers(pred, g: dict, text_b: str) -> bool:
    """Whether the predicted evidence is the gold one (a measure of B, or the text given)."""
    if g["outcome"] == "not_reported":
        return True
    places = []
    if g.get("b"):
        places += locate(text_b, g["b"]["verb"], g["b"]["object"])
    if g.get("evidence"):
        places += _find(text_b, g["evidence"])
    if not places:
        return True
    spans = [e.span for e in (pred.evidence,) if e is not None] + ([pred.b.span] if pred.b else [])
    return any(_overlap(places, s.start, s.end) for s in spans)


def score_pair(folder: Path, tok, similarity: str, concrete_only: bool = False) -> PairScore:
    from ..diff.inputs import load

    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    (a, text_a), (b, text_b) = load(str(folder / "a.txt")), load(str(folder / "b.txt"))
    d = diff_reports(a, b, tok, similarity, text_b=text_b, concrete_only=concrete_only)
    score, used = PairScore(), set()
    commitments = [g for g in gold["commitments"] if g.get("concrete", True) or not concrete_only]
    for g in commitments:
        score.gold += 1
        where = locate(text_a, g["a"]["verb"], g["a"]["object"])
        pred = next((p for i, p in enumerate(d.commitments) if i not in used and p.a.verb == g["a"]["verb"]
                     and _overlap(where, p.a.span.start + len(p.a.verb), p.a.span.end)), None)
        name = f"{folder.name}: {g['a']['verb']}{g['a']['object']}"
        if pred is None:
            score.misses.append(f"{name}: commitment not listed (gold {g['outcome']})")
            continue
        used.add(d.commitments.index(pred))
        score.listed += 1
        right = pred.outcome == g["outcome"] and _answers(pred, g, text_b)
        score.right += right
        score.outcomes[g["outcome"]].tally(right)
        if not right:
            got = pred.evidence.text if pred.evidence else ""
            want = (g["b"]["verb"] + g["b"]["object"]) if g.get("b") else g.get("evidence", "")
            score.misses.append(f"{name}: got {pred.outcome} {got}, gold {g['outcome']} {want}".rstrip())
    score.extra = len(d.commitments) - len(used)
    by_name = {c.name: c.outcome for c in d.campaigns}
    by_lexicon = {c.lexicon_id: c.outcome for c in d.campaigns if c.lexicon_id}
    for g in gold.get("campaigns") or []:
        got = by_name.get(g["name"]) or next((o for k, o in by_lexicon.items() if k and g["name"] in _names(k)), None)
        if not score.campaigns.tally(got == g["outcome"]):
            score.misses.append(f"{folder.name}: campaign {g['name']}: got {got}, gold {g['outcome']}")
    return score


def _names(lexicon_id: str) -> set[str]:
    from ..pipeline import default_lexicon

    entry = next((c for c in default_lexicon().campaigns.campaigns if c.id == lexicon_id), None)
    return {entry.name, *entry.aliases} if entry else set()


def pair_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "gold.yaml").exists())


def split_of(folder: Path) -> str:
    return (yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}).get("split", "fit")


def score_pairs(root: Path, tok, similarity: str, concrete_only: bool = False) -> dict[str, PairScore]:
    """Scores over all pairs (``all``) and per split (``fit``, ``held_out``)."""
    out = {"all": PairScore(), "fit": PairScore(), "held_out": PairScore()}
    for folder in pair_folders(root):
        s = score_pair(folder, tok, similarity, concrete_only)
        out["all"].add(s)
        out.setdefault(split_of(folder), PairScore()).add(s)
    return out
