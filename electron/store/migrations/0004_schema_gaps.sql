-- Schema gaps found in review (issue 13): a reporting month is 01 to 12, not 00 to 19; the exchange
-- tables' strand numbers name a strand of the plan; the actions of a meeting are found by index;
-- app_meta and reporting_periods were never used. Never edit once landed.
--
-- SQLite cannot change a CHECK or add a foreign key to a table, so each table is rebuilt its way:
-- create the new table, copy the rows, drop the old, rename, and recreate its indexes and triggers.
-- migrate.ts runs this with foreign keys off (else dropping meetings would cascade into its agenda)
-- and runs foreign_key_check before the commit.

DROP TABLE app_meta;
DROP TABLE reporting_periods;

CREATE INDEX board_actions_meeting ON board_actions (meeting_id);

-- plan ─────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE new_plan (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  plan_key           TEXT NOT NULL,
  title              TEXT NOT NULL,
  organisation       TEXT NOT NULL,
  board_name         TEXT NOT NULL,
  aim                TEXT NOT NULL,
  start_month        TEXT NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR start_month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  end_month          TEXT NOT NULL CHECK (end_month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR end_month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  protective_marking TEXT NOT NULL,
  chairs_json        TEXT NOT NULL DEFAULT '[]',
  CHECK (end_month >= start_month)
) STRICT;
INSERT INTO new_plan (id, plan_key, title, organisation, board_name, aim, start_month, end_month, protective_marking, chairs_json)
  SELECT id, plan_key, title, organisation, board_name, aim, start_month, end_month, protective_marking, chairs_json FROM plan;
DROP TABLE plan;
ALTER TABLE new_plan RENAME TO plan;

-- updates ──────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE new_updates (
  id            INTEGER PRIMARY KEY,
  objective_id  INTEGER NOT NULL REFERENCES objectives(id),
  month         TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
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
INSERT INTO new_updates (id, objective_id, month, revision, is_current, is_reported, status, narrative, next_steps,
    risks, metric_actual, author, created_at, saved_at, state, comment, demo)
  SELECT id, objective_id, month, revision, is_current, is_reported, status, narrative, next_steps,
    risks, metric_actual, author, created_at, saved_at, state, comment, demo FROM updates;
DROP TABLE updates;
ALTER TABLE new_updates RENAME TO updates;
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

-- meetings ─────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE new_meetings (
  id              INTEGER PRIMARY KEY,
  title           TEXT NOT NULL,
  held_at         TEXT NOT NULL,
  place           TEXT NOT NULL DEFAULT '',
  reporting_month TEXT NOT NULL CHECK (reporting_month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR reporting_month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  chairs_json     TEXT NOT NULL DEFAULT '[]',
  members_json    TEXT NOT NULL DEFAULT '[]',
  attendees_json  TEXT NOT NULL DEFAULT '[]',
  apologies_json  TEXT NOT NULL DEFAULT '[]',
  demo            INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
INSERT INTO new_meetings (id, title, held_at, place, reporting_month, chairs_json, members_json, attendees_json, apologies_json, demo)
  SELECT id, title, held_at, place, reporting_month, chairs_json, members_json, attendees_json, apologies_json, demo FROM meetings;
DROP TABLE meetings;
ALTER TABLE new_meetings RENAME TO meetings;
CREATE INDEX meetings_held_at ON meetings (held_at);

-- trusted_keys ─────────────────────────────────────────────────────────────────────────────────
CREATE TABLE new_trusted_keys (
  id            INTEGER PRIMARY KEY,
  fingerprint   TEXT NOT NULL,
  public_key    TEXT,          -- known once a file signed with it has been seen
  role          TEXT NOT NULL CHECK (role IN ('strand_lead', 'secretariat')),
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  strand_number INTEGER REFERENCES strands(number),
  trusted_at    TEXT NOT NULL,
  trusted_by    TEXT NOT NULL,
  CHECK ((role = 'strand_lead') = (strand_number IS NOT NULL)),
  UNIQUE (fingerprint, role, strand_number)
) STRICT;
INSERT INTO new_trusted_keys (id, fingerprint, public_key, role, name, strand_number, trusted_at, trusted_by)
  SELECT id, fingerprint, public_key, role, name, strand_number, trusted_at, trusted_by FROM trusted_keys;
DROP TABLE trusted_keys;
ALTER TABLE new_trusted_keys RENAME TO trusted_keys;

-- exchange_requests (exchange_returns refers to it, and is rebuilt after) ────────────────────────
CREATE TABLE new_exchange_requests (
  file_id          TEXT PRIMARY KEY,
  strand_number    INTEGER NOT NULL REFERENCES strands(number),
  month            TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  lead_name        TEXT NOT NULL,
  lead_fingerprint TEXT,
  expires_on       TEXT NOT NULL,
  issued_at        TEXT NOT NULL,
  issued_by        TEXT NOT NULL,
  baseline_json    TEXT NOT NULL,
  sha256           TEXT NOT NULL CHECK (length(sha256) = 64)
) STRICT;
INSERT INTO new_exchange_requests (file_id, strand_number, month, lead_name, lead_fingerprint, expires_on, issued_at,
    issued_by, baseline_json, sha256)
  SELECT file_id, strand_number, month, lead_name, lead_fingerprint, expires_on, issued_at,
    issued_by, baseline_json, sha256 FROM exchange_requests;
DROP TABLE exchange_requests;
ALTER TABLE new_exchange_requests RENAME TO exchange_requests;

-- exchange_inbox ───────────────────────────────────────────────────────────────────────────────
CREATE TABLE new_exchange_inbox (
  file_id                 TEXT PRIMARY KEY,
  plan_key                TEXT NOT NULL,
  strand_number           INTEGER NOT NULL REFERENCES strands(number),
  month                   TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  expires_on              TEXT NOT NULL,
  secretariat_fingerprint TEXT NOT NULL,
  payload_json            TEXT NOT NULL,
  opened_at               TEXT NOT NULL,
  opened_by               TEXT NOT NULL
) STRICT;
INSERT INTO new_exchange_inbox (file_id, plan_key, strand_number, month, expires_on, secretariat_fingerprint,
    payload_json, opened_at, opened_by)
  SELECT file_id, plan_key, strand_number, month, expires_on, secretariat_fingerprint,
    payload_json, opened_at, opened_by FROM exchange_inbox;
DROP TABLE exchange_inbox;
ALTER TABLE new_exchange_inbox RENAME TO exchange_inbox;

-- exchange_returns ─────────────────────────────────────────────────────────────────────────────
CREATE TABLE new_exchange_returns (
  file_id        TEXT PRIMARY KEY,
  request_id     TEXT NOT NULL REFERENCES exchange_requests(file_id),
  strand_number  INTEGER NOT NULL REFERENCES strands(number),
  month          TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' OR month GLOB '[0-9][0-9][0-9][0-9]-1[0-2]'),
  author         TEXT NOT NULL,
  fingerprint    TEXT NOT NULL,
  decisions_json TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL
) STRICT;
INSERT INTO new_exchange_returns (file_id, request_id, strand_number, month, author, fingerprint, decisions_json,
    imported_at, imported_by)
  SELECT file_id, request_id, strand_number, month, author, fingerprint, decisions_json,
    imported_at, imported_by FROM exchange_returns;
DROP TABLE exchange_returns;
ALTER TABLE new_exchange_returns RENAME TO exchange_returns;
