"""Optional tokenizer backends: a backend that is not installed, or a HanLP model folder that is
missing or unusable, is one error line and exit 17, before any input is read; hanlp is never
imported with jcreport."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jcreport.cli import main
from jcreport.tokenize import tokenizer

SAMPLE = str(Path(__file__).resolve().parent.parent / "samples" / "000_988622692f9d59e0.txt")


def _one_error_line(result, code: int = 17) -> str:
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.mark.parametrize("command", [["extract", SAMPLE], ["batch", SAMPLE, "-q"], ["score", "tests/real/gold"]])
def test_hanlp_without_a_model_folder_is_exit_17(command, monkeypatch):
    monkeypatch.delenv("JCREPORT_HANLP_MODEL", raising=False)
    line = _one_error_line(CliRunner().invoke(main, [*command, "--tokenizer", "hanlp"]))
    assert line == "Error: tokenizer hanlp needs a model folder: --hanlp-model DIR or JCREPORT_HANLP_MODEL=DIR"


def test_a_missing_model_folder_is_named_before_the_input_is_read(tmp_path):
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "no-such.txt"), "--tokenizer", "hanlp",
                                       "--hanlp-model", str(missing)])
    assert _one_error_line(result) == f"Error: {missing}: no such HanLP model folder"


def test_a_folder_without_a_hanlp_config_is_exit_17(tmp_path, monkeypatch):
    (tmp_path / "config.json").write_text('{"classpath": "hanlp.components.mtl.MultiTaskLearning"}')
    monkeypatch.setenv("JCREPORT_HANLP_MODEL", str(tmp_path))
    line = _one_error_line(CliRunner().invoke(main, ["extract", SAMPLE, "--tokenizer", "hanlp"]))
    assert line.startswith(f"Error: {tmp_path}: not a HanLP tokenizer model: its classpath is ")


def test_jieba_not_installed_is_exit_17(monkeypatch):
    monkeypatch.setitem(sys.modules, "jieba", None)          # import jieba raises ImportError
    tokenizer.cache_clear()
    try:
        line = _one_error_line(CliRunner().invoke(main, ["extract", SAMPLE, "--tokenizer", "jieba"]))
    finally:
        tokenizer.cache_clear()
    assert line.startswith("Error: tokenizer jieba is not installed") and line.endswith("pip install jieba")


def test_the_model_option_is_ignored_by_the_other_backends(tmp_path):
    result = CliRunner().invoke(main, ["extract", SAMPLE, "--only", "measures", "--hanlp-model", str(tmp_path)])
    assert result.exit_code == 0, result.output


def test_jcreport_never_imports_hanlp_or_torch():
    code = ("import sys, jcreport, jcreport.cli, jcreport.tokenize; jcreport.extract('2024年办理案件5件。'); "
            "print(sorted(m for m in ('hanlp', 'torch', 'transformers', 'jcreport.tokenize_hanlp') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
