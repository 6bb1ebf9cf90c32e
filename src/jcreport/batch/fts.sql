-- Full-text search over sentences (SQLite 3.34+): the trigram tokenizer indexes every run of three
-- characters, so it finds Chinese without word segmentation; a query of one or two characters
-- cannot MATCH and is a LIKE on sentences.text (README.md). External content: the text is stored
-- once, in sentences; the triggers keep the index in step (a report deleted by cascade too).
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts
    USING fts5(text, content="sentences", content_rowid="id", tokenize="trigram");
CREATE TRIGGER IF NOT EXISTS sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_fts_update AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
