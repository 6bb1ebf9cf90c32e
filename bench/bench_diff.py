"""Commitment matching on the test pairs (tests/diff/pairs), for each object similarity: listing
recall (commitments of A the diff lists at all), outcome accuracy (of the listed, per gold outcome:
fulfilled / continued / shortfall / not_reported), campaign outcome accuracy and time, on the pairs
the weights were chosen on (fit), on the others (held_out) and on all.

Usage: python bench/bench_diff.py [tests/diff/pairs] [--concrete-only]"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from jcreport.diff.match import SIMILARITIES
from jcreport.diff.scoring import OUTCOMES, score_pairs
from jcreport.pipeline import default_lexicon
from jcreport.tokenize import DEFAULT, tokenizer

ROOT = Path(__file__).resolve().parents[1]
SHORT = {"fulfilled": "fulf", "continued": "cont", "reported_shortfall": "short", "not_reported": "n/r"}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    concrete_only = "--concrete-only" in sys.argv
    pairs = Path(args[0]) if args else ROOT / "tests" / "diff" / "pairs"
    tok = tokenizer(DEFAULT, default_lexicon())
    head = "  ".join(f"{SHORT[o]:>11}" for o in OUTCOMES)
    print(f"{'similarity':10} {'split':9} {'listed':>13} {'accuracy':>14}  {head}  {'campaigns':>11}  extra  seconds")
    for name in SIMILARITIES:
        t0 = time.perf_counter()
        scores = score_pairs(pairs, tok, name, concrete_only)
        took = time.perf_counter() - t0
        for split in ("fit", "held_out", "all"):
            s = scores[split]
            per = "  ".join(f"{o.accuracy:5.2f} {o.right:2}/{o.total:<2}" for o in (s.outcomes[k] for k in OUTCOMES))
            print(f"{name:10} {split:9} {s.listing_recall:5.3f} {s.listed:3}/{s.gold:<3} {s.accuracy:5.3f} {s.right:3}/{s.listed:<3}"
                  f"  {per}  {s.campaigns.accuracy:5.3f} {s.campaigns.right:2}/{s.campaigns.total:<2}  {s.extra:5}"
                  f"  {took:6.2f}")


if __name__ == "__main__":
    main()
