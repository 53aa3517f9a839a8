// One search across the record: the person's words made safe, matched in a full-text index kept by
// triggers, the best of each kind ranked, with a snippet marking the words. SQLite's index is
// FTS5 (0008_search.sql); every FTS5 statement is in sqliteSearch below, so PostgreSQL's index
// (tsvector) can sit beside it behind the same FullTextIndex.
import { z } from 'zod';
import {
  SEARCH_KINDS,
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SnippetPart,
} from '../../shared/contractSearch';
import { monthLabel } from '../../shared/months';
import { postgresSearch } from './postgresSearch';
import type { Dialect, Sql } from './sql';

/**
 * How many of a kind's newest matches are ranked. Ranking costs a read per match, and a common word
 * can match tens of thousands of updates; ranking the newest thousand of each kind keeps a search
 * to a few milliseconds, and what is newest is what the board most often looks for.
 */
export const RANKED_MATCHES = 1000;

// Snippet markers no typed text holds; they are split out here, so no markup ever reaches a screen.
const OPEN = '\u0002';
const CLOSE = '\u0003';
const MAX_WORDS = 12;

/**
 * One word the person typed, as the letters and digits it holds ("multi-agency" is the tokens
 * multi and agency, to be found together in that order); its last token matches as the start of a
 * word, unless it is one character long (that would gather nearly every word in the index).
 */
export interface SearchWord {
  tokens: string[];
  prefix: boolean;
}

/**
 * The person's words, at most MAX_WORDS of them, each reduced to its letters and digits: quotes,
 * brackets, stars and operators are never passed to an index as syntax. Empty when the words hold
 * nothing to search for.
 */
export function searchWords(words: string): SearchWord[] {
  const found: SearchWord[] = [];
  for (const word of words.normalize('NFC').split(/\s+/)) {
    const tokens = word.match(/[\p{L}\p{N}\p{M}]+/gu);
    if (!tokens) continue;
    found.push({ tokens, prefix: (tokens.at(-1) ?? '').length > 1 });
    if (found.length === MAX_WORDS) break;
  }
  return found;
}

/** A snippet with OPEN and CLOSE around each matched word, split into plain stretches and matched words. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of marked.split(OPEN)) {
    const close = piece.indexOf(CLOSE);
    const hit = close === -1 ? '' : piece.slice(0, close);
    const rest = close === -1 ? piece : piece.slice(close + 1);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest.replaceAll(CLOSE, ''), hit: false });
  }
  return parts;
}

/** One kind's matches, as a full-text index answers them. */
interface KindMatches {
  /** Every match of the kind, counted (only the newest RANKED_MATCHES are ranked). */
  total: number;
  /**
   * The best perKind of the newest RANKED_MATCHES, best first (title weighted twice the body, the
   * newer row first on a tie): each the id of the row it came from (objective, update, minute,
   * board action, paper, indicator; a decision is a minute) and its snippet, about 24 words around
   * the words found, '…' where cut.
   */
  best: { id: number; snippet: SnippetPart[] }[];
}

/**
 * A full-text index's answer to the words: the matches of each kind that has any. A row matches
 * when it holds every word (its tokens together, in order; the last a prefix where the word says
 * so) in its title or body, case and accents ignored; what each kind's title and body are is
 * 0008_search.sql's (an update only while it is the current revision and not empty).
 */
type FullTextIndex = (
  sql: Sql,
  words: readonly SearchWord[],
  perKind: number,
) => Promise<Map<SearchKind, KindMatches>>;

// ── SQLite: FTS5 ────────────────────────────────────────────────────────────────────────────────

/** The words as an FTS5 query that cannot be a syntax error: one quoted phrase each, ANDed. */
function fts5Query(words: readonly SearchWord[]): string {
  return words.map((word) => `"${word.tokens.join(' ')}"${word.prefix ? '*' : ''}`).join(' ');
}

/** The person's words as an FTS5 query (see searchWords); null when they hold nothing to search for. */
export function ftsQuery(words: string): string | null {
  const found = searchWords(words);
  return found.length === 0 ? null : fts5Query(found);
}

/** An index rowid is its kind's code shifted left 40 bits plus the source row's id (0008_search.sql). */
const KIND_CODES: Record<SearchKind, number> = {
  objective: 1,
  update: 2,
  minute: 3,
  action: 4,
  paper: 5,
  indicator: 6,
  decision: 7,
};
const ID_BITS = 2 ** 40;
const NONE = 2 ** 62;

