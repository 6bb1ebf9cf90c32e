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


# The real corpus (tests/real: 99 public texts, gold written by reading; guide: tests/gold/GUIDELINES.md).
# The floors hold for the code as a whole: no rule names a corpus text.
REAL = ROOT / "tests" / "real"
REAL_FLOORS = {"figures F1": 0.97, "split": 0.95, "action": 0.92, "change": 0.95, "case_type": 0.55}


def test_gold_real_corpus_is_whole_and_grounded():
    import subprocess
    import sys

    texts = sorted(p.name for p in (REAL / "texts").glob("*.txt"))
    assert len(texts) == 99
    assert sorted(load_gold(f)["text"] for f in (REAL / "gold").glob("*.yaml")) == texts
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_gold.py")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


@pytest.fixture(scope="module")
def real_score():
    return score_dir(REAL / "gold", None, extract_file)[0]


@pytest.mark.parametrize("field,floor", REAL_FLOORS.items())
def test_gold_real_corpus_floors(real_score, field, floor):
    got = real_score.figures.f1 if field == "figures F1" else getattr(real_score, field).accuracy
    words = {"figures F1": ("missed", "spurious"), "split": ("extracted as",), "action": ("action",),
             "change": ("change",), "case_type": ("case_type",)}[field]
    assert got >= floor, "\n".join(m for m in real_score.misses if any(w in m for w in words))


def test_gold_traditional_gold_equals_its_simplified_form():
    from jcreport import extract
    from jcreport.scoring import score_figures

    report = extract("共受理審查逮捕案件100件")
    gold = [{"raw": "100件", "start": 8, "value": 100, "unit": "件", "type": "case_count", "action": "審查逮捕"}]
    assert score_figures(report, gold).action.accuracy == 1.0


def test_gold_score_command_scores_the_real_corpus_per_document():
    from click.testing import CliRunner

    from jcreport.cli import main

    result = CliRunner().invoke(main, ["score", str(REAL / "gold"), "-v"])
    assert result.exit_code == 0, result.output
    assert "051.txt" in result.output and "action acc" in result.output and "change acc" in result.output


# Document-level records of the real corpus (meta, section roles, campaigns for all 99 texts;
# measures with status for 36 of them). Campaigns hold the floor the issue asks for; the others
# hold the level measured now, so that no change goes back (targets: README, "Quality").
REAL_DOC_FLOORS = {"campaigns F1": 0.92, "measures F1": 0.88, "concrete F1": 0.88, "status": 0.95,
                   "roles": 0.95, "doc_type": 0.92, "organ": 0.92, "organ_level": 0.92, "year": 0.92}


@pytest.fixture(scope="module")
def real_doc_score():
    from jcreport.scoring import score_actions_dir

    return score_actions_dir(REAL / "gold", None, extract_file)[0]


@pytest.mark.parametrize("field,floor", REAL_DOC_FLOORS.items())
def test_gold_real_corpus_document_floors(real_doc_score, field, floor):
    s = real_doc_score
    got = {"campaigns F1": s.campaigns.f1, "measures F1": s.measures.f1, "concrete F1": s.concrete.f1,
           "status": s.status.accuracy, "roles": s.roles.accuracy}.get(field)
    if got is None:
        got = s.meta[field].accuracy
    word = {"campaigns F1": "campaign", "measures F1": "measure", "concrete F1": "measure", "status": "status",
            "roles": "role"}.get(field, f"meta {field} ")
    assert got >= floor, "\n".join(m for m in s.misses if word in m)


def test_gold_real_corpus_measures_cover_thirty_texts():
    with_measures = [f for f in (REAL / "gold").glob("*.yaml") if "measures" in load_gold(f)]
    assert len(with_measures) >= 30
