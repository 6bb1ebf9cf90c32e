"""Fuzzing in the suite (issue 11, item 12): real text and real document bytes, mutated; no
exception but a JcreportError escapes, every span is grounded and lies inside its sentence.

A longer run of the same mutations lives in ``bench/fuzz.py`` (its count and result are in the
README)."""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcreport import extract
from jcreport.errors import JcreportError
from jcreport.formats import read_document

sys.path.insert(0, str(Path(__file__).parent / "formats"))

ROOT = Path(__file__).parent
REAL = sorted((ROOT / "real" / "texts").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8")[:3000] for p in REAL[::7]]
INSERTS = ["12", "3891", "1.8万", "×", "×件", "%", "百分之", "三十", "“", "”", "(", ")", "《", "》", "一、", "(一)",
           "1.", "一是", "第一,", "\t", "\n", "\r\n", "。", ";", "余", "以上", "同比上升", "-", ":", "审(shěn)", " ", "\ufeff"]


@st.composite
def mutated_text(draw):
    text = list(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.integers(0, 25))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["delete", "insert", "insert"]))
        if action == "delete":
            del text[at:at + draw(st.integers(1, 8))]
        else:
            text[at:at] = list(draw(st.sampled_from(INSERTS)))
    return "".join(text)


def check_report(report, text: str) -> None:
    spans = [s.span for s in report.outline]
    for record in (*report.metrics, *report.case_counts, *report.measures):
        spans += [record.span, record.sentence]
        assert record.sentence.start <= record.span.start and record.span.end <= record.sentence.end
    for campaign in report.campaigns:
        spans += campaign.mentions
    for span in spans:
        assert span.text == text[span.start:span.end]
    for fig in (*report.metrics, *report.case_counts):
        assert (fig.value is None) == fig.redacted


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_text())
def test_mutated_real_text_is_grounded(text):
    check_report(extract(text), text)


def _documents() -> list[tuple[str, bytes]]:
    import make_pdf
    from test_formats import make_docx

    html = sorted((ROOT / "formats" / "html").glob("*.html"))[:3]
    docs = [(p.name, p.read_bytes()) for p in html]
    docs.append(("report.docx", make_docx()))
    docs.append(("report.pdf", make_pdf.report_pdf()))
    return docs


DOCUMENTS = _documents()


@st.composite
def mutated_bytes(draw):
    name, data = draw(st.sampled_from(DOCUMENTS))
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif at > 16:
            del data[at:]
        if not data:
            data = bytearray(b"x")
    return name, bytes(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_bytes())
def test_mutated_document_bytes_give_a_report_or_a_clear_error(case):
    name, data = case
    try:
        doc = read_document(data, name)
    except JcreportError:
        return                                        # a one-line error with its exit code: fine
    check_report(extract(doc.text), doc.text)
