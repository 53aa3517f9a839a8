-- The PostgreSQL twin of 0009_desks.sql (read it for why). Never edit once landed.
ALTER TABLE audit_log ADD COLUMN desk text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN db_user text COLLATE "C" NOT NULL DEFAULT '';

ALTER TABLE updates ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN agenda_version bigint NOT NULL DEFAULT 1;
ALTER TABLE board_actions ADD COLUMN version bigint NOT NULL DEFAULT 1;
