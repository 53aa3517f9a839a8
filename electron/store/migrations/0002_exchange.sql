-- Working offline: this installation's signing key, the keys we trust, exchange files seen,
-- requests issued, returns imported, and spreadsheet plan imports. Never edit once landed.

-- This installation's Ed25519 key pair, made on first use. The private key lives here, in the
-- database, not in a file beside it: a backup or a move of the database carries the key with it,
-- a restore can never pair a database with the wrong key, and there is one file to protect.
CREATE TABLE installation_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL,
  public_key  TEXT NOT NULL,   -- SPKI DER, base64
  private_key TEXT NOT NULL,   -- PKCS#8 DER, base64
  created_at  TEXT NOT NULL
) STRICT;

-- Keys this installation accepts files from. At the secretariat: one row per strand lead's key
-- and strand. At a strand lead: the secretariat's key (strand_number NULL).
CREATE TABLE trusted_keys (
  id            INTEGER PRIMARY KEY,
  fingerprint   TEXT NOT NULL,
  public_key    TEXT,          -- known once a file signed with it has been seen
  role          TEXT NOT NULL CHECK (role IN ('strand_lead', 'secretariat')),
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  strand_number INTEGER,
  trusted_at    TEXT NOT NULL,
  trusted_by    TEXT NOT NULL,
  CHECK ((role = 'strand_lead') = (strand_number IS NOT NULL)),
  UNIQUE (fingerprint, role, strand_number)
) STRICT;

-- Every exchange file taken in, by its id: importing or opening one twice changes nothing.
CREATE TABLE exchange_files_seen (
  file_id     TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('request', 'return')),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  taken_at    TEXT NOT NULL,
  taken_by    TEXT NOT NULL
) STRICT;

-- Requests this installation issued (secretariat), with the state of each objective's update
-- for the month at issue time, so a later change here is seen as a conflict on return.
CREATE TABLE exchange_requests (
  file_id          TEXT PRIMARY KEY,
  strand_number    INTEGER NOT NULL,
  month            TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  lead_name        TEXT NOT NULL,
  lead_fingerprint TEXT,
  expires_on       TEXT NOT NULL,
  issued_at        TEXT NOT NULL,
  issued_by        TEXT NOT NULL,
  baseline_json    TEXT NOT NULL,
  sha256           TEXT NOT NULL CHECK (length(sha256) = 64)
) STRICT;

-- Requests opened at a strand lead's installation: what a return answers.
CREATE TABLE exchange_inbox (
  file_id                TEXT PRIMARY KEY,
  plan_key               TEXT NOT NULL,
  strand_number          INTEGER NOT NULL,
  month                  TEXT NOT NULL,
  expires_on             TEXT NOT NULL,
  secretariat_fingerprint TEXT NOT NULL,
  payload_json           TEXT NOT NULL,
  opened_at              TEXT NOT NULL,
  opened_by              TEXT NOT NULL
) STRICT;

-- Returns imported at the secretariat and what was decided for each update.
CREATE TABLE exchange_returns (
  file_id        TEXT PRIMARY KEY,
  request_id     TEXT NOT NULL REFERENCES exchange_requests(file_id),
  strand_number  INTEGER NOT NULL,
  month          TEXT NOT NULL,
  author         TEXT NOT NULL,
  fingerprint    TEXT NOT NULL,
  decisions_json TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL
) STRICT;

-- Plans brought in from a spreadsheet, with what the import did.
CREATE TABLE plan_imports (
  id           INTEGER PRIMARY KEY,
  source_name  TEXT NOT NULL,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  mode         TEXT NOT NULL CHECK (mode IN ('seed', 'merge')),
  summary_json TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  imported_by  TEXT NOT NULL
) STRICT;
