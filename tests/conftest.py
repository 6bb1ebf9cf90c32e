from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def sample_reports():
    from jcreport import extract_file

    return {p.name: extract_file(p) for p in sorted(SAMPLES.glob("*.txt"))}
