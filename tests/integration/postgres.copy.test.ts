// "board-pack db copy" between a file and a real PostgreSQL server, through the command line's own
// run(): a demo year goes from a file to the server and back to a new file, equal table by table
// on all three; a server database that holds anything is refused and left as it was; a new file a
// failed copy was going into is not left behind.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDemo } from '../../electron/demo/generate';
import { COPIED_TABLES, tableDigest, type TableCopy } from '../../electron/store/copyDatabase';
import { openStore } from '../../electron/store/store';
import { cli, FIXED_NOW, fixedClock, tempDir } from '../fixtures/databases';
import { asAdmin, dumpPostgres, newPostgresDatabase } from '../fixtures/postgres';

afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * A server database's address without its password, which the command line reads from
 * PGPASSWORD as the README tells a person to give it (never on the command line).
 */
function withPasswordApart(address: string): string {
  const url = new URL(address);
  vi.stubEnv('PGPASSWORD', decodeURIComponent(url.password));
  url.password = '';
  return url.toString();
}

/** Every table's rows and content hash, and the audit log's rows, of the database at location. */
async function contentOf(location: string): Promise<{ tables: Map<string, TableCopy>; audit: unknown[] }> {
  const store = await openStore(location, { create: false, seedPlan: null });
  try {
    const sql = store.internals.sql;
    const tables = new Map<string, TableCopy>();
    for (const { table, key } of COPIED_TABLES) tables.set(table, await tableDigest(sql, table, key));
    return { tables, audit: await sql.all('SELECT * FROM audit_log ORDER BY id') };
  } finally {
    await store.close();
  }
}

async function demoFile(dir: string): Promise<string> {
  const path = join(dir, 'board.db');
  const store = await openStore(path, { clock: fixedClock() });
  await loadDemo(store, { actor: 'Test' });
  await store.close();
  return path;
}

describe('db copy between a file and a server', () => {
  it('takes a demo year from a file to the server and back to a new file, equal table by table on all three', async () => {
    const dir = tempDir();
    const original = await demoFile(dir);
    const server = withPasswordApart(await newPostgresDatabase());
    const back = join(dir, 'back.db');

    const there = await cli(['db', 'copy', '--from', original, '--to', server]);
    expect(there.stderr).toBe('');
    expect(there.stdout).toMatch(
      new RegExp(
        `^Copied \\d+ rows in ${COPIED_TABLES.length} tables from .+board\\.db to 127\\.0\\.0\\.1:\\d+/bp_\\w+; every table has the same rows and content on both sides\\.\n$`,
      ),
    );
    const again = await cli(['db', 'copy', '--from', server, '--to', back]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    const [a, b, c] = [await contentOf(original), await contentOf(server), await contentOf(back)];
    expect([...a.tables.keys()]).toEqual(COPIED_TABLES.map((t) => t.table));
    for (const { table } of COPIED_TABLES) {
      if (table === 'audit_log') continue;
      expect(b.tables.get(table), table).toEqual(a.tables.get(table));
      expect(c.tables.get(table), table).toEqual(a.tables.get(table));
    }
    expect(a.tables.get('updates')?.rows).toBeGreaterThan(800);
    // Each copy's audit log is its source's, row for row, and one row more: the copy itself.
    expect(b.audit.slice(0, a.audit.length)).toEqual(a.audit);
    expect(c.audit.slice(0, b.audit.length)).toEqual(b.audit);
    expect(c.audit).toHaveLength(a.audit.length + 2);
    expect(c.audit.slice(a.audit.length)).toEqual([
      expect.objectContaining({
        action: 'database.copy',
        entity: 'database',
        at: FIXED_NOW,
        actor: 'test-secretariat',
      }),
      expect.objectContaining({
        action: 'database.copy',
        entity: 'database',
        at: FIXED_NOW,
        actor: 'test-secretariat',
      }),
    ]);
  }, 300_000);

  it('refuses a server database that holds anything, and leaves it as it was', async () => {
    const dir = tempDir();
    const original = join(dir, 'board.db');
    await (await openStore(original, { clock: fixedClock() })).close();
    const address = await newPostgresDatabase({ seededAt: FIXED_NOW });
    const before = await dumpPostgres(address);

    const refused = await cli(['db', 'copy', '--from', original, '--to', withPasswordApart(address)]);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^127\.0\.0\.1:\d+\/bp_\w+ is not empty \(it has rows in plan, outcomes, themes and more\); a copy goes only into an empty database, so nothing is overwritten\. Nothing was copied\.\n$/,
    );
    expect(await dumpPostgres(address)).toBe(before);
  });

  it('leaves no new file behind when a copy from the server into it fails part-way', async () => {
    const dir = tempDir();
    const address = await newPostgresDatabase({ seededAt: FIXED_NOW });
    // The copy reads the audit log last: by then every other table is written into the new file.
    await asAdmin(
      (admin) => admin.query('REVOKE SELECT ON audit_log FROM board_pack'),
      new URL(address).pathname.slice(1),
    );
    const file = join(dir, 'offline.db');

    const failed = await cli(['db', 'copy', '--from', withPasswordApart(address), '--to', file]);

    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^Your database user may not .+\n$/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
