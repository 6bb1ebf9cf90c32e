"""A side of a comparison: a report file (extracted now) or a Report JSON written by ``extract``."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..errors import UnreadableInput
from ..models import SCHEMA_VERSION, Report
from ..pipeline import extract
from ..reading import read_input


def load(path: str, **options) -> tuple[Report, str]:
    """The Report and the text its spans index. For a Report JSON the text is rebuilt from what the
    Report holds (its sentences and headings at their offsets, blanks between)."""
    if path.lower().endswith(".json"):
        report = read_report_json(path)
        return report, rebuild_text(report)
    doc, name = read_input(path)
    return extract(doc.text, path=name, encoding=doc.encoding, format=doc.format, **options), doc.text


# Version 1 named the refusal of arrest 不批捕; version 2 calls it 不批准逮捕 (CHANGELOG.md).
_V1_ACTIONS = {"不批捕": "不批准逮捕"}
V1_WARNING = ("read from a schema_version 1 Report: its actions did not keep arrest and prosecution stages "
              "apart (审查逮捕 there may be 批准逮捕, 起诉 may be 审查起诉), sections have no role and "
              "measures no concrete flag")


def read_report_json(path: str) -> Report:
    """A Report JSON of schema_version 2, or of version 1 brought up to version 2 with a warning."""
    try:
        data = json.loads(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        raise UnreadableInput(path, f"not a Report JSON written by jcreport extract ({exc})") from None
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version == "1":
        data = upgrade_v1(data)
    elif version != SCHEMA_VERSION:
        raise UnreadableInput(path, f"Report JSON of schema_version {version!r}; this jcreport reads versions "
                                    f"'1' and {SCHEMA_VERSION!r}")
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        first = str(exc).splitlines()[0]
        raise UnreadableInput(path, f"not a Report JSON written by jcreport extract ({first})") from None


def upgrade_v1(data: dict) -> dict:
    """Version 1 → 2: the new fields take their defaults, renamed actions their new names."""
    data = {**data, "schema_version": SCHEMA_VERSION}
    data["case_counts"] = [{**c, "action": _V1_ACTIONS.get(c.get("action"), c.get("action"))}
                           for c in data.get("case_counts") or []]
    data["warnings"] = [*(data.get("warnings") or []), V1_WARNING]
    return data


def rebuild_text(report: Report) -> str:
    chars = [" "] * report.source.chars
    spans = [s.span for s in report.outline]
    spans += [f.sentence for f in (*report.metrics, *report.case_counts, *report.measures)
              if f.sentence is not None and f.sentence.text is not None]      # (--sentences span|none: left out)
    spans += [f.span for f in (*report.metrics, *report.case_counts, *report.measures)]
    spans += [m for c in report.campaigns for m in c.mentions]
    for span in spans:
        chars[span.start:span.end] = span.text
    return "".join(chars)


def dump(model) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2)
