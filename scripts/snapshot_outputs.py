"""Write tests/outputs/snapshot.json: the SHA-256 of jcreport's whole JSON output for every sample,
real corpus text and diff-pair text, and for one long text made of them all, with the versions of
the libraries that decide the output (tests/test_outputs_unchanged.py compares against it).

Run it only when a change is meant to change outputs, and say in the commit which and why; a
change meant to be pure speed must leave the snapshot as it is.

Usage: python scripts/snapshot_outputs.py
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from outputs_snapshot import SNAPSHOT, current  # noqa: E402

if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(current(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}", hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()[:12])
