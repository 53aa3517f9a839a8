// Copying a whole database into an empty one, table by table, checked by count and content hash.
// SQLite to SQLite here; the PostgreSQL round trip is in postgres.copy.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingInputSchema } from '../../shared/contractSchemas';
import { loadDemo } from '../../electron/demo/generate';
import { COPIED_TABLES, copyStores, tableDigest } from '../../electron/store/copyDatabase';
import { openStore, type SqlStore } from '../../electron/store/store';
import { dumpDatabase, fixedClock, onDatabaseFile, tempDir } from '../fixtures/databases';

const RECORD = { at: '2008-01-01T00:00:00.000Z', actor: 'Test' };

async function emptyStore(dir: string, name: string): Promise<SqlStore> {
  return openStore(join(dir, name), { clock: fixedClock(), seedPlan: null });
}

function copy(from: SqlStore, to: SqlStore) {
  return copyStores(from, to, RECORD);
}

describe('copying a database', () => {
  it('names every table of the schema but the full-text index, parents before children', async () => {
    const dir = tempDir();
    const store = await emptyStore(dir, 'board.db');
    await store.close();
    const { tables, parents } = onDatabaseFile(join(dir, 'board.db'), (db) => {
      const names = (
        db
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name",
          )
          .all() as { name: string }[]
      ).map((row) => row.name);
      const fks = new Map(
        names.map((name) => [
          name,
          (
            db.prepare('SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?)').all(name) as {
              parent: string;
            }[]
          ).map((row) => row.parent),
        ]),
      );
      return { tables: names, parents: fks };
    });
    expect(COPIED_TABLES.map((t) => t.table).sort()).toEqual(tables);
    const order = COPIED_TABLES.map((t) => t.table);
    for (const [child, list] of parents)
      for (const parent of list)
        expect(order.indexOf(parent), `${parent} before ${child}`).toBeLessThan(order.indexOf(child));
  });

  it('copies a year of demo data into an empty database, equal table by table, and the copy works on', async () => {
    const dir = tempDir();
    const source = await openStore(join(dir, 'board.db'), { clock: fixedClock() });
    await loadDemo(source, { actor: 'Test' });
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
    const source = await openStore(join(dir, 'board.db'), { clock: fixedClock() });
    const occupied = await openStore(join(dir, 'occupied.db'), { clock: fixedClock() });
    const before = dumpDatabase(occupied.path);
    await expect(copy(source, occupied)).rejects.toThrow(
      /is not empty \(it has rows in plan, outcomes, themes and more\)/,
    );
    expect(dumpDatabase(occupied.path)).toBe(before);
    await Promise.all([source.close(), occupied.close()]);
  });
});
