from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from jcreport import __version__
from jcreport.cli import main

SAMPLE = SAMPLES / "003_a82b9bb60c50b0fd.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_cli_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", [[], ["extract"], ["schema"], ["score"]])
def test_cli_every_command_has_help_with_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


def test_cli_every_command_is_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"jcreport {name}" in readme


def test_cli_extract_json_is_readable_chinese_and_exact():
    result = run("extract", str(SAMPLE))
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert "全市检察机关" in result.output  # not \u escaped
    first = report["case_counts"][0]
    assert (first["raw"], first["value"], first["unit"], first["action"]) == ("17562件", 17562, "件", "办理")
    text = SAMPLE.read_text(encoding="utf-8")
    assert text[first["span"]["start"]:first["span"]["end"]] == "17562件"


def test_cli_extract_ascii_escapes():
    result = run("extract", str(SAMPLE), "--ascii")
    assert result.exit_code == 0 and "全市" not in result.output and "\\u5168" in result.output


def test_cli_extract_yaml_matches_json():
    as_json = json.loads(run("extract", str(SAMPLE)).output)
    as_yaml = yaml.safe_load(run("extract", str(SAMPLE), "--format", "yaml").output)
    assert as_yaml == as_json


def test_cli_extract_table_shows_meta_and_figures():
    result = run("extract", str(SAMPLE), "--format", "table")
    assert result.exit_code == 0
    assert "中山市人民检察院" in result.output and "17562件" in result.output


def test_cli_extract_stdin_and_output_file(tmp_path):
    out = tmp_path / "r.json"
    result = run("extract", "-", "-o", str(out), input="共办理各类案件17562件。".encode("gbk"))
    assert result.exit_code == 0 and result.output == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["source"] == {"path": None, "format": "txt", "encoding": "gb18030", "chars": 14}
    assert report["case_counts"][0]["value"] == 17562


@pytest.mark.parametrize("make, code, words", [
    (lambda p: p / "missing.txt", 3, "no such file"),
    (lambda p: p, 4, "is a directory"),
    (lambda p: _write(p / "empty.txt", b""), 5, "empty input"),
    (lambda p: _write(p / "bin.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00"), 6, "binary"),
])
def test_cli_extract_bad_input_one_line_and_exit_code(tmp_path, make, code, words):
    path = make(tmp_path)
    result = run("extract", str(path))
    assert result.exit_code == code
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0]
    assert "Traceback" not in result.output


def test_cli_extract_bad_lexicon_names_file_and_line(tmp_path):
    (tmp_path / "units.yaml").write_text("units:\n  - {unit: 件, kind: counted}\nmultipliers: {}\n"
                                         "qualifiers: []\nrange_joiners: []\n", encoding="utf-8")
    result = run("extract", str(SAMPLE), "--lexicon", str(tmp_path))
    assert result.exit_code == 8
    assert f"{tmp_path / 'units.yaml'}:2" in result.output and "kind" in result.output


def test_cli_subprocess_real_command(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "jcreport", "extract", str(SAMPLE), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["meta"]["doc_type"] == "rectification"
    bad = subprocess.run([sys.executable, "-m", "jcreport", "extract", str(tmp_path / "nope.txt")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 3 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def _write(path, data):
    path.write_bytes(data)
    return path


def test_cli_extract_only_limits_the_lists():
    report = json.loads(run("extract", str(SAMPLE), "--only", "measures,campaigns").output)
    assert set(report) == {"schema_version", "doc_id", "source", "meta", "measures", "campaigns"}
    assert report["measures"] and report["campaigns"]
    figures = json.loads(run("extract", str(SAMPLE), "--only", "figures").output)
    assert {"metrics", "case_counts"} <= set(figures) and "measures" not in figures


def test_cli_extract_only_unknown_list_is_a_usage_error():
    result = run("extract", str(SAMPLE), "--only", "measures,verbs")
    assert result.exit_code == 2 and "unknown record list 'verbs'" in result.output


def test_cli_extract_table_shows_campaigns_and_commitments():
    sample = SAMPLES / "002_d72a806f25a1289a.txt"
    result = CliRunner().invoke(main, ["extract", str(sample), "--format", "table", "--only", "measures,campaigns"],
                                terminal_width=200)
    assert result.exit_code == 0
    assert "commitments:" in result.output and "planned" in result.output and "campaigns:" in result.output
    assert "党史学习教育" in result.output
    assert "outline" not in result.output


def test_cli_extract_html_page(tmp_path):
    out = tmp_path / "r.html"
    result = run("extract", str(SAMPLE), "--format", "html", "-o", str(out))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'data-type="measure"' in page and 'data-type="campaign"' in page
    limited = run("extract", str(SAMPLE), "--format", "html", "--only", "campaigns").output
    assert 'data-type="campaign"' in limited and 'data-type="measure"' not in limited


PLAN_REPORT = ("临江市人民检察院工作报告\n——2025年1月10日在临江市第十届人民代表大会第四次会议上\n各位代表:\n"
               "现在,我代表市人民检察院向大会报告工作,请予审议。\n2024年工作回顾\n一、坚持服务大局\n全年共办理审查逮捕案件520件。\n"
               "同时,我们也清醒认识到,工作中还存在一些问题:一是监督质效还不够高;二是队伍建设有待加强。\n"
               "2025年工作安排\n第一,深化检务公开,建立公益诉讼线索移送机制。\n")


def test_cli_table_shows_roles_and_policy_commitments_apart(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(PLAN_REPORT, encoding="utf-8")
    out = run("extract", str(path), "--format", "table").output
    assert "回顾" in out and "问题" in out and "计划" in out
    assert "commitments, concrete acts: 1" in out and "commitments, policy commitments: 1" in out


def test_cli_html_marks_roles_and_policy_measures(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(PLAN_REPORT, encoding="utf-8")
    page = run("extract", str(path), "--format", "html").output
    assert 'class="role-badge role-plan"' in page and 'class="role-badge role-problems"' in page
    assert "heading lv-1 role-plan" in page and "st-planned policy" in page


def test_shell_completion_lists_commands_and_option_choices():
    import os
    import subprocess
    import sys

    def complete(words: str, cword: int) -> list[str]:
        env = dict(os.environ, COMP_WORDS=words, COMP_CWORD=str(cword), _JCREPORT_COMPLETE="bash_complete")
        out = subprocess.run([sys.executable, "-c", "from jcreport.cli import run; run()"], env=env,
                             capture_output=True, text=True, timeout=60).stdout
        return [line.split(",", 1)[1] for line in out.splitlines() if "," in line]

    assert complete("jcreport ba", 1) == ["batch"]
    assert "--format" in complete("jcreport extract --for", 2)
    assert set(complete("jcreport extract --format ", 3)) >= {"json", "yaml", "table", "html"}
