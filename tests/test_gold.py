"""Quality floors on the hand-made gold of the samples (tests/gold/, GUIDELINES.md)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from jcreport import extract_file
from jcreport.scoring import load_gold, score_dir

GOLD = ROOT / "tests" / "gold"
FIGURE_F1_FLOOR = 0.97
SPLIT_ACCURACY_FLOOR = 0.95


def test_gold_covers_every_sample_and_is_grounded():
    files = sorted(GOLD.glob("*.yaml"))
    assert {load_gold(f)["sample"] for f in files} == {p.name for p in SAMPLES.glob("*.txt")}
    for f in files:
        gold = load_gold(f)
        text = (SAMPLES / gold["sample"]).read_text(encoding="utf-8")
        for fig in gold["figures"]:
            assert text[fig["start"]:fig["start"] + len(fig["raw"])] == fig["raw"], (f.name, fig)
            assert fig["type"] in ("metric", "case_count")


@pytest.fixture(scope="module")
def score():
    return score_dir(GOLD, SAMPLES, extract_file)[0]


def test_gold_figure_f1_floor(score):
    assert score.figures.f1 >= FIGURE_F1_FLOOR, "\n".join(score.misses)


def test_gold_split_accuracy_floor(score):
    assert score.split_accuracy >= SPLIT_ACCURACY_FLOOR, "\n".join(m for m in score.misses if "extracted as" in m)


def test_gold_score_command_prints_table():
    from click.testing import CliRunner

    from jcreport.cli import main

    result = CliRunner().invoke(main, ["score", str(GOLD), "--samples", str(SAMPLES)])
    assert result.exit_code == 0
    assert "ALL" in result.output and "split acc" in result.output and "case_count" in result.output


MEASURES = GOLD / "measures"
CAMPAIGN_F1_FLOOR = 0.90
MEASURE_F1_FLOOR = 0.80
STATUS_ACCURACY_FLOOR = 0.90


@pytest.fixture(scope="module")
def action_score():
    from jcreport.scoring import score_actions_dir

    return score_actions_dir(MEASURES, SAMPLES, extract_file)[0]


def test_gold_measures_cover_every_sample_and_are_grounded():
    files = sorted(MEASURES.glob("*.yaml"))
    assert {load_gold(f)["sample"] for f in files} == {p.name for p in SAMPLES.glob("*.txt")}
    for f in files:
        gold = load_gold(f)
        text = (SAMPLES / gold["sample"]).read_text(encoding="utf-8")
        for m in gold["measures"]:
            assert text[m["start"]:m["start"] + len(m["verb"])] == m["verb"], (f.name, m)
            assert text[m["object_start"]:m["object_start"] + len(m["object"])] == m["object"], (f.name, m)
            assert m["status"] in ("done", "planned", "ongoing")
        for c in gold["campaigns"]:
            for mention in c["mentions"]:
                assert text[mention["start"]:mention["start"] + len(mention["text"])] == mention["text"]


def test_gold_campaign_f1_floor(action_score):
    assert action_score.campaigns.f1 >= CAMPAIGN_F1_FLOOR, "\n".join(m for m in action_score.misses if "campaign" in m)


def test_gold_measure_f1_floor(action_score):
    assert action_score.measures.f1 >= MEASURE_F1_FLOOR, "\n".join(m for m in action_score.misses if "measure" in m)


def test_gold_status_accuracy_floor(action_score):
    assert action_score.status_accuracy >= STATUS_ACCURACY_FLOOR, "\n".join(m for m in action_score.misses if "status" in m)
