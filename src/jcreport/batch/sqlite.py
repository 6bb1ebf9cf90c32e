"""The SQLite sink: reports and their records in tables (schema.sql), resumable.

Documents are written in transactions of a few hundred (or every two seconds): a killed run
loses at most the open transaction, never half a document, and the next run redoes what was lost.
A path converted again with other content (a changed file) replaces its earlier rows.
"""
from __future__ import annotations

import json
import sqlite3
import time
from importlib import resources

from ..errors import OutputError
from .lock import OutputLock
from .sink import Sink

_COMMIT_EVERY = 200
_COMMIT_SECONDS = 2.0


def schema() -> str:
    return resources.files("jcreport.batch").joinpath("schema.sql").read_text(encoding="utf-8")


def _figure(f: dict) -> tuple:
    period = f.get("period") or {}
    return (f["id"], f["value"], f["raw"], f["unit"], f["qualifier"], f["bound"], int(f["redacted"]), f["upper"],
            period.get("text"), period.get("start"), period.get("end"), f["section"],
            f["span"]["start"], f["span"]["end"], f["sentence"]["start"], f["sentence"]["end"])


_FIGURE_COLS = ("id, value, raw, unit, qualifier, bound, redacted, upper, period_text, period_start, period_end, "
                "section, span_start, span_end, sentence_start, sentence_end")
COLUMNS = {
    "sections": "id, marker, level, title, parent, span_start, span_end",
    "metrics": _FIGURE_COLS + ", kind, subject, change_direction, change_basis, refers_to",
    "case_counts": _FIGURE_COLS + ", action, case_type, subject",
    "measures": "id, verb, object, category, status, cue, partners, campaigns, section, span_start, span_end, "
                "sentence_start, sentence_end",
    "sentences": "span_start, span_end, text",
    "campaigns": "id, name, kind, lexicon_id, mentions, first_start, section",
}


def _sentences(r: dict) -> list[tuple]:
    seen: dict[int, tuple] = {}
    for record in (*r["metrics"], *r["case_counts"], *r["measures"]):
        s = record["sentence"]
        seen.setdefault(s["start"], (s["start"], s["end"], s["text"]))
    return sorted(seen.values())


def rows(r: dict, with_sentences: bool = True) -> dict[str, list[tuple]]:
    """The rows of one Report for every record table (without report_id, added on insert).
    Built in the worker process, so the writing process only inserts. The sentences table holds
    each record's sentence once (not with --sentences none)."""
    dumps = json.dumps
    return {
        "sections": [(s["id"], s["marker"], s["level"], s["title"], s["parent"], s["span"]["start"], s["span"]["end"])
                     for s in r["outline"]],
        "metrics": [_figure(m) + (m["kind"], m["subject"], (m["change"] or {}).get("direction"),
                                  (m["change"] or {}).get("basis"), m["refers_to"]) for m in r["metrics"]],
        "case_counts": [_figure(c) + (c["action"], c["case_type"], c["subject"]) for c in r["case_counts"]],
        "measures": [(m["id"], m["verb"], m["object"], m["category"], m["status"], m["cue"],
                      dumps(m["partners"], ensure_ascii=False), dumps(m["campaigns"]), m["section"],
                      m["span"]["start"], m["span"]["end"], m["sentence"]["start"], m["sentence"]["end"])
                     for m in r["measures"]],
        "sentences": _sentences(r) if with_sentences else [],
        "campaigns": [(c["id"], c["name"], c["kind"], c["lexicon_id"], len(c["mentions"]), c["mentions"][0]["start"],
                       c["section"]) for c in r["campaigns"]],
        "report": [(r["doc_id"], r["source"]["path"], r["source"]["format"], r["source"]["encoding"],
                    r["source"]["chars"], r["meta"]["title"], r["meta"]["organ"], r["meta"]["organ_level"],
                    r["meta"]["region"], r["meta"]["doc_type"], r["meta"]["year"], r["meta"]["date"],
                    r["meta"]["speaker"], dumps(r["warnings"], ensure_ascii=False))],
    }


class SqliteSink(Sink):
    name = "sqlite"

    def __init__(self, path: str, force: bool = False) -> None:
        super().__init__()
        self.path = path
        self.lock = OutputLock(path)                   # one run at a time writes a database
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(schema())
            if force:
                self.db.executescript("DELETE FROM errors; DELETE FROM reports;")
            self.done = set(self.db.execute("SELECT path, doc_id FROM reports"))
            self.failed = {row[0] for row in self.db.execute("SELECT path FROM errors")}
        except sqlite3.DatabaseError as exc:
            self.lock.release()
            raise OutputError(path, f"not a usable SQLite database ({exc})") from None
        self.pending, self.last_commit = 0, time.monotonic()
        self.db.execute("BEGIN")

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
            table["report"][0] + (result["json"],))
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
