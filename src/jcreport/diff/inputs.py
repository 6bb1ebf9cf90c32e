"""A side of a comparison: a report file (extracted now) or a Report JSON written by ``extract``."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..errors import UnreadableInput
from ..models import Report
from ..pipeline import extract
from ..reading import read_input


def load(path: str, **options) -> tuple[Report, str]:
    """The Report and the text its spans index. For a Report JSON the text is rebuilt from what the
    Report holds (its sentences and headings at their offsets, blanks between)."""
    if path.lower().endswith(".json"):
        try:
            report = Report.model_validate_json(Path(path).read_bytes())
        except (OSError, ValidationError, ValueError) as exc:
            first = str(exc).splitlines()[0]
            raise UnreadableInput(path, f"not a Report JSON written by jcreport extract ({first})") from None
        return report, rebuild_text(report)
    doc, name = read_input(path)
    return extract(doc.text, path=name, encoding=doc.encoding, format=doc.format, **options), doc.text


def rebuild_text(report: Report) -> str:
    chars = [" "] * report.source.chars
    spans = [s.span for s in report.outline]
    spans += [f.sentence for f in (*report.metrics, *report.case_counts, *report.measures)]
    spans += [m for c in report.campaigns for m in c.mentions]
    for span in spans:
        chars[span.start:span.end] = span.text
    return "".join(chars)


def dump(model) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2)
