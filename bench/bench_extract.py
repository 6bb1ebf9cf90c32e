"""Extraction speed as the document grows, against jieba and rjieba segmentation of the same text,
measured in the same run, interleaved, medians of several runs (the machine is shared and noisy).

Usage: python bench/bench_extract.py [--repeat 5] [--sizes 10000 30000 100000 300000 1000000]

- scaling: for each size, a text of that many characters built from the samples and the real
  corpus; CPU time of jcreport's CLI path (extract, then the Report as JSON bytes), of jieba.lcut and of
  rjieba.cut on it, interleaved, median of --repeat runs: chars/s and the ratio to each; the peak
  RSS of the CLI (`jcreport extract FILE -o OUT`) run on it once.
- start-up: CPU time of a cold `jcreport extract` of a short sample against `python -c "import
  jieba"`, interleaved, median of 5.
"""
from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_text(size: int) -> str:
    files = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "real" / "texts").glob("*.txt"))
    base = "\n".join(f.read_text(encoding="utf-8") for f in files)
    return (base * (size // len(base) + 1))[:size]


def cpu(fn, *args) -> float:
    t0 = time.process_time()
    fn(*args)
    return time.process_time() - t0


# Started from a small launcher process: a child's peak RSS counts the memory of the process it was
# forked or vfork-spawned from until it runs exec, and this one holds jieba's dictionary.
_LAUNCH = ("import os, sys; pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ);"
           "_, status, usage = os.wait4(pid, 0); print(status, usage.ru_maxrss)")


def cli_peak(size: int) -> int:
    """Peak RSS (bytes) of the CLI itself, ``jcreport extract FILE -o OUT``, on a text of ``size``
    chars, read from its own rusage by a small launcher process."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.txt"
        src.write_text(corpus_text(size), encoding="utf-8")
        args = [sys.executable, "-m", "jcreport", "extract", str(src), "-o", str(Path(tmp) / "out.json")]
        out = subprocess.run([sys.executable, "-c", _LAUNCH, *args], capture_output=True, text=True, check=True).stdout
        status, peak = map(int, out.split())
        if status:
            raise SystemExit(f"jcreport extract failed on {size} chars")
        return peak * 1024


def cold(cmd: list[str]) -> float:
    """CPU time (user + system) of a command started afresh, its output discarded."""
    devnull = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=devnull)
    _, status, usage = os.wait4(pid, 0)
    if status:
        raise SystemExit(f"{' '.join(cmd)} failed")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000, 300_000, 1_000_000])
    args = ap.parse_args()

    import jieba
    import rjieba

    from jcreport import extract
    from jcreport.render import to_json_bytes

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
            runs["jcreport"].append(cpu(lambda t: to_json_bytes(extract(t)), text))
            runs["jieba"].append(cpu(jt.lcut, text))
            runs["rjieba"].append(cpu(rjieba.cut, text, True))
        rate = {k: size / statistics.median(v) for k, v in runs.items()}
        print(f"{size:>9} {rate['jcreport'] / 1e6:9.3f} M/s {rate['jieba'] / 1e6:9.3f} M/s {rate['rjieba'] / 1e6:9.3f} M/s"
              f" {rate['jcreport'] / rate['jieba']:6.2f}x {rate['jcreport'] / rate['rjieba']:7.2f}x"
              f" {cli_peak(size) / 2**20:6.0f} MiB")

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
