"""Reproductions of crashes and wrong records found by hostile use (issue 11, item 8): each would
have caught its bug."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from jcreport import extract
from jcreport.cli import main


def _figures(text: str) -> list[tuple]:
    r = extract(text)
    return sorted((f.raw, f.value, f.unit, f.upper) for f in (*r.case_counts, *r.metrics))


def test_a_change_in_the_next_table_cell_is_no_range_end():
    assert _figures("审查逮捕\t3891人\t-8.5%") == [("3891人", 3891, "人", None), ("8.5%", 8.5, "%", None)]
    assert _figures("起诉5人至10人") == [("5人至10人", 5, "人", 10)]          # one unit at both ends
    assert _figures("涉案金额1万至5万元") == [("1万至5万元", 10000, "元", 50000)]


def test_a_ratio_with_a_zero_first_term_is_no_figure_and_a_value_is_null_only_when_redacted():
    assert _figures("捕诉比为0:1.06") == []
    r = extract("捕诉比为1:1.2,去年为×:×")
    assert {(f.value, f.redacted) for f in r.metrics} == {(1.2, False), (None, True)}
    assert all(f.value is not None or f.redacted for f in r.metrics)


def test_a_lone_surrogate_does_not_break_the_tokenizer():
    r = extract("共办理案件12件\ud800。")
    assert [f.raw for f in r.case_counts] == ["12件"]
    assert extract("\ud800").measures == []


def test_html_with_processing_instructions_is_read(tmp_path):
    page = tmp_path / "pi.html"
    page.write_text("<html><body><?php echo 1; ?><p>共办理案件12件</p>x<?r></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    assert '"raw": "12件"' in result.output


def test_lexicon_folders_name_every_problem_with_file_and_line(tmp_path):
    sample = tmp_path / "r.txt"
    sample.write_text("共办理案件12件。", encoding="utf-8")
    cases = {"meta.yaml": ("chrome: [1\n", "meta.yaml:2: invalid YAML"),
             "mine.yaml": ("x: 1\n", "not a lexicon file name"),
             "diff.yaml": ("threshold: 0.1\n", "cannot be merged"),
             "html_boilerplate.yaml": ("drop_tokens: []\n", "cannot be merged")}
    for name, (body, message) in cases.items():
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        (folder / name).write_text(body, encoding="utf-8")
        result = CliRunner().invoke(main, ["extract", str(sample), "--lexicon", str(folder)])
        assert result.exit_code == 8 and message in result.output and "Traceback" not in result.output, name
    ok = tmp_path / "ok"
    ok.mkdir()
    (ok / "outline.yaml").write_text("problem_leads: [不足之处在于]\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["extract", str(sample), "--lexicon", str(ok)]).exit_code == 0


def test_schema_into_an_unwritable_place_is_one_line(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    result = CliRunner().invoke(main, ["schema", str(blocked / "schemas")])
    assert result.exit_code == 9 and "cannot write" in result.output


def test_a_long_line_without_punctuation_stays_linear_in_output():
    from jcreport.sentences import MAX_SENTENCE

    words = ["办理案件", "12件", "起诉", "34人", "同比上升", "5%", "开展", "专项行动", "检察机关", "全市"]
    text = "".join(words[(i * 7) % len(words)] for i in range(8000))   # ~30k chars, one line
    r = extract(text)
    records = [*r.case_counts, *r.metrics, *r.measures]
    assert len(records) > 1000
    assert max(x.sentence.end - x.sentence.start for x in records) <= 2 * MAX_SENTENCE
    assert all(x.sentence.start <= x.span.start and x.span.end <= x.sentence.end for x in records)
    once = len(r.model_dump_json())
    twice = len(extract(text + text).model_dump_json())
    assert twice < 2.2 * once                          # linear: it grew with the square before sentences were capped


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec):
    text = "一是2024年,全市检察机关共办理案件1234件,一万元。\n起诉567人。\n"
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(codec))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert f'"encoding": "{codec}"' in result.output and '"raw": "1234件"' in result.output


def test_table_headings_cut_with_an_ellipsis_on_a_narrow_terminal():
    from conftest import SAMPLES

    sample = str(SAMPLES / "003_a82b9bb60c50b0fd.txt")
    narrow = CliRunner().invoke(main, ["extract", sample, "--format", "table"], env={"COLUMNS": "60"})
    assert narrow.exit_code == 0
    heads = {w.strip() for line in narrow.output.splitlines() if line.startswith("┃") for w in line.strip("┃").split("┃")}
    assert "campaig…" in heads and "campaig" not in heads       # cut with an ellipsis, never bare


def test_extract_reads_no_more_than_max_bytes_and_any_unwritable_output_is_exit_9(tmp_path):
    endless = CliRunner().invoke(main, ["extract", "/dev/zero", "--max-bytes", "100000"])
    assert endless.exit_code == 14 and "more than the limit of 100000 bytes" in endless.output
    sample = tmp_path / "r.txt"
    sample.write_text("共办理案件12件。", encoding="utf-8")
    for target in (str(tmp_path), "/dev/full"):
        result = CliRunner().invoke(main, ["extract", str(sample), "-o", target])
        assert result.exit_code == 9 and "cannot write" in result.output, target


def test_help_lists_every_exit_code():
    assert all(f"{code:>5}" in CliRunner().invoke(main, ["batch", "--help"]).output for code in (0, 1, 2, 8, 9, 130, 143))
    extract_help = CliRunner().invoke(main, ["extract", "--help"]).output
    assert all(f"{code:>5}  " in extract_help for code in range(3, 17))


def test_json_through_pydantic_is_byte_identical_to_the_dumped_dict(sample_reports):
    import json

    from jcreport.render import dump, to_json

    for report in sample_reports.values():
        assert to_json(report) == json.dumps(dump(report), ensure_ascii=False, indent=2)


def test_resume_reads_lines_written_with_or_without_spaces(tmp_path):
    import json

    from conftest import SAMPLES

    out = tmp_path / "o.jsonl"
    assert CliRunner().invoke(main, ["batch", str(SAMPLES), "-o", str(out), "-q"]).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    spaced = [json.dumps(json.loads(line), ensure_ascii=False) for line in lines[:2]] + lines[2:]   # an older run's lines
    out.write_text("\n".join(spaced) + "\n", encoding="utf-8")
    again = CliRunner().invoke(main, ["batch", str(SAMPLES), "-o", str(out)])
    assert again.exit_code == 0 and f"{len(lines)} already done" in again.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(lines)
