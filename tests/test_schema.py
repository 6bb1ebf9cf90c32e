from __future__ import annotations

from conftest import ROOT

from jcreport.cli.schema import schemas


def test_schema_checked_in_copies_match_models():
    generated = schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.schema.json")}
    assert set(on_disk) == set(generated), "run: jcreport schema schemas/"
    for name, text in generated.items():
        assert on_disk[name] == text, f"schemas/{name} is stale; run: jcreport schema schemas/"


def test_schema_report_validates_sample_output(sample_reports):
    import json

    import jsonschema

    schema = json.loads(schemas()["report.schema.json"])
    for report in sample_reports.values():
        jsonschema.validate(report.model_dump(mode="json"), schema)
