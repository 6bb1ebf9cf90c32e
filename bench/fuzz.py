"""A longer fuzzing run than the suite's (tests/test_fuzz.py): the same mutations of real text and
of HTML/DOCX/PDF bytes, many more examples. Prints the count and any failure.

Usage: python bench/fuzz.py [--examples 20000]"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import test_fuzz  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=20000)
    n = ap.parse_args().examples
    relaxed = settings(max_examples=n, deadline=None, database=None,
                       suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    for name, strategy, body in (
            ("mutated real text", test_fuzz.mutated_text(), test_fuzz.test_mutated_real_text_is_grounded.hypothesis.inner_test),
            ("mutated document bytes", test_fuzz.mutated_bytes(),
             test_fuzz.test_mutated_document_bytes_give_a_report_or_a_clear_error.hypothesis.inner_test)):
        start = time.perf_counter()
        count = run(relaxed, strategy, body)
        print(f"{name}: {count} examples, no failure, {time.perf_counter() - start:.0f} s")


def run(relaxed, strategy, body) -> int:
    count = [0]

    def counted(case):
        count[0] += 1
        body(case)

    relaxed(given(strategy)(counted))()
    return count[0]


if __name__ == "__main__":
    main()
