-- Board Pack schema, version 1. Never edit once landed: add 0002_… instead.

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE plan (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  plan_key           TEXT NOT NULL,
  title              TEXT NOT NULL,
  organisation       TEXT NOT NULL,
  board_name         TEXT NOT NULL,
  aim                TEXT NOT NULL,
  start_month        TEXT NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  end_month          TEXT NOT NULL CHECK (end_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  protective_marking TEXT NOT NULL,
  chairs_json        TEXT NOT NULL DEFAULT '[]',
  CHECK (end_month >= start_month)
) STRICT;

CREATE TABLE outcomes (
  id      INTEGER PRIMARY KEY,
  number  INTEGER NOT NULL UNIQUE,
  text    TEXT NOT NULL
) STRICT;

CREATE TABLE themes (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL CHECK (kind IN ('underpinning', 'cross_cutting')),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  summary  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE standing_agenda (
  position INTEGER PRIMARY KEY,
  title    TEXT NOT NULL
) STRICT;

CREATE TABLE strands (
  id        INTEGER PRIMARY KEY,
  number    INTEGER NOT NULL UNIQUE,
  title     TEXT NOT NULL,
  operation TEXT,
  lead      TEXT NOT NULL
) STRICT;

CREATE TABLE success_measures (
  id        INTEGER PRIMARY KEY,
  strand_id INTEGER NOT NULL REFERENCES strands(id),
  position  INTEGER NOT NULL,
  text      TEXT NOT NULL,
  UNIQUE (strand_id, position)
) STRICT;

CREATE TABLE strand_aims (
  id        INTEGER PRIMARY KEY,
  strand_id INTEGER NOT NULL REFERENCES strands(id),
  position  INTEGER NOT NULL,
  text      TEXT NOT NULL,
  UNIQUE (strand_id, position)
) STRICT;

CREATE TABLE objectives (
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
  -- First reporting month the objective no longer reports in; NULL while it is live.
  retired_from TEXT
) STRICT;
CREATE INDEX objectives_strand ON objectives (strand_id, position);

CREATE TABLE partners (
  position INTEGER PRIMARY KEY,
  name     TEXT NOT NULL
) STRICT;

CREATE TABLE glossary (
  position INTEGER PRIMARY KEY,
  term     TEXT NOT NULL,
  meaning  TEXT NOT NULL
) STRICT;

CREATE TABLE people (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  role      TEXT NOT NULL CHECK (role IN ('secretariat', 'strand_lead', 'chair', 'member')),
  strand_id INTEGER REFERENCES strands(id),
  email     TEXT NOT NULL DEFAULT '',
  retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;

CREATE TABLE reporting_periods (
  month    TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  due_date TEXT,
  closed   INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
) STRICT;

-- Every revision of every update is kept. Two pointers per (objective, month), kept in step by
-- the store in the same transaction as the change:
--   is_current  — the latest revision, whatever its state: what the strand lead is working on;
--   is_reported — the latest submitted or accepted revision: what the dashboard and pack show.
-- "No update" is the absence of a reported revision, never a stored status.
CREATE TABLE updates (
  id            INTEGER PRIMARY KEY,
  objective_id  INTEGER NOT NULL REFERENCES objectives(id),
  month         TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  is_current    INTEGER NOT NULL CHECK (is_current IN (0, 1)),
  is_reported   INTEGER NOT NULL DEFAULT 0 CHECK (is_reported IN (0, 1)),
  status        TEXT NOT NULL CHECK (status IN ('complete', 'green', 'amber', 'red', 'not_started')),
  narrative     TEXT NOT NULL DEFAULT '',
  next_steps    TEXT NOT NULL DEFAULT '',
  risks         TEXT NOT NULL DEFAULT '',
  metric_actual REAL,
  author        TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  saved_at      TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'accepted', 'returned')),
  comment       TEXT NOT NULL DEFAULT '',
  demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  -- A draft may be Red or Amber while its narrative is being written; nothing else may.
  CHECK (state = 'draft' OR status NOT IN ('red', 'amber') OR length(trim(narrative)) > 0),
  CHECK (is_reported = 0 OR state IN ('submitted', 'accepted')),
  UNIQUE (objective_id, month, revision)
) STRICT;
CREATE UNIQUE INDEX updates_current ON updates (month, objective_id) WHERE is_current = 1;
CREATE UNIQUE INDEX updates_reported ON updates (month, objective_id) WHERE is_reported = 1;
CREATE INDEX updates_reported_status ON updates (month, objective_id, status) WHERE is_reported = 1;

CREATE TRIGGER updates_accepted_frozen
BEFORE UPDATE OF objective_id, month, revision, status, narrative, next_steps, risks, metric_actual, author,
  created_at, state, comment ON updates
WHEN OLD.state = 'accepted'
BEGIN
  SELECT RAISE(ABORT, 'An accepted update is changed only by a new revision.');
END;

CREATE TABLE meetings (
  id              INTEGER PRIMARY KEY,
  title           TEXT NOT NULL,
  held_at         TEXT NOT NULL,
  place           TEXT NOT NULL DEFAULT '',
  reporting_month TEXT NOT NULL CHECK (reporting_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  chairs_json     TEXT NOT NULL DEFAULT '[]',
  members_json    TEXT NOT NULL DEFAULT '[]',
  attendees_json  TEXT NOT NULL DEFAULT '[]',
  apologies_json  TEXT NOT NULL DEFAULT '[]',
  demo            INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX meetings_held_at ON meetings (held_at);

CREATE TABLE agenda_items (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  title            TEXT NOT NULL,
  presenter        TEXT NOT NULL DEFAULT '',
  minutes_allotted INTEGER NOT NULL DEFAULT 0 CHECK (minutes_allotted >= 0),
  pack_section     TEXT,
  UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE minutes (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('minute', 'decision')),
  text           TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;

CREATE TABLE board_actions (
  id             INTEGER PRIMARY KEY,
  ref            TEXT NOT NULL UNIQUE,
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
  agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
  description    TEXT NOT NULL CHECK (length(trim(description)) > 0),
  owner          TEXT NOT NULL,
  due_date       TEXT,
  status         TEXT NOT NULL CHECK (status IN ('open', 'complete')),
  completed_on   TEXT,
  demo           INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  CHECK ((status = 'complete') = (completed_on IS NOT NULL))
) STRICT;

CREATE TABLE board_action_updates (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES board_actions(id) ON DELETE CASCADE,
  at        TEXT NOT NULL,
  author    TEXT NOT NULL,
  text      TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;

-- An issued pack is frozen: its bytes never change; a reissue is a new version.
CREATE TABLE issued_packs (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
  version         INTEGER NOT NULL CHECK (version >= 1),
  reporting_month TEXT NOT NULL,
  options_json    TEXT NOT NULL,
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes      INTEGER NOT NULL,
  pdf             BLOB NOT NULL,
  snapshot_json   TEXT NOT NULL DEFAULT '{}',
  changes_json    TEXT NOT NULL DEFAULT '[]',
  issued_at       TEXT NOT NULL,
  issued_by       TEXT NOT NULL,
  UNIQUE (meeting_id, version)
) STRICT;
CREATE INDEX issued_packs_sha ON issued_packs (sha256);

CREATE TRIGGER issued_packs_frozen BEFORE UPDATE ON issued_packs
BEGIN
  SELECT RAISE(ABORT, 'An issued pack is frozen and cannot be changed.');
END;
CREATE TRIGGER issued_packs_kept BEFORE DELETE ON issued_packs
BEGIN
  SELECT RAISE(ABORT, 'An issued pack is kept for the record and cannot be deleted.');
END;

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'The audit log is append-only.');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'The audit log is append-only.');
END;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
