// The PostgreSQL twin of migrate.ts and open.ts: the NNNN_name.pg.sql migrations beside the SQLite
// ones, applied in order, each in its own transaction, with the schema version in a table of its
// own (SQLite keeps it in the file's header). Desks that open a fresh database at the same moment
// queue on an advisory lock, so each migration is applied once.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, type Migration } from './migrate';
import {
  connectPostgres,
  postgresLocation,
  type PostgresLocation,
  type PostgresOpenOptions,
} from './postgresConnection';
import { PostgresSql } from './postgresSql';

export type { PostgresOpenOptions };

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadPostgresMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.pg\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
}

const MIGRATIONS = loadPostgresMigrations();

// The first migration's transaction makes it; one row, as the header of an SQLite file is one.
const SCHEMA_TABLE = `CREATE TABLE board_pack_schema (application_id bigint NOT NULL, version integer NOT NULL);
CREATE UNIQUE INDEX board_pack_schema_one_row ON board_pack_schema ((true));`;

const schemaRowSchema = z.object({ application_id: z.number().int(), version: z.number().int() });

type SchemaState =
  { kind: 'board_pack'; applicationId: number; version: number } | { kind: 'empty' } | { kind: 'other' };

async function schemaState(sql: PostgresSql): Promise<SchemaState> {
  if (await sql.value("SELECT to_regclass('board_pack_schema') IS NOT NULL")) {
    const row = schemaRowSchema
      .optional()
      .parse(await sql.get('SELECT application_id, version FROM board_pack_schema'));
    return row
      ? { kind: 'board_pack', applicationId: row.application_id, version: row.version }
      : { kind: 'other' };
  }
  const schema: unknown = await sql.value('SELECT current_schema()');
  if (typeof schema !== 'string')
    throw new BoardPackError(
      'read_only',
      `The shared database at ${sql.server} has no schema Board Pack may create its tables in. Ask whoever runs the server to make your user the database's owner (the README says how).`,
    );
  // Tables, views, sequences and foreign tables: anything there means the database is in use.
  const relations = z
    .number()
    .parse(
      await sql.value(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')",
      ),
    );
  return relations === 0 ? { kind: 'empty' } : { kind: 'other' };
}

/** The schema version, after refusing (changing nothing) a database that is not ours or is newer than us. */
function versionOf(state: SchemaState, server: string, latest: number): number {
  if (state.kind === 'empty') return 0;
  if (state.kind === 'other' || state.applicationId !== APPLICATION_ID)
    throw new BoardPackError(
      'not_board_pack',
      `The shared database at ${server} already holds tables, but not ones made by Board Pack. Ask for an empty database of its own (the README says how); nothing was changed.`,
    );
  if (state.version > latest)
    throw new BoardPackError(
      'newer_schema',
      `The database at ${server} was made by a newer version of Board Pack (schema ${state.version}; this version knows up to ${latest}). Install the newer version to open it; the database has not been changed.`,
    );
  return state.version;
}

/**
 * Applies the pending migrations, each in its own transaction holding the advisory lock (released
 * at its commit), re-reading the version under the lock: another desk may have applied it while
 * this one waited. Answers the schema version.
 */
export async function migratePostgres(
  sql: PostgresSql,
  migrations: Migration[] = MIGRATIONS,
): Promise<number> {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  let version = versionOf(await schemaState(sql), sql.server, latest);
  for (const migration of migrations.filter((m) => m.version > version)) {
    version = await sql.transaction(async () => {
      await sql.value('SELECT pg_advisory_xact_lock(?)', APPLICATION_ID);
      const current = versionOf(await schemaState(sql), sql.server, latest);
      if (current >= migration.version) return current;
      if (current === 0) {
        await sql.exec(SCHEMA_TABLE);
        await sql.run(
          'INSERT INTO board_pack_schema (application_id, version) VALUES (?, 0)',
          APPLICATION_ID,
        );
      }
      await sql.exec(migration.sql);
      await sql.run('UPDATE board_pack_schema SET version = ?', migration.version);
      return migration.version;
    });
  }
  return version;
}

/**
 * Connects to the shared database at the address (TLS unless the server is local), refuses one
 * that is not Board Pack's or is newer than this version, applies pending migrations and answers
 * the executor, whose connection is remade the same way if it drops.
 */
export function openPostgres(address: string, options: PostgresOpenOptions = {}): Promise<PostgresSql> {
  return openPostgresAt(postgresLocation(address, options));
}

/** openPostgres for an address already read (store.ts keeps the location to describe the connection). */
export async function openPostgresAt(location: PostgresLocation): Promise<PostgresSql> {
  const reconnect = () => connectPostgres(location);
  const sql = new PostgresSql(await connectPostgres(location, 'opening'), {
    server: location.server,
    reconnect,
  });
  try {
    if ((await migratePostgres(sql)) !== LATEST_SCHEMA_VERSION)
      throw new Error(
        `The PostgreSQL migrations end at another version than the SQLite ones (${LATEST_SCHEMA_VERSION}).`,
      );
    return sql;
  } catch (error) {
    await sql.close();
    throw error;
  }
}
