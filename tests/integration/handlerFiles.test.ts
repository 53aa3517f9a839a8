// The screens' doors onto backups follow the command line's rules: a backups folder that is no
// folder (the database, a device, /proc, a file) is refused in words with nothing saved, and a
// database another process holds is said to be busy, not "something went wrong".
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUSY_DEADLINE_MS, BUSY_MESSAGE } from '../../electron/store/writeTransaction';
import { dumpDatabase } from '../fixtures/databases';
import { openTestApp, type TestApp } from '../fixtures/appServices';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const opened of apps.splice(0)) await opened.close();
});

async function app(): Promise<TestApp> {
  const opened = await openTestApp();
  apps.push(opened);
  return opened;
}

describe('backups folder from the screens', () => {
  it('refuses the database itself, a file, a device and /proc, saving nothing', async () => {
    const { store, refusal, dir, logged } = await app();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'notes');
    const before = dumpDatabase(store.path);
    for (const [folder, message] of [
      [store.path, /is the database itself, not a folder for its backups/],
      [file, /is a file, not a folder/],
      ['/dev/null', /belongs to the system/],
      ['/proc/board-pack', /belongs to the system/],
    ] as const) {
      const error = await refusal('backups.configure', { folder });
      expect(error.message).toMatch(message);
      const viaSettings = await refusal('settings.update', { backupFolder: folder });
      expect(viaSettings.message).toMatch(message);
    }
    expect(dumpDatabase(store.path)).toBe(before);
    expect(logged).toEqual([]);
  });

  it('says the database is busy when another process holds it past the wait, changing nothing', async () => {
    const { store, refusal } = await app();
    const before = dumpDatabase(store.path);
    const holder = new Database(store.path);
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    try {
      const error = await refusal('settings.update', { userName: 'Dana Lee' });
      expect(error).toEqual({ code: 'busy', message: BUSY_MESSAGE });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // It waited the whole deadline (long enough for a pack issue or a backup to finish) first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(BUSY_DEADLINE_MS - 1_000);
    expect(dumpDatabase(store.path)).toBe(before);
  }, 60_000);

  it('waits for another connection to let go of the write lock, then saves, while the app goes on', async () => {
    const { store, call } = await app();
    const holder = new Database(store.path);
    holder.exec('BEGIN IMMEDIATE');
    // The holder lets go from a timer in this same process: it can only run if the wait pauses
    // between attempts instead of blocking for the whole wait, as the Electron main process needs.
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const release = setTimeout(() => {
      holder.exec('ROLLBACK');
      holder.close();
    }, 1_000);
    const started = Date.now();
    try {
      await call('plan.rewordObjective', { ref: '1.E.1', text: 'Reworded while another held the lock' });
    } finally {
      clearInterval(ticker);
      clearTimeout(release);
      if (holder.open) holder.close();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(ticks).toBeGreaterThan(1);
    expect((await store.plan.objective('1.E.1')).text).toBe('Reworded while another held the lock');
  }, 60_000);
});
