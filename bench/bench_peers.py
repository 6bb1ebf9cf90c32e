"""jcreport against what a user would otherwise reach for: figures (values and units only) scored
on the hand-made gold of the real corpus (tests/real/gold/NNN.yaml) and of the samples
(tests/gold/0*.yaml), format in tests/gold/GUIDELINES.md.

Usage:
    python bench/bench_peers.py [--gold-dir tests/real/gold] [--texts-dir tests/real/texts]
                                [--verbose [--system NAME]]

Peers (optional; a missing one is reported as "not installed", never a crash):
    pip install 'recognizers-text-number' 'recognizers-text-number-with-unit' 'emoji<2' cn2an
(recognizers-text's Python packages are 1.0.2a2 alphas that only install with emoji<2.)

Systems, each giving figures (start, end, value, unit) in the ORIGINAL text's offsets:
  regex             an Arabic number (decimals, 1,234 thousands groups, an optional 万亿/亿/万
                    multiplier) directly followed by a measure word of jcreport's unit lexicon
                    (lexicons/units.yaml `units:`, longest first; it holds %); value = number x
                    multiplier. No 余/多 between number and unit, no Chinese numerals.
  cn2an+regex       cn2an.transform(text, "cn2an") turns Chinese numerals into digits, then the same
                    regex runs on the transformed text. The transform changes the text's length, so
                    the two texts are aligned (difflib opcodes, autojunk off): a position in an
                    unchanged stretch maps one to one, a position inside a rewritten stretch maps to
                    that stretch's original ends (百分之九十八 -> 98%: the figure spans 百分之九十八).
  recognizers-text  Microsoft Recognizers-Text, Culture.Chinese: NumberRecognizer's number and
                    percentage models. A percentage is a figure with unit % (个百分点 when its text
                    ends so: 21个百分点 comes out as a percentage). A number outside the percentages
                    is a figure only when a measure word of the same unit list follows right after
                    its span, read by the same code as the regex's units: where Recognizers-Text
                    gives no unit it gets the same unit-reading help as the regex, so the comparison
                    is fair. Bare numbers (years, list numbers) are dropped, as the regex never sees
                    them. The number-with-unit package (in the pip line) is left out because it does
                    not help: for Chinese it has currency, dimension, age and temperature models only,
                    the units they find that gold uses (元 吨 亩 平方米 公里) are in the unit list
                    anyway, and in a trial on 60 real gold files adding currency + dimension scored
                    no better (F1 0.864 against 0.865: 十分重视 -> 10 分, 两升 -> 2 升) at 20x the time.
  jcreport          jcreport.extract(text): report.metrics + report.case_counts.

The regex (alone and after cn2an) and recognizers-text's unit reading run on
jcreport.normalize.normalize(text), a fold that keeps every offset (fullwidth -> ASCII, traditional ->
simplified), so 個/萬/％ read as 个/万/%; cn2an and Recognizers-Text themselves get the text as it is.

Scoring: a predicted figure matches a gold figure when the spans overlap, the values are equal
(relative tolerance 1e-3; both null counts as equal) and the units are equal after the same fold;
one-to-one, gold and predictions in text order, each gold figure taking the first free prediction
that matches. Seconds: prediction time over a corpus (for cn2an+regex with the alignment), after one
warm-up call; setup (import, model build, that call) is printed apart.
Gold files are written by hand while this runs elsewhere: an unreadable or incomplete one is skipped
with a note.
"""
from __future__ import annotations

import argparse
import bisect
import difflib
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from jcreport.normalize import normalize
from jcreport.scoring import Counts

ROOT = Path(__file__).resolve().parents[1]
UNITS_FILE = ROOT / "lexicons" / "units.yaml"
PEER_PIP = {
    "recognizers-text": "pip install 'recognizers-text-number' 'recognizers-text-number-with-unit' "
                        "'emoji<2'",
    "cn2an+regex": "pip install cn2an",
}
WARM_UP = "全市检察机关共办理各类案件一千七百五十六件,起诉3.2万人,同比上升百分之二十七。"


class Figure(NamedTuple):
    start: int
    end: int
    value: float | None
    unit: str | None
    raw: str


Predict = Callable[[str], list[Figure]]


def in_text_order(figs: list[Figure]) -> list[Figure]:
    return sorted(figs, key=lambda f: (f.start, f.end))


# ---------------------------------------------------------------------------- units and the regex

