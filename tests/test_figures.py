"""Classification and attachment examples (tests/corpus/figures.yaml) and traditional input."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jcreport import extract

TABLE = yaml.safe_load((Path(__file__).parent / "corpus" / "figures.yaml").read_text(encoding="utf-8"))


def _figures(report):
    figs = [("case_count", f) for f in report.case_counts] + [("metric", f) for f in report.metrics]
    raws = {f.id: f.raw for _, f in figs}
    out = []
    for typ, f in sorted(figs, key=lambda x: x[1].span.start):
        d = f.model_dump(mode="json")
        d["type"] = typ
        d["refers_to"] = raws.get(d.get("refers_to")) if d.get("refers_to") else None
        out.append(d)
    return out


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["text"][:24])
def test_figures_corpus(example):
    got = _figures(extract(example["text"]))
    want = example["expect"]
    assert [{k: g.get(k) for k in w} for g, w in zip(got, want)] == want
    assert len(got) == len(want), [g["raw"] for g in got]


@pytest.mark.parametrize("example", TABLE["warnings"], ids=lambda e: e["text"][:24])
def test_figures_warnings(example):
    warnings = extract(example["text"]).warnings
    if not example["expect"]:
        assert [w for w in warnings if "redacted" not in w] == []
    for needle in example["expect"]:
        assert any(needle in w for w in warnings), warnings


def test_figures_traditional_input_keeps_its_characters():
    text = "2024年，全市檢察機關辦理審查逮捕案件5725件8616人，集中整改期間召開聯席會議5次。"
    report = extract(text)
    c = report.case_counts[0]
    assert (c.raw, c.action, c.subject, c.period.text) == ("5725件", "审查逮捕", "審查逮捕案件", "2024年")
    m = report.metrics[0]
    assert (m.raw, m.subject, m.period.text) == ("5次", "聯席會議", "集中整改期間")


def test_figures_page_chrome_counts_nothing():
    text = "当前位置:首页>>检务公开\n发布时间:2024-01-05 浏览次数:1234次\n全市检察机关办理各类案件100件。"
    assert [f.raw for f in (*extract(text).metrics, *extract(text).case_counts)] == ["100件"]
