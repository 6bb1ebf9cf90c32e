"""jieba against rjieba on the samples: load time, throughput, and where their tokens differ.

Usage: python bench/bench_tokenizers.py
"""
from __future__ import annotations

import difflib
import logging
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    t0 = time.perf_counter()
    import rjieba

    rj = rjieba.Jieba()
    rj_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jt = jieba.Tokenizer()
    jt.initialize()
    j_load = time.perf_counter() - t0
    rates = {}
    for name, fn in (("jieba", jt.lcut), ("rjieba", rj.cut)):
        best = min(_timed(fn, text) for _ in range(5))
        rates[name] = len(text) / best
    print(f"load: rjieba {rj_load:.3f} s, jieba {j_load:.3f} s")
    for name, rate in rates.items():
        print(f"{name:7} {rate / 1e6:7.3f} M chars/s  {rate / rates['jieba']:6.2f}x jieba")
    a, b = jt.lcut(text), rj.cut(text)
    diffs = [(a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in
             difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op != "equal"]
    print(f"tokens: jieba {len(a)}, rjieba {len(b)}, {len(diffs)} differing stretches")
    for x, y in diffs[:20]:
        print(f"  jieba {x} | rjieba {y}")


def _timed(fn, text) -> float:
    t0 = time.perf_counter()
    fn(text)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
