// A whole database copied into an empty one of either kind — a desk's SQLite file onto the shared
// PostgreSQL server, or the server's record back into a file for a desk that must go offline —
// in one transaction on the destination, then checked table by table: the same number of rows and
// the same content hash on both sides, or the copy is undone and the difference named.
import { createHash } from 'node:crypto';
import { BoardPackError } from '../../shared/errors';
import { AuditLog } from './audit';
import type { Param, Sql } from './sql';

/**
 * Every table of the record with its key, parents before children (foreign keys hold at every
 * insert). The full-text index is not copied: the destination's own triggers fill it as the rows
 * arrive. tests/integration/copyDatabase.test.ts checks this list against the schema.
 */
export const COPIED_TABLES: readonly { table: string; key: string }[] = [
  { table: 'plan', key: 'id' },
  { table: 'outcomes', key: 'id' },
  { table: 'themes', key: 'id' },
  { table: 'strands', key: 'id' },
  { table: 'success_measures', key: 'id' },
  { table: 'strand_aims', key: 'id' },
  { table: 'objectives', key: 'id' },
  { table: 'partners', key: 'position' },
  { table: 'glossary', key: 'position' },
  { table: 'standing_agenda', key: 'position' },
  { table: 'people', key: 'id' },
  { table: 'updates', key: 'id' },
  { table: 'meetings', key: 'id' },
  { table: 'agenda_items', key: 'id' },
  { table: 'minutes', key: 'id' },
  { table: 'minutes_approvals', key: 'meeting_id' },
  { table: 'board_actions', key: 'id' },
  { table: 'board_action_updates', key: 'id' },
  { table: 'papers', key: 'id' },
  { table: 'issued_packs', key: 'id' },
  { table: 'plan_imports', key: 'id' },
  { table: 'indicators', key: 'id' },
  { table: 'indicator_definition_changes', key: 'id' },
  { table: 'indicator_figures', key: 'id' },
  { table: 'settings', key: 'key' },
  { table: 'installation_key', key: 'id' },
  { table: 'trusted_keys', key: 'id' },
  { table: 'exchange_files_seen', key: 'file_id' },
  { table: 'exchange_requests', key: 'file_id' },
  { table: 'exchange_inbox', key: 'file_id' },
  { table: 'exchange_returns', key: 'file_id' },
  { table: 'audit_log', key: 'id' },
];

export interface TableCopy {
  table: string;
  rows: number;
  /** SHA-256 of the table's rows in key order, columns by name: equal on both sides. */
  sha256: string;
}

export interface CopyReport {
  tables: TableCopy[];
  rows: number;
}

/** Rows per INSERT: well inside both engines' limits on bound values (SQLite 32,766; PostgreSQL 65,535). */
const BOUND_VALUES_PER_STATEMENT = 10_000;
const ROWS_PER_READ = 2_000;

function canonical(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { bytes: value.toString('hex') };
  return value;
}

/** A row as text that does not depend on the order the engine keeps its columns in. */
function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((column) => [column, canonical(row[column])]),
  );
}

async function* readTable(sql: Sql, table: string, key: string): AsyncGenerator<Record<string, unknown>[]> {
  // Keyset pages: a whole table of updates or figures need not sit in memory at once.
  let last: Param | undefined;
  for (;;) {
    const page = (await (last === undefined
      ? sql.all(`SELECT * FROM ${table} ORDER BY ${key} LIMIT ?`, ROWS_PER_READ)
      : sql.all(
          `SELECT * FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ?`,
          last,
          ROWS_PER_READ,
        ))) as Record<string, unknown>[];
    if (page.length === 0) return;
    yield page;
    if (page.length < ROWS_PER_READ) return;
    last = page[page.length - 1][key] as Param;
  }
}

/** Rows and content hash of one table, read in key order. */
export async function tableDigest(sql: Sql, table: string, key: string): Promise<TableCopy> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const page of readTable(sql, table, key)) {
    for (const row of page) hash.update(`${rowText(row)}\n`);
    rows += page.length;
  }
  return { table, rows, sha256: hash.digest('hex') };
}

