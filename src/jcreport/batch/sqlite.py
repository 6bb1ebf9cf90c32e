"""The SQLite sink: reports and their records in tables (sqlite_schema.py), resumable.

Documents are written in transactions of a few hundred (or every two seconds): a killed run
loses at most the open transaction, never half a document, and the next run redoes what was lost.
A path converted again with other content (a changed file) replaces its earlier rows. Resuming
reads (path, doc_id) from ``reports``; the whole Report as JSON is stored only when asked
(``--db-json``), never needed to resume.
"""
from __future__ import annotations

import json
import sqlite3
import time

import click

from ..errors import OutputError
from .lock import OutputLock
from .sink import Sink
from .sqlite_schema import SCHEMA_VERSION, check, prepare, schema  # noqa: F401 - schema and the version, for callers

_COMMIT_EVERY = 200
_COMMIT_SECONDS = 2.0


def _figure(f: dict) -> tuple:
    period = f.get("period") or {}
    return (f["id"], f["value"], f["raw"], f["unit"], f["qualifier"], f["bound"], int(f["redacted"]), f["upper"],
            period.get("text"), period.get("start"), period.get("end"), f["section"],
            f["span"]["start"], f["span"]["end"], f["sentence"]["start"], f["sentence"]["end"])


_FIGURE_COLS = ("id, value, raw, unit, qualifier, bound, redacted, upper, period_text, period_start, period_end, "
                "section, span_start, span_end, sentence_start, sentence_end")
COLUMNS = {
    "sections": "id, marker, level, title, parent, role, span_start, span_end",
    "metrics": _FIGURE_COLS + ", kind, subject, change_direction, change_basis, refers_to",
    "case_counts": _FIGURE_COLS + ", action, case_type, subject",
    "measures": "id, verb, object, category, status, concrete, cue, partners, campaigns, section, span_start, "
                "span_end, sentence_start, sentence_end",
    "sentences": "span_start, span_end, text",
    "campaigns": "id, name, kind, lexicon_id, mentions, first_start, section",
    "measure_campaigns": "measure_id, campaign_id",        # after measures and campaigns: it references both
}


def _sentences(r: dict) -> list[tuple]:
    seen: dict[int, tuple] = {}
    for record in (*r["metrics"], *r["case_counts"], *r["measures"]):
        s = record["sentence"]
        seen.setdefault(s["start"], (s["start"], s["end"], s["text"]))
    return sorted(seen.values())


def _links(r: dict) -> list[tuple]:
    """(measure id, campaign id) for each campaign a measure names, once, and only campaigns the
    report has (a dangling id would break the foreign key and the whole run)."""
    known = {c["id"] for c in r["campaigns"]}
    return [(m["id"], k) for m in r["measures"] for k in dict.fromkeys(m["campaigns"]) if k in known]


def rows(r: dict, with_sentences: bool = True) -> dict[str, list[tuple]]:
    """The rows of one Report for every record table (without report_id, added on insert).
    Built in the worker process, so the writing process only inserts. The sentences table holds
    each record's sentence once (not with --sentences none)."""
    dumps = json.dumps
    return {
        "sections": [(s["id"], s["marker"], s["level"], s["title"], s["parent"], s.get("role"), s["span"]["start"],
                      s["span"]["end"]) for s in r["outline"]],
        "metrics": [_figure(m) + (m["kind"], m["subject"], (m["change"] or {}).get("direction"),
                                  (m["change"] or {}).get("basis"), m["refers_to"]) for m in r["metrics"]],
        "case_counts": [_figure(c) + (c["action"], c["case_type"], c["subject"]) for c in r["case_counts"]],
        "measures": [(m["id"], m["verb"], m["object"], m["category"], m["status"], int(m["concrete"]), m["cue"],
                      dumps(m["partners"], ensure_ascii=False), dumps(m["campaigns"]), m["section"],
                      m["span"]["start"], m["span"]["end"], m["sentence"]["start"], m["sentence"]["end"])
                     for m in r["measures"]],
        "sentences": _sentences(r) if with_sentences else [],
        "campaigns": [(c["id"], c["name"], c["kind"], c["lexicon_id"], len(c["mentions"]), c["mentions"][0]["start"],
                       c["section"]) for c in r["campaigns"]],
        "measure_campaigns": _links(r),
        "report": [(r["doc_id"], r["source"]["path"], r["source"]["format"], r["source"]["encoding"],
                    r["source"]["chars"], r["meta"]["title"], r["meta"]["organ"], r["meta"]["organ_level"],
                    r["meta"]["region"], r["meta"]["doc_type"], r["meta"]["year"], r["meta"]["date"],
                    r["meta"]["speaker"], dumps(r["warnings"], ensure_ascii=False))],
    }


