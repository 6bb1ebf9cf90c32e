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


def test_sentences_span_and_none_are_smaller_valid_reports_that_diff_still_reads(tmp_path, sample_reports):
    import json

    import jsonschema
    from click.testing import CliRunner

    from jcreport.cli import main
    from jcreport.render import dump

    schema = json.loads(schemas()["report.schema.json"])
    report = next(iter(sample_reports.values()))
    full = dump(report)
    for mode in ("span", "none"):
        shaped = dump(report, sentences=mode)
        jsonschema.validate(shaped, schema)
        records = [*shaped["measures"], *shaped["metrics"], *shaped["case_counts"]]
        if mode == "span":
            assert all("text" not in r["sentence"] and r["sentence"]["end"] > r["sentence"]["start"] for r in records)
        else:
            assert all(r["sentence"] is None for r in records)
        assert len(json.dumps(shaped, ensure_ascii=False)) < len(json.dumps(full, ensure_ascii=False))
        assert [r["span"] for r in shaped["measures"]] == [r["span"] for r in full["measures"]]
    from conftest import SAMPLES

    sample = sorted(SAMPLES.glob("*.txt"))[0]
    bare = tmp_path / "bare.json"
    assert CliRunner().invoke(main, ["extract", str(sample), "--sentences", "none", "-o", str(bare)]).exit_code == 0
    diff = CliRunner().invoke(main, ["diff", str(bare), str(sample), "--format", "markdown"])
    assert diff.exit_code == 0, diff.output


def test_batch_sentences_none_keeps_offsets_and_leaves_the_text_out(tmp_path):
    import json
    import sqlite3

    from click.testing import CliRunner
    from conftest import SAMPLES

    from jcreport.cli import main

    out, db = tmp_path / "o.jsonl", tmp_path / "o.sqlite"
    result = CliRunner().invoke(main, ["batch", str(SAMPLES), "-o", str(out), "--db", str(db), "--sentences", "none", "-q"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all(m["sentence"] is None for r in lines for m in r["measures"])
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sentences").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM measures WHERE sentence_start IS NOT NULL").fetchone()[0] > 0
