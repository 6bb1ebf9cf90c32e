"""Renderers: a Report to JSON, YAML or a rich table for people."""
from __future__ import annotations

import json

from ..models import Report


# Record lists a user can limit the output to (--only); "figures" is metrics and case counts.
SECTIONS = ("outline", "metrics", "case_counts", "measures", "campaigns", "warnings")
ALIASES = {"figures": ("metrics", "case_counts")}
HEADER = ("schema_version", "doc_id", "source", "meta")


def only_fields(names: str) -> set[str]:
    """``"measures,campaigns"`` -> the Report fields to keep; raises ValueError on an unknown name."""
    keep = set(HEADER)
    for name in filter(None, (n.strip() for n in names.split(","))):
        if name in ALIASES:
            keep.update(ALIASES[name])
        elif name in SECTIONS:
            keep.add(name)
        else:
            raise ValueError(f"unknown record list {name!r}; choose from {', '.join((*SECTIONS, *ALIASES))}")
    return keep


def dump(report: Report, include: set[str] | None = None) -> dict:
    return report.model_dump(mode="json", include=include)


def to_json(report: Report, *, ascii: bool = False, indent: int | None = 2, include: set[str] | None = None) -> str:
    return json.dumps(dump(report, include), ensure_ascii=ascii, indent=indent)


def to_yaml(report: Report, include: set[str] | None = None) -> str:
    import yaml

    return yaml.safe_dump(dump(report, include), allow_unicode=True, sort_keys=False, width=120)