class SqliteSink(Sink):
    name = "sqlite"

    def __init__(self, path: str, force: bool = False, with_json: bool = False) -> None:
        super().__init__()
        self.path, self.with_json = path, with_json
        self.lock = OutputLock(path)                   # one run at a time writes a database
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            check(self.db, path, force)                # before WAL: a refused file is left as it was
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            if not prepare(self.db, path, force):
                click.echo(f"jcreport batch: {path}: SQLite {sqlite3.sqlite_version} has no FTS5 trigram tokenizer "
                           "(3.34 or later), so sentences_fts is left out; search sentences with LIKE", err=True)
            self.done = set(self.db.execute("SELECT path, doc_id FROM reports"))
            self.failed = {row[0] for row in self.db.execute("SELECT path FROM errors")}
        except sqlite3.DatabaseError as exc:
            self._abandon()
            raise OutputError(path, f"not a usable SQLite database ({exc})") from None
        except BaseException:                          # a database of another version (exit 18)
            self._abandon()
            raise
        self.pending, self.last_commit = 0, time.monotonic()
        self.db.execute("BEGIN")

    def _abandon(self) -> None:
        """Close and unlock a database that is not written to."""
        if hasattr(self, "db"):
            self.db.close()
        self.lock.release()

    def drop_failed(self) -> None:
        self.db.execute("DELETE FROM errors")
        self.failed.clear()

    def write(self, result: dict) -> None:
        try:
            if result["status"] == "error":
                e = json.loads(result["json"])["error"]
                self.db.execute("INSERT OR REPLACE INTO errors (path, kind, message) VALUES (?, ?, ?)",
                                (e["path"], e["kind"], e["message"]))
            else:
                self._report(result)
        except sqlite3.DatabaseError as exc:
            raise OutputError(self.path, f"cannot write: {exc}") from None
        self.pending += 1
        if self.pending >= _COMMIT_EVERY or time.monotonic() - self.last_commit > _COMMIT_SECONDS:
            self.commit()

    def _report(self, result: dict) -> None:
        table = result["rows"]
        path, doc_id = result["path"], result["doc_id"]
        self.db.execute("DELETE FROM reports WHERE path = ? AND doc_id != ?", (path, doc_id))
        self.db.execute("DELETE FROM errors WHERE path = ?", (path,))
        cur = self.db.execute(
            "INSERT INTO reports (doc_id, path, format, encoding, chars, title, organ, organ_level, region, doc_type,"
            " year, date, speaker, warnings, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            table["report"][0] + (result["json"] if self.with_json else None,))
        rid = cur.lastrowid
        for name, cols in COLUMNS.items():
            if table[name]:
                marks = ", ".join("?" * (cols.count(",") + 2))
                self.db.executemany(f"INSERT INTO {name} (report_id, {cols}) VALUES ({marks})",
                                    [(rid, *row) for row in table[name]])

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        self.pending, self.last_commit = 0, time.monotonic()

    def close(self) -> None:
        try:
            self.db.execute("COMMIT")
            self.db.close()
        except sqlite3.DatabaseError as exc:
            raise OutputError(self.path, f"cannot write: {exc}") from None
        finally:
            self.lock.release()
