// Every file Board Pack writes for a person (a pack, a paper's copy, an exchange file, a
// spreadsheet) goes to a temporary file beside the target and is renamed into place only when it
// is complete and on disk: a full disk or a killed process leaves no partial file, and no command
// may write over the database, its write-ahead files, or the backups folder it manages.
import { closeSync, constants, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { BoardPackError } from '../../shared/errors';
import { writeFailure } from './fileErrors';

/** In the name of every temporary file Board Pack writes, so leftovers are recognisable and cleaned. */
export const PARTIAL_MARKER = '.board-pack-partial-';

/** The files a command must never write to: the open database and what belongs to it. */
export interface ProtectedFiles {
  database: string;
  /** The folder of scheduled backups, when the database has one. */
  backupsFolder?: string;
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function inside(folder: string, path: string): boolean {
  const f = resolve(folder);
  return path === f || path.startsWith(f.endsWith(sep) ? f : f + sep);
}

/** Refuses, with a sentence, a target that is the database, its -wal/-shm/-journal, or in its backups folder. */
export function refuseProtectedTarget(target: string, protect: ProtectedFiles | undefined): void {
  if (!protect) return;
  const path = resolve(target);
  const database = resolve(protect.database);
  if (sameFile(path, database))
    throw new BoardPackError(
      'invalid_input',
      `${path} is the database itself; choose another file name. Nothing was written.`,
    );
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (sameFile(path, database + suffix))
      throw new BoardPackError(
        'invalid_input',
        `${path} belongs to the database (its ${suffix.slice(1)} file); choose another file name. Nothing was written.`,
      );
  }
  if (protect.backupsFolder && inside(protect.backupsFolder, path))
    throw new BoardPackError(
      'invalid_input',
      `${path} is inside the backups folder Board Pack manages (${resolve(protect.backupsFolder)}); choose another folder. Nothing was written.`,
    );
}

/**
 * Checks, before any work is done or recorded, that target can be written: not a protected file,
 * its folder exists, and it is not a folder, device or pipe. Returns the resolved path.
 */
export function checkOutputPath(target: string, protect?: ProtectedFiles): string {
  const path = resolve(target);
  refuseProtectedTarget(path, protect);
  const folder = dirname(path);
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch (error) {
    throw writeFailure(error, path);
  }
  if (!folderStat.isDirectory())
    throw new BoardPackError(
      'invalid_input',
      `${folder} is a file, not a folder, so ${path} could not be written.`,
    );
  let existing;
  try {
    existing = statSync(path);
  } catch {
    return path;
  }
  if (existing.isDirectory())
    throw new BoardPackError('invalid_input', `${path} is a folder; give the name of a file to write.`);
  if (!existing.isFile())
    throw new BoardPackError(
      'invalid_input',
      `${path} is not an ordinary file (it is a device or a pipe); give the name of a file to write.`,
    );
  return path;
}

/** Writes bytes to target through a temporary file and a rename; on any failure nothing is left behind. */
export function writeFileAtomically(
  target: string,
  bytes: Uint8Array | string,
  protect?: ProtectedFiles,
): string {
  const path = checkOutputPath(target, protect);
  const partial = join(
    dirname(path),
    `.${basename(path)}${PARTIAL_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    const fd = openSync(partial, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written, data.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
    return path;
  } catch (error) {
    rmSync(partial, { force: true });
    throw writeFailure(error, path);
  }
}
