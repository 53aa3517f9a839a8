// A full disk is said in a sentence, leaves no partial file and changes nothing in the database.
// Files Board Pack writes itself get ENOSPC injected into node:fs after a first block has been
// written; SQLite's own writes (a backup, demo data) meet a real small file system where this
// machine lets the test mount one, else a real file-size limit (ulimit -f).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import type * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli, dumpDatabase, REPO_ROOT, tempDir } from '../fixtures/databases';
import { buildPackFixture } from './pack.fixtures';

const disk = vi.hoisted(() => ({ full: false, written: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  // The first write lands (so there is a partial file to clean up); every later one finds the disk full.
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
    if (!disk.full) return real.writeSync(fd, buffer, offset, length);
    if (disk.written > 0)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    disk.written = real.writeSync(fd, buffer, offset, Math.min(length ?? buffer.length, 4096));
    return disk.written;
  }) as typeof real.writeSync;
  return { ...real, default: { ...real, writeSync }, writeSync };
});

function fillDisk(): void {
  disk.full = true;
  disk.written = 0;
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  const fixture = await buildPackFixture(dir);
  db = fixture.store.path;
  await fixture.store.close();
  expect((await cli(['pack', 'issue', '--db', db, '--month', '2007-09', '--sections', 'cover'])).code).toBe(
    0,
  );
});

describe('a full disk while writing a pack', () => {
  it.each([
    ['pack build', ['pack', 'build', '--month', '2007-09', '--sections', 'cover']],
    ['pack issue', ['pack', 'issue', '--month', '2007-09', '--sections', 'cover']],
    ['pack export', ['pack', 'export', '--id', '1']],
  ])('%s says the disk is full, leaves no partial file and records nothing', async (_name, args) => {
    const out = join(dir, 'out', 'pack.pdf');
    mkdirSync(join(dir, 'out'), { recursive: true });
    const before = dumpDatabase(db);
    fillDisk();
    let result;
    try {
      result = await cli([...args, '--out', out, '--db', db]);
    } finally {
      disk.full = false;
    }
    expect(disk.written).toBeGreaterThan(0);
    expect(result.stderr).toBe(
      `The disk is full, so ${out} could not be written. Nothing was changed; free some space and try again.\n`,
    );
    expect(result.code).toBe(1);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    // pack issue committed no version: the rows (and the issued packs) are as they were.
    expect(dumpDatabase(db)).toBe(before);
  });
});

/** A 500 KB file system (tmpfs) at a new folder, or null where mounting is not allowed. */
function tinyDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const folder = join(tempDir(), 'tiny');
  mkdirSync(folder);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=500k', 'tmpfs', folder]).status === 0) return folder;
  rmdirSync(folder);
  return null;
}

const mounted: string[] = [];
afterAll(() => mounted.forEach((folder) => spawnSync('umount', [folder])));

/** The CLI as a process on a full disk: the tiny file system, else a file-size limit of 200 KB. */
function cliOnFullDisk(args: string[], limited: boolean) {
  const command = [
    limited ? 'ulimit -f 200;' : '',
    'exec',
    JSON.stringify(process.execPath),
    JSON.stringify(join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs')),
    JSON.stringify(join(REPO_ROOT, 'electron/cli/main.ts')),
    ...args.map((a) => JSON.stringify(a)),
  ].join(' ');
  const result = spawnSync('bash', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

describe("a full disk under SQLite's own writes", () => {
  it('backup and demo say so in a sentence, leave no partial file, and the database is unchanged', async () => {
    const tiny = tinyDisk();
    if (tiny) mounted.push(tiny);
    const folder = tiny ?? tempDir();
    const path = join(folder, 'board.db');
    const seed = join(tempDir(), 'seed.db');
    expect((await cli(['init', '--db', seed])).code).toBe(0);
    copyFileSync(seed, path);
    const before = dumpDatabase(path);
    // A real ENOSPC reads "the disk is full"; a file-size limit gives SQLite an I/O error, said as such.
    const sentence = tiny
      ? /^The disk is full, so .* could not be written\. Nothing was changed; free some space and try again\.\n$/
      : /could not be written \(SQLITE_IOERR\w*\)\. Nothing was changed\.\n$|The disk is full/;
    const backup = cliOnFullDisk(['backup', join(folder, 'copy.db'), '--db', path], !tiny);
    expect(backup.stderr).toMatch(sentence);
    expect(backup.code).toBe(1);
    const demo = cliOnFullDisk(['demo', '--db', path], !tiny);
    expect(demo.stderr).toMatch(
      tiny
        ? /^The disk is full, so the database could not be saved\. Nothing was changed/
        : /Nothing was changed/,
    );
    expect(demo.code).toBe(1);
    expect(readdirSync(folder).filter((name) => !name.startsWith('board.db'))).toEqual([]);
    expect(existsSync(join(folder, 'copy.db'))).toBe(false);
    expect(dumpDatabase(path)).toBe(before);
  }, 120_000);
});
