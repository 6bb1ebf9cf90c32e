"""The research database: its version (PRAGMA user_version), the full-text index over sentences, the
measure ↔ campaign links, the views and --db-json, on databases built from the samples by the CLI."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from jcreport.batch.sqlite_schema import SCHEMA_VERSION, VIEWS
from jcreport.cli import main

V0_SCHEMA = Path(__file__).parent / "sqlite" / "schema_v0.sql"


def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The samples converted once into JSON Lines and SQLite."""
    tmp = tmp_path_factory.mktemp("db")
    out, db = tmp / "r.jsonl", tmp / "r.sqlite"
    result = batch(SAMPLES, "-o", out, "--db", db, "-q")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], db


def _copy(db: Path, to: Path) -> Path:
    shutil.copy(db, to)
    return to


def test_a_new_database_has_the_schema_version_the_views_and_the_fts_index(built):
    _, db = built
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    names = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert set(VIEWS) | {"measure_campaigns", "sentences_fts"} <= names
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")


def test_fts_matches_three_characters_and_more_two_need_like(built):
    _, db = built
    con = sqlite3.connect(db)

    def match(q):
        return sorted(con.execute("SELECT s.report_id, s.span_start FROM sentences_fts f JOIN sentences s ON s.id = "
                                  "f.rowid WHERE sentences_fts MATCH ?", (q,)))

    def like(q):
        return sorted(con.execute("SELECT report_id, span_start FROM sentences WHERE text LIKE ?", (f"%{q}%",)))

    for q in ("认罪认罚", "公益诉讼", "检察建议", "未成年人"):
        assert match(q) == like(q) and match(q), q
    assert like("公益") and match("公益") == []           # trigram cannot match two characters
    assert con.execute("SELECT count(*) FROM sentences_fts WHERE text LIKE '%公益%'").fetchone() == (0,)


def test_measure_campaigns_links_every_campaign_a_measure_names(built):
    reports, db = built
    con = sqlite3.connect(db)
    expected = sorted((r["source"]["path"], m["id"], k) for r in reports for m in r["measures"] for k in m["campaigns"])
    got = sorted(con.execute("SELECT r.path, l.measure_id, l.campaign_id FROM measure_campaigns l "
                             "JOIN reports r ON r.id = l.report_id "
                             "JOIN measures m ON m.report_id = l.report_id AND m.id = l.measure_id "
                             "JOIN campaigns k ON k.report_id = l.report_id AND k.id = l.campaign_id"))
    assert got == expected and len(got) > 10


def test_views_answer_from_the_records(built):
    reports, db = built
    con = sqlite3.connect(db)
    zs = next(r for r in reports if r["meta"]["organ"] == "中山市人民检察院")
    handled = sum(c["value"] for c in zs["case_counts"] if c["action"] == "办理" and c["unit"] == "件"
                  and c["case_type"] is None and not c["redacted"])
    assert con.execute("SELECT total FROM case_counts_by_organ_year WHERE organ = '中山市人民检察院' AND year = 2024 "
                       "AND action = '办理' AND case_type IS NULL AND unit = '件'").fetchone() == (handled,)
    planned = sum(m["status"] == "planned" for r in reports for m in r["measures"])
    assert con.execute("SELECT count(*) FROM commitments").fetchone() == (planned,)
    roles = {(r["source"]["path"], m["id"]): next((s["role"] for s in r["outline"] if s["id"] == m["section"]), None)
             for r in reports for m in r["measures"]}
    rows = con.execute("SELECT path, measure_id, section_role, sentence FROM measures_in_context").fetchall()
    assert len(rows) == len(roles) and all(roles[(p, i)] == role for p, i, role, _ in rows)
    assert all(sentence for *_, sentence in rows)
    assert ("plan", "planned") in set(con.execute("SELECT section_role, status FROM measures_in_context"))
    years = {(k["name"], r["meta"]["year"]) for r in reports for k in r["campaigns"]}
    assert set(con.execute("SELECT name, year FROM campaigns_by_year")) == years


