// The screens' doors onto backups follow the command line's rules: a backups folder that is no
// folder (the database, a device, /proc, a file) is refused in words with nothing saved, and a
// database another process holds is said to be busy, not "something went wrong".
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../electron/store/writeTransaction';
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

  it('says the database is busy when another process holds it past the wait', async () => {
    const { store, refusal } = await app();
    const holder = new Database(store.path);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const error = await refusal('settings.update', { userName: 'Dana Lee' });
      expect(error).toEqual({ code: 'busy', message: BUSY_MESSAGE });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 60_000);
});
