-- Several desks on one plan (issue 17). Never edit once landed. Its PostgreSQL twin is
-- 0009_desks.pg.sql.
--
-- Who made each change, beyond the name the person gave: the desk (the computer and this run of
-- the app on it, so a desk can tell its own changes from another's) and the database user the
-- change was made as (the server's login on a shared database; the operating-system user on a
-- file). Rows written before this migration keep '' for both.
ALTER TABLE audit_log ADD COLUMN desk TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN db_user TEXT NOT NULL DEFAULT '';

-- An edit counter on what two desks can change at once: an objective's update for a month (a
-- draft is edited in place; a new revision carries its predecessor's count on), a meeting's
-- agenda, and a board action. A save names the count it started from and is refused when the
-- count has moved on; the count moves in the same statement that checks it, so the database, not
-- the application, decides which of two saves came first.
ALTER TABLE updates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN agenda_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE board_actions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
