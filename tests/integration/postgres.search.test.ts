// The search index on PostgreSQL (0008_search.pg.sql and postgresSearch.ts) against the FTS5 one:
// the same rows, written by the same statements through both executors, are found by the same
// words, counted alike per kind, with the same snippets marked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/store/open';
import { openPostgres } from '../../electron/store/postgresMigrate';
import {
  POSTGRES_RANKED_MATCHES,
  foldedWords,
  postgresSearch,
  tsQueryText,
} from '../../electron/store/postgresSearch';
import type { PostgresSql } from '../../electron/store/postgresSql';
import { RANKED_MATCHES, SearchRepository, searchWords } from '../../electron/store/search';
import { SqliteSql } from '../../electron/store/sqliteSql';
import { newPostgresDatabase } from '../fixtures/postgres';

const ROWS = [
  "INSERT INTO strands (id, number, title, lead) VALUES (1, 1, 'Safer streets', 'Head of Crime')",
  `INSERT INTO objectives (id, ref, strand_id, theme, theme_code, position, text, target_text, owner, start_month) VALUES
    (1, '1.1', 1, 'T', 'T', 1, 'Multi-agency working with partners across the county', 'All partners signed up', 'Supt Ellis', '2007-04'),
    (2, '1.2', 1, 'T', 'T', 2, 'Reduce repeat victimisation', NULL, 'DCI Zoë Ørsted', '2007-04'),
    (3, '1.10', 1, 'T', 'T', 3, 'A café-culture night-time economy plan', NULL, NULL, '2007-04')`,
  `INSERT INTO updates (objective_id, month, revision, is_current, status, narrative, next_steps, author, created_at, saved_at, state) VALUES
    (1, '2007-10', 1, 0, 'green', 'An older multi agency draft', '', 'A', 'x', 'x', 'draft'),
    (1, '2007-10', 2, 1, 'green', 'The multi agency hub opened; partners moved in.', 'Review the hub', 'A', 'x', 'x', 'submitted'),
    (2, '2007-10', 1, 1, 'amber', 'Repeat victims were contacted within 24 hours in most cases, though the partnership with housing providers remains slow and the café scheme has not yet started its pilot in the northern division of the county', '', 'A', 'x', 'x', 'submitted'),
    (3, '2007-10', 1, 1, 'not_started', '', '', 'A', 'x', 'x', 'draft')`,
  "INSERT INTO meetings (id, title, held_at, reporting_month) VALUES (1, 'October board', '2007-10-18', '2007-10')",
  `INSERT INTO minutes (meeting_id, position, kind, text) VALUES
    (1, 1, 'minute', 'The board noted the multi-agency hub.'),
    (1, 2, 'decision', 'Approve the café pilot.')`,
  "INSERT INTO board_actions (ref, meeting_id, description, owner, status) VALUES ('A07-01', 1, 'Report on victim contact times', 'DCI Ørsted', 'open')",
  "INSERT INTO indicators (ref, title, strand_number, countable, unit, better, position, source) VALUES ('SS1', 'Repeat victims contacted', 1, 1, 'percent', 'higher', 1, 'Victim survey')",
];

const WORDS = [
  'multi-agency',
  'multi agency',
  'MULTI',
  'cafe',
  'CAFÉ culture',
  'victim',
  'partner',
  'orsted',
  'zoe',
  '1.1',
  'hub review',
  'a',
  'county pilot',
  '"quoted" AND OR * NEAR(',
  'nothing-matches-this',
  '!!!',
];

describe('search on PostgreSQL', () => {
  let sqliteDb: Db;
  let postgres: PostgresSql;
  let sqlite: SqliteSql;

  /** The matches as SearchRepository takes them from its index: kind, count, ids and snippets. */
  const matches = async (words: string, perKind = 8) =>
    [...(await postgresSearch(postgres, searchWords(words), perKind))].map(([kind, match]) => ({
      kind,
      total: match.total,
      hits: match.best,
    }));

  beforeAll(async () => {
    sqliteDb = openDatabase(join(mkdtempSync(join(tmpdir(), 'board-pack-test-')), 'board.db'));
    postgres = await openPostgres(await newPostgresDatabase({ migrated: true }));
    sqlite = new SqliteSql(sqliteDb);
    for (const statement of ROWS) {
      await sqlite.run(statement);
      await postgres.run(statement);
    }
  });

  afterAll(async () => {
    sqliteDb.close();
    await postgres.close();
  });

  it('reads the words as FTS5 does: phrases of folded tokens, the last a prefix', () => {
    expect(tsQueryText(foldedWords(searchWords('Multi-agency  CAFÉ a 1.10 e\u0301')))).toBe(
      "'Multi' <-> 'agency':* & 'CAFE':* & 'a' & '1' <-> '10':* & 'e'",
    );
    expect(foldedWords(searchWords('"quoted" AND * \u0301'))).toEqual([
      { tokens: ['quoted'], prefix: true },
      { tokens: ['AND'], prefix: true },
    ]);
    expect(POSTGRES_RANKED_MATCHES).toBe(RANKED_MATCHES);
  });

  it('finds, counts and marks what FTS5 finds, kind by kind', async () => {
    const fts = new SearchRepository(sqlite);
    for (const words of WORDS) {
      const expected = (await fts.search(words, 8)).map((group) => ({
        kind: group.kind,
        total: group.total,
        hits: group.hits.map((hit) => ({ id: hit.id, snippet: hit.snippet })),
      }));
      const actual = await matches(words);
      // Ranking is bm25 on one side and ts_rank on the other: compare the hits as a set.
      const byId = (groups: typeof expected) =>
        groups.map((group) => ({ ...group, hits: [...group.hits].sort((a, b) => a.id - b.id) }));
      expect({ words, groups: byId(actual) }).toEqual({ words, groups: byId(expected) });
    }
  });

  it('keeps the best perKind of each kind, the title outranking the body', async () => {
    const groups = await matches('partners', 1);
    expect(groups.find((group) => group.kind === 'objective')).toMatchObject({ total: 1, hits: [{ id: 1 }] });
    const updates = await matches('victim', 1);
    expect(updates.map((group) => [group.kind, group.total, group.hits.length])).toEqual([
      ['objective', 1, 1],
      ['update', 1, 1],
      ['action', 1, 1],
      ['indicator', 1, 1],
    ]);
  });

  it('follows a change to the record: a new current revision replaces the old in the index', async () => {
    await postgres.run(
      "UPDATE updates SET is_current = 0 WHERE objective_id = 1 AND month = '2007-10' AND revision = 2",
    );
    await postgres.run(
      "INSERT INTO updates (objective_id, month, revision, is_current, status, narrative, author, created_at, saved_at, state) VALUES (1, '2007-10', 3, 1, 'green', 'Hub closed for refurbishment', 'A', 'x', 'x', 'draft')",
    );
    const hub = await matches('hub', 8);
    expect(hub.find((group) => group.kind === 'update')?.total).toBe(1);
    expect(await matches('refurbish', 8)).toMatchObject([{ kind: 'update', total: 1 }]);
    await postgres.run("DELETE FROM minutes WHERE kind = 'decision'");
    expect((await matches('pilot', 8)).map((group) => group.kind)).toEqual(['update']);
  });
});
