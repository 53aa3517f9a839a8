-- One search across the record (issue 16, item 6): a full-text index over objectives, the current
-- revision of each month's update (narrative and next steps), minutes and decisions, board
-- actions, papers' titles and indicators, kept by triggers so no write path can forget it. Never
-- edit once landed. Depends on nothing after 0006.
--
-- The tokenizer folds case and strips accents from every letter (remove_diacritics 2, so "é" and
-- "ẹ" both fold); unicode61 treats a hyphen as a separator, so "multi-agency" is the two words
-- "multi" and "agency" and the query "multi agency" finds it.
--
-- Each indexed row's rowid is its source row's id × 8 plus a code for its table, so a trigger
-- finds its row by rowid (an UNINDEXED column cannot be looked up without reading every row):
--   1 objectives · 2 updates · 3 minutes (minute or decision) · 4 board_actions · 5 papers
--   6 indicators.
-- A later migration that rebuilds one of these tables (CREATE new_…, DROP, RENAME) drops its
-- triggers with it and must create them again.
CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

-- objectives ─────────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_objectives_insert AFTER INSERT ON objectives
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 8 + 1, 'objective', NEW.ref || ' ' || NEW.text,
          coalesce(NEW.target_text, '') || ' ' || coalesce(NEW.owner, ''));
END;
CREATE TRIGGER search_objectives_update AFTER UPDATE OF ref, text, target_text, owner ON objectives
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 8 + 1, 'objective', NEW.ref || ' ' || NEW.text,
          coalesce(NEW.target_text, '') || ' ' || coalesce(NEW.owner, ''));
END;
CREATE TRIGGER search_objectives_delete AFTER DELETE ON objectives
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
END;

-- updates: only the current revision of an objective's month is found; an empty one is not ────
CREATE TRIGGER search_updates_insert AFTER INSERT ON updates
WHEN NEW.is_current = 1 AND (NEW.narrative <> '' OR NEW.next_steps <> '')
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 8 + 2, 'update', NEW.narrative, NEW.next_steps);
END;
CREATE TRIGGER search_updates_update AFTER UPDATE OF is_current, narrative, next_steps ON updates
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
  INSERT INTO search_index (rowid, kind, title, body)
  SELECT NEW.id * 8 + 2, 'update', NEW.narrative, NEW.next_steps
  WHERE NEW.is_current = 1 AND (NEW.narrative <> '' OR NEW.next_steps <> '');
END;
CREATE TRIGGER search_updates_delete AFTER DELETE ON updates
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
END;

-- minutes and decisions ──────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_minutes_insert AFTER INSERT ON minutes
BEGIN
  INSERT INTO search_index (rowid, kind, title, body) VALUES (NEW.id * 8 + 3, NEW.kind, '', NEW.text);
END;
CREATE TRIGGER search_minutes_update AFTER UPDATE OF kind, text ON minutes
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
  INSERT INTO search_index (rowid, kind, title, body) VALUES (NEW.id * 8 + 3, NEW.kind, '', NEW.text);
END;
CREATE TRIGGER search_minutes_delete AFTER DELETE ON minutes
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
END;

-- board actions ──────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_actions_insert AFTER INSERT ON board_actions
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 8 + 4, 'action', NEW.ref, NEW.description || ' ' || NEW.owner);
END;
CREATE TRIGGER search_actions_update AFTER UPDATE OF ref, description, owner ON board_actions
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 8 + 4, 'action', NEW.ref, NEW.description || ' ' || NEW.owner);
END;
CREATE TRIGGER search_actions_delete AFTER DELETE ON board_actions
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
END;

-- papers: the title only (the PDF's text is not read) ────────────────────────────────────────
CREATE TRIGGER search_papers_insert AFTER INSERT ON papers
BEGIN
  INSERT INTO search_index (rowid, kind, title, body) VALUES (NEW.id * 8 + 5, 'paper', NEW.title, '');
END;
CREATE TRIGGER search_papers_update AFTER UPDATE OF title ON papers
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
  INSERT INTO search_index (rowid, kind, title, body) VALUES (NEW.id * 8 + 5, 'paper', NEW.title, '');
END;
CREATE TRIGGER search_papers_delete AFTER DELETE ON papers
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
END;

-- indicators ─────────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_indicators_insert AFTER INSERT ON indicators
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 8 + 6, 'indicator', NEW.ref || ' ' || NEW.title, NEW.source);
END;
CREATE TRIGGER search_indicators_update AFTER UPDATE OF ref, title, source ON indicators
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 8 + 6, 'indicator', NEW.ref || ' ' || NEW.title, NEW.source);
END;
CREATE TRIGGER search_indicators_delete AFTER DELETE ON indicators
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
END;

-- The rows already held ──────────────────────────────────────────────────────────────────────
INSERT INTO search_index (rowid, kind, title, body)
  SELECT id * 8 + 1, 'objective', ref || ' ' || text, coalesce(target_text, '') || ' ' || coalesce(owner, '')
  FROM objectives;
INSERT INTO search_index (rowid, kind, title, body)
  SELECT id * 8 + 2, 'update', narrative, next_steps FROM updates
  WHERE is_current = 1 AND (narrative <> '' OR next_steps <> '');
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 3, kind, '', text FROM minutes;
INSERT INTO search_index (rowid, kind, title, body)
  SELECT id * 8 + 4, 'action', ref, description || ' ' || owner FROM board_actions;
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 5, 'paper', title, '' FROM papers;
INSERT INTO search_index (rowid, kind, title, body)
  SELECT id * 8 + 6, 'indicator', ref || ' ' || title, source FROM indicators;
