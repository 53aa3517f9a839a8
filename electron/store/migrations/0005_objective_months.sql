-- An objective reports from its start month until before its retirement month (issue 15, item 4):
-- an objective added in May 2007 is not "No update" in April. Objectives already held start at the
-- plan's start month, so nothing already reported changes; one retired before that (a request's
-- month can precede the plan) starts no later than it retired. Never edit once landed.
--
-- SQLite cannot add a NOT NULL column without a default or add a CHECK to a column, so the table
-- is rebuilt; migrate.ts runs this with foreign keys off and runs foreign_key_check before commit.

CREATE TABLE new_objectives (
  id           INTEGER PRIMARY KEY,
  ref          TEXT NOT NULL UNIQUE,
  strand_id    INTEGER NOT NULL REFERENCES strands(id),
  theme        TEXT NOT NULL,
  theme_code   TEXT NOT NULL,
  position     INTEGER NOT NULL,
  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
  year         TEXT CHECK (year IS NULL OR year IN ('Year 1', 'Year 2', 'Year 1 & 2')),
  target_text  TEXT,
  target_value REAL,
  target_unit  TEXT,
  owner        TEXT,
  repeated     INTEGER NOT NULL DEFAULT 0 CHECK (repeated IN (0, 1)),
  notes_json   TEXT NOT NULL DEFAULT '[]',
  -- First reporting month the objective reports in.
  start_month  TEXT NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR start_month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  -- First reporting month the objective no longer reports in; NULL while it is live.
  retired_from TEXT CHECK (retired_from IS NULL OR retired_from GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR retired_from GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  CHECK (retired_from IS NULL OR retired_from >= start_month)
) STRICT;
INSERT INTO new_objectives (id, ref, strand_id, theme, theme_code, position, text, year, target_text, target_value,
    target_unit, owner, repeated, notes_json, start_month, retired_from)
  SELECT o.id, o.ref, o.strand_id, o.theme, o.theme_code, o.position, o.text, o.year, o.target_text, o.target_value,
    o.target_unit, o.owner, o.repeated, o.notes_json,
    CASE WHEN o.retired_from IS NOT NULL AND o.retired_from < p.start_month THEN o.retired_from ELSE p.start_month END,
    o.retired_from
  FROM objectives o JOIN plan p ON p.id = 1;
DROP TABLE objectives;
ALTER TABLE new_objectives RENAME TO objectives;
CREATE INDEX objectives_strand ON objectives (strand_id, position);
