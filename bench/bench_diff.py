"""Commitment matching on the test pairs, for each object similarity: precision, recall, F1 and
time. Usage: python bench/bench_diff.py [tests/diff/pairs]"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from jcreport.diff.match import SIMILARITIES
from jcreport.diff.scoring import score_pairs
from jcreport.pipeline import default_lexicon
from jcreport.tokenize import DEFAULT, tokenizer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    pairs = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "diff" / "pairs"
    tok = tokenizer(DEFAULT, default_lexicon())
    print(f"{'similarity':12} {'P':>6} {'R':>6} {'F1':>6}  {'campaigns':>9}  seconds")
    for name in SIMILARITIES:
        t0 = time.perf_counter()
        s = score_pairs(pairs, tok, name)
        c = s.commitments
        print(f"{name:12} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {s.campaigns_right:4}/{s.campaigns_total:<4}"
              f"  {time.perf_counter() - t0:6.2f}")


if __name__ == "__main__":
    main()
