-- One search across the record (issue 16, item 6), in PostgreSQL's dialect: the twin of
-- 0008_search.sql. SQLite keeps an FTS5 table; here search_index is a plain table of the same
-- rows — objectives, the current revision of each month's update, minutes and decisions, board
-- actions, papers' titles and indicators — with a tsvector made from its text and a GIN index,
-- kept by triggers on the same tables so no write path can forget it. postgresSearch.ts asks it.
-- Never edit once landed.
--
-- The words are folded as FTS5's unicode61 tokenizer (remove_diacritics 2) folds them: accents
-- stripped (normalize to NFD, drop the combining marks), punctuation a separator (so "multi-agency"
-- is "multi" and "agency", and "1.2" is "1" and "2" rather than one number), then the 'simple'
-- configuration lowercases each word and keeps every one (no stop words, no stemming). Only core
-- functions: unaccent is an extension a database owner may not be allowed to create.

CREATE FUNCTION board_pack_search_text(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(
    regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'),
    '[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2190-\u23ff\u25a0-\u27bf\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f]',
    ' ', 'g')
$$;

CREATE TABLE search_index (
  kind      text COLLATE "C" NOT NULL
            CHECK (kind IN ('objective', 'update', 'minute', 'action', 'paper', 'indicator', 'decision')),
  entity_id bigint NOT NULL,
  title     text COLLATE "C" NOT NULL,
  body      text COLLATE "C" NOT NULL,
  -- The title weighs twice the body in the ranking (FTS5's bm25 weights 2.0 and 1.0).
  document  tsvector GENERATED ALWAYS AS (
              setweight(to_tsvector('simple'::regconfig, board_pack_search_text(title)), 'A')
              || setweight(to_tsvector('simple'::regconfig, board_pack_search_text(body)), 'B')) STORED,
  PRIMARY KEY (kind, entity_id)
);
CREATE INDEX search_index_document ON search_index USING gin (document);

-- objectives ─────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION board_pack_search_objectives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_index WHERE kind = 'objective' AND entity_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_index (kind, entity_id, title, body)
    VALUES ('objective', NEW.id, NEW.ref || ' ' || NEW.text,
            coalesce(NEW.target_text, '') || ' ' || coalesce(NEW.owner, ''));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_objectives_insert AFTER INSERT ON objectives
FOR EACH ROW EXECUTE FUNCTION board_pack_search_objectives();
CREATE TRIGGER search_objectives_update AFTER UPDATE OF ref, text, target_text, owner ON objectives
FOR EACH ROW EXECUTE FUNCTION board_pack_search_objectives();
CREATE TRIGGER search_objectives_delete AFTER DELETE ON objectives
FOR EACH ROW EXECUTE FUNCTION board_pack_search_objectives();

-- updates: only the current revision of an objective's month is found; an empty one is not ────
CREATE FUNCTION board_pack_search_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_index WHERE kind = 'update' AND entity_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.is_current = 1 AND (NEW.narrative <> '' OR NEW.next_steps <> '') THEN
    INSERT INTO search_index (kind, entity_id, title, body) VALUES ('update', NEW.id, NEW.narrative, NEW.next_steps);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_updates_insert AFTER INSERT ON updates
FOR EACH ROW EXECUTE FUNCTION board_pack_search_updates();
CREATE TRIGGER search_updates_update AFTER UPDATE OF is_current, narrative, next_steps ON updates
FOR EACH ROW EXECUTE FUNCTION board_pack_search_updates();
CREATE TRIGGER search_updates_delete AFTER DELETE ON updates
FOR EACH ROW EXECUTE FUNCTION board_pack_search_updates();

-- minutes and decisions ──────────────────────────────────────────────────────────────────────
CREATE FUNCTION board_pack_search_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_index
    WHERE kind = CASE OLD.kind WHEN 'decision' THEN 'decision' ELSE 'minute' END AND entity_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_index (kind, entity_id, title, body)
    VALUES (CASE NEW.kind WHEN 'decision' THEN 'decision' ELSE 'minute' END, NEW.id, '', NEW.text);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_minutes_insert AFTER INSERT ON minutes
FOR EACH ROW EXECUTE FUNCTION board_pack_search_minutes();
CREATE TRIGGER search_minutes_update AFTER UPDATE OF kind, text ON minutes
FOR EACH ROW EXECUTE FUNCTION board_pack_search_minutes();
CREATE TRIGGER search_minutes_delete AFTER DELETE ON minutes
FOR EACH ROW EXECUTE FUNCTION board_pack_search_minutes();

-- board actions ──────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION board_pack_search_actions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_index WHERE kind = 'action' AND entity_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_index (kind, entity_id, title, body)
    VALUES ('action', NEW.id, NEW.ref, NEW.description || ' ' || NEW.owner);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_actions_insert AFTER INSERT ON board_actions
FOR EACH ROW EXECUTE FUNCTION board_pack_search_actions();
CREATE TRIGGER search_actions_update AFTER UPDATE OF ref, description, owner ON board_actions
FOR EACH ROW EXECUTE FUNCTION board_pack_search_actions();
CREATE TRIGGER search_actions_delete AFTER DELETE ON board_actions
FOR EACH ROW EXECUTE FUNCTION board_pack_search_actions();

-- papers: the title only (the PDF's text is not read) ────────────────────────────────────────
CREATE FUNCTION board_pack_search_papers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_index WHERE kind = 'paper' AND entity_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_index (kind, entity_id, title, body) VALUES ('paper', NEW.id, NEW.title, '');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_papers_insert AFTER INSERT ON papers
FOR EACH ROW EXECUTE FUNCTION board_pack_search_papers();
CREATE TRIGGER search_papers_update AFTER UPDATE OF title ON papers
FOR EACH ROW EXECUTE FUNCTION board_pack_search_papers();
CREATE TRIGGER search_papers_delete AFTER DELETE ON papers
FOR EACH ROW EXECUTE FUNCTION board_pack_search_papers();

-- indicators ─────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION board_pack_search_indicators() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_index WHERE kind = 'indicator' AND entity_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_index (kind, entity_id, title, body)
    VALUES ('indicator', NEW.id, NEW.ref || ' ' || NEW.title, NEW.source);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_indicators_insert AFTER INSERT ON indicators
FOR EACH ROW EXECUTE FUNCTION board_pack_search_indicators();
CREATE TRIGGER search_indicators_update AFTER UPDATE OF ref, title, source ON indicators
FOR EACH ROW EXECUTE FUNCTION board_pack_search_indicators();
CREATE TRIGGER search_indicators_delete AFTER DELETE ON indicators
FOR EACH ROW EXECUTE FUNCTION board_pack_search_indicators();

-- The rows already held ──────────────────────────────────────────────────────────────────────
INSERT INTO search_index (kind, entity_id, title, body)
  SELECT 'objective', id, ref || ' ' || text, coalesce(target_text, '') || ' ' || coalesce(owner, '') FROM objectives;
INSERT INTO search_index (kind, entity_id, title, body)
  SELECT 'update', id, narrative, next_steps FROM updates
  WHERE is_current = 1 AND (narrative <> '' OR next_steps <> '');
INSERT INTO search_index (kind, entity_id, title, body)
  SELECT CASE kind WHEN 'decision' THEN 'decision' ELSE 'minute' END, id, '', text FROM minutes;
INSERT INTO search_index (kind, entity_id, title, body)
  SELECT 'action', id, ref, description || ' ' || owner FROM board_actions;
INSERT INTO search_index (kind, entity_id, title, body) SELECT 'paper', id, title, '' FROM papers;
INSERT INTO search_index (kind, entity_id, title, body)
  SELECT 'indicator', id, ref || ' ' || title, source FROM indicators;