async function insertPage(to: Sql, table: string, page: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(page[0]);
  const perStatement = Math.max(1, Math.floor(BOUND_VALUES_PER_STATEMENT / columns.length));
  const list = columns.map((column) => `"${column}"`).join(', ');
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < page.length; start += perStatement) {
    const chunk = page.slice(start, start + perStatement);
    const params = chunk.flatMap((row) => columns.map((column) => row[column] as Param));
    await to.run(`INSERT INTO ${table} (${list}) VALUES ${chunk.map(() => one).join(', ')}`, ...params);
  }
}

/** The tables of the record that hold any row, in the destination: a copy goes only into an empty one. */
async function occupiedTables(sql: Sql): Promise<string[]> {
  const occupied: string[] = [];
  for (const { table } of COPIED_TABLES) {
    if ((await sql.value(`SELECT count(*) FROM ${table}`)) !== 0) occupied.push(table);
  }
  return occupied;
}

/**
 * Copies every row of `from` into `to`, which must be empty, in one transaction on `to`, then
 * compares each table's row count and content hash on both sides. `to`'s identity counters are
 * moved past the copied ids so its next row does not collide with one copied. Refused, with
 * nothing written, when `to` holds anything or the two are at different schema versions.
 */
export async function copyDatabase(
  from: Sql,
  to: Sql,
  versions: { from: number; to: number },
  names: { from: string; to: string },
  record: { at: string; actor: string },
): Promise<CopyReport> {
  if (versions.from !== versions.to)
    throw new BoardPackError(
      'conflict',
      `${names.from} is at schema ${versions.from} and ${names.to} at schema ${versions.to}; open both with this version of Board Pack first. Nothing was copied.`,
    );
  const occupied = await occupiedTables(to);
  if (occupied.length)
    throw new BoardPackError(
      'conflict',
      `${names.to} is not empty (it has rows in ${occupied.slice(0, 3).join(', ')}${occupied.length > 3 ? ' and more' : ''}); a copy goes only into an empty database, so nothing is overwritten. Nothing was copied.`,
    );
  const tables: TableCopy[] = [];
  await to.transaction(async () => {
    for (const { table, key } of COPIED_TABLES) {
      for await (const page of readTable(from, table, key)) await insertPage(to, table, page);
      if (to.dialect === 'postgres' && key === 'id') {
        // An identity column counts on its own; without this the next insert would reuse id 1.
        await to.value(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
        );
      }
    }
    const differences: string[] = [];
    for (const { table, key } of COPIED_TABLES) {
      const [source, copy] = [await tableDigest(from, table, key), await tableDigest(to, table, key)];
      if (source.rows !== copy.rows) differences.push(`${table}: ${source.rows} rows, ${copy.rows} copied`);
      else if (source.sha256 !== copy.sha256) differences.push(`${table}: the copied rows differ`);
      tables.push(copy);
    }
    if (differences.length)
      throw new BoardPackError(
        'conflict',
        `The copy did not match its source, so it was undone: ${differences.join('; ')}.`,
      );
    // After the comparison, so that the copy's own record is the one row its source does not have.
    await new AuditLog(to).record(record.at, record.actor, 'database.copy', 'database', names.to, null, {
      from: names.from,
      rows: tables.reduce((sum, table) => sum + table.rows, 0),
    });
  });
  // A bulk load leaves a server's statistics stale and its visibility map empty until autovacuum
  // gets round to them; until then the planner guesses, and an index-only scan (the month
  // summary's) reads every table page it touches as well. Vacuumed and analysed at once, the copy
  // is as quick to query as it will be later. VACUUM cannot run inside a transaction.
  if (to.dialect === 'postgres') await to.exec(to.inTransaction ? 'ANALYZE' : 'VACUUM (ANALYZE)');
  return { tables, rows: tables.reduce((sum, table) => sum + table.rows, 0) };
}

/** The two ends of a copy: open stores, each with its executor (store.ts's SqlStore). */
interface CopyEnd {
  readonly path: string;
  readonly internals: { readonly sql: Sql };
  readonly settings: { schemaVersion(): Promise<number> };
}

/** Copies one open store into another, empty one (see copyDatabase). */
export async function copyStores(
  from: CopyEnd,
  to: CopyEnd,
  record: { at: string; actor: string },
): Promise<CopyReport> {
  const versions = { from: await from.settings.schemaVersion(), to: await to.settings.schemaVersion() };
  return copyDatabase(
    from.internals.sql,
    to.internals.sql,
    versions,
    { from: from.path, to: to.path },
    record,
  );
}
