"""Metadata examples (tests/corpus/meta.yaml): titles among chrome, organs, types and years."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jcreport import extract

TABLE = yaml.safe_load((Path(__file__).parent / "corpus" / "meta.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["text"][:24])
def test_meta_corpus(example):
    meta = extract(example["text"]).meta.model_dump()
    assert {k: meta[k] for k in example["expect"]} == example["expect"]
