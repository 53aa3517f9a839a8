// The shared rules for files a person names: reads stop at the limit and never block on a pipe or
// a device; writes go through a temporary file and never land on the database or its backups.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileLimited } from '../../electron/files/readLimited';
import { writeFileAtomically } from '../../electron/files/writeAtomically';

const limit = { maxBytes: 1024, tooLarge: 'A test file can be at most 1 KB.', what: 'a test file' };

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'bp-files-'));
}

describe('reading a file a person names', () => {
  it('reads a file within the limit', () => {
    const path = join(folder(), 'a.txt');
    writeFileSync(path, 'hello');
    expect(readFileLimited(path, limit).toString()).toBe('hello');
  });

  it('refuses a file over the limit with the sentence given', () => {
    const path = join(folder(), 'big.txt');
    writeFileSync(path, Buffer.alloc(2048));
    expect(() => readFileLimited(path, limit)).toThrow(/at most 1 KB/);
  });

  it('refuses a device such as /dev/zero without reading it', () => {
    expect(() => readFileLimited('/dev/zero', limit)).toThrow(/not an ordinary file/);
  });

  it('refuses a named pipe at once instead of waiting for a writer', () => {
    const path = join(folder(), 'pipe');
    execFileSync('mkfifo', [path]);
    expect(() => readFileLimited(path, limit)).toThrow(/not an ordinary file/);
  });

  it('says a missing file is missing and a folder is a folder', () => {
    const dir = folder();
    expect(() => readFileLimited(join(dir, 'none.txt'), limit)).toThrow(/There is no file at/);
    expect(() => readFileLimited(dir, limit)).toThrow(/is a folder/);
  });
});

describe('writing a file a person names', () => {
  it('writes the bytes and leaves no temporary file', () => {
    const dir = folder();
    writeFileAtomically(join(dir, 'out.pdf'), Buffer.from('%PDF'));
    expect(readdirSync(dir)).toEqual(['out.pdf']);
  });

  it('never writes over the database, its write-ahead files or its backups folder', () => {
    const dir = folder();
    const database = join(dir, 'board.db');
    writeFileSync(database, 'db');
    mkdirSync(join(dir, 'backups'));
    const protect = { database, backupsFolder: join(dir, 'backups') };
    expect(() => writeFileAtomically(database, 'x', protect)).toThrow(/is the database itself/);
    expect(() => writeFileAtomically(`${database}-wal`, 'x', protect)).toThrow(/belongs to the database/);
    expect(() => writeFileAtomically(join(dir, 'backups', 'a.pdf'), 'x', protect)).toThrow(/backups folder/);
    expect(readFileSync(database, 'utf8')).toBe('db');
    expect(readdirSync(dir).sort()).toEqual(['backups', 'board.db']);
  });

  it('names the missing folder, a folder given as a file, and a device', () => {
    const dir = folder();
    expect(() => writeFileAtomically(join(dir, 'no', 'out.pdf'), 'x')).toThrow(/There is no folder .*no/);
    expect(() => writeFileAtomically(dir, 'x')).toThrow(/is a folder/);
    expect(() => writeFileAtomically('/dev/null', 'x')).toThrow(/not an ordinary file/);
  });
});
