"""Campaign examples (tests/corpus/campaigns.yaml) and the lexicon's validity."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jcreport import extract
from jcreport.pipeline import default_lexicon

TABLE = yaml.safe_load((Path(__file__).parent / "corpus" / "campaigns.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["text"][:24])
def test_campaigns_corpus(example):
    got = [{"name": c.name, "mentions": [m.text for m in c.mentions]} for c in extract(example["text"]).campaigns]
    assert got == example["expect"]


@pytest.mark.parametrize("text", TABLE["not"], ids=lambda t: t[:24])
def test_campaigns_corpus_not(text):
    assert [c.name for c in extract(text).campaigns] == []


def test_campaigns_lexicon_is_large_and_unique():
    entries = default_lexicon().campaigns.campaigns
    assert len(entries) >= 80
    names = [n for e in entries for n in (e.name, *e.aliases)]
    assert len(names) == len(set(names))
    assert len({e.id for e in entries}) == len(entries)


def test_campaigns_aliases_fold_to_one_record_with_every_mention():
    report = extract("深入开展扫黑除恶专项斗争。扫黑除恶取得显著成效,扫黑除恶专项斗争圆满收官。")
    assert [(c.name, c.lexicon_id is not None, [m.text for m in c.mentions]) for c in report.campaigns] == [
        ("扫黑除恶专项斗争", True, ["扫黑除恶专项斗争", "扫黑除恶", "扫黑除恶专项斗争"])]


def test_campaigns_are_linked_from_measures():
    report = extract("全市检察机关深入开展“检察护企”专项行动,召开推进会3次。")
    measure = next(m for m in report.measures if m.verb == "开展")
    assert measure.campaigns == [report.campaigns[0].id]
