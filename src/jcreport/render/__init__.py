"""Renderers: a Report to JSON, YAML or a rich table for people."""
from __future__ import annotations

import json

from ..models import Report


def to_json(report: Report, *, ascii: bool = False, indent: int | None = 2) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=ascii, indent=indent)


def to_yaml(report: Report) -> str:
    import yaml

    return yaml.safe_dump(report.model_dump(mode="json"), allow_unicode=True, sort_keys=False, width=120)
