"""The SQLite database's schema and its version: the tables (schema.sql), the full-text index over
sentences (fts.sql) and the views (views.sql).

``SCHEMA_VERSION`` is stored as ``PRAGMA user_version``. A run writes into a new (empty) database or
one of this version; any other is refused with ``DatabaseMismatch`` (exit 18), naming the file, the
version found and the one expected, unless ``--force`` starts it afresh. A database written before
versions (user_version 0 with a ``reports`` table, jcreport before 0.4.0) is recognised as version 0.
There is no migration: what a later version adds (section roles, ``concrete``, the measure ↔ campaign
links) is not in an older database, and filling it in from the stored JSON would mix the output of
two extractors in one database. Converting again is a resumable batch run.
"""
from __future__ import annotations

import sqlite3
from importlib import resources

from ..errors import DatabaseMismatch, OutputError

SCHEMA_VERSION = 1
FIRST_VERSIONED = "0.4.0"                       # the first jcreport that sets user_version

VIEWS = ("case_counts_by_organ_year", "measures_in_context", "commitments", "campaigns_by_year")
TABLES = ("measure_campaigns", "sentences", "sections", "metrics", "case_counts", "measures", "campaigns", "errors",
          "reports")                           # children before parents, the order they are dropped in
FTS = "sentences_fts"
FTS_TRIGGERS = ("sentences_fts_insert", "sentences_fts_delete", "sentences_fts_update")


def sql(name: str) -> str:
    return resources.files("jcreport.batch").joinpath(name).read_text(encoding="utf-8")


def schema() -> str:
    return sql("schema.sql")


def trigram_available() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 and later, FTS5 compiled in)."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


def _has(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def mismatch(version: int, ours: bool) -> str:
    """Why a database is refused, and what to do (one line)."""
    if not ours:
        return (f"not a jcreport database (user_version {version}, no reports table); "
                "write the database to a new file")
    if version == 0:
        written = f"written before jcreport {FIRST_VERSIONED}"
    elif version > SCHEMA_VERSION:
        written = "written by a newer jcreport"
    else:
        written = "written by an older jcreport"
    return (f"database version {version} ({written}), this jcreport writes version {SCHEMA_VERSION}: "
            "write to a new file, or add --force to convert everything into this one afresh")


def check(db: sqlite3.Connection, path: str, force: bool) -> None:
    """Refuse a database of another version, before anything is written to it (``force`` starts a
    jcreport database of any version afresh, never another program's)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    ours = _has(db, "reports")
    if (version != SCHEMA_VERSION and (ours or version != 0)) and not (force and ours):
        raise DatabaseMismatch(path, mismatch(version, ours))


def prepare(db: sqlite3.Connection, path: str, force: bool) -> bool:
    """Make a checked database ready to write, in one transaction (a run killed half-way never
    leaves tables without their version). ``force`` starts it afresh. Returns whether the
    full-text index is there (False when this SQLite cannot make it)."""
    trigram = trigram_available()
    if _has(db, FTS) and not trigram and not force:
        raise OutputError(path, f"has a full-text index ({FTS}) that SQLite {sqlite3.sqlite_version} cannot write: "
                                "its trigram tokenizer needs SQLite 3.34 or later")
    script = ["BEGIN;"]
    if force:
        script += [f"DROP VIEW IF EXISTS {v};" for v in VIEWS] + [f"DROP TRIGGER IF EXISTS {t};" for t in FTS_TRIGGERS]
        script += [f"DROP TABLE IF EXISTS {t};" for t in (FTS, *TABLES)]
    script.append(schema())
    fts = trigram
    if fts:
        script.append(sql("fts.sql"))
        if not _has(db, FTS) and _has(db, "sentences") and not force:  # made by a SQLite without trigram
            script.append(f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild');")
    script += [f"DROP VIEW IF EXISTS {v};" for v in VIEWS] + [sql("views.sql")]
    script += [f"PRAGMA user_version = {SCHEMA_VERSION};", "COMMIT;"]
    try:
        db.executescript("\n".join(script))
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return fts
