"""Duckling-style example tables: tests/corpus/<extractor>.yaml (format in tests/corpus/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jcreport import extract
from jcreport.models import Meta
from jcreport.pipeline import default_lexicon, run, to_report
from jcreport.doc import Doc
from jcreport.normalize import reading_copy

CORPUS = Path(__file__).parent / "corpus"


def _load(name):
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


NUMBERS = _load("numbers.yaml")
PERIODS = _load("periods.yaml")


def _figures(report):
    figs = [("case_count", c) for c in report.case_counts] + [("metric", m) for m in report.metrics]
    out = []
    for typ, f in sorted(figs, key=lambda x: x[1].span.start):
        d = f.model_dump()
        d["type"] = typ
        out.append(d)
    return out


def _extract(text, year=None):
    if year is None:
        return extract(text)
    norm, pos = reading_copy(text)
    doc = Doc(source=text, norm=norm, pos=pos)
    from jcreport import pipeline

    ctx = pipeline.Context(doc, default_lexicon(), "rjieba")
    for stage in pipeline.STAGES:
        stage.run(ctx)
        if stage.name == "meta":
            doc.meta = Meta(year=year)
    return to_report(doc)


@pytest.mark.parametrize("example", NUMBERS["examples"], ids=lambda e: e["text"][:30])
def test_numbers_corpus(example):
    got = _figures(extract(example["text"]))
    want = example["expect"]
    assert [{k: g[k] for k in w} for g, w in zip(got, want)] == want and len(got) == len(want), \
        [(g["raw"], g["value"], g["unit"], g["type"]) for g in got]


@pytest.mark.parametrize("text", NUMBERS["not"], ids=lambda t: t[:30])
def test_numbers_corpus_not(text):
    assert [g["raw"] for g in _figures(extract(text))] == []


@pytest.mark.parametrize("example", PERIODS["examples"], ids=lambda e: e["text"][:30])
def test_periods_corpus(example):
    figs = _figures(_extract(example["text"], example.get("year")))
    assert figs, "no figure found"
    assert figs[0]["period"] == example["expect"]
