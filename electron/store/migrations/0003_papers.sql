-- Papers: PDF files an agenda item carries into the board pack. The bytes live in the database
-- (one file to back up and move, like issued packs); an issued pack holds its own frozen copy of
-- every page, so removing a paper never changes an issued pack. Never edit once landed.
CREATE TABLE papers (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  -- No cascade from the item: an agenda item carrying papers is refused removal (meetings.ts),
  -- so a paper is never lost by editing the agenda.
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  position       INTEGER NOT NULL CHECK (position >= 1),
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes     INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 26214400),
  pages          INTEGER NOT NULL CHECK (pages >= 1),
  pdf            BLOB NOT NULL,
  added_at       TEXT NOT NULL,
  added_by       TEXT NOT NULL,
  UNIQUE (agenda_item_id, position)
) STRICT;
CREATE INDEX papers_meeting ON papers (meeting_id);