const rowidsSchema = z.array(z.number().int());
const rankedRowSchema = z.object({ rowid: z.number().int() });
const snippetRowSchema = z.object({ rowid: z.number().int(), snippet: z.string() });

// Three passes, each over the matches' rowids only until the last: every match, newest first (to
// count each kind and find where its newest RANKED_MATCHES begin); those ranked by bm25 (title
// weighted over body) within their kind, newer first on a tie, keeping the best perKind; and the
// snippets of the kept rows. A kind column or per-kind queries would read far more.
const MATCHES = `SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC`;
const RANKED = `SELECT rowid FROM (
    SELECT rowid, row_number() OVER (PARTITION BY rowid >> 40 ORDER BY bm25(search_index, 2.0, 1.0), rowid DESC) AS n
    FROM search_index
    WHERE search_index MATCH ? AND rowid >= CASE rowid >> 40 ${Object.values(KIND_CODES)
      .map((code) => `WHEN ${code} THEN ?`)
      .join(' ')} END)
  WHERE n <= ? ORDER BY rowid >> 40, n`;
const SNIPPETS = `SELECT rowid, snippet(search_index, -1, char(2), char(3), '…', 24) AS snippet
  FROM search_index WHERE search_index MATCH ? AND rowid IN (SELECT value FROM json_each(?))`;

/** Each kind's count of matches and the rowid its newest RANKED_MATCHES start at. */
function countByKind(rowids: readonly number[]): Map<number, { total: number; from: number }> {
  const kinds = new Map<number, { total: number; from: number }>();
  for (const rowid of rowids) {
    const code = Math.floor(rowid / ID_BITS);
    const kind = kinds.get(code) ?? { total: 0, from: rowid };
    kind.total += 1;
    if (kind.total <= RANKED_MATCHES) kind.from = rowid;
    kinds.set(code, kind);
  }
  return kinds;
}

/**
 * FTS5's answer: the three passes above, then the kept rowids split back into kinds and ids. The
 * one place in the store that speaks FTS5.
 */
const sqliteSearch: FullTextIndex = async (sql, words, perKind) => {
  const query = fts5Query(words);
  const kinds = countByKind(rowidsSchema.parse(await sql.column(MATCHES, query)));
  const matches = new Map<SearchKind, KindMatches>();
  if (kinds.size === 0) return matches;
  const from = Object.values(KIND_CODES).map((code) => kinds.get(code)?.from ?? NONE);
  const kept = z
    .array(rankedRowSchema)
    .parse(await sql.all(RANKED, query, ...from, perKind))
    .map((r) => r.rowid);
  const snippets = new Map(
    z
      .array(snippetRowSchema)
      .parse(await sql.all(SNIPPETS, query, JSON.stringify(kept)))
      .map((r) => [r.rowid, snippetParts(r.snippet)]),
  );
  for (const kind of SEARCH_KINDS) {
    const code = KIND_CODES[kind];
    const total = kinds.get(code)?.total ?? 0;
    if (total === 0) continue;
    const best = kept
      .filter((rowid) => Math.floor(rowid / ID_BITS) === code)
      .map((rowid) => ({ id: rowid - code * ID_BITS, snippet: snippets.get(rowid) ?? [] }));
    matches.set(kind, { total, best });
  }
  return matches;
};

/** The index of the database's dialect. */
function fullTextIndex(dialect: Dialect): FullTextIndex {
  // FTS5 is SQLite's alone; PostgreSQL's variant (tsvector) answers the same FullTextIndex.
  return dialect === 'sqlite' ? sqliteSearch : postgresSearch;
}

// ── Where each hit lives: ordinary tables, the same in every dialect ─────────────────────────────

interface Place {
  title: string;
  context: string;
  ref: string | null;
  strandNumber: number | null;
  month: string | null;
  meetingId: number | null;
}

const meetingWhen = (title: string, heldAt: string) => `${title}, ${heldAt.slice(0, 10)}`;

const objectivePlace = z
  .object({ ref: z.string(), text: z.string(), strand: z.number().int() })
  .transform((r): Place => ({
    title: `${r.ref} ${r.text}`,
    context: `Strand ${r.strand}`,
    ref: r.ref,
    strandNumber: r.strand,
    month: null,
    meetingId: null,
  }));
const updatePlace = z
  .object({
    ref: z.string(),
    text: z.string(),
    strand: z.number().int(),
    month: z.string(),
    state: z.string(),
  })
  .transform((r): Place => ({
    title: `${r.ref} ${r.text}`,
    context: `Strand ${r.strand} · ${monthLabel(r.month)} · ${r.state}`,
    ref: r.ref,
    strandNumber: r.strand,
    month: r.month,
    meetingId: null,
  }));
