-- The SQLite schema jcreport 0.3.1 wrote (no PRAGMA user_version: database version 0), kept to test
-- that a database of it is recognised and refused (tests/test_sqlite_database.py).
-- The SQLite schema of `jcreport batch --db` (documented in README.md). One row per Report in
-- `reports`; its records in the other tables, keyed by (report_id, id); errors of failed inputs.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS reports (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL,          -- "sha256:<hex>" of the decoded text
    path        TEXT NOT NULL,          -- input path, "archive.zip!/member" for archive members
    format      TEXT NOT NULL,          -- txt | html | docx | pdf
    encoding    TEXT,
    chars       INTEGER,
    title       TEXT,
    organ       TEXT,
    organ_level TEXT,
    region      TEXT,
    doc_type    TEXT,
    year        INTEGER,
    date        TEXT,
    speaker     TEXT,
    warnings    TEXT,                   -- JSON list
    report      TEXT NOT NULL,          -- the whole Report as JSON
    UNIQUE (path, doc_id)
);
CREATE INDEX IF NOT EXISTS reports_organ_year ON reports (organ, year);
CREATE INDEX IF NOT EXISTS reports_year ON reports (year);

CREATE TABLE IF NOT EXISTS sections (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    id TEXT NOT NULL, marker TEXT, level INTEGER, title TEXT, parent TEXT,
    span_start INTEGER, span_end INTEGER,
    PRIMARY KEY (report_id, id)
);

-- each sentence once; records point to it by (report_id, sentence_start)
CREATE TABLE IF NOT EXISTS sentences (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (report_id, span_start)
);

CREATE TABLE IF NOT EXISTS metrics (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    id TEXT NOT NULL, value REAL, raw TEXT, unit TEXT, qualifier TEXT, bound TEXT, redacted INTEGER,
    upper REAL, kind TEXT, subject TEXT, change_direction TEXT, change_basis TEXT, refers_to TEXT,
    period_text TEXT, period_start TEXT, period_end TEXT, section TEXT,
    span_start INTEGER, span_end INTEGER, sentence_start INTEGER, sentence_end INTEGER,
    PRIMARY KEY (report_id, id)
);
CREATE INDEX IF NOT EXISTS metrics_subject ON metrics (subject);
CREATE INDEX IF NOT EXISTS metrics_kind ON metrics (kind);

CREATE TABLE IF NOT EXISTS case_counts (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    id TEXT NOT NULL, value REAL, raw TEXT, unit TEXT, qualifier TEXT, bound TEXT, redacted INTEGER,
    upper REAL, action TEXT, case_type TEXT, subject TEXT,
    period_text TEXT, period_start TEXT, period_end TEXT, section TEXT,
    span_start INTEGER, span_end INTEGER, sentence_start INTEGER, sentence_end INTEGER,
    PRIMARY KEY (report_id, id)
);
CREATE INDEX IF NOT EXISTS case_counts_action ON case_counts (action, case_type);

CREATE TABLE IF NOT EXISTS measures (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    id TEXT NOT NULL, verb TEXT, object TEXT, category TEXT, status TEXT, cue TEXT,
    partners TEXT, campaigns TEXT,           -- JSON lists
    section TEXT, span_start INTEGER, span_end INTEGER, sentence_start INTEGER, sentence_end INTEGER,
    PRIMARY KEY (report_id, id)
);
CREATE INDEX IF NOT EXISTS measures_status ON measures (status, category);

CREATE TABLE IF NOT EXISTS campaigns (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    id TEXT NOT NULL, name TEXT, kind TEXT, lexicon_id TEXT, mentions INTEGER,
    first_start INTEGER, section TEXT,
    PRIMARY KEY (report_id, id)
);
CREATE INDEX IF NOT EXISTS campaigns_name ON campaigns (name);

CREATE TABLE IF NOT EXISTS errors (
    id      INTEGER PRIMARY KEY,
    path    TEXT NOT NULL UNIQUE,
    kind    TEXT NOT NULL,
    message TEXT NOT NULL
);
