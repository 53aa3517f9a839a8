// The PostgreSQL migrations (NNNN_name.pg.sql) against a real server: they apply to an empty
// database, give the schema the SQLite migrations give (read from both catalogs, table by table),
// refuse what SQLite's CHECKs and triggers refuse with the same words, refuse a database that is
// not Board Pack's or is newer without changing it, and apply once when two desks open at once.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBoardPackError } from '../../shared/errors';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../electron/store/migrate';
import { openDatabase, type Db } from '../../electron/store/open';
import { constraintCode } from '../../electron/store/postgresErrors';
import { loadPostgresMigrations, migratePostgres, openPostgres } from '../../electron/store/postgresMigrate';
import { connectPostgres, postgresLocation } from '../../electron/store/postgresConnection';
import { PostgresSql } from '../../electron/store/postgresSql';
import type { Sql } from '../../electron/store/sql';
import { SqliteSql } from '../../electron/store/sqliteSql';
import { newPostgresDatabase } from '../fixtures/postgres';

/** An executor on the database without migrating it, to set it up as a test needs. */
async function unmigrated(url: string): Promise<PostgresSql> {
  const location = postgresLocation(url);
  return new PostgresSql(await connectPostgres(location), { server: location.server });
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../../electron/store/migrations/', import.meta.url));

interface TableShape {
  columns: string[];
  primaryKey: string[];
  unique: string[];
  foreignKeys: string[];
  indexes: string[];
  triggers: string[];
}

const TYPES: Record<string, string> = {
  INTEGER: 'bigint',
  TEXT: 'text',
  REAL: 'double precision',
  BLOB: 'bytea',
};

/** SQLite's schema, table by table, in PostgreSQL's type names; the FTS5 table and its shadows left out. */
function sqliteShape(db: Db): Record<string, TableShape> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const shape: Record<string, TableShape> = {};
  for (const table of tables) {
    const columns = db.pragma(`table_info(${table})`) as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    const indexes = db.pragma(`index_list(${table})`) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    const indexColumns = (index: string) =>
      (db.pragma(`index_info(${index})`) as { seqno: number; name: string }[])
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name)
        .join(',');
    const keys = db.pragma(`foreign_key_list(${table})`) as {
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[];
    const foreignKeys = [...new Set(keys.map((k) => k.id))].map((id) => {
      const parts = keys.filter((k) => k.id === id).sort((a, b) => a.seq - b.seq);
      return `${parts.map((p) => p.from).join(',')} -> ${parts[0].table}(${parts.map((p) => p.to).join(',')}) ON DELETE ${parts[0].on_delete}`;
    });
    shape[table] = {
      // A primary key is never NULL, though SQLite's table_info leaves notnull 0 on it.
      columns: columns
        .map((c) => `${c.name} ${TYPES[c.type] ?? c.type}${c.notnull || c.pk ? ' NOT NULL' : ''}`)
        .sort(),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      unique: indexes
        .filter((i) => i.origin === 'u')
        .map((i) => indexColumns(i.name))
        .sort(),
      foreignKeys: foreignKeys.sort(),
      indexes: indexes
        .filter((i) => i.origin === 'c')
        .map(
          (i) =>
            `${i.name}${i.unique ? ' UNIQUE' : ''}${i.partial ? ' PARTIAL' : ''} (${indexColumns(i.name)})`,
        )
        .sort(),
      triggers: (
        db
          .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?")
          .pluck()
          .all(table) as string[]
      ).sort(),
    };
  }
  return shape;
}

const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};
/** PostgreSQL's own extras: TRUNCATE fires no row trigger, so the append-only tables refuse it too. */
const TRUNCATE_TRIGGERS = ['audit_log_no_truncate', 'issued_packs_kept_whole'];
/** Tables SQLite has no twin of: the schema version (SQLite keeps it in the header) and the search index. */
const POSTGRES_ONLY = ['board_pack_schema', 'search_index'];

const KEY_NAMES = `(SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(%KEYS%) WITH ORDINALITY k(attnum, n)
  JOIN pg_attribute a ON a.attrelid = %REL% AND a.attnum = k.attnum)`;
const keyNames = (keys: string, rel: string) => KEY_NAMES.replace('%KEYS%', keys).replace('%REL%', rel);

