// Files the store must refuse without touching them: not SQLite, not ours, made by a newer
// version, or in a place that cannot be written to.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrate';
import { openStore } from '../../electron/store/store';
import {
  cli,
  cliProcess,
  dumpDatabase,
  fileSha,
  fixedClock,
  newStore,
  REPO_ROOT,
  tempDir,
} from '../fixtures/databases';

/** Opening must fail with this code, and the file must keep every byte and gain no -wal/-shm beside it. */
async function expectRefusedUntouched(path: string, code: string): Promise<void> {
  const sha = fileSha(path);
  await expect(openStore(path, { clock: fixedClock() })).rejects.toThrow(expect.objectContaining({ code }));
  expect(fileSha(path)).toBe(sha);
  expect(existsSync(`${path}-wal`)).toBe(false);
  expect(existsSync(`${path}-shm`)).toBe(false);
}

/** Makes a folder read-only for every user, root included, with a read-only bind mount; false where mounting is not allowed. */
function mountReadOnly(folder: string): boolean {
  if (spawnSync('mount', ['--bind', folder, folder]).status !== 0) return false;
  if (spawnSync('mount', ['-o', 'remount,bind,ro', folder]).status === 0) return true;
  spawnSync('umount', [folder]);
  return false;
}

/** Whether every folder down to this one lets other users through (o+x) and the folder itself is readable. */
function readableByOthers(folder: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return (statSync(folder).mode & 0o004) !== 0;
  }
}

async function closedDatabase(): Promise<string> {
  const store = await newStore();
  const path = store.path;
  await store.close();
  return path;
}

describe('opening a database', () => {
  it('refuses a file that is not SQLite, leaving it as it was', async () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'Minutes of the board, typed into the wrong file.\n');
    await expectRefusedUntouched(path, 'not_a_database');
    const result = await cli(['status', '--db', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`The file ${path} is not a Board Pack database (it is not an SQLite file).\n`);
  });

  it('refuses an SQLite file made by another application', async () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    await expectRefusedUntouched(path, 'not_board_pack');
  });

  it('refuses a database made by a newer version of Board Pack, and says so', async () => {
    const path = await closedDatabase();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    await expectRefusedUntouched(path, 'newer_schema');
    const sha = fileSha(path);
    const result = await cli([
      'update',
      'set',
      '2.E.3',
      '--month',
      '2007-09',
      '--status',
      'green',
      '--db',
      path,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /made by a newer version of Board Pack .* the file has not been changed\.\n$/,
    );
    expect(fileSha(path)).toBe(sha);
  });

  it('refuses a read-only database with a message, and writes nothing', async () => {
    const path = await closedDatabase();
    const folder = join(path, '..');
    const before = dumpDatabase(path);
    const sha = fileSha(path);
    const args = ['update', 'set', '2.E.3', '--month', '2007-09', '--status', 'green', '--db', path];
    const message = `The database at ${path} cannot be written to (the file or its folder is read-only). Choose a folder you can write to, or ask for write access.\n`;
    // root writes through file modes. There the folder is made read-only for everyone by a
    // read-only bind mount (the file system itself refuses writes); where mounting is not allowed,
    // the command runs as the unprivileged "nobody" user, for whom the modes really do forbid writing.
    const asRoot = process.getuid?.() === 0;
    const mounted = asRoot && mountReadOnly(folder);
    if (!mounted) {
      chmodSync(path, 0o444);
      chmodSync(folder, 0o555);
    }
    try {
      if (asRoot && !mounted) {
        expect(
          readableByOthers(REPO_ROOT),
          'without mount, this test runs the CLI as "nobody", so the checkout must be readable by other users',
        ).toBe(true);
      }
      const asNobody = asRoot && !mounted;
      const result = cliProcess(
        args,
        asNobody ? { uid: 65534, gid: 65534, env: { PATH: process.env.PATH, HOME: folder } } : {},
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(message);
      if (!asNobody)
        await expect(openStore(path)).rejects.toThrow(expect.objectContaining({ code: 'read_only' }));
    } finally {
      if (mounted) spawnSync('umount', [folder]);
      else {
        chmodSync(folder, 0o755);
        chmodSync(path, 0o644);
      }
    }
    expect(fileSha(path)).toBe(sha);
    expect(dumpDatabase(path)).toBe(before);
  });

  it('says an unreadable database cannot be read, not that it is read-only, and changes nothing', async () => {
    const path = await closedDatabase();
    const folder = join(path, '..');
    const sha = fileSha(path);
    const args = ['status', '--db', path];
    // root reads through file modes, so there the command runs as the unprivileged "nobody" user.
    const asNobody = process.getuid?.() === 0;
    chmodSync(folder, 0o755);
    chmodSync(path, 0o000);
    try {
      if (asNobody) expect(readableByOthers(REPO_ROOT)).toBe(true);
      const result = cliProcess(
        args,
        asNobody ? { uid: 65534, gid: 65534, env: { PATH: process.env.PATH, HOME: folder } } : {},
      );
      expect(result.stderr).toBe(
        `The database at ${path} cannot be read: you do not have permission to read it. Ask for read and write access, or choose another file.\n`,
      );
      expect(result.code).toBe(1);
    } finally {
      chmodSync(path, 0o644);
    }
    expect(fileSha(path)).toBe(sha);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
