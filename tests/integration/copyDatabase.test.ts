// Copying a whole database into an empty one, table by table, checked by count and content hash.
// A file into a file here, or a server database into another when the store tests run on the
// server; the round trip between the two kinds is in postgres.copy.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingInputSchema } from '../../shared/contractSchemas';
import { loadDemo } from '../../electron/demo/generate';
import { COPIED_TABLES, copyStores, tableDigest } from '../../electron/store/copyDatabase';
import { openStore, type SqlStore } from '../../electron/store/store';
import type { Sql } from '../../electron/store/sql';
import { z } from 'zod';
import {
  dumpStore,
  FIXED_NOW,
  fixedClock,
  newDatabaseLocation,
  onPostgres,
  onStoreDatabase,
  tempDir,
} from '../fixtures/databases';

const RECORD = { at: '2008-01-01T00:00:00.000Z', actor: 'Test' };

async function emptyStore(dir: string, name: string): Promise<SqlStore> {
  return openStore(await newDatabaseLocation(dir, name), { clock: fixedClock(), seedPlan: null });
}

/**
 * A store holding the demo year. On the server it is copied there from a file: loading the demo
 * over the network is some 28,000 round trips, a minute on a busy machine, and it is the copy that
 * is tested here (postgres.smoke loads the demo on a server).
 */
async function demoStore(dir: string): Promise<SqlStore> {
  const file = await openStore(join(dir, 'demo.db'), { clock: fixedClock() });
  await loadDemo(file, { actor: 'Test' });
  if (!onPostgres) return file;
  const server = await emptyStore(dir, 'board.db');
  await copyStores(file, server, RECORD);
  await file.close();
  return server;
}

async function seededStore(dir: string, name: string): Promise<SqlStore> {
  return openStore(await newDatabaseLocation(dir, name, FIXED_NOW), { clock: fixedClock() });
}

const names = z.array(z.string());
const links = z.array(z.object({ child: z.string(), parent: z.string() }));

/** The schema's tables (not the full-text index, nor a server's schema-version row), each with the tables its foreign keys name. */
async function tablesAndParents(sql: Sql): Promise<{ tables: string[]; parents: Map<string, string[]> }> {
  const postgres = sql.dialect === 'postgres';
  const tables = names.parse(
    await sql.column(
      postgres
        ? "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'search_index%' AND c.relname <> 'board_pack_schema' ORDER BY c.relname::text COLLATE \"C\""
        : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name",
    ),
  );
  const foreignKeys = links.parse(
    await sql.all(
      postgres
        ? "SELECT DISTINCT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"
        : 'SELECT DISTINCT t.name AS child, f."table" AS parent FROM sqlite_schema t, pragma_foreign_key_list(t.name) f WHERE t.type = \'table\'',
    ),
  );
  const parents = new Map(
    tables.map((table) => [table, foreignKeys.filter((l) => l.child === table).map((l) => l.parent)]),
  );
  return { tables, parents };
}

function copy(from: SqlStore, to: SqlStore) {
  return copyStores(from, to, RECORD);
}

describe('copying a database', () => {
  it('names every table of the schema but the full-text index, parents before children', async () => {
    const store = await emptyStore(tempDir(), 'board.db');
    const { tables, parents } = await onStoreDatabase(store, tablesAndParents);
    await store.close();
    expect(COPIED_TABLES.map((t) => t.table).sort()).toEqual(tables);
    const order = COPIED_TABLES.map((t) => t.table);
    for (const [child, list] of parents)
      for (const parent of list)
        expect(order.indexOf(parent), `${parent} before ${child}`).toBeLessThan(order.indexOf(child));
  });

  it('copies a year of demo data into an empty database, equal table by table, and the copy works on', async () => {
    const dir = tempDir();
    const source = await demoStore(dir);
    const target = await emptyStore(dir, 'copy.db');
    const report = await copy(source, target);
    expect(report.rows).toBeGreaterThan(1000);
    for (const { table, key } of COPIED_TABLES) {
      const [a, b] = [
        await tableDigest(source.internals.sql, table, key),
        await tableDigest(target.internals.sql, table, key),
      ];
      if (table === 'audit_log') {
        expect(b.rows).toBe(a.rows + 1);
        continue;
      }
      expect(b, table).toEqual(a);
    }
    const month = (await source.updates.latestReportedMonth())!;
    expect(await target.updates.monthSummary(month)).toEqual(await source.updates.monthSummary(month));
    expect(await target.plan.detail()).toEqual(await source.plan.detail());
    expect(await target.search.search('violence', 5)).toEqual(await source.search.search('violence', 5));
    const [last] = await target.audit.list({ limit: 1 });
    expect(last).toMatchObject({ action: 'database.copy', entity: 'database', actor: 'Test' });
    // New rows take new ids after the copied ones.
    const meeting = await target.meetings.create(
      meetingInputSchema.parse({
        title: 'After the copy',
        heldAt: '2009-03-19T10:00',
        reportingMonth: '2009-02',
      }),
      RECORD.at,
      'Test',
    );
    expect(meeting.id).toBeGreaterThan(Math.max(...(await source.meetings.list()).map((m) => m.id)));
    await source.close();
    await target.close();
  });

  it('refuses a destination that holds anything, changing neither side', async () => {
    const dir = tempDir();
    const source = await seededStore(dir, 'board.db');
    const occupied = await seededStore(dir, 'occupied.db');
    const before = await dumpStore(occupied);
    await expect(copy(source, occupied)).rejects.toThrow(
      /is not empty \(it has rows in plan, outcomes, themes and more\)/,
    );
    expect(await dumpStore(occupied)).toBe(before);
    await Promise.all([source.close(), occupied.close()]);
  });
});
