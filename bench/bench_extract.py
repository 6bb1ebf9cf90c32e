"""Extraction speed as the document grows, against jieba and rjieba segmentation of the same text,
measured in the same run, interleaved, medians of several runs (the machine is shared and noisy).

Usage: python bench/bench_extract.py [--repeat 5] [--sizes 10000 30000 100000 300000 1000000]

- scaling: for each size, a text of that many characters built from the samples and the real
  corpus; CPU time of jcreport's CLI path (extract, then the Report as JSON), of jieba.lcut and of
  rjieba.cut on it, interleaved, median of --repeat runs: chars/s and the ratio to each; peak RSS
  of a fresh process extracting it once.
- start-up: CPU time of a cold `jcreport extract` of a short sample against `python -c "import
  jieba"`, interleaved, median of 5.
"""
from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_text(size: int) -> str:
    files = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "real" / "texts").glob("*.txt"))
    base = "\n".join(f.read_text(encoding="utf-8") for f in files)
    return (base * (size // len(base) + 1))[:size]


def cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def child_peak(size: int) -> int:
    """Peak RSS (bytes) of a fresh process that extracts a text of ``size`` chars once."""
    code = ("import resource,sys; sys.path.insert(0, %r); from bench_extract import corpus_text;"
            "from jcreport import extract; from jcreport.render import to_json;"
            "t = corpus_text(%d); to_json(extract(t));"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)") % (str(ROOT / "bench"), size)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) * 1024


def cold(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000, 300_000, 1_000_000])
    args = ap.parse_args()

    import jieba
    import rjieba

    from jcreport import extract
    from jcreport.render import to_json

    jieba.setLogLevel(logging.WARNING)
    jt = jieba.Tokenizer()
    jt.initialize()
    extract("一、")                                   # lexicons and tokenizer loaded once, as in a batch

    print(f"scaling (CPU time, median of {args.repeat}, interleaved; cores: {os.cpu_count()})")
    print(f"{'chars':>9} {'jcreport':>14} {'jieba.lcut':>14} {'rjieba.cut':>14} {'÷jieba':>7} {'÷rjieba':>8} {'peak RSS':>9}")
    for size in args.sizes:
        text = corpus_text(size)
        runs = {"jcreport": [], "jieba": [], "rjieba": []}
        for _ in range(args.repeat):
            runs["jcreport"].append(cpu(lambda: to_json(extract(text))))
            runs["jieba"].append(cpu(lambda: jt.lcut(text)))
            runs["rjieba"].append(cpu(lambda: rjieba.cut(text, True)))
        rate = {k: size / statistics.median(v) for k, v in runs.items()}
        print(f"{size:>9} {rate['jcreport'] / 1e6:9.3f} M/s {rate['jieba'] / 1e6:9.3f} M/s {rate['rjieba'] / 1e6:9.3f} M/s"
              f" {rate['jcreport'] / rate['jieba']:6.2f}x {rate['jcreport'] / rate['rjieba']:7.2f}x"
              f" {child_peak(size) / 2**20:6.0f} MiB")

    sample = ROOT / "samples" / "001_ed9c6841f7749872.txt"
    ours, theirs = [], []
    for _ in range(5):
        ours.append(cold([sys.executable, "-m", "jcreport", "extract", str(sample)]))
        theirs.append(cold([sys.executable, "-c", "import jieba"]))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"start-up: cold `jcreport extract {sample.name}` {a:.3f} s CPU, `python -c \"import jieba\"` {b:.3f} s:"
          f" {a / b:.2f}x (median of 5, interleaved)")


if __name__ == "__main__":
    main()
