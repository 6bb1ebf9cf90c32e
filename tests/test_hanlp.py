"""The HanLP backend end to end: a tiny tokenizer trained here, offline, with HanLP's own trainer
(scripts/train_hanlp_tiny.py), saved, then read through the CLI. Needs the extra:
``pip install torch==2.13.0 '.[hanlp]'`` (.ci/run does it as a step of its own)."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("hanlp", reason="the hanlp extra is not installed: pip install torch==2.13.0 '.[hanlp]'")

from jcreport.cli import main  # noqa: E402
from jcreport.pipeline import default_lexicon  # noqa: E402
from jcreport.tokenize import tokenizer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "003_a82b9bb60c50b0fd.txt"


def _trainer():
    spec = importlib.util.spec_from_file_location("train_hanlp_tiny", ROOT / "scripts" / "train_hanlp_tiny.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    """The tiny model, trained once for this module, then moved: a model folder is relocatable."""
    trained = _trainer().train(tmp_path_factory.mktemp("train") / "tiny")
    moved = tmp_path_factory.mktemp("models") / "hanlp-tiny"
    shutil.move(str(trained), moved)
    return moved


def _grounded(report: dict, source: str) -> int:
    spans = [r["span"] for key in ("metrics", "case_counts", "measures") for r in report[key]]
    spans += [s["span"] for s in report["outline"]]
    for span in spans:
        assert source[span["start"]:span["end"]] == span["text"]
    return len(spans)


def test_extract_with_a_trained_hanlp_model_gives_grounded_records(model, tmp_path):
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--tokenizer", "hanlp", "--hanlp-model", str(model),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    source = SAMPLE.read_text(encoding="utf-8")
    assert report["case_counts"] and report["measures"]
    assert _grounded(report, source) > 20


def test_the_environment_variable_names_the_model_for_batch(model, tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(SAMPLE), "-o", str(out), "-j", "1", "-q", "--tokenizer", "hanlp"],
                                env={"JCREPORT_HANLP_MODEL": str(model)})
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert _grounded(report, SAMPLE.read_text(encoding="utf-8")) > 20


def test_words_concatenate_to_the_text_and_a_domain_word_stays_one_token(model):
    tok = tokenizer(f"hanlp:{model}", default_lexicon())
    text = "2024年，全市检察机关  开展常态化扫黑除恶斗争，\n\n\u3000依法办理案件。" + "一" * 300
    tokens = tok.tokenize(text)
    assert "".join(tokens.words) == text
    assert all(text[s:e] == w for w, s, e in tokens[:])
    assert "常态化扫黑除恶斗争" in default_lexicon().domain_words()
    assert "常态化扫黑除恶斗争" in tokens.words
    assert [w for w in tokens.words if w.isspace()] == [" ", " ", "\n", "\n", "\u3000"]


def test_a_folder_that_is_no_hanlp_model_is_one_error_line(model, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(model, broken)
    (broken / "model.pt").write_bytes(b"not a model")
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--tokenizer", "hanlp", "--hanlp-model", str(broken)])
    assert result.exit_code == 17
    assert result.output.startswith(f"Error: {broken}: cannot load the HanLP model: ")
    assert len(result.output.strip().splitlines()) == 1