async function postgresShape(sql: Sql): Promise<Record<string, TableShape>> {
  const tables = (await sql.column(
    "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1",
  )) as string[];
  const shape: Record<string, TableShape> = {};
  for (const table of tables.filter((t) => !POSTGRES_ONLY.includes(t))) {
    const columns = (await sql.all(
      `SELECT attname::text AS name, format_type(atttypid, atttypmod) AS type, attnotnull AS notnull
       FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped`,
      table,
    )) as { name: string; type: string; notnull: boolean }[];
    const constraints = (await sql.all(
      `SELECT con.contype AS type, ${keyNames('con.conkey', 'con.conrelid')} AS keys,
         con.confrelid::regclass::text AS parent, ${keyNames('con.confkey', 'con.confrelid')} AS parent_keys,
         con.confdeltype AS on_delete
       FROM pg_constraint con WHERE con.conrelid = ?::regclass AND con.contype IN ('p', 'u', 'f')`,
      table,
    )) as {
      type: string;
      keys: string[];
      parent: string | null;
      parent_keys: string[] | null;
      on_delete: string;
    }[];
    const indexes = (await sql.all(
      `SELECT ic.relname::text AS name, i.indisunique AS unique, i.indpred IS NOT NULL AS partial,
         ${keyNames('i.indkey::int2[]', 'i.indrelid')} AS keys
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
       WHERE i.indrelid = ?::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      table,
    )) as { name: string; unique: boolean; partial: boolean; keys: string[] }[];
    const triggers = (await sql.column(
      'SELECT tgname::text FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal',
      table,
    )) as string[];
    shape[table] = {
      columns: columns.map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`).sort(),
      primaryKey: constraints.find((c) => c.type === 'p')?.keys ?? [],
      unique: constraints
        .filter((c) => c.type === 'u')
        .map((c) => c.keys.join(','))
        .sort(),
      foreignKeys: constraints
        .filter((c) => c.type === 'f')
        .map(
          (c) =>
            `${c.keys.join(',')} -> ${c.parent}(${(c.parent_keys ?? []).join(',')}) ON DELETE ${ON_DELETE[c.on_delete]}`,
        )
        .sort(),
      indexes: indexes
        .map(
          (i) => `${i.name}${i.unique ? ' UNIQUE' : ''}${i.partial ? ' PARTIAL' : ''} (${i.keys.join(',')})`,
        )
        .sort(),
      triggers: triggers.filter((t) => !TRUNCATE_TRIGGERS.includes(t)).sort(),
    };
  }
  return shape;
}

/**
 * An identity column, given ids as SQLite's rowid may be, does not move on past them: the next
 * row given none would take id 1 again. Whatever copies rows with their ids does this after.
 */
async function continueIdentities(sql: Sql): Promise<void> {
  const tables = await sql.column(
    "SELECT table_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
  );
  for (const table of tables)
    await sql.value(
      `SELECT setval(pg_get_serial_sequence(?, 'id'), greatest((SELECT max(id) FROM ${String(table)}), 1))`,
      String(table),
    );
}

/** What a refusal test compares across the backends: the words and the code. */
async function refusal(sql: Sql, statement: string, ...params: (string | number | Buffer)[]) {
  return sql.run(statement, ...params).then(
    () => 'accepted' as const,
    (error: unknown) => ({
      code: constraintCode(error),
      message: error instanceof Error ? error.message : String(error),
    }),
  );
}

// The same rows, written by the same statements, through both executors.
const ROWS: [string, ...(string | number | Buffer)[]][] = [
  [
    "INSERT INTO plan (id, plan_key, title, organisation, board_name, aim, start_month, end_month, protective_marking) VALUES (1, 'k', 'Plan', 'Force', 'Board', 'Aim', '2007-04', '2009-03', 'OFFICIAL')",
  ],
  ["INSERT INTO strands (id, number, title, lead) VALUES (1, 1, 'Strand one', 'A lead')"],
  [
    "INSERT INTO objectives (id, ref, strand_id, theme, theme_code, position, text, start_month) VALUES (1, '1.1', 1, 'Theme', 'T', 1, 'An objective', '2007-04')",
  ],
  [
    "INSERT INTO updates (id, objective_id, month, revision, is_current, is_reported, status, author, created_at, saved_at, state) VALUES (1, 1, '2007-10', 1, 1, 1, 'green', 'A', 'x', 'x', 'accepted')",
  ],
  [
    "INSERT INTO meetings (id, title, held_at, reporting_month) VALUES (1, 'Board', '2007-10-18', '2007-10'), (2, 'Next board', '2007-11-15', '2007-11')",
  ],
  ["INSERT INTO minutes (id, meeting_id, position, kind, text) VALUES (1, 1, 1, 'minute', 'Noted')"],
  [
    "INSERT INTO minutes_approvals (meeting_id, approved_at_meeting_id, approved_on, approved_by, recorded_at, recorded_by) VALUES (1, 2, '2007-11-15', 'Chair', 'x', 'x')",
  ],
  [
    "INSERT INTO issued_packs (id, meeting_id, version, reporting_month, options_json, sha256, size_bytes, pdf, issued_at, issued_by) VALUES (1, 1, 1, '2007-10', '{}', ?, 3, ?, 'x', 'x')",
    'a'.repeat(64),
    Buffer.from('pdf'),
  ],
  ["INSERT INTO audit_log (id, at, actor, action, entity, entity_id) VALUES (1, 'x', 'a', 'b', 'c', 'd')"],
  [
    "INSERT INTO indicators (id, ref, title, outcome_number, countable, unit, better, position) VALUES (1, 'KOI1', 'Crime', 1, 1, 'count', 'lower', 1)",
  ],
  [
    "INSERT INTO indicator_figures (id, indicator_id, month, revision, is_current, value, source, author, saved_at) VALUES (1, 1, '2007-10', 1, 1, 5, 'typed', 'a', 'x')",
  ],
];

