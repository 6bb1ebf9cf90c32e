from __future__ import annotations

import re

from conftest import ROOT


def _commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash)\n(.+?)\n```", readme)[:2]


def test_readme_starts_with_two_setup_commands():
    install_run, install_test = _commands()
    assert "pip install" in install_run and "jcreport extract samples/" in install_run
    assert "pip install" in install_test and "pytest" in install_test


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert _commands()[1] in ci                        # verbatim; steps for optional extras follow it


def test_readme_sql_queries_run_on_a_real_database(tmp_path):
    import sqlite3

    from click.testing import CliRunner

    from jcreport.cli import main

    db = tmp_path / "r.sqlite"
    assert CliRunner().invoke(main, ["batch", str(ROOT / "samples"), "--db", str(db), "-q"]).exit_code == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.+?)\n```", readme, re.S)
    assert len(queries) >= 3
    con = sqlite3.connect(db)
    results = [con.execute(q).fetchall() for q in queries]
    assert all(results), [q.splitlines()[0] for q, r in zip(queries, results) if not r]
    assert ("芝罘区人民检察院", 2022, "达98%以上", 98.0, "at_least") in results[0]
