// Where the command line may write and what it may open: --out never lands on the database, its
// -wal/-shm or its backups folder; a bad path is refused before any work, in a sentence, with the
// database as it was; an empty file is not made into a database; a backups folder that is no
// folder is refused without saving it; a damaged database can still be restored.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store';
import { cli, dumpDatabase, fileSha, tempDir } from '../fixtures/databases';
import { buildPackFixture } from './pack.fixtures';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  const fixture = await buildPackFixture(dir);
  db = fixture.store.path;
  await fixture.store.close();
  mkdirSync(join(dir, 'backups'));
  // One issued pack, for export and verify.
  expect((await cli(['pack', 'issue', '--db', db, '--month', '2007-09', '--sections', 'cover'])).code).toBe(
    0,
  );
});

/** Exit 1, one sentence on stderr, nothing on stdout, the database's rows exactly as they were. */
async function expectRefused(args: string[], message: RegExp, database = db): Promise<void> {
  const before = dumpDatabase(database);
  const result = await cli([...args, '--db', database]);
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(dumpDatabase(database)).toBe(before);
}

const PACK_COMMANDS: [string, string[]][] = [
  ['pack build', ['pack', 'build', '--month', '2007-09', '--sections', 'cover']],
  ['pack issue', ['pack', 'issue', '--month', '2007-09', '--sections', 'cover']],
  ['pack export', ['pack', 'export', '--id', '1']],
];

describe('--out of the pack commands', () => {
  it.each(PACK_COMMANDS)(
    '%s refuses the database itself, its -wal and -shm, and its backups folder',
    async (_name, args) => {
      const sha = fileSha(db);
      await expectRefused(
        [...args, '--out', db],
        /is the database itself; choose another file name\. Nothing was written\./,
      );
      for (const suffix of ['-wal', '-shm'])
        await expectRefused([...args, '--out', `${db}${suffix}`], /belongs to the database/);
      await expectRefused(
        [...args, '--out', join(dir, 'backups', 'pack.pdf')],
        /is inside the backups folder Board Pack manages/,
      );
      expect(fileSha(db)).toBe(sha);
      expect((await cli(['check', '--db', db])).code).toBe(0);
    },
  );

  it.each(PACK_COMMANDS)(
    '%s refuses a folder, a missing folder, /proc and a device, before doing any work',
    async (_name, args) => {
      await expectRefused([...args, '--out', dir], /is a folder; give the name of a file to write\./);
      await expectRefused(
        [...args, '--out', join(dir, 'no', 'such', 'pack.pdf')],
        /There is no folder .*no\/such/,
      );
      await expectRefused(
        [...args, '--out', '/proc/board-pack/pack.pdf'],
        /There is no folder \/proc\/board-pack/,
      );
      await expectRefused([...args, '--out', '/dev/null'], /not an ordinary file/);
      expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    },
  );

  it('pack issue --out to a bad path records no issued pack', async () => {
    const list = async () => (await cli(['pack', 'list', '--db', db])).stdout;
    const before = await list();
    await expectRefused(
      [...PACK_COMMANDS[1][1], '--out', join(dir, 'missing', 'p.pdf')],
      /There is no folder/,
    );
    expect(await list()).toBe(before);
  });
});

