"""datasette/metadata.yml: it describes tables and views a database built from the samples has, and
its canned queries are the README's queries and run there. Datasette itself is not needed (nor a
dependency): the file is read as YAML, the way datasette reads it."""
from __future__ import annotations

import re
import sqlite3

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from jcreport.cli import main

METADATA = ROOT / "datasette" / "metadata.yml"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ds") / "reports.sqlite"
    result = CliRunner().invoke(main, ["batch", str(SAMPLES), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(path)
    yield con
    con.close()


def _reports() -> dict:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["reports"]


def _objects(con) -> set[str]:
    """The tables and views a user sees (not FTS5's shadow tables)."""
    return {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                      "AND name NOT LIKE 'sentences_fts_%' AND name NOT LIKE 'sqlite_%'")}


def test_the_readme_command_names_the_database_the_metadata_describes_and_datasette_stays_optional():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "datasette reports.sqlite -m datasette/metadata.yml" in readme
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith("datasette") for d in project["dependencies"]), "datasette is not a dependency"


def test_every_table_view_and_column_described_exists_and_every_one_is_described(db):
    tables = _reports()["tables"]
    assert set(tables) == _objects(db) - {"sentences_fts"}
    for name, meta in tables.items():
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({name})")}
        assert set(meta.get("columns", {})) <= columns, name
        assert meta["description"], name
        if "fts_table" in meta:
            assert meta["fts_table"] in _objects(db) and meta["fts_pk"] in columns
        if "label_column" in meta:
            assert meta["label_column"] in columns


def test_every_canned_query_runs_on_the_samples_and_is_a_readme_query(db):
    queries = _reports()["queries"]
    assert not set(queries) & _objects(db), "a canned query named as a table would hide it"
    for name, query in queries.items():
        assert db.execute(query["sql"]).fetchall(), name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = [q.split("\n", 1) for q in re.findall(r"```sql\n(.+?)\n```", readme, re.S)]
    assert sorted((title.removeprefix("-- "), sql) for title, sql in documented) == sorted(
        (q["title"], q["sql"]) for q in queries.values())