def test_the_report_json_is_stored_only_with_db_json_and_resume_needs_none(tmp_path, built):
    reports, _ = built
    plain, full = tmp_path / "plain.sqlite", tmp_path / "full.sqlite"
    assert batch(SAMPLES, "--db", plain, "-q").exit_code == 0
    assert sqlite3.connect(plain).execute("SELECT count(*), count(report) FROM reports").fetchone() == (5, 0)
    again = batch(SAMPLES, "--db", plain)
    assert again.exit_code == 0 and "0 converted, 5 already done" in again.output
    assert batch(SAMPLES, "--db", full, "--db-json", "-q").exit_code == 0
    stored = dict(sqlite3.connect(full).execute("SELECT path, report FROM reports"))
    assert {r["source"]["path"]: r for r in reports} == {p: json.loads(j) for p, j in stored.items()}


def test_a_changed_input_leaves_no_stale_rows_in_the_index_or_the_links(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    db = tmp_path / "r.sqlite"
    assert batch(folder, "--db", db, "-q").exit_code == 0
    target = next(iter(sorted(folder.glob("*.txt"))))
    target.write_text("关于2024年工作情况的报告\n一、开展“护航民企”专项行动,办理公益诉讼案件12件。", encoding="utf-8")
    assert batch(folder, "--db", db, "-q").exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (5,)
    con.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")
    assert con.execute("SELECT count(*) FROM sentences_fts").fetchone() == con.execute(
        "SELECT count(*) FROM sentences").fetchone()
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = con.execute("SELECT count(*) FROM measure_campaigns l LEFT JOIN reports r ON r.id = l.report_id "
                          "WHERE r.id IS NULL").fetchone()
    assert orphans == (0,)


def _pre_versioned(path: Path, reports: list[dict]) -> Path:
    """A database as jcreport 0.3.1 wrote it: its schema, no user_version, one real report."""
    con = sqlite3.connect(path)
    con.executescript(V0_SCHEMA.read_text(encoding="utf-8"))
    r = reports[0]
    con.execute("INSERT INTO reports (doc_id, path, format, chars, organ, year, report) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (r["doc_id"], r["source"]["path"], r["source"]["format"], r["source"]["chars"], r["meta"]["organ"],
                 r["meta"]["year"], json.dumps(r, ensure_ascii=False)))
    con.commit()
    con.close()
    return path


def test_a_pre_versioned_database_is_refused_with_exit_18_and_left_as_it_was(tmp_path, built):
    reports, _ = built
    db = _pre_versioned(tmp_path / "old.sqlite", reports)
    result = batch(SAMPLES, "--db", db, "-q")
    assert result.exit_code == 18
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and str(db) in message
    assert "database version 0" in message and f"writes version {SCHEMA_VERSION}" in message
    assert "before jcreport 0.4.0" in message and "--force" in message
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    assert "role" not in {c[1] for c in con.execute("PRAGMA table_info(sections)")}   # not half-migrated
    con.close()
    forced = batch(SAMPLES, "--db", db, "--force", "-q")
    assert forced.exit_code == 0, forced.output
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (5,)
    assert con.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '认罪认罚'").fetchone()[0] > 0


def test_a_database_of_a_newer_version_is_refused_not_appended_to(tmp_path, built):
    _, db = built
    newer = _copy(db, tmp_path / "newer.sqlite")
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "new.txt").write_text("2024年,共办理各类案件120件。", encoding="utf-8")
    result = batch(folder, "--db", newer)
    assert result.exit_code == 18
    assert f"database version {SCHEMA_VERSION + 1} (written by a newer jcreport)" in result.output
    assert sqlite3.connect(newer).execute("SELECT count(*) FROM reports").fetchone() == (5,)


def test_a_sqlite_file_of_another_program_is_refused_even_with_force(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x');"
                      "PRAGMA user_version = 7;")
    con.close()
    for extra in ((), ("--force",)):
        result = batch(SAMPLES, "--db", other, "-q", *extra)
        assert result.exit_code == 18 and "not a jcreport database (user_version 7" in result.output
    con = sqlite3.connect(other)
    assert con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [("notes",)]
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)          # not switched to WAL either


def test_a_refused_database_releases_the_json_lines_output_opened_before_it(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY); PRAGMA user_version = 7;")
    con.close()
    out = tmp_path / "out.jsonl"
    assert batch(SAMPLES, "-o", out, "--db", other, "-q").exit_code == 18
    again = batch(SAMPLES, "-o", out, "-q", "-j", "1")     # in the same process: the lock was let go
    assert again.exit_code == 0, again.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(list(SAMPLES.glob("*.txt")))
