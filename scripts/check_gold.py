"""Check hand-written gold files for form only: offsets grounded, fields and values allowed.

It reads the gold and the texts and nothing else (it never runs jcreport), so annotators can use it
while writing gold by reading. Usage:

    python scripts/check_gold.py tests/real/gold/051.yaml [...]
    python scripts/check_gold.py            # every file of tests/real/gold and tests/gold
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TYPES = {"metric", "case_count"}
DOC_TYPES = {"work_report", "speech", "meeting_news", "rectification", "experience", "summary", "other"}
LEVELS = {"supreme", "provincial", "municipal", "branch", "district", "unknown"}
ROLES = {"review", "problems", "plan", None}
SECTION_KEYS = {"marker", "title", "start", "role", "note"}
META_KEYS = {"title", "doc_type", "organ", "organ_level", "year", "date", "speaker", "region", "note"}
CAMPAIGN_KEYS = {"name", "kind", "mentions", "note"}
MEASURE_KEYS = {"verb", "start", "object", "object_start", "status", "concrete", "note"}
FIGURE_KEYS = {"raw", "start", "value", "unit", "qualifier", "type", "action", "case_type", "change", "note"}


def _text_of(path: Path, gold: dict) -> str:
    if "text" in gold:
        return (path.parent.parent / "texts" / gold["text"]).read_text(encoding="utf-8")
    return (ROOT / "samples" / gold["sample"]).read_text(encoding="utf-8")


def check(path: Path) -> list[str]:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = _text_of(path, gold)
    errors = []

    def at(what: str, s: str, start) -> None:
        if not isinstance(start, int) or text[start:start + len(str(s))] != str(s):
            near = text.find(str(s))
            errors.append(f"{path.name}: {what} {s!r}@{start} is not in the text there (first found at {near})")

    for f in gold.get("figures") or []:
        at("figure", f.get("raw"), f.get("start"))
        if set(f) - FIGURE_KEYS:
            errors.append(f"{path.name}: figure {f.get('raw')!r} has unknown keys {sorted(set(f) - FIGURE_KEYS)}")
        if f.get("type") not in TYPES:
            errors.append(f"{path.name}: figure {f.get('raw')!r} type {f.get('type')!r}")
        if f.get("type") == "case_count" and "text" in gold and not f.get("action"):
            errors.append(f"{path.name}: case_count {f.get('raw')!r} has no action")
        if f.get("change") not in (None, "up", "down"):
            errors.append(f"{path.name}: figure {f.get('raw')!r} change {f.get('change')!r}")
        if f.get("value") is not None and not isinstance(f.get("value"), (int, float)):
            errors.append(f"{path.name}: figure {f.get('raw')!r} value {f.get('value')!r} is not a number")
    starts = [f["start"] for f in gold.get("figures") or [] if isinstance(f.get("start"), int)]
    if starts != sorted(starts):
        errors.append(f"{path.name}: figures are not in text order")
    meta = gold.get("meta")
    if "text" in gold:
        if not isinstance(meta, dict):
            errors.append(f"{path.name}: no meta")
        else:
            if set(meta) - META_KEYS:
                errors.append(f"{path.name}: meta has unknown keys {sorted(set(meta) - META_KEYS)}")
            if meta.get("doc_type") not in DOC_TYPES:
                errors.append(f"{path.name}: doc_type {meta.get('doc_type')!r}")
            if meta.get("organ_level") not in LEVELS:
                errors.append(f"{path.name}: organ_level {meta.get('organ_level')!r}")
            if meta.get("year") is not None and not isinstance(meta.get("year"), int):
                errors.append(f"{path.name}: year {meta.get('year')!r}")
        if "figures" not in gold or "campaigns" not in gold:
            errors.append(f"{path.name}: figures and campaigns must be given (write [] when there are none)")
    for m in gold.get("measures") or []:
        at("measure verb", m.get("verb"), m.get("start"))
        at("measure object", m.get("object"), m.get("object_start"))
        if set(m) - MEASURE_KEYS:
            errors.append(f"{path.name}: measure {m.get('verb')!r} has unknown keys {sorted(set(m) - MEASURE_KEYS)}")
        if m.get("status") not in ("done", "planned", "ongoing"):
            errors.append(f"{path.name}: measure {m.get('verb')!r} status {m.get('status')!r}")
        if "text" in gold and not isinstance(m.get("concrete"), bool):
            errors.append(f"{path.name}: measure {m.get('verb')!r} needs concrete: true|false")
    for s in gold.get("sections") or []:
        if set(s) - SECTION_KEYS:
            errors.append(f"{path.name}: section {s.get('title')!r} has unknown keys {sorted(set(s) - SECTION_KEYS)}"
                          " (an unquoted comma in a flow mapping?)")
        at("section", s.get("marker") or s.get("title"), s.get("start"))
        if s.get("role") not in ROLES:
            errors.append(f"{path.name}: section role {s.get('role')!r}")
    for c in gold.get("campaigns") or []:
        if set(c) - CAMPAIGN_KEYS:
            errors.append(f"{path.name}: campaign {c.get('name')!r} has unknown keys {sorted(set(c) - CAMPAIGN_KEYS)}")
        for m in c.get("mentions") or []:
            at("campaign mention", m.get("text"), m.get("start"))
    return errors


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "tests" / "real" / "gold").glob("*.yaml"))
    errors = [e for p in paths for e in check(p)]
    for e in errors:
        print(e)
    print(f"{len(paths)} files, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