describe('PostgreSQL migrations', () => {
  let sqliteDb: Db;
  let sqlite: SqliteSql;
  let postgres: PostgresSql;

  beforeAll(async () => {
    sqliteDb = openDatabase(join(mkdtempSync(join(tmpdir(), 'board-pack-test-')), 'board.db'));
    sqlite = new SqliteSql(sqliteDb);
    postgres = await openPostgres(await newPostgresDatabase());
  });

  afterAll(async () => {
    sqliteDb.close();
    await postgres.close();
  });

  it('has a twin of every SQLite migration, with the same number and name', () => {
    const files = readdirSync(MIGRATIONS_DIR);
    const sqliteNames = files
      .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
      .map((f) => f.replace(/\.sql$/, ''));
    const postgresNames = loadPostgresMigrations().map((m) => m.name.replace(/\.pg\.sql$/, ''));
    expect(postgresNames).toEqual(sqliteNames);
    expect(loadPostgresMigrations().at(-1)?.version).toBe(LATEST_SCHEMA_VERSION);
  });

  it('applies every migration to an empty database and records the version', async () => {
    expect(await postgres.get('SELECT application_id, version FROM board_pack_schema')).toEqual({
      application_id: APPLICATION_ID,
      version: LATEST_SCHEMA_VERSION,
    });
  });

  it('gives the schema SQLite has: tables, columns, types, NOT NULL, keys, indexes and triggers', async () => {
    const expected = sqliteShape(sqliteDb);
    const actual = await postgresShape(postgres);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const table of Object.keys(expected))
      expect({ table, ...actual[table] }).toEqual({ table, ...expected[table] });
  });

  it('refuses with the same words, through a trigger, what SQLite refuses', async () => {
    for (const [statement, ...params] of ROWS) {
      await sqlite.run(statement, ...params);
      await postgres.run(statement, ...params);
    }
    await continueIdentities(postgres);
    const refused: [string, string][] = [
      ["UPDATE audit_log SET actor = 'z'", 'The audit log is append-only.'],
      ['DELETE FROM audit_log', 'The audit log is append-only.'],
      ["UPDATE issued_packs SET issued_by = 'z'", 'An issued pack is frozen and cannot be changed.'],
      ['DELETE FROM issued_packs', 'An issued pack is kept for the record and cannot be deleted.'],
      [
        "UPDATE updates SET narrative = 'z' WHERE id = 1",
        'An accepted update is changed only by a new revision.',
      ],
      [
        "UPDATE indicator_figures SET note = 'z' WHERE id = 1",
        'An indicator figure is changed only by a new revision.',
      ],
      [
        "INSERT INTO minutes (meeting_id, position, kind, text) VALUES (1, 2, 'minute', 'z')",
        'Approved minutes are locked.',
      ],
      ["UPDATE minutes SET text = 'z' WHERE id = 1", 'Approved minutes are locked.'],
    ];
    for (const [statement, words] of refused) {
      for (const sql of [sqlite, postgres]) {
        expect({ statement, dialect: sql.dialect, refused: await refusal(sql, statement) }).toEqual({
          statement,
          dialect: sql.dialect,
          refused: { code: 'SQLITE_CONSTRAINT_TRIGGER', message: words },
        });
      }
    }
    // Only whether a revision is the current one may change, on both.
    for (const sql of [sqlite, postgres]) {
      expect(await refusal(sql, 'UPDATE updates SET is_current = ? WHERE id = 1', 0)).toBe('accepted');
      expect(await refusal(sql, 'UPDATE indicator_figures SET is_current = ? WHERE id = 1', 0)).toBe(
        'accepted',
      );
    }
    // TRUNCATE fires no row trigger in PostgreSQL; the append-only tables refuse it as well.
    expect(await refusal(postgres, 'TRUNCATE audit_log')).toMatchObject({
      message: 'The audit log is append-only.',
    });
    expect(await refusal(postgres, 'TRUNCATE issued_packs CASCADE')).toMatchObject({
      message: 'An issued pack is kept for the record and cannot be deleted.',
    });
  });

  it("refuses what SQLite's CHECKs refuse, and accepts what they accept", async () => {
    const cases: [string, 'accepted' | 'refused'][] = [
      ["INSERT INTO meetings (title, held_at, reporting_month) VALUES ('m', 'x', '2007-13')", 'refused'],
      ["INSERT INTO meetings (title, held_at, reporting_month) VALUES ('m', 'x', '2007-12')", 'accepted'],
      [
        "INSERT INTO indicators (ref, title, strand_number, countable, notes_json, position) VALUES ('KOI2', 'T', 1, 0, 'not json', 2)",
        'refused',
      ],
      [
        "INSERT INTO indicators (ref, title, strand_number, countable, notes_json, position) VALUES ('KOI3', 'T', 1, 0, '{}', 3)",
        'refused',
      ],
      [
        "INSERT INTO indicators (ref, title, strand_number, countable, notes_json, position) VALUES ('KOI4', 'T', 1, 0, '[\"why\"]', 4)",
        'accepted',
      ],
      [
        "INSERT INTO indicators (ref, title, strand_number, countable, unit, better, position) VALUES ('koi5', 'T', 1, 1, 'count', 'lower', 5)",
        'refused',
      ],
      [
        "INSERT INTO indicators (ref, title, strand_number, countable, unit, better, position) VALUES ('KOI6', 'T', 1, 1, 'rate', 'lower', 6)",
        'refused',
      ],
      [
        "INSERT INTO minutes_approvals (meeting_id, approved_at_meeting_id, approved_on, approved_by, recorded_at, recorded_by) VALUES (2, 1, '2007-02-30', 'C', 'x', 'x')",
        'refused',
      ],
      [
        "INSERT INTO minutes_approvals (meeting_id, approved_at_meeting_id, approved_on, approved_by, recorded_at, recorded_by) VALUES (2, 1, '2008-02-29', 'C', 'x', 'x')",
        'accepted',
      ],
      ["INSERT INTO people (name, role) VALUES ('Deputy', 'deputy_lead')", 'refused'],
      ["INSERT INTO people (name, role) VALUES ('  ', 'officer')", 'refused'],
      ["UPDATE board_actions SET removed_on = '2007-11-01' WHERE id = 1", 'accepted'],
      [
        "INSERT INTO board_actions (ref, meeting_id, description, owner, status, removed_on) VALUES ('A1', 1, 'Do', 'Me', 'open', '2007-11-01')",
        'refused',
      ],
      ["UPDATE objectives SET retired_from = '2007-03' WHERE id = 1", 'refused'],
      ["UPDATE plan SET end_month = '2007-03'", 'refused'],
    ];
    for (const [statement, outcome] of cases) {
      for (const sql of [sqlite, postgres]) {
        const answer = await refusal(sql, statement);
        const seen =
          answer === 'accepted'
            ? 'accepted'
            : answer.code === 'SQLITE_CONSTRAINT_CHECK'
              ? 'refused'
              : answer.message;
        expect({ statement, dialect: sql.dialect, seen }).toEqual({
          statement,
          dialect: sql.dialect,
          seen: outcome,
        });
      }
    }
  });
});