const minutePlace = z
  .object({
    meeting_id: z.number().int(),
    title: z.string(),
    held_at: z.string(),
    item: z.string().nullable(),
  })
  .transform((r): Place => ({
    title: r.item ?? 'Minutes',
    context: meetingWhen(r.title, r.held_at),
    ref: null,
    strandNumber: null,
    month: null,
    meetingId: r.meeting_id,
  }));
const actionPlace = z
  .object({
    ref: z.string(),
    owner: z.string(),
    status: z.string(),
    meeting_id: z.number().int(),
    title: z.string(),
    held_at: z.string(),
  })
  .transform((r): Place => ({
    title: `${r.ref} · ${r.owner} · ${r.status}`,
    context: `Raised at ${meetingWhen(r.title, r.held_at)}`,
    ref: r.ref,
    strandNumber: null,
    month: null,
    meetingId: r.meeting_id,
  }));
const paperPlace = z
  .object({ paper: z.string(), meeting_id: z.number().int(), title: z.string(), held_at: z.string() })
  .transform((r): Place => ({
    title: r.paper,
    context: meetingWhen(r.title, r.held_at),
    ref: null,
    strandNumber: null,
    month: null,
    meetingId: r.meeting_id,
  }));
const indicatorPlace = z
  .object({ ref: z.string(), title: z.string(), strand: z.number().int().nullable() })
  .transform((r): Place => ({
    title: `${r.ref} ${r.title}`,
    context: r.strand === null ? 'Key outcome indicator' : `Strand ${r.strand} indicator`,
    ref: r.ref,
    strandNumber: r.strand,
    month: null,
    meetingId: null,
  }));

// Minutes and decisions are rows of one table.
const minuteSource = {
  sql: `SELECT m.meeting_id, mt.title, mt.held_at, ai.title AS item
    FROM minutes m JOIN meetings mt ON mt.id = m.meeting_id LEFT JOIN agenda_items ai ON ai.id = m.agenda_item_id
    WHERE m.id = ?`,
  schema: minutePlace,
};

const PLACES: Record<SearchKind, { sql: string; schema: z.ZodType<Place> }> = {
  objective: {
    sql: `SELECT o.ref, o.text, s.number AS strand FROM objectives o JOIN strands s ON s.id = o.strand_id WHERE o.id = ?`,
    schema: objectivePlace,
  },
  update: {
    sql: `SELECT o.ref, o.text, s.number AS strand, u.month, u.state
      FROM updates u JOIN objectives o ON o.id = u.objective_id JOIN strands s ON s.id = o.strand_id WHERE u.id = ?`,
    schema: updatePlace,
  },
  minute: minuteSource,
  decision: minuteSource,
  action: {
    sql: `SELECT a.ref, a.owner, a.status, a.meeting_id, mt.title, mt.held_at
      FROM board_actions a JOIN meetings mt ON mt.id = a.meeting_id WHERE a.id = ?`,
    schema: actionPlace,
  },
  paper: {
    sql: `SELECT p.title AS paper, p.meeting_id, mt.title, mt.held_at
      FROM papers p JOIN meetings mt ON mt.id = p.meeting_id WHERE p.id = ?`,
    schema: paperPlace,
  },
  indicator: {
    sql: `SELECT ref, title, strand_number AS strand FROM indicators WHERE id = ?`,
    schema: indicatorPlace,
  },
};

export class SearchRepository {
  constructor(private readonly sql: Sql) {}

  /** The best perKind matches of each kind, in SEARCH_KINDS order; none for words with no letters. */
  async search(words: string, perKind: number): Promise<SearchGroup[]> {
    const found = searchWords(words);
    if (found.length === 0) return [];
    const matches = await fullTextIndex(this.sql.dialect)(this.sql, found, perKind);
    const groups: SearchGroup[] = [];
    for (const kind of SEARCH_KINDS) {
      const match = matches.get(kind);
      if (!match || match.total === 0) continue;
      const hits: SearchHit[] = [];
      for (const { id, snippet } of match.best) hits.push(await this.hit(kind, id, snippet));
      groups.push({ kind, total: match.total, hits });
    }
    return groups;
  }

  private async hit(kind: SearchKind, id: number, snippet: SnippetPart[]): Promise<SearchHit> {
    const place = PLACES[kind].schema.parse(await this.sql.get(PLACES[kind].sql, id));
    return { kind, id, snippet, ...place };
  }
}
