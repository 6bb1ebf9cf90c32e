"""Where the shipped data lives: ``jcreport/lexicons`` in an installed wheel, ``lexicons/`` in a checkout."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def lexicon_dir() -> Path:
    packaged = Path(str(resources.files("jcreport"))) / "lexicons"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "lexicons"


def lexicon_path(name: str) -> Path:
    return lexicon_dir() / name