def load_units() -> list[str]:
    """Measure words of jcreport's unit lexicon, longest first (so 个百分点 wins over 个)."""
    entries = yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))["units"]
    return sorted({e["unit"] for e in entries}, key=len, reverse=True)


UNITS = load_units()
MULTIPLIERS = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
FIGURE_RE = re.compile(
    r"(?<![0-9.])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?P<mult>" + "|".join(MULTIPLIERS) + r")?"
    r"(?P<unit>" + "|".join(map(re.escape, UNITS)) + r")")


def unit_at(view: str, pos: int) -> str | None:
    """The measure word starting at ``pos`` of the folded text, longest first, or None."""
    return next((u for u in UNITS if view.startswith(u, pos)), None)


def regex_figures(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of every digit-and-unit figure, in ``text``'s offsets."""
    out = []
    for m in FIGURE_RE.finditer(normalize(text)):
        value = float(m["num"].replace(",", "")) * MULTIPLIERS.get(m["mult"] or "", 1)
        out.append((m.start(), m.end(), value, m["unit"]))
    return out


def predict_regex(text: str) -> list[Figure]:
    return [Figure(s, e, v, u, text[s:e]) for s, e, v, u in regex_figures(text)]


# ---------------------------------------------------------------------------- cn2an + regex

def opcodes(original: str, rewritten: str) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes, computed line by line (25x faster on an 18,000-character sample) when the
    rewrite kept the lines, as cn2an does; over the whole text otherwise."""
    lines_a, lines_b = original.split("\n"), rewritten.split("\n")
    if len(lines_a) != len(lines_b):
        return difflib.SequenceMatcher(None, original, rewritten, autojunk=False).get_opcodes()
    ops, i0, j0 = [], 0, 0
    for a, b in zip(lines_a, lines_b, strict=True):
        ops += [(tag, i0 + i1, i0 + i2, j0 + j1, j0 + j2)
                for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()]
        ops.append(("equal", i0 + len(a), i0 + len(a) + 1, j0 + len(b), j0 + len(b) + 1))    # the newline
        i0, j0 = i0 + len(a) + 1, j0 + len(b) + 1
    return ops


class Alignment:
    """Maps offsets of a rewritten text back to the original, from difflib's opcodes."""

    def __init__(self, original: str, rewritten: str):
        self.ops = [op for op in opcodes(original, rewritten) if op[0] != "delete"]   # no rewritten position
        self.j_starts = [op[3] for op in self.ops]

    def _op(self, j: int):
        return self.ops[max(bisect.bisect_right(self.j_starts, j) - 1, 0)]

    def start(self, j: int) -> int:
        tag, i1, _, j1, _ = self._op(j)
        return i1 + (j - j1) if tag == "equal" else i1

    def end(self, j: int) -> int:
        tag, i1, i2, j1, _ = self._op(j - 1)
        return i1 + (j - j1) if tag == "equal" else i2


def load_cn2an() -> Predict:
    import cn2an

    def predict(text: str) -> list[Figure]:
        with warnings.catch_warnings():            # cn2an warns on every numeral it can't parse (五六十)
            warnings.simplefilter("ignore")
            rewritten = cn2an.transform(text, "cn2an")
        align = Alignment(text, rewritten)
        figs = []
        for s, e, v, u in regex_figures(rewritten):
            start, end = align.start(s), align.end(e)
            figs.append(Figure(start, end, v, u, text[start:end]))
        return figs

    return predict


# ---------------------------------------------------------------------------- Recognizers-Text

Span = tuple[int, int, float | None]   # start, end (exclusive), resolved value


def _number(resolution: dict | None) -> float | None:
    value = (resolution or {}).get("value")
    try:
        return float(str(value).rstrip("%"))
    except ValueError:
        return None


def model_spans(model, text: str) -> list[Span]:
    """A number model's results on ``text``. This is what ``model.parse(text)`` does (preprocess,
    extract, parse each result), one result at a time: model.parse returns nothing at all for its
    whole input when one result fails to resolve (292/0 raises DivisionByZero), which would blank a
    text. QueryProcessor.preprocess replaces characters one for one, so offsets stay the text's."""
    from recognizers_text.utilities import QueryProcessor

    out = []
    for extracted in model.extractor.extract(QueryProcessor.preprocess(text, True)):
        try:
            parsed = model.parser.parse(extracted)
        except Exception:  # noqa: BLE001, S112 -- as model.parse, which would lose every result for it
            continue
        if parsed is not None:
            out.append((parsed.start, parsed.start + parsed.length, _number({"value": parsed.resolution_str})))
    return out


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


def recognizers_figures(text: str, numbers: list[Span], percents: list[Span]) -> list[Figure]:
    """Percentages (unit %, or 个百分点/百分点 when the span ends so), then the numbers outside them
    that a measure word of the unit list follows right after."""
    view, figs = normalize(text), []
    for s, e, v in percents:
        unit = next((u for u in UNITS if u.endswith("百分点") and view.endswith(u, s, e)), "%")
        figs.append(Figure(s, e, v, unit, text[s:e]))
    taken = [(f.start, f.end) for f in figs]
    for s, e, v in numbers:
        unit = unit_at(view, e)
        if unit is not None and not _overlaps(s, e, taken):
            figs.append(Figure(s, e + len(unit), v, unit, text[s:e + len(unit)]))
    return figs


def load_recognizers() -> Predict:
    from recognizers_number import NumberRecognizer
    from recognizers_text import Culture

    recognizer = NumberRecognizer(Culture.Chinese)
    numbers, percents = recognizer.get_number_model(), recognizer.get_percentage_model()

    def predict(text: str) -> list[Figure]:
        return recognizers_figures(text, model_spans(numbers, text), model_spans(percents, text))

    return predict


# ---------------------------------------------------------------------------- jcreport

def load_jcreport() -> Predict:
    from jcreport import extract

    def predict(text: str) -> list[Figure]:
        report = extract(text)
        return [Figure(f.span.start, f.span.end, f.value, f.unit, f.raw)
                for f in [*report.metrics, *report.case_counts]]

    return predict


SYSTEMS: dict[str, Callable[[], Predict]] = {
    "recognizers-text": load_recognizers,
    "cn2an+regex": load_cn2an,
    "regex": lambda: predict_regex,
    "jcreport": load_jcreport,
}


# ---------------------------------------------------------------------------- gold

@dataclass
class Doc:
    name: str
    text: str
    gold: list[Figure]


def _gold_value(value) -> float | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise ValueError(f"value {value!r} is not a number")
    return value


def read_gold(gold_path: Path, texts_dir: Path) -> Doc:
    """One gold file and its text; raises ValueError when it is unreadable or incomplete."""
    try:
        data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        name = data.get("text") or data.get("sample") or f"{gold_path.stem}.txt"
        text = (texts_dir / name).read_text(encoding="utf-8")
        gold = [Figure(g["start"], g["start"] + len(g["raw"]), _gold_value(g["value"]), g["unit"], g["raw"])
                for g in data.get("figures") or []]
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError) as e:
        raise ValueError(f"{type(e).__name__}: {str(e).splitlines()[0]}") from e
    ungrounded = [g for g in gold if text[g.start:g.end] != g.raw]
    if ungrounded:
        print(f"note: {gold_path.name}: {len(ungrounded)} figure(s) whose raw is not at start, "
              f"e.g. {ungrounded[0].raw}@{ungrounded[0].start}", file=sys.stderr)
    return Doc(name, text, in_text_order(gold))


