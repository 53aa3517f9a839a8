-- One search across the record (issue 16, item 6): a full-text index over objectives, the current
-- revision of each month's update (narrative and next steps), minutes and decisions, board
-- actions, papers' titles and indicators, kept by triggers so no write path can forget it. Never
-- edit once landed. Depends on nothing after 0006.
--
-- The tokenizer folds case and strips accents from every letter (remove_diacritics 2, so "é" and
-- "ẹ" both fold); unicode61 treats a hyphen as a separator, so "multi-agency" is the two words
-- "multi" and "agency" and the query "multi agency" finds it.
--
-- Each indexed row's rowid is a code for its kind shifted left 40 bits, plus its source row's id:
-- a trigger finds its row by rowid, and a search reads one kind as a range of rowids, newest
-- first, without reading any text (a kind column would be read for every match):
--   1 objective · 2 update · 3 minute · 4 action · 5 paper · 6 indicator · 7 decision.
-- No prefix index: it tripled the index's writes on every saved update (0.57 against 0.8 ms a
-- durable save in one run), and prefix queries over the plain index stayed well inside the search
-- target (median 6 ms at 2,000 objectives × 120 months).
-- A later migration that rebuilds one of these tables (CREATE new_…, DROP, RENAME) drops its
-- triggers with it and must create them again.
CREATE VIRTUAL TABLE search_index USING fts5(
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- objectives ─────────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_objectives_insert AFTER INSERT ON objectives
BEGIN
  INSERT INTO search_index (rowid, title, body)
  VALUES ((1 << 40) + NEW.id, NEW.ref || ' ' || NEW.text,
          coalesce(NEW.target_text, '') || ' ' || coalesce(NEW.owner, ''));
END;
CREATE TRIGGER search_objectives_update AFTER UPDATE OF ref, text, target_text, owner ON objectives
BEGIN
  DELETE FROM search_index WHERE rowid = (1 << 40) + OLD.id;
  INSERT INTO search_index (rowid, title, body)
  VALUES ((1 << 40) + NEW.id, NEW.ref || ' ' || NEW.text,
          coalesce(NEW.target_text, '') || ' ' || coalesce(NEW.owner, ''));
END;
CREATE TRIGGER search_objectives_delete AFTER DELETE ON objectives
BEGIN
  DELETE FROM search_index WHERE rowid = (1 << 40) + OLD.id;
END;

-- updates: only the current revision of an objective's month is found; an empty one is not ────
CREATE TRIGGER search_updates_insert AFTER INSERT ON updates
WHEN NEW.is_current = 1 AND (NEW.narrative <> '' OR NEW.next_steps <> '')
BEGIN
  INSERT INTO search_index (rowid, title, body)
  VALUES ((2 << 40) + NEW.id, NEW.narrative, NEW.next_steps);
END;
CREATE TRIGGER search_updates_update AFTER UPDATE OF is_current, narrative, next_steps ON updates
BEGIN
  DELETE FROM search_index WHERE rowid = (2 << 40) + OLD.id;
  INSERT INTO search_index (rowid, title, body)
  SELECT (2 << 40) + NEW.id, NEW.narrative, NEW.next_steps
  WHERE NEW.is_current = 1 AND (NEW.narrative <> '' OR NEW.next_steps <> '');
END;
CREATE TRIGGER search_updates_delete AFTER DELETE ON updates
BEGIN
  DELETE FROM search_index WHERE rowid = (2 << 40) + OLD.id;
END;

-- minutes and decisions ──────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_minutes_insert AFTER INSERT ON minutes
BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (((CASE NEW.kind WHEN 'decision' THEN 7 ELSE 3 END) << 40) + NEW.id, '', NEW.text);
END;
CREATE TRIGGER search_minutes_update AFTER UPDATE OF kind, text ON minutes
BEGIN
  DELETE FROM search_index WHERE rowid = ((CASE OLD.kind WHEN 'decision' THEN 7 ELSE 3 END) << 40) + OLD.id;
  INSERT INTO search_index (rowid, title, body) VALUES (((CASE NEW.kind WHEN 'decision' THEN 7 ELSE 3 END) << 40) + NEW.id, '', NEW.text);
END;
CREATE TRIGGER search_minutes_delete AFTER DELETE ON minutes
BEGIN
  DELETE FROM search_index WHERE rowid = ((CASE OLD.kind WHEN 'decision' THEN 7 ELSE 3 END) << 40) + OLD.id;
END;

-- board actions ──────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_actions_insert AFTER INSERT ON board_actions
BEGIN
  INSERT INTO search_index (rowid, title, body)
  VALUES ((4 << 40) + NEW.id, NEW.ref, NEW.description || ' ' || NEW.owner);
END;
CREATE TRIGGER search_actions_update AFTER UPDATE OF ref, description, owner ON board_actions
BEGIN
  DELETE FROM search_index WHERE rowid = (4 << 40) + OLD.id;
  INSERT INTO search_index (rowid, title, body)
  VALUES ((4 << 40) + NEW.id, NEW.ref, NEW.description || ' ' || NEW.owner);
END;
CREATE TRIGGER search_actions_delete AFTER DELETE ON board_actions
BEGIN
  DELETE FROM search_index WHERE rowid = (4 << 40) + OLD.id;
END;

-- papers: the title only (the PDF's text is not read) ────────────────────────────────────────
CREATE TRIGGER search_papers_insert AFTER INSERT ON papers
BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES ((5 << 40) + NEW.id, NEW.title, '');
END;
CREATE TRIGGER search_papers_update AFTER UPDATE OF title ON papers
BEGIN
  DELETE FROM search_index WHERE rowid = (5 << 40) + OLD.id;
  INSERT INTO search_index (rowid, title, body) VALUES ((5 << 40) + NEW.id, NEW.title, '');
END;
CREATE TRIGGER search_papers_delete AFTER DELETE ON papers
BEGIN
  DELETE FROM search_index WHERE rowid = (5 << 40) + OLD.id;
END;

-- indicators ─────────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER search_indicators_insert AFTER INSERT ON indicators
BEGIN
  INSERT INTO search_index (rowid, title, body)
  VALUES ((6 << 40) + NEW.id, NEW.ref || ' ' || NEW.title, NEW.source);
END;
CREATE TRIGGER search_indicators_update AFTER UPDATE OF ref, title, source ON indicators
BEGIN
  DELETE FROM search_index WHERE rowid = (6 << 40) + OLD.id;
  INSERT INTO search_index (rowid, title, body)
  VALUES ((6 << 40) + NEW.id, NEW.ref || ' ' || NEW.title, NEW.source);
END;
CREATE TRIGGER search_indicators_delete AFTER DELETE ON indicators
BEGIN
  DELETE FROM search_index WHERE rowid = (6 << 40) + OLD.id;
END;

-- The rows already held ──────────────────────────────────────────────────────────────────────
INSERT INTO search_index (rowid, title, body)
  SELECT (1 << 40) + id, ref || ' ' || text, coalesce(target_text, '') || ' ' || coalesce(owner, '')
  FROM objectives;
INSERT INTO search_index (rowid, title, body)
  SELECT (2 << 40) + id, narrative, next_steps FROM updates
  WHERE is_current = 1 AND (narrative <> '' OR next_steps <> '');
INSERT INTO search_index (rowid, title, body) SELECT ((CASE kind WHEN 'decision' THEN 7 ELSE 3 END) << 40) + id, '', text FROM minutes;
INSERT INTO search_index (rowid, title, body)
  SELECT (4 << 40) + id, ref, description || ' ' || owner FROM board_actions;
INSERT INTO search_index (rowid, title, body) SELECT (5 << 40) + id, title, '' FROM papers;
INSERT INTO search_index (rowid, title, body)
  SELECT (6 << 40) + id, ref || ' ' || title, source FROM indicators;
