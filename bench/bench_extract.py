"""Throughput of `jcreport.extract` against plain jieba segmentation of the same text, same run.

Usage: python bench/bench_extract.py [--repeat N] [samples/*.txt]
Prints chars/s for: jieba (jieba.Tokenizer().lcut, the reference), rjieba segmentation, and
jcreport extract end to end (decoded text -> validated Report), with the ratio to jieba; and the
cold-start wall time of `jcreport extract` on one sample (a new process, median of 5).
"""
from __future__ import annotations

import argparse
import logging
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_rate(fn, texts, repeat: int) -> float:
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "samples").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]

    import jieba
    import rjieba

    from jcreport import extract

    jieba.setLogLevel(logging.WARNING)
    jt = jieba.Tokenizer()
    jt.initialize()
    rj = rjieba.Jieba()
    extract(texts[0])  # load lexicons and the tokenizer once, as a long batch run would

    ref = best_rate(jt.lcut, texts, args.repeat)
    rows = [("jieba segmentation (reference)", ref),
            ("rjieba segmentation", best_rate(rj.cut, texts, args.repeat)),
            ("jcreport extract (end to end)", best_rate(extract, texts, args.repeat))]
    print(f"{len(texts)} files, {sum(map(len, texts))} chars, best of {args.repeat}")
    for name, rate in rows:
        print(f"{name:34} {rate / 1e6:7.3f} M chars/s  {rate / ref:6.2f}x jieba")

    sample = ROOT / "samples" / "003_a82b9bb60c50b0fd.txt"
    walls = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "jcreport", "extract", str(sample)], check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
    print(f"cold start: jcreport extract {sample.name}: median {statistics.median(walls):.3f} s wall (5 runs)")


if __name__ == "__main__":
    main()
