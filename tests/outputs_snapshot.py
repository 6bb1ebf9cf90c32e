"""The whole outputs that a pure-speed change must leave byte-identical (see
scripts/snapshot_outputs.py): each text's JSON hashed, with the versions that decide them."""
from __future__ import annotations

import hashlib
from contextlib import chdir
from importlib.metadata import version
from pathlib import Path

from jcreport import extract, extract_file
from jcreport.render import to_json_bytes

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "outputs" / "snapshot.json"
DEPENDS_ON = ("rjieba", "pydantic")    # the tokenizer's dictionary; the serializer


def same_versions(saved: dict[str, str], name: str) -> bool:
    """rjieba must be the very version (its dictionary decides the tokens); pydantic the same major
    version (its JSON format is stable within one)."""
    now = version(name)
    return now == saved.get(name) if name == "rjieba" else now.split(".")[0] == str(saved.get(name, "")).split(".")[0]
LONG = 300_000


def texts() -> list[Path]:
    return (sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "real" / "texts").glob("*.txt"))
            + sorted((ROOT / "tests" / "diff" / "pairs").glob("*/*.txt")))


def long_text() -> str:
    """One text of LONG chars made of all the others, so the long-document paths are covered."""
    base = "\n".join(p.read_text(encoding="utf-8") for p in texts())
    return (base * (LONG // len(base) + 1))[:LONG]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def current() -> dict:
    with chdir(ROOT):                                   # paths in the outputs are relative to the checkout
        outputs = {p.relative_to(ROOT).as_posix(): digest(to_json_bytes(extract_file(p.relative_to(ROOT))))
                   for p in texts()}
    outputs[f"<all texts, {LONG} chars>"] = digest(to_json_bytes(extract(long_text())))
    return {"versions": {name: version(name) for name in DEPENDS_ON}, "outputs": outputs}
