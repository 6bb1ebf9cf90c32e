"""What OpenCC's phrase-aware conversion costs against the shipped table alone, and whether it
changes the reading copy, on the real corpus's texts that hold traditional script.

    python bench/bench_opencc.py [--pairs 2] [--chars 1000000]

The texts are repeated to about --chars characters; each pair runs the reading copy with OpenCC
and then with JCREPORT_OPENCC=0, each in a fresh process (CPU time, median of 3 in each). The
reading copies of the texts themselves are hashed to show whether they differ. Needs the opencc extra.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "tests" / "real" / "texts"


def traditional_texts() -> list[str]:
    from jcreport.traditional import phrase_segments
    return [p.name for p in sorted(TEXTS.glob("*.txt")) if phrase_segments(p.read_text(encoding="utf-8")) is not None]


def measure(names: list[str], chars: int) -> dict:
    from jcreport.normalize import reading_copy
    texts = [(TEXTS / n).read_text(encoding="utf-8") for n in names]
    big = "\n".join(texts) * (chars // sum(map(len, texts)) + 1)
    reading_copy(texts[0])                              # tables and OpenCC loaded before timing
    runs = []
    for _ in range(3):
        start = time.process_time()
        reading_copy(big)
        runs.append(time.process_time() - start)
    copies = hashlib.sha256("\x00".join(reading_copy(t)[0] for t in texts).encode()).hexdigest()[:12]
    return {"chars": len(big), "median": statistics.median(runs), "copies": copies}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=2)
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(json.loads(args.measure), args.chars)))
        return
    names = traditional_texts()
    if not names:
        sys.exit("no text with traditional script found (is the opencc extra installed?)")
    print(f"{len(names)} texts hold traditional script")
    for pair in range(args.pairs):
        got = {}
        for mode in ("1", "0"):
            out = subprocess.run([sys.executable, __file__, "--chars", str(args.chars), "--measure", json.dumps(names)],
                                 capture_output=True, text=True, check=True, env={**os.environ, "JCREPORT_OPENCC": mode})
            got[mode] = json.loads(out.stdout)
        on, off = got["1"], got["0"]
        print(f"pair {pair + 1}: {on['chars']:,} chars: OpenCC {on['median']:.3f} s, table {off['median']:.3f} s, "
              f"+{(on['median'] - off['median']) / on['chars'] * 1e6:.3f} s per M chars; "
              f"reading copies {'identical' if on['copies'] == off['copies'] else 'DIFFER'}")


if __name__ == "__main__":
    main()
