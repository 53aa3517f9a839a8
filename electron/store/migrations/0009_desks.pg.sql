-- Several desks on one plan (issue 17), in PostgreSQL's dialect: the twin of 0009_desks.sql.
-- Never edit once landed.
--
-- Who made each change: the desk and the database user, '' on rows written before.
ALTER TABLE audit_log
  ADD COLUMN desk text COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN db_user text COLLATE "C" NOT NULL DEFAULT '';

-- An edit counter on what two desks can change at once: an objective's update for a month, a
-- meeting's agenda and a board action; a save is refused when the count has moved on.
ALTER TABLE updates ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN agenda_version bigint NOT NULL DEFAULT 1;
ALTER TABLE board_actions ADD COLUMN version bigint NOT NULL DEFAULT 1;
