"""Score extraction against hand-made gold, written by reading (tests/gold/GUIDELINES.md).

A gold file names its text: ``sample:`` (a file of the samples folder) or ``text:`` (a file of the
``texts/`` folder beside the gold folder, as in tests/real/). A predicted figure matches a gold figure
when value and unit are equal and the spans overlap (one-to-one, in text order). Figures: precision,
recall, F1. Of the matched figures: split (metric or case_count), action (case counts of both), case
type (where gold names one), change direction (where gold or jcreport states a change) and qualifier
(where gold gives the field). Names compare as read: traditional folded to simplified, pinyin glosses
dropped (``normalize.folded``), so traditional-script gold and output equal their simplified forms.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from .models import Report
from .normalize import folded


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Agreement:
    """How many of the compared records agree on one field."""

    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    def tally(self, agrees: bool) -> bool:
        self.right += agrees
        self.total += 1
        return agrees

    def add(self, other: "Agreement") -> None:
        self.right, self.total = self.right + other.right, self.total + other.total


def add_fields(total, part) -> None:
    """Add a score of one file into a running total, field by field: counts, tallies and lists."""
    for f in fields(total):
        mine, theirs = getattr(total, f.name), getattr(part, f.name)
        if isinstance(mine, (Counts, Agreement)):
            mine.add(theirs)
        elif isinstance(mine, dict):
            for key, value in theirs.items():
                mine.setdefault(key, type(value)()).add(value)
        else:
            setattr(total, f.name, mine + theirs)


FIGURE_FIELDS = ("split", "action", "case_type", "change", "qualifier")


@dataclass
class Score:
    figures: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: {"metric": Counts(), "case_count": Counts()})
    split: Agreement = field(default_factory=Agreement)
    action: Agreement = field(default_factory=Agreement)
    case_type: Agreement = field(default_factory=Agreement)
    change: Agreement = field(default_factory=Agreement)
    qualifier: Agreement = field(default_factory=Agreement)
    misses: list[str] = field(default_factory=list)

    @property
    def split_accuracy(self) -> float:
        return self.split.accuracy

    def add(self, other: "Score") -> None:
        add_fields(self, other)


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= max(1e-6, 1e-3 * max(abs(a), abs(b)))


def _same_name(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and folded(a) == folded(b))


def predicted(report: Report) -> list[dict]:
    figs = [dict(type="case_count", raw=c.raw, start=c.span.start, end=c.span.end, value=c.value, unit=c.unit,
                 qualifier=c.qualifier, action=c.action, case_type=c.case_type, change=None)
            for c in report.case_counts]
    figs += [dict(type="metric", raw=m.raw, start=m.span.start, end=m.span.end, value=m.value, unit=m.unit,
                  qualifier=m.qualifier, action=None, case_type=None, change=m.change.direction if m.change else None)
             for m in report.metrics]
    return sorted(figs, key=lambda f: f["start"])


def _compare_fields(score: Score, g: dict, p: dict, where: str) -> None:
    """Tally the fields of one matched figure and note each disagreement."""
    if not score.split.tally(p["type"] == g["type"]):
        score.misses.append(f"{where} is {g['type']}, extracted as {p['type']}")
    if g["type"] == p["type"] == "case_count" and g.get("action"):
        if not score.action.tally(_same_name(p["action"], g["action"])):
            score.misses.append(f"{where}: action {g['action']}, extracted {p['action']}")
    if g["type"] == p["type"] == "case_count" and g.get("case_type"):
        if not score.case_type.tally(_same_name(p["case_type"], g["case_type"])):
            score.misses.append(f"{where}: case_type {g['case_type']}, extracted {p['case_type']}")
    if g.get("change") or p["change"]:
        if not score.change.tally(g.get("change") == p["change"]):
            score.misses.append(f"{where}: change {g.get('change')}, extracted {p['change']}")
    if "qualifier" in g:
        if not score.qualifier.tally(_same_name(p["qualifier"], g["qualifier"])):
            score.misses.append(f"{where}: qualifier {g['qualifier']}, extracted {p['qualifier']}")


def score_figures(report: Report, gold: list[dict], name: str = "") -> Score:
    score = Score()
    pred = predicted(report)
    used: set[int] = set()
    for g in gold:
        g_end = g["start"] + len(g["raw"])
        hit = next((i for i, p in enumerate(pred) if i not in used and p["start"] < g_end and g["start"] < p["end"]
                    and _same_value(p["value"], g["value"]) and _same_name(p["unit"], g["unit"])), None)
        if hit is None:
            score.figures.fn += 1
            score.by_type[g["type"]].fn += 1
            score.misses.append(f"{name}: missed {g['raw']}@{g['start']} ({g['value']} {g['unit']})")
            continue
        used.add(hit)
        score.figures.tp += 1
        p = pred[hit]
        if p["type"] == g["type"]:
            score.by_type[g["type"]].tp += 1
        else:
            score.by_type[g["type"]].fn += 1
            score.by_type[p["type"]].fp += 1
        _compare_fields(score, g, p, f"{name}: {g['raw']}@{g['start']}")
    for i, p in enumerate(pred):
        if i not in used:
            score.figures.fp += 1
            score.by_type[p["type"]].fp += 1
            score.misses.append(f"{name}: spurious {p['raw']}@{p['start']} ({p['value']} {p['unit']})")
    return score


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def text_path(gold_path: Path, gold: dict, samples_dir: Path | None) -> Path:
    """The text a gold file annotates: ``text:`` in the ``texts/`` folder beside the gold folder,
    ``sample:`` in the samples folder."""
    if "text" in gold:
        return gold_path.parent.parent / "texts" / gold["text"]
    return (samples_dir or Path("samples")) / gold["sample"]


def gold_files(gold_dir: Path, samples_dir: Path | None = None):
    """(name, gold, text path) of every gold file of a folder, in name order."""
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = load_gold(gold_path)
        yield gold.get("text") or gold["sample"], gold, text_path(gold_path, gold, samples_dir)


def score_dir(gold_dir: Path, samples_dir: Path | None, extract) -> tuple[Score, dict[str, Score]]:
    """Score every gold file of a folder; ``extract(path) -> Report``."""
    total, per_file = Score(), {}
    for name, gold, path in gold_files(gold_dir, samples_dir):
        s = score_figures(extract(path), gold.get("figures") or [], name)
        per_file[name] = s
        total.add(s)
    return total, per_file


META_FIELDS = ("title", "doc_type", "organ", "organ_level", "year")


@dataclass
class ActionScore:
    """Document-level records against gold: campaigns, measures (all, and concrete acts alone),
    measure status, section roles and the meta fields (guides: tests/gold/GUIDELINES.md and
    tests/gold/measures/GUIDELINES.md)."""

    campaigns: Counts = field(default_factory=Counts)
    measures: Counts = field(default_factory=Counts)
    concrete: Counts = field(default_factory=Counts)
    status: Agreement = field(default_factory=Agreement)
    roles: Agreement = field(default_factory=Agreement)
    meta: dict[str, Agreement] = field(default_factory=lambda: {k: Agreement() for k in META_FIELDS})
    misses: list[str] = field(default_factory=list)

    @property
    def status_accuracy(self) -> float:
        return self.status.accuracy

    def add(self, other: "ActionScore") -> None:
        add_fields(self, other)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _campaigns(score: ActionScore, report: Report, gold: list[dict], name: str) -> None:
    """Campaigns match when any of their mentions overlap."""
    pred_c = [[(m.start, m.end) for m in c.mentions] for c in report.campaigns]
    used: set[int] = set()
    for g in gold:
        spans = [(m["start"], m["start"] + len(m["text"])) for m in g["mentions"]]
        hit = next((i for i, ps in enumerate(pred_c) if i not in used and any(_overlap(p, s) for p in ps for s in spans)), None)
        if hit is None:
            score.campaigns.fn += 1
            score.misses.append(f"{name}: missed campaign {g['name']}")
        else:
            used.add(hit)
            score.campaigns.tp += 1
    for i, c in enumerate(report.campaigns):
        if i not in used:
            score.campaigns.fp += 1
            score.misses.append(f"{name}: spurious campaign {c.name}@{c.mentions[0].start}")


def _measures(counts: Counts, status: Agreement | None, pred: list, gold: list[dict], name: str,
              misses: list[str]) -> None:
    """Measures match when the verb is the same and the object spans overlap; status over matches."""
    used: set[int] = set()
    for g in gold:
        obj = (g["object_start"], g["object_start"] + len(g["object"]))
        hit = next((i for i, m in enumerate(pred) if i not in used and _same_verb(m.verb, g["verb"])
                    and m.object_span is not None and _overlap((m.object_span.start, m.object_span.end), obj)), None)
        if hit is None:
            counts.fn += 1
            misses.append(f"{name}: missed measure {g['verb']}|{g['object']}@{g['start']}")
            continue
        used.add(hit)
        counts.tp += 1
        if status is not None and not status.tally(pred[hit].status == g["status"]):
            misses.append(f"{name}: status of {g['verb']}|{g['object']}@{g['start']} is {g['status']}, "
                          f"extracted {pred[hit].status} (cue {pred[hit].cue})")
    for i, m in enumerate(pred):
        if i not in used:
            counts.fp += 1
            misses.append(f"{name}: spurious measure {m.verb}|{m.object}@{m.span.start}")


def _same_verb(a: str, b: str) -> bool:
    """Verbs compare as read; a compound and its head are the same act (依法惩治 = 惩治, 制定出台 = 出台,
    服务保障 = 保障): the guide keeps the verb nearest the object, annotators sometimes the compound."""
    a, b = folded(a), folded(b)
    return a == b or (min(len(a), len(b)) >= 2 and (a.endswith(b) or b.endswith(a) or a.startswith(b) or b.startswith(a)))


def _roles(score: ActionScore, report: Report, gold: list[dict], name: str) -> None:
    """Section roles of the gold headings jcreport found (a heading is found when its start lies in
    the span of an outline section's heading)."""
    for g in gold:
        hit = next((s for s in report.outline if s.span.start <= g["start"] < max(s.span.end, s.span.start + 1)), None)
        if hit is not None and not score.roles.tally(hit.role == g.get("role")):
            score.misses.append(f"{name}: role of {g.get('marker') or ''}{g['title']}@{g['start']} is {g.get('role')},"
                                f" extracted {hit.role}")


def _meta(score: ActionScore, report: Report, gold: dict, name: str) -> None:
    """Meta fields compare as read (folded, spaces dropped); an organ also equals its name with the
    enclosing places in front (丽水市莲都区人民检察院 = 莲都区人民检察院): the contract asks for the name
    "as far as the text gives it", and texts differ in how far."""
    def key(value):
        return None if value is None else "".join(folded(str(value)).split())

    for f in META_FIELDS:
        want, got = gold.get(f), getattr(report.meta, f)
        a, b = key(want), key(got)
        same = a == b or bool(f == "organ" and a and b and (a.endswith(b) or b.endswith(a)) and min(len(a), len(b)) > 6)
        if not score.meta[f].tally(same):
            score.misses.append(f"{name}: meta {f} is {want!r}, extracted {got!r}")


def score_actions(report: Report, gold: dict, name: str = "") -> ActionScore:
    """Campaigns, measures (when the gold lists them; ``all`` only where it marks ``concrete``, as the
    version-2 gold does), section roles and meta (when the gold gives them)."""
    score = ActionScore()
    _campaigns(score, report, gold.get("campaigns") or [], name)
    if "measures" in gold:
        golds = gold["measures"] or []
        if all("concrete" in g for g in golds) and "text" in gold:
            _measures(score.measures, score.status, report.measures, golds, name, score.misses)
        else:
            _measures(score.measures, score.status, [m for m in report.measures if m.concrete], golds, name,
                      score.misses)
        _measures(score.concrete, None, [m for m in report.measures if m.concrete],
                  [g for g in golds if g.get("concrete", True)], name, [])
    _roles(score, report, gold.get("sections") or [], name)
    if isinstance(gold.get("meta"), dict):
        _meta(score, report, gold["meta"], name)
    return score


def score_actions_dir(gold_dir: Path, samples_dir: Path | None, extract) -> tuple[ActionScore, dict[str, ActionScore]]:
    total, per_file = ActionScore(), {}
    for name, gold, path in gold_files(gold_dir, samples_dir):
        s = score_actions(extract(path), gold, name)
        per_file[name] = s
        total.add(s)
    return total, per_file