describe('pack verify', () => {
  it('refuses /dev/zero and a named pipe at once instead of reading for ever', async () => {
    const fifo = join(tempDir(), 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    await expectRefused(['pack', 'verify', '/dev/zero'], /\/dev\/zero is not an ordinary file/);
    await expectRefused(['pack', 'verify', fifo], /pipe\.pdf is not an ordinary file/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a file larger than every issued pack without reading past it', async () => {
    const big = join(tempDir(), 'big.pdf');
    writeFileSync(big, Buffer.alloc(20 * 1024 * 1024));
    await expectRefused(['pack', 'verify', big], /larger than every pack issued from this database/);
  });
});

describe('an empty or unreadable database file', () => {
  it('is not made into a database by any command but init', async () => {
    const empty = join(tempDir(), 'empty.db');
    writeFileSync(empty, '');
    for (const args of [
      ['pack', 'build', '--month', '2007-09', '--out', join(dir, 'x.pdf')],
      ['status'],
      ['update', 'set', '2.E.3', '--month', '2007-09', '--status', 'green'],
      ['backup', 'auto'],
    ]) {
      const result = await cli([...args, '--db', empty]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/is empty, so it is not a Board Pack database; nothing was changed\./);
      expect(statSync(empty).size).toBe(0);
    }
    expect(readdirSync(join(empty, '..'))).toEqual(['empty.db']);
    const init = await cli(['init', '--db', empty]);
    expect(init.code).toBe(0);
    expect((await cli(['check', '--db', empty])).code).toBe(0);
  });
});

describe('backup auto --folder and restore --keep-folder', () => {
  it('refuses an empty name, a file, /dev/null, the database itself and /proc, saving nothing', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'notes');
    const started = Date.now();
    await expectRefused(['backup', 'auto', '--folder', ''], /Give a folder for the backups\./);
    await expectRefused(['backup', 'auto', '--folder', file], /notes\.txt is a file, not a folder/);
    await expectRefused(
      ['backup', 'auto', '--folder', '/dev/null'],
      /belongs to the system \(processes and devices live there\), so it cannot be/,
    );
    await expectRefused(
      ['backup', 'auto', '--folder', db],
      /is the database itself, not a folder for its backups/,
    );
    await expectRefused(
      ['backup', 'auto', '--folder', '/proc/board-pack'],
      /belongs to the system \(processes and devices live there\), so it cannot be/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readdirSync(dir).filter((name) => name.endsWith('.db') && name !== 'board.db')).toEqual([]);
  });

  it('restore --keep-folder under /proc is refused before anything is replaced', async () => {
    const copy = join(tempDir(), 'copy.db');
    expect((await cli(['backup', copy, '--db', db])).code).toBe(0);
    await expectRefused(
      ['restore', copy, '--keep-folder', '/proc/x'],
      /belongs to the system \(processes and devices live there\), so it cannot be/,
    );
  });

  it('saves a new folder and keep in one audit row', async () => {
    const folder = join(tempDir(), 'daily', 'nested');
    const result = await cli(['backup', 'auto', '--folder', folder, '--keep', '5', '--db', db]);
    expect(result.code).toBe(0);
    expect(readdirSync(folder)).toHaveLength(1);
    const store = await openStore(db);
    try {
      const rows = await store.audit.list({ text: 'nested' });
      expect(rows).toHaveLength(1);
      expect(rows[0].after).toEqual({ folder, keep: 5 });
    } finally {
      await store.close();
    }
  });
});

describe('restore onto a damaged database', () => {
  it('keeps the damaged file byte for byte, then restores the backup', async () => {
    const work = tempDir();
    const path = join(work, 'board.db');
    expect((await cli(['init', '--db', path])).code).toBe(0);
    const backup = join(work, 'good.db');
    expect((await cli(['backup', backup, '--db', path])).code).toBe(0);
    // Scribble over the schema pages: SQLite can no longer read it.
    const bytes = readFileSync(path);
    bytes.fill(0xde, 100, 40_000);
    writeFileSync(path, bytes);
    expect((await cli(['status', '--db', path])).code).not.toBe(0);
    const damagedSha = fileSha(path);

    const result = await cli(['restore', backup, '--db', path]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const kept = /kept at (.*)\.\n$/.exec(result.stdout)![1];
    expect(fileSha(kept)).toBe(damagedSha);
    expect((await cli(['check', '--db', path])).code).toBe(0);
    expect(readdirSync(join(work, 'backups')).every((name) => !name.includes('partial'))).toBe(true);
    expect(existsSync(`${path}-journal`)).toBe(false);
  });
});
