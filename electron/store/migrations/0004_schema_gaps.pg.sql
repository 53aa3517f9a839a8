-- Schema gaps found in review (issue 13), in PostgreSQL's dialect: the twin of
-- 0004_schema_gaps.sql. A reporting month is 01 to 12, not 00 to 19; the exchange tables' strand
-- numbers name a strand of the plan; the actions of a meeting are found by index; app_meta and
-- reporting_periods were never used. Never edit once landed.
--
-- SQLite rebuilds a table to change a CHECK or add a foreign key; PostgreSQL alters it in place,
-- checking the rows already held as the rebuild's copy would.

DROP TABLE app_meta;
DROP TABLE reporting_periods;

CREATE INDEX board_actions_meeting ON board_actions (meeting_id);

ALTER TABLE plan
  DROP CONSTRAINT plan_start_month_check,
  ADD CONSTRAINT plan_start_month_check CHECK (start_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  DROP CONSTRAINT plan_end_month_check,
  ADD CONSTRAINT plan_end_month_check CHECK (end_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

ALTER TABLE updates
  DROP CONSTRAINT updates_month_check,
  ADD CONSTRAINT updates_month_check CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

ALTER TABLE meetings
  DROP CONSTRAINT meetings_reporting_month_check,
  ADD CONSTRAINT meetings_reporting_month_check CHECK (reporting_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

ALTER TABLE trusted_keys
  ADD CONSTRAINT trusted_keys_strand_number_fkey FOREIGN KEY (strand_number) REFERENCES strands(number);

ALTER TABLE exchange_requests
  ADD CONSTRAINT exchange_requests_strand_number_fkey FOREIGN KEY (strand_number) REFERENCES strands(number),
  DROP CONSTRAINT exchange_requests_month_check,
  ADD CONSTRAINT exchange_requests_month_check CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

ALTER TABLE exchange_inbox
  ADD CONSTRAINT exchange_inbox_strand_number_fkey FOREIGN KEY (strand_number) REFERENCES strands(number),
  ADD CONSTRAINT exchange_inbox_month_check CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

ALTER TABLE exchange_returns
  ADD CONSTRAINT exchange_returns_strand_number_fkey FOREIGN KEY (strand_number) REFERENCES strands(number),
  ADD CONSTRAINT exchange_returns_month_check CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
