// PostgreSQL's full-text index behind search.ts's FullTextIndex: for the person's words (as
// searchWords reads them), each kind's count of matches and its best perKind, ranked within the
// newest RANKED_MATCHES, each with a snippet marking the words, as the FTS5 statements answer.
// The index is 0008_search.pg.sql's search_index table: a tsvector in the 'simple' configuration
// over text folded by board_pack_search_text.
//
// Accents are folded by Unicode decomposition (normalize(…, NFD) less the combining marks), on the
// server for the index and here for the words and the snippets, so no extension (unaccent) is
// needed. This file does not import search.ts, which will import it: the shapes below are
// search.ts's SearchWord and KindMatches, and RANKED_MATCHES is checked equal by a test.
import { z } from 'zod';
import { SEARCH_KINDS, type SearchKind, type SnippetPart } from '../../shared/contractSearch';
import type { Sql } from './sql';

/** search.ts's RANKED_MATCHES: how many of a kind's newest matches are ranked. */
export const POSTGRES_RANKED_MATCHES = 1000;
/** Tokens around the hits in a snippet, as FTS5's snippet(…, 24) gives. */
const SNIPPET_TOKENS = 24;

/** Combining marks board_pack_search_text drops after decomposing. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/**
 * Letters, digits and marks outside the punctuation and symbol ranges board_pack_search_text
 * turns into spaces: one token of the index.
 */
const TOKEN =
  /(?:(?![\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2190-\u23ff\u25a0-\u27bf\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f])[\p{L}\p{N}\p{M}])+/gu;

/** One word the person typed: search.ts's SearchWord (its letters and digits, the last a prefix or not). */
export interface SearchWordTokens {
  tokens: string[];
  prefix: boolean;
}

function fold(token: string): string {
  return token.normalize('NFD').replace(COMBINING_MARKS, '');
}

/**
 * The words with their tokens folded as the index folds its text: accents dropped, and split
 * where board_pack_search_text puts a space. A word left with no token is dropped; a last token
 * of one character is no prefix.
 */
export function foldedWords(words: readonly SearchWordTokens[]): SearchWordTokens[] {
  return words.flatMap((word) => {
    const tokens = word.tokens.flatMap((token) => fold(token).match(TOKEN) ?? []);
    if (tokens.length === 0) return [];
    return [{ tokens, prefix: word.prefix && tokens[tokens.length - 1].length > 1 }];
  });
}

/**
 * The phrases as to_tsquery text: tokens quoted (they hold only letters, digits and marks, so no
 * quote or operator), <-> within a phrase, :* on a prefix, & between phrases. to_tsquery's
 * 'simple' dictionary lowercases them as it lowercased the index.
 */
export function tsQueryText(phrases: readonly SearchWordTokens[]): string {
  return phrases
    .map(({ tokens, prefix }) => `${tokens.map((token) => `'${token}'`).join(' <-> ')}${prefix ? ':*' : ''}`)
    .join(' & ');
}

// Counts every match per kind (newest first), ranks the newest RANKED_MATCHES of each by ts_rank
// (title weight A = 1.0 over body B = 0.5, as bm25's 2.0 over 1.0; normalised by the log of the
// document's length, as bm25 favours short documents), newer first on a tie, and keeps the best
// perKind with their text for the snippets. Only the kept rows' text is read.
const MATCHES = `WITH q AS MATERIALIZED (SELECT to_tsquery('simple', ?) AS query),
  matched AS (
    SELECT s.kind, s.entity_id,
      count(*) OVER (PARTITION BY s.kind) AS total,
      row_number() OVER (PARTITION BY s.kind ORDER BY s.entity_id DESC) AS newest
    FROM search_index s, q WHERE s.document @@ q.query),
  ranked AS (
    SELECT m.kind, m.entity_id, m.total,
      row_number() OVER (PARTITION BY m.kind
        ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', s.document, q.query, 1) DESC, m.entity_id DESC) AS n
    FROM matched m JOIN search_index s ON s.kind = m.kind AND s.entity_id = m.entity_id, q
    WHERE m.newest <= ?)
  SELECT r.kind, r.entity_id, r.total, s.title, s.body
  FROM ranked r JOIN search_index s ON s.kind = r.kind AND s.entity_id = r.entity_id
  WHERE r.n <= ? ORDER BY r.kind, r.n`;

const matchRowSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  entity_id: z.number().int(),
  total: z.number().int(),
  title: z.string(),
  body: z.string(),
});

/** One kind's matches: search.ts's KindMatches. */
export interface PostgresKindMatches {
  /** Every match of the kind, counted. */
  total: number;
  /** The best perKind of the newest POSTGRES_RANKED_MATCHES, best first: the row's id and its snippet. */
  best: { id: number; snippet: SnippetPart[] }[];
}