def read_corpus(gold_files: list[Path], texts_dir: Path) -> list[Doc]:
    docs = []
    for path in gold_files:
        try:
            docs.append(read_gold(path, texts_dir))
        except ValueError as e:
            print(f"note: skipped {path}: {e}", file=sys.stderr)
    return docs


# ---------------------------------------------------------------------------- scoring

def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-3 * max(abs(a), abs(b))


def fold_unit(unit: str | None) -> str | None:
    """Traditional -> simplified, fullwidth -> ASCII (個 -> 个, ％ -> %)."""
    return None if unit is None else normalize(str(unit))


def same_unit(a: str | None, b: str | None) -> bool:
    return fold_unit(a) == fold_unit(b)


def matches(p: Figure, g: Figure) -> bool:
    return p.start < g.end and g.start < p.end and same_value(p.value, g.value) and same_unit(p.unit, g.unit)


@dataclass
class Tally(Counts):
    """jcreport's own counts (precision, recall, F1 as `jcreport score` computes them), with time and misses."""

    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def p(self) -> float:
        return self.precision

    @property
    def r(self) -> float:
        return self.recall


def score_doc(pred: list[Figure], doc: Doc, tally: Tally) -> None:
    """One-to-one in text order: each gold figure takes the first free matching prediction."""
    used: set[int] = set()
    for g in doc.gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and matches(p, g)), None)
        if hit is None:
            tally.fn += 1
            tally.misses.append(f"{doc.name}: missed {g.raw}@{g.start} ({g.value} {g.unit})")
        else:
            used.add(hit)
            tally.tp += 1
    for i, p in enumerate(pred):
        if i not in used:
            tally.fp += 1
            tally.misses.append(f"{doc.name}: spurious {p.raw}@{p.start} ({p.value} {p.unit})")


