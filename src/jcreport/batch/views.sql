-- The views of `jcreport batch --db` for the common questions (README.md, "The SQLite database").
-- Dropped and made again each time a run opens the database, so they always match this jcreport.

-- case counts per procuratorate, year, action, case type and unit; total adds every mention, so a
-- 其中 breakdown or a baseline (去年同期为…) of the same action is added too: mentions and largest say so
CREATE VIEW case_counts_by_organ_year AS
SELECT r.organ, r.organ_level, r.year, c.action, c.case_type, c.unit,
       SUM(c.value) AS total, MAX(c.value) AS largest, COUNT(*) AS mentions, COUNT(DISTINCT r.id) AS reports
FROM case_counts c JOIN reports r ON r.id = c.report_id
WHERE NOT c.redacted
GROUP BY r.organ, r.organ_level, r.year, c.action, c.case_type, c.unit;

-- every measure with its status, its report's organ, year and type, its section's title and role, its sentence
CREATE VIEW measures_in_context AS
SELECT m.report_id, r.organ, r.organ_level, r.year, r.doc_type, r.path,
       m.id AS measure_id, m.verb, m.object, m.category, m.status, m.concrete, m.cue,
       m.section, s.title AS section_title, s.role AS section_role,
       t.text AS sentence, m.span_start, m.span_end
FROM measures m
JOIN reports r ON r.id = m.report_id
LEFT JOIN sections s ON s.report_id = m.report_id AND s.id = m.section
LEFT JOIN sentences t ON t.report_id = m.report_id AND t.span_start = m.sentence_start;

-- the commitments: planned measures, what a report says will be done
CREATE VIEW commitments AS
SELECT * FROM measures_in_context WHERE status = 'planned';

-- each campaign per year: in how many reports and procuratorates, with how many mentions
CREATE VIEW campaigns_by_year AS
SELECT k.name, k.kind, k.lexicon_id, r.year, COUNT(DISTINCT r.id) AS reports,
       COUNT(DISTINCT r.organ) AS organs, SUM(k.mentions) AS mentions
FROM campaigns k JOIN reports r ON r.id = k.report_id
GROUP BY k.name, k.kind, k.lexicon_id, r.year;
