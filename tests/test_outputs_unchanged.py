"""Whole outputs, byte for byte, against tests/outputs/snapshot.json: a change meant to be pure
speed (issue 12) must not move one byte of any sample's, corpus text's or diff pair's JSON, nor of
a 300k-char text made of them all. A change meant to alter outputs rewrites the snapshot with
scripts/snapshot_outputs.py and says why in its commit."""
from __future__ import annotations

import json
from importlib.metadata import version

import pytest

from outputs_snapshot import DEPENDS_ON, SNAPSHOT, current, same_versions


def test_every_whole_output_is_byte_identical_to_the_snapshot():
    saved = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    moved = {name: (saved["versions"].get(name), version(name)) for name in DEPENDS_ON
             if not same_versions(saved["versions"], name)}
    if moved:
        pytest.skip(f"snapshot taken with other versions of what decides the output: {moved}")
    now = current()["outputs"]
    changed = sorted(k for k in saved["outputs"] if now.get(k) != saved["outputs"][k])
    assert set(now) == set(saved["outputs"]), "texts were added or removed: rerun scripts/snapshot_outputs.py"
    assert not changed, f"{len(changed)} outputs changed, first: {changed[:5]}"