def run_system(predict: Predict, docs: list[Doc]) -> Tally:
    tally = Tally()
    for doc in docs:
        t0 = time.perf_counter()
        pred = in_text_order(predict(doc.text))
        tally.seconds += time.perf_counter() - t0
        score_doc(pred, doc, tally)
    return tally


def load_system(name: str) -> tuple[Predict | None, str]:
    """The system's predict function, warmed up, and its setup time; or None and why not."""
    t0 = time.perf_counter()
    try:
        predict = SYSTEMS[name]()
    except ModuleNotFoundError:
        return None, f"not installed ({PEER_PIP.get(name, 'pip install -e .')})"
    except ImportError as e:               # recognizers_text imports emoji.UNICODE_EMOJI, gone in emoji 2
        return None, f"import failed: {e} ({PEER_PIP.get(name, 'pip install -e .')})"
    predict(WARM_UP)
    return predict, f"{time.perf_counter() - t0:.2f} s"



# ---------------------------------------------------------------------------- output

HEADER = f"{'system':17} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'seconds':>8}"


def row(name: str, t: Tally) -> str:
    return f"{name:17} {t.p:6.3f} {t.r:6.3f} {t.f1:6.3f} {t.tp:5} {t.fp:5} {t.fn:5} {t.seconds:8.3f}"


def print_corpus(title: str, docs: list[Doc], systems: dict[str, Predict | None],
                 setup: dict[str, str]) -> dict[str, Tally]:
    figures = sum(len(d.gold) for d in docs)
    print(f"\n{title}: {len(docs)} gold file(s), {figures} gold figures, {sum(len(d.text) for d in docs)} chars")
    if not docs:
        print("  (no gold yet: nothing to score)")
        return {}
    print(HEADER)
    tallies = {}
    for name, predict in systems.items():
        if predict is None:
            print(f"{name:17} {setup[name]}")
            continue
        tallies[name] = run_system(predict, docs)
        print(row(name, tallies[name]))
    return tallies


def print_misses(system: str, results: dict[str, dict[str, Tally]], setup: dict[str, str]) -> None:
    for corpus, tallies in results.items():
        if system in tallies:
            misses = tallies[system].misses
            print(f"\n{system} on the {corpus}: {len(misses)} misses")
            print("\n".join(f"  {m}" for m in misses))
        elif tallies:
            print(f"\n{system} on the {corpus}: {setup[system]}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold-dir", type=Path, default=ROOT / "tests" / "real" / "gold",
                    help="real-corpus gold, NNN.yaml (default tests/real/gold)")
    ap.add_argument("--texts-dir", type=Path, default=ROOT / "tests" / "real" / "texts",
                    help="the texts the gold's `text:` names (default tests/real/texts)")
    ap.add_argument("--verbose", action="store_true", help="list the misses of one system (--system)")
    ap.add_argument("--system", choices=list(SYSTEMS), default="jcreport",
                    help="whose misses --verbose lists (default jcreport)")
    args = ap.parse_args(argv)

    systems, setup = {}, {}
    for name in SYSTEMS:
        systems[name], setup[name] = load_system(name)
    print("setup (import, model build, one warm-up call): "
          + ", ".join(f"{n} {setup[n]}" for n in SYSTEMS if systems[n]))

    real = read_corpus(sorted(args.gold_dir.glob("*.yaml")), args.texts_dir)
    samples = read_corpus(sorted((ROOT / "tests" / "gold").glob("0*.yaml")), ROOT / "samples")
    results = {"real corpus": print_corpus(f"real corpus ({args.gold_dir})", real, systems, setup),
               "samples": print_corpus("samples (tests/gold)", samples, systems, setup)}

    if args.verbose:
        print_misses(args.system, results, setup)


if __name__ == "__main__":
    main()