/** search.ts's FullTextIndex on PostgreSQL: each kind with a match, its count and best perKind. */
export async function postgresSearch(
  sql: Sql,
  words: readonly SearchWordTokens[],
  perKind: number,
): Promise<Map<SearchKind, PostgresKindMatches>> {
  const matches = new Map<SearchKind, PostgresKindMatches>();
  const phrases = foldedWords(words);
  if (phrases.length === 0) return matches;
  const rows = z
    .array(matchRowSchema)
    .parse(await sql.all(MATCHES, tsQueryText(phrases), POSTGRES_RANKED_MATCHES, Math.max(1, perKind)));
  for (const kind of SEARCH_KINDS) {
    const ofKind = rows.filter((row) => row.kind === kind);
    if (ofKind.length === 0) continue;
    matches.set(kind, {
      total: ofKind[0].total,
      best: ofKind.map((row) => ({
        id: row.entity_id,
        snippet: searchSnippet(row.title, row.body, phrases),
      })),
    });
  }
  return matches;
}

interface Token {
  start: number;
  end: number;
  folded: string;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    folded: fold(match[0]).toLowerCase(),
  }));
}

/** Each phrase instance in the tokens, as [first, last] token indexes. */
function phraseInstances(tokens: readonly Token[], phrases: readonly SearchWordTokens[]): [number, number][] {
  const instances: [number, number][] = [];
  const lowered = phrases.map((p) => ({ tokens: p.tokens.map((t) => t.toLowerCase()), prefix: p.prefix }));
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of lowered) {
      const last = phrase.tokens.length - 1;
      if (i + last >= tokens.length) continue;
      const matches = phrase.tokens.every((token, j) =>
        j === last && phrase.prefix ? tokens[i + j].folded.startsWith(token) : tokens[i + j].folded === token,
      );
      if (matches) instances.push([i, i + last]);
    }
  }
  return instances.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The window of SNIPPET_TOKENS tokens holding most hit tokens, the earliest of equals. */
function bestWindow(count: number, hit: readonly boolean[]): [number, number] {
  if (count <= SNIPPET_TOKENS) return [0, count];
  let best = 0;
  let bestHits = -1;
  for (let start = 0; start + SNIPPET_TOKENS <= count; start++) {
    const hits = hit.slice(start, start + SNIPPET_TOKENS).filter(Boolean).length;
    if (hits > bestHits) [best, bestHits] = [start, hits];
  }
  return [best, best + SNIPPET_TOKENS];
}

function pushPart(parts: SnippetPart[], text: string, hit: boolean): void {
  if (!text) return;
  const previous = parts[parts.length - 1];
  if (previous && previous.hit === hit && !hit) previous.text += text;
  else parts.push({ text, hit });
}

/** A stretch of one column around its hits, each phrase instance marked, with … where it was cut. */
function columnSnippet(text: string, tokens: readonly Token[], instances: [number, number][]): SnippetPart[] {
  const hit = tokens.map((_, i) => instances.some(([first, last]) => i >= first && i <= last));
  const [from, to] = bestWindow(tokens.length, hit);
  const parts: SnippetPart[] = [];
  if (from > 0) pushPart(parts, '…', false);
  let at = from === 0 ? 0 : tokens[from].start;
  // Overlapping instances are one marked stretch; neighbouring ones stay apart, as FTS5 marks them.
  const spans: [number, number][] = [];
  for (const [first, last] of instances) {
    if (first < from || last >= to) continue;
    const previous = spans[spans.length - 1];
    if (previous && first <= previous[1]) previous[1] = Math.max(previous[1], last);
    else spans.push([first, last]);
  }
  for (const [first, last] of spans) {
    pushPart(parts, text.slice(at, tokens[first].start), false);
    pushPart(parts, text.slice(tokens[first].start, tokens[last].end), true);
    at = tokens[last].end;
  }
  const end = to === tokens.length ? text.length : tokens[to - 1].end;
  pushPart(parts, text.slice(at, end), false);
  if (to < tokens.length) pushPart(parts, '…', false);
  return parts;
}

/** The snippet of the column with more matched tokens (the title on a tie), as FTS5's snippet(-1) chooses. */
export function searchSnippet(
  title: string,
  body: string,
  phrases: readonly SearchWordTokens[],
): SnippetPart[] {
  const columns = [title, body].map((text) => {
    const tokens = tokensOf(text);
    const instances = phraseInstances(tokens, phrases);
    return { text, tokens, instances, score: instances.length };
  });
  const [first, second] = columns;
  const chosen = second.score > first.score || (first.score === 0 && !first.text.trim()) ? second : first;
  return columnSnippet(chosen.text, chosen.tokens, chosen.instances);
}
