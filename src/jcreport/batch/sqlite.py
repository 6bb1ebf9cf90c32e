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
from .sink import Sink

_COMMIT_EVERY = 200
_COMMIT_SECONDS = 2.0


def schema() -> str:
    return resources.files("jcreport.batch").joinpath("schema.sql").read_text(encoding="utf-8")


def _figure_row(report_id: int, f: dict) -> dict:
    period = f.get("period") or {}
    return dict(report_id=report_id, id=f["id"], value=f["value"], raw=f["raw"], unit=f["unit"],
                qualifier=f["qualifier"], bound=f["bound"], redacted=int(f["redacted"]), upper=f["upper"],
                period_text=period.get("text"), period_start=period.get("start"), period_end=period.get("end"),
                section=f["section"], span_start=f["span"]["start"], span_end=f["span"]["end"],
                sentence=f["sentence"]["text"])


def _insert(db: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if rows:
        cols = list(rows[0])
        db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})", rows)


class SqliteSink(Sink):
    name = "sqlite"

    def __init__(self, path: str, force: bool = False) -> None:
        super().__init__()
        self.path = path
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
            raise OutputError(path, f"not a usable SQLite database ({exc})") from None
        self.pending, self.last_commit = 0, time.monotonic()
        self.db.execute("BEGIN")

    def drop_failed(self) -> None:
        self.db.execute("DELETE FROM errors")
        self.failed.clear()

    def write(self, result: dict) -> None:
        try:
            if result["status"] == "error":
                e = result["line"]["error"]
                self.db.execute("INSERT OR REPLACE INTO errors (path, kind, message) VALUES (?, ?, ?)",
                                (e["path"], e["kind"], e["message"]))
            else:
                self._report(result["line"])
        except sqlite3.DatabaseError as exc:
            raise OutputError(self.path, f"cannot write: {exc}") from None
        self.pending += 1
        if self.pending >= _COMMIT_EVERY or time.monotonic() - self.last_commit > _COMMIT_SECONDS:
            self.commit()

    def _report(self, r: dict) -> None:
        src, meta = r["source"], r["meta"]
        self.db.execute("DELETE FROM reports WHERE path = ? AND doc_id != ?", (src["path"], r["doc_id"]))
        self.db.execute("DELETE FROM errors WHERE path = ?", (src["path"],))
        cur = self.db.execute(
            "INSERT INTO reports (doc_id, path, format, encoding, chars, title, organ, organ_level, region, doc_type,"
            " year, date, speaker, warnings, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (r["doc_id"], src["path"], src["format"], src["encoding"], src["chars"], meta["title"], meta["organ"],
             meta["organ_level"], meta["region"], meta["doc_type"], meta["year"], meta["date"], meta["speaker"],
             json.dumps(r["warnings"], ensure_ascii=False), json.dumps(r, ensure_ascii=False)))
        rid = cur.lastrowid
        _insert(self.db, "sections", [dict(report_id=rid, id=s["id"], marker=s["marker"], level=s["level"],
                                           title=s["title"], parent=s["parent"], span_start=s["span"]["start"],
                                           span_end=s["span"]["end"]) for s in r["outline"]])
        _insert(self.db, "metrics", [{**_figure_row(rid, m), "kind": m["kind"], "subject": m["subject"],
                                      "change_direction": (m["change"] or {}).get("direction"),
                                      "change_basis": (m["change"] or {}).get("basis"), "refers_to": m["refers_to"]}
                                     for m in r["metrics"]])
        _insert(self.db, "case_counts", [{**_figure_row(rid, c), "action": c["action"], "case_type": c["case_type"],
                                          "subject": c["subject"]} for c in r["case_counts"]])
        _insert(self.db, "measures", [dict(report_id=rid, id=m["id"], verb=m["verb"], object=m["object"],
                                           category=m["category"], status=m["status"], cue=m["cue"],
                                           partners=json.dumps(m["partners"], ensure_ascii=False),
                                           campaigns=json.dumps(m["campaigns"]), section=m["section"],
                                           span_start=m["span"]["start"], span_end=m["span"]["end"],
                                           sentence=m["sentence"]["text"]) for m in r["measures"]])
        _insert(self.db, "campaigns", [dict(report_id=rid, id=c["id"], name=c["name"], kind=c["kind"],
                                            lexicon_id=c["lexicon_id"], mentions=len(c["mentions"]),
                                            first_start=c["mentions"][0]["start"], section=c["section"])
                                       for c in r["campaigns"]])

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        self.pending, self.last_commit = 0, time.monotonic()

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()
