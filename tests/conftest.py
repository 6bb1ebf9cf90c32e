from __future__ import annotations

import faulthandler
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def sample_reports():
    from jcreport import extract_file

    return {p.name: extract_file(p) for p in sorted(SAMPLES.glob("*.txt"))}


# Seconds the process may take to end once the session is over; then every thread's stack is printed
# and it exits with 1. Something left running (a thread the interpreter joins at exit, a child it
# waits for) fails the run with the place it hangs, instead of a run that printed its summary and
# never ended (as a pool's manager thread once did, see tests/test_batch_pool.py).
EXIT_SECONDS = 120


def pytest_unconfigure(config):
    faulthandler.dump_traceback_later(EXIT_SECONDS, exit=True, file=sys.__stderr__)