describe('opening a PostgreSQL database that is not ours to migrate', () => {
  /** Every relation in the schema and the version row, to show a refusal changed nothing. */
  const catalog = (sql: Sql) =>
    sql.all(
      'SELECT c.relname::text AS name, c.relkind::text AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() ORDER BY 1',
    );

  async function refusedOpen(url: string) {
    return openPostgres(url).then(
      async (sql) => {
        await sql.close();
        return 'opened';
      },
      (error: unknown) => (isBoardPackError(error) ? { code: error.code, message: error.message } : error),
    );
  }

  it('refuses, changing nothing, a database made by a newer version', async () => {
    const url = await newPostgresDatabase({ migrated: true });
    const sql = await openPostgres(url);
    await sql.run('UPDATE board_pack_schema SET version = ?', LATEST_SCHEMA_VERSION + 1);
    const before = await catalog(sql);
    expect(await refusedOpen(url)).toEqual({
      code: 'newer_schema',
      message: expect.stringMatching(
        new RegExp(
          `^The database at 127\\.0\\.0\\.1:\\d+/bp_\\w+ was made by a newer version of Board Pack \\(schema ${LATEST_SCHEMA_VERSION + 1}; this version knows up to ${LATEST_SCHEMA_VERSION}\\)\\. Install the newer version to open it; the database has not been changed\\.$`,
        ),
      ),
    });
    expect(await catalog(sql)).toEqual(before);
    expect(await sql.value('SELECT version FROM board_pack_schema')).toBe(LATEST_SCHEMA_VERSION + 1);
    await sql.close();
  });

  it("refuses, changing nothing, a database holding another application's tables", async () => {
    const other = await newPostgresDatabase();
    const sql = await unmigrated(other);
    await sql.exec('CREATE TABLE customers (id integer PRIMARY KEY, name text)');
    const before = await catalog(sql);
    expect(await refusedOpen(other)).toMatchObject({
      code: 'not_board_pack',
      message: expect.stringContaining('not ones made by Board Pack'),
    });
    expect(await catalog(sql)).toEqual(before);
    // A version table of another application's is not ours either.
    await sql.exec(
      'CREATE TABLE board_pack_schema (application_id bigint, version integer); INSERT INTO board_pack_schema VALUES (1, 1)',
    );
    expect(await refusedOpen(other)).toMatchObject({ code: 'not_board_pack' });
    await sql.close();
  });

  it('migrates once when two desks open a fresh database at the same moment', async () => {
    const url = await newPostgresDatabase();
    const desks = await Promise.all([openPostgres(url), openPostgres(url)]);
    for (const desk of desks) {
      expect(await desk.value('SELECT version FROM board_pack_schema')).toBe(LATEST_SCHEMA_VERSION);
      expect(await desk.value('SELECT count(*) FROM board_pack_schema')).toBe(1);
    }
    await Promise.all(desks.map((desk) => desk.close()));
  });

  it('stops at the version asked for, and carries rows held at it through the later migrations', async () => {
    const url = await newPostgresDatabase();
    const migrations = loadPostgresMigrations();
    const sql = await unmigrated(url);
    expect(
      await migratePostgres(
        sql,
        migrations.filter((m) => m.version <= 4),
      ),
    ).toBe(4);
    await sql.exec(`
      INSERT INTO plan (id, plan_key, title, organisation, board_name, aim, start_month, end_month, protective_marking, chairs_json)
        VALUES (1, 'k', 'Plan', 'Force', 'Board', 'Aim', '2007-04', '2009-03', 'OFFICIAL', '["Chief Constable", " ", "PCC"]');
      INSERT INTO strands (id, number, title, lead) VALUES (1, 1, 'Strand one', 'Head of Crime'), (2, 2, 'Strand two', '');
      INSERT INTO objectives (id, ref, strand_id, theme, theme_code, position, text, retired_from)
        VALUES (1, '1.1', 1, 'T', 'T', 1, 'Multi-agency café working', NULL), (2, '1.2', 1, 'T', 'T', 2, 'Old', '2007-01');`);
    expect(await migratePostgres(sql, migrations)).toBe(LATEST_SCHEMA_VERSION);
    // 0005: held objectives start at the plan's start, or no later than they retired.
    expect(await sql.rows('SELECT id, start_month FROM objectives ORDER BY id')).toEqual([
      [1, '2007-04'],
      [2, '2007-01'],
    ]);
    // 0007: strand leads and chairs come onto the roster, once, audited.
    expect(await sql.rows('SELECT name, role, strand_id, from_plan FROM people ORDER BY id')).toEqual([
      ['Head of Crime', 'strand_lead', 1, 1],
      ['Chief Constable', 'chair', null, 1],
      ['PCC', 'chair', null, 1],
    ]);
    const seeded = await sql.get("SELECT actor, after_json FROM audit_log WHERE action = 'people.seed'");
    expect(seeded).toMatchObject({ actor: 'Board Pack' });
    expect(JSON.parse((seeded as { after_json: string }).after_json)).toEqual({
      people: [
        { id: 1, name: 'Head of Crime', role: 'strand_lead' },
        { id: 2, name: 'Chief Constable', role: 'chair' },
        { id: 3, name: 'PCC', role: 'chair' },
      ],
    });
    // 0008: the objectives already held are in the search index, folded.
    expect(
      await sql.column(
        "SELECT entity_id FROM search_index WHERE document @@ to_tsquery('simple', 'cafe & agency')",
      ),
    ).toEqual([1]);
    await sql.close();
  });
});
