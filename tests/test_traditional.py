"""Traditional script through OpenCC (traditional.py): by phrase where the extra is installed,
offset for offset, and the shipped table wherever OpenCC would change a line's length."""
from __future__ import annotations

import pytest

from jcreport import extract, traditional
from jcreport.normalize import normalize, reading_copy


@pytest.fixture
def fresh_converter(monkeypatch):
    real = traditional.converter
    real.cache_clear()
    yield monkeypatch
    real.cache_clear()


def test_opencc_converts_by_phrase_where_the_table_converts_by_character(fresh_converter):
    pytest.importorskip("opencc")
    text = "乾燥的天氣,乾隆年間"
    assert normalize(text) == "干燥的天气,乾隆年间"            # 乾隆 is a name: OpenCC keeps its 乾
    fresh_converter.setenv("JCREPORT_OPENCC", "0")
    traditional.converter.cache_clear()
    assert normalize(text) == "干燥的天气,干隆年间"            # the table folds every 乾


class _Lengthening:
    """A converter that converts four characters and writes 後 as two: a line holding 後 would
    lose its offsets."""

    def convert(self, text: str) -> str:
        return text.translate(str.maketrans("辦審檢後", "办审检后")).replace("后", "后来")


def test_a_line_whose_conversion_changes_length_is_left_to_the_table(fresh_converter):
    fresh_converter.setattr(traditional, "converter", lambda: _Lengthening())
    source = "今後三年,檢察院辦理案件\n辦理審查逮捕案件5725件"
    norm = normalize(source)
    assert len(norm) == len(source)
    assert norm == "今后三年,检察院办理案件\n办理审查逮捕案件5725件"   # the first line by the table
    segments = traditional.phrase_segments(source)
    assert [converted for _, converted in segments if _] == [False, True]   # only the second from the converter


def test_without_a_converter_the_table_alone_is_used(fresh_converter):
    fresh_converter.setattr(traditional, "converter", lambda: None)
    assert traditional.phrase_segments("檢察院") is None
    assert normalize("檢察院辦理案件") == "检察院办理案件"


def test_a_traditional_repost_with_glosses_gives_grounded_records(fresh_converter):
    pytest.importorskip("opencc")
    source = "2023年,全省檢(jiǎn)察機關共辦理審查逮捕案件5725件8616人,同比上升27.65%。\n下一步,要深化“檢護民生”專項行動。"
    copy, pos = reading_copy(source)
    assert "检察机关共办理审查逮捕案件5725件8616人" in copy
    report = extract(source)
    counts = [(c.raw, c.value, c.action) for c in report.case_counts]
    assert ("5725件", 5725, "审查逮捕") in counts
    for record in [*report.case_counts, *report.metrics, *report.measures]:
        assert record.span.text == source[record.span.start:record.span.end]
    assert any(m.status == "planned" for m in report.measures)


def test_long_lines_with_and_without_traditional_script_are_read_in_one_pass(fresh_converter):
    """A line is found from a traditional character in it (a pattern spanning lines tried every
    start of a 40k-char line without one: seconds, and quadratic)."""
    simplified = "检察机关办理案件" * 25000                 # 200k chars, one line, nothing traditional
    assert traditional.phrase_segments(simplified) is None
    mixed = simplified + "\n" + "檢察機關辦理案件" * 25000
    assert normalize(mixed) == simplified + "\n" + simplified
