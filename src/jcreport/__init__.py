"""jcreport: exact, grounded figures, outlines and metadata from Chinese procuratorate reports.

>>> from jcreport import extract
>>> report = extract("2024年,全市检察机关共办理各类案件17562件。")
>>> [(c.raw, c.value, c.action) for c in report.case_counts]
[('17562件', 17562, '办理')]
"""
from __future__ import annotations

from pathlib import Path

from .decode import decode
from .models import Report
from .pipeline import extract

__version__ = "0.4.1"
__all__ = ["Report", "__version__", "decode", "extract", "extract_file"]


def extract_file(path: str | Path, **options) -> Report:
    """Read one report file (.txt in any supported encoding, .html, .docx, .pdf) and extract it."""
    from .reading import read_input

    doc, name = read_input(str(path))
    return extract(doc.text, path=name, encoding=doc.encoding, format=doc.format, **options)
