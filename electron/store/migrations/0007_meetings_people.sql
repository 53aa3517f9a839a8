-- People and roles, minutes that are approved and then locked, actions as a tracker, and attendance
-- from the roster (issue 16). Never edit once landed.

-- people ───────────────────────────────────────────────────────────────────────────────────────
-- More roles (a strand's deputy lead, objective owners, officers); from_plan marks the people a
-- plan's strand leads and chairs were seeded as, so a plan nobody has touched can still be replaced.
CREATE TABLE new_people (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role      TEXT NOT NULL CHECK (role IN ('secretariat', 'strand_lead', 'deputy_lead', 'objective_owner',
                                          'chair', 'member', 'officer')),
  strand_id INTEGER REFERENCES strands(id),
  email     TEXT NOT NULL DEFAULT '',
  retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  from_plan INTEGER NOT NULL DEFAULT 0 CHECK (from_plan IN (0, 1)),
  CHECK (role NOT IN ('strand_lead', 'deputy_lead') OR strand_id IS NOT NULL)
) STRICT;
INSERT INTO new_people (id, name, role, strand_id, email, retired)
  SELECT id, name, role, strand_id, email, retired FROM people;
DROP TABLE people;
ALTER TABLE new_people RENAME TO people;

-- An older database's strands name their lead (a role, as the document gives it); each strand
-- without a lead on the roster gets one, and the plan's chairs come in as chairs, once, audited.
INSERT INTO people (name, role, strand_id, from_plan)
  SELECT s.lead, 'strand_lead', s.id, 1 FROM strands s
  WHERE length(trim(s.lead)) > 0
    AND NOT EXISTS (SELECT 1 FROM people p WHERE p.strand_id = s.id AND p.role = 'strand_lead' AND p.retired = 0)
  ORDER BY s.number;
INSERT INTO people (name, role, from_plan)
  SELECT trim(c.value), 'chair', 1 FROM plan, json_each(plan.chairs_json) c
  WHERE length(trim(c.value)) > 0
    AND NOT EXISTS (SELECT 1 FROM people p WHERE p.name = trim(c.value) AND p.role = 'chair')
  ORDER BY c.key;
INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'Board Pack', 'people.seed', 'person', 'plan', NULL,
    json_object('people', json_group_array(json_object('id', id, 'name', name, 'role', role)))
  FROM (SELECT id, name, role FROM people WHERE from_plan = 1 ORDER BY id)
  HAVING count(*) > 0;

-- attendance ───────────────────────────────────────────────────────────────────────────────────
-- chairs, members and attendees are present; apologies sent apologies. Added: members absent,
-- members represented by a named deputy ([{"member": …, "deputy": …}]) and visitors.
ALTER TABLE meetings ADD COLUMN absent_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE meetings ADD COLUMN represented_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE meetings ADD COLUMN visitors_json TEXT NOT NULL DEFAULT '[]';

-- minutes approved at the next meeting ─────────────────────────────────────────────────────────
CREATE TABLE minutes_approvals (
  meeting_id             INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  approved_at_meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  approved_on            TEXT NOT NULL CHECK (date(approved_on) IS approved_on),
  approved_by            TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
  corrections            TEXT NOT NULL DEFAULT '',
  recorded_at            TEXT NOT NULL,
  recorded_by            TEXT NOT NULL,
  CHECK (approved_at_meeting_id <> meeting_id)
) STRICT;
CREATE INDEX minutes_approvals_at ON minutes_approvals (approved_at_meeting_id);

-- The store refuses in words first; these keep approved minutes as approved whatever writes.
CREATE TRIGGER minutes_locked_insert BEFORE INSERT ON minutes
WHEN EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = NEW.meeting_id)
BEGIN
  SELECT RAISE(ABORT, 'Approved minutes are locked.');
END;
CREATE TRIGGER minutes_locked_update BEFORE UPDATE ON minutes
WHEN EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = OLD.meeting_id)
BEGIN
  SELECT RAISE(ABORT, 'Approved minutes are locked.');
END;

-- actions as a tracker ─────────────────────────────────────────────────────────────────────────
-- A note says what kind of entry it is; a removed action keeps its row (and reference) with why.
ALTER TABLE board_action_updates ADD COLUMN kind TEXT NOT NULL DEFAULT 'note'
  CHECK (kind IN ('note', 'reassigned', 'edited', 'closing', 'reopened'));
ALTER TABLE board_actions ADD COLUMN removed_on TEXT;
ALTER TABLE board_actions ADD COLUMN removed_reason TEXT NOT NULL DEFAULT ''
  CHECK ((removed_on IS NULL) = (length(trim(removed_reason)) = 0));
