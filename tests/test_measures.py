"""Measure examples (tests/corpus/measures.yaml): verbs, objects, partners, status and cue."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jcreport import extract

TABLE = yaml.safe_load((Path(__file__).parent / "corpus" / "measures.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["text"][:24])
def test_measures_corpus(example):
    got = [m.model_dump(mode="json") for m in extract(example["text"]).measures]
    want = example["expect"]
    assert [{k: g[k] for k in w} for g, w in zip(got, want)] == want
    assert len(got) == len(want), [(g["verb"], g["object"]) for g in got]


@pytest.mark.parametrize("text", TABLE["not"], ids=lambda t: t[:24])
def test_measures_corpus_not(text):
    assert [(m.verb, m.object) for m in extract(text).measures if m.verb != "印发"] == []


def test_measures_spans_are_grounded_and_cover_verb_and_object():
    text = "市检察院与市公安局召开联席会议5次,制定信访突发事件应急预案。"
    for m in extract(text).measures:
        assert m.span.text == text[m.span.start:m.span.end]
        assert m.span.text.startswith(m.verb) and m.span.text.endswith(m.object)
        assert m.object_span.text == m.object and m.sentence.start <= m.span.start
