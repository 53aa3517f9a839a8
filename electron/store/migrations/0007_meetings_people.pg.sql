-- People and roles, minutes that are approved and then locked, actions as a tracker, and attendance
-- from the roster (issue 16), in PostgreSQL's dialect: the twin of 0007_meetings_people.sql. Never
-- edit once landed.

-- people ───────────────────────────────────────────────────────────────────────────────────────
-- More roles; from_plan marks the people a plan's strand leads and chairs were seeded as.
ALTER TABLE people
  ADD COLUMN from_plan bigint NOT NULL DEFAULT 0 CHECK (from_plan IN (0, 1)),
  ADD CONSTRAINT people_name_check CHECK (length(trim(name)) > 0),
  DROP CONSTRAINT people_role_check,
  ADD CONSTRAINT people_role_check CHECK (role IN ('secretariat', 'strand_lead', 'deputy_lead', 'objective_owner',
                                                   'chair', 'member', 'officer')),
  ADD CONSTRAINT people_strand_check CHECK (role NOT IN ('strand_lead', 'deputy_lead') OR strand_id IS NOT NULL);

-- An older database's strands name their lead; each strand without a lead on the roster gets one,
-- and the plan's chairs come in as chairs, once, audited.
INSERT INTO people (name, role, strand_id, from_plan)
  SELECT s.lead, 'strand_lead', s.id, 1 FROM strands s
  WHERE length(trim(s.lead)) > 0
    AND NOT EXISTS (SELECT 1 FROM people p WHERE p.strand_id = s.id AND p.role = 'strand_lead' AND p.retired = 0)
  ORDER BY s.number;
INSERT INTO people (name, role, from_plan)
  SELECT trim(c.value), 'chair', 1 FROM plan, json_array_elements_text(plan.chairs_json::json) WITH ORDINALITY AS c(value, key)
  WHERE length(trim(c.value)) > 0
    AND NOT EXISTS (SELECT 1 FROM people p WHERE p.name = trim(c.value) AND p.role = 'chair')
  ORDER BY c.key;
INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
  SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'Board Pack', 'people.seed', 'person', 'plan', NULL,
    json_build_object('people', json_agg(json_build_object('id', id, 'name', name, 'role', role) ORDER BY id))::text
  FROM (SELECT id, name, role FROM people WHERE from_plan = 1) seeded
  HAVING count(*) > 0;

-- attendance ───────────────────────────────────────────────────────────────────────────────────
ALTER TABLE meetings
  ADD COLUMN absent_json text COLLATE "C" NOT NULL DEFAULT '[]',
  ADD COLUMN represented_json text COLLATE "C" NOT NULL DEFAULT '[]',
  ADD COLUMN visitors_json text COLLATE "C" NOT NULL DEFAULT '[]';

-- minutes approved at the next meeting ─────────────────────────────────────────────────────────
-- SQLite's date(x) IS x: a real calendar date written YYYY-MM-DD. make_date refuses a day the
-- month does not have with an error, which a CHECK must turn into false.
CREATE FUNCTION board_pack_is_date(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RETURN false;
  END IF;
  PERFORM make_date(substr(value, 1, 4)::int, substr(value, 6, 2)::int, substr(value, 9, 2)::int);
  RETURN true;
EXCEPTION WHEN datetime_field_overflow THEN
  RETURN false;
END
$$;

CREATE TABLE minutes_approvals (
  meeting_id             bigint PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  approved_at_meeting_id bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  approved_on            text COLLATE "C" NOT NULL CHECK (board_pack_is_date(approved_on)),
  approved_by            text COLLATE "C" NOT NULL CHECK (length(trim(approved_by)) > 0),
  corrections            text COLLATE "C" NOT NULL DEFAULT '',
  recorded_at            text COLLATE "C" NOT NULL,
  recorded_by            text COLLATE "C" NOT NULL,
  CHECK (approved_at_meeting_id <> meeting_id)
);
CREATE INDEX minutes_approvals_at ON minutes_approvals (approved_at_meeting_id);

-- The store refuses in words first; these keep approved minutes as approved whatever writes.
-- A trigger's WHEN cannot hold a subquery here, so the function asks.
CREATE FUNCTION board_pack_minutes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  meeting bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    meeting := NEW.meeting_id;
  ELSE
    meeting := OLD.meeting_id;
  END IF;
  IF EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = meeting) THEN
    RAISE EXCEPTION 'Approved minutes are locked.';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER minutes_locked_insert BEFORE INSERT ON minutes
FOR EACH ROW EXECUTE FUNCTION board_pack_minutes_locked();
CREATE TRIGGER minutes_locked_update BEFORE UPDATE ON minutes
FOR EACH ROW EXECUTE FUNCTION board_pack_minutes_locked();

-- actions as a tracker ─────────────────────────────────────────────────────────────────────────
ALTER TABLE board_action_updates ADD COLUMN kind text COLLATE "C" NOT NULL DEFAULT 'note'
  CHECK (kind IN ('note', 'reassigned', 'edited', 'closing', 'reopened'));
ALTER TABLE board_actions
  ADD COLUMN removed_on text COLLATE "C",
  ADD COLUMN removed_reason text COLLATE "C" NOT NULL DEFAULT '',
  ADD CONSTRAINT board_actions_removed_check CHECK ((removed_on IS NULL) = (length(trim(removed_reason)) = 0));
