-- An objective reports from its start month until before its retirement month (issue 15, item 4),
-- in PostgreSQL's dialect: the twin of 0005_objective_months.sql. Objectives already held start at
-- the plan's start month; one retired before that starts no later than it retired. Never edit once
-- landed.
--
-- SQLite rebuilds the table; here the column is added, filled, then made NOT NULL. It comes last
-- in the table rather than before retired_from: name columns, never rely on their order.

ALTER TABLE objectives ADD COLUMN start_month text COLLATE "C";

UPDATE objectives o
  SET start_month = CASE WHEN o.retired_from IS NOT NULL AND o.retired_from < p.start_month THEN o.retired_from ELSE p.start_month END
  FROM plan p
  WHERE p.id = 1;

ALTER TABLE objectives
  ALTER COLUMN start_month SET NOT NULL,
  ADD CONSTRAINT objectives_start_month_check CHECK (start_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  ADD CONSTRAINT objectives_retired_from_check CHECK (retired_from IS NULL OR retired_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  ADD CONSTRAINT objectives_retired_after_start_check CHECK (retired_from IS NULL OR retired_from >= start_month);
