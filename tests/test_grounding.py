"""On arbitrary text nothing crashes and every span is grounded: text == source[start:end]."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcreport import extract

PIECES = ["一、", "(一)", "1.", "一是", "二是", "。", ";", ",", "\n", "\r\n", "“", "”", "件", "人", "名", "%", "万",
          "余", "以上", "同比上升", "其中", "办理", "审查逮捕案件", "认罪认罚适用率达", "2024年", "4月至10月",
          "×", "X", "1:1.2", "第四", "居全省", "百分之", "三十", "两", "１２", "５７２５", "８６１６", "27.65", "1.8",
          # what the reading copy skips: pinyin glosses, spaced digits, numbers broken across lines
          "審(shěn)", "結(jié)", "萬(wàn)", "(shu) ", " 356 ", " 件", "35\n6", "⼀", "⼯"]
report_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)


def _spans(report):
    for sec in report.outline:
        yield sec.span
    for fig in [*report.metrics, *report.case_counts]:
        yield fig.span
        yield fig.sentence


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_text)
def test_grounding_every_span_is_source_text(text):
    report = extract(text)
    for span in _spans(report):
        assert span.text == text[span.start:span.end]
    for fig in [*report.metrics, *report.case_counts]:
        assert fig.raw == fig.span.text
        assert (fig.value is None) == fig.redacted
        assert fig.sentence.start <= fig.span.start and fig.span.end <= fig.sentence.end


def test_grounding_on_samples(sample_reports):
    from conftest import SAMPLES

    for name, report in sample_reports.items():
        text = (SAMPLES / name).read_text(encoding="utf-8")
        for span in _spans(report):
            assert span.text == text[span.start:span.end]
