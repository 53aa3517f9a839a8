-- Performance indicators (issue 14): the strategy's key outcomes and success measures as monthly
-- figures. An indicator keeps a stable reference; a definition change at a month starts a new
-- segment of its series; each month holds one current figure with every earlier revision kept.
-- Never edit once landed.
--
-- The outcome and strand are numbers, not foreign keys: the plan aggregate is cleared and seeded
-- whole (an untouched plan replaced by a request's), and the store checks them against the plan
-- when an indicator is added or edited.

CREATE TABLE indicators (
  id                   INTEGER PRIMARY KEY,
  ref                  TEXT NOT NULL UNIQUE CHECK (length(ref) BETWEEN 1 AND 20 AND ref GLOB '[A-Z]*' AND ref NOT GLOB '*[^A-Za-z0-9.]*'),
  title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
  outcome_number       INTEGER CHECK (outcome_number IS NULL OR outcome_number > 0),
  strand_number        INTEGER CHECK (strand_number IS NULL OR strand_number > 0),
  -- 0 for a measure that states no figure the board could count: no unit, direction or target.
  countable            INTEGER NOT NULL CHECK (countable IN (0, 1)),
  unit                 TEXT CHECK (unit IS NULL OR unit IN ('count', 'percent', 'rate')),
  per                  INTEGER CHECK (per IS NULL OR per > 0),
  better               TEXT CHECK (better IS NULL OR better IN ('lower', 'higher', 'neither')),
  target_kind          TEXT CHECK (target_kind IS NULL OR target_kind IN ('value', 'change')),
  target_value         REAL,
  target_text          TEXT,
  target_percent       REAL,
  target_baseline_note TEXT,
  source               TEXT NOT NULL DEFAULT '',
  -- Why a measure is not countable, and any other note kept with it: a JSON array of strings.
  notes_json           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes_json) AND json_type(notes_json) = 'array'),
  position             INTEGER NOT NULL,
  -- First reporting month the indicator no longer reports in; NULL while it is live.
  retired_from         TEXT CHECK (retired_from IS NULL OR retired_from GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR retired_from GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  demo                 INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  CHECK (outcome_number IS NOT NULL OR strand_number IS NOT NULL),
  CHECK ((countable = 1 AND unit IS NOT NULL AND better IS NOT NULL)
      OR (countable = 0 AND unit IS NULL AND better IS NULL AND target_kind IS NULL AND notes_json <> '[]')),
  CHECK ((unit = 'rate' AND per IS NOT NULL) OR (unit IS NOT 'rate' AND per IS NULL)),
  CHECK ((target_kind IS NULL AND target_value IS NULL AND target_text IS NULL AND target_percent IS NULL AND target_baseline_note IS NULL)
      OR (target_kind = 'value' AND target_value IS NOT NULL AND target_percent IS NULL AND target_baseline_note IS NULL)
      OR (target_kind = 'change' AND target_percent IS NOT NULL AND length(trim(target_baseline_note)) > 0
          AND target_value IS NULL AND target_text IS NULL))
) STRICT;
CREATE INDEX indicators_position ON indicators (position, id);

-- A definition change at `month` starts a new segment of the series there (the chart is rebased).
CREATE TABLE indicator_definition_changes (
  id           INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  month        TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  note         TEXT NOT NULL CHECK (length(trim(note)) > 0),
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  demo         INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  UNIQUE (indicator_id, month)
) STRICT;

-- One current figure per indicator and month (is_current = 1); earlier revisions are kept.
CREATE TABLE indicator_figures (
  id           INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  month        TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  is_current   INTEGER NOT NULL CHECK (is_current IN (0, 1)),
  value        REAL NOT NULL,
  -- For a percentage or rate: what was counted and out of what, so periods are ratios of sums.
  numerator    REAL CHECK (numerator IS NULL OR numerator >= 0),
  denominator  REAL CHECK (denominator IS NULL OR denominator > 0),
  note         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL CHECK (source IN ('typed', 'import', 'exchange', 'demo')),
  author       TEXT NOT NULL,
  saved_at     TEXT NOT NULL,
  CHECK ((numerator IS NULL) = (denominator IS NULL)),
  UNIQUE (indicator_id, month, revision)
) STRICT;
CREATE UNIQUE INDEX indicator_figures_current ON indicator_figures (indicator_id, month) WHERE is_current = 1;

-- A saved revision is history: only whether it is the current one may change.
CREATE TRIGGER indicator_figures_frozen
BEFORE UPDATE OF indicator_id, month, revision, value, numerator, denominator, note, source, author, saved_at
ON indicator_figures
BEGIN
  SELECT RAISE(ABORT, 'An indicator figure is changed only by a new revision.');
END;
