// Restoring a database from a backup: the backup is checked first, the current database is kept
// beside it, and the backup's pages are copied in through SQLite's backup API.
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BoardPackError } from '../../shared/errors';
import { ensureFolder } from '../files/folders';
import {
  copyDatabase,
  copyFailure,
  inspectBackup,
  partialPathFor,
  standaloneCopy,
  withSidecars,
} from './backups';
import { defaultNativeBinding } from './open';
import { openStore } from './store';
import { isBusy } from './writeTransaction';

export interface RestoreInput {
  /** The database to replace (it must not be open in the app). */
  databasePath: string;
  backupPath: string;
  /** Where the current database is kept before it is replaced; its folder's "backups" by default. */
  keepFolder?: string;
  now: Date;
  actor: string;
}

export interface RestoreResult {
  restoredFrom: string;
  databasePath: string;
  /** The database as it was before the restore; null when there was none. */
  previousKeptAt: string | null;
  schemaVersion: number;
}

/**
 * Copies the current database to keptAt before a restore replaces it, through a temporary name.
 * A sound database is copied through SQLite (consistent, one stand-alone file); one SQLite cannot
 * read, the very case a restore is for, is kept byte for byte as it is, with its write-ahead log.
 * Returns whether it was damaged.
 */
async function keepCurrent(databasePath: string, keptAt: string): Promise<boolean> {
  const partial = partialPathFor(keptAt);
  try {
    let damaged = false;
    try {
      const current = new Database(databasePath, {
        fileMustExist: true,
        nativeBinding: defaultNativeBinding(),
      });
      try {
        await standaloneCopy(current, partial);
      } finally {
        current.close();
      }
    } catch (error) {
      if (isBusy(error) || (error instanceof BoardPackError && error.code === 'in_use'))
        throw inUse(databasePath);
      if (!isUnreadableDatabase(error)) throw error;
      damaged = true;
      for (const leftover of withSidecars(partial)) rmSync(leftover, { force: true });
      copyFileSync(databasePath, partial);
      if (existsSync(`${databasePath}-wal`)) copyFileSync(`${databasePath}-wal`, `${keptAt}-wal`);
    }
    renameSync(partial, keptAt);
    return damaged;
  } catch (error) {
    throw copyFailure(error, keptAt);
  } finally {
    for (const leftover of withSidecars(partial)) rmSync(leftover, { force: true });
  }
}

/** SQLite's answers for a file it cannot read as a database: damaged, or not a database at all. */
function isUnreadableDatabase(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB';
}

function inUse(databasePath: string): BoardPackError {
  return new BoardPackError(
    'in_use',
    `${basename(databasePath)} is in use (is Board Pack open?). Close it and restore again; nothing was changed.`,
  );
}

/** Writes the backup's pages into the database through SQLite, which takes its locks and keeps the WAL consistent. */
async function copyInto(databasePath: string, backupPath: string): Promise<void> {
  const source = new Database(backupPath, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: defaultNativeBinding(),
  });
  try {
    await copyDatabase(source, databasePath);
  } catch (error) {
    // The copy is one step of the backup API, so a refusal here leaves the database as it was.
    if (error instanceof BoardPackError && error.code === 'in_use') throw inUse(databasePath);
    throw copyFailure(error, databasePath);
  } finally {
    source.close();
  }
}

/**
 * A database SQLite cannot read cannot take the backup's pages either: the checked backup is
 * copied beside it and renamed over it (it has been kept aside, byte for byte, already), and the
 * damaged file's write-ahead log and shared memory go with it.
 */
async function replaceDamaged(databasePath: string, backupPath: string): Promise<void> {
  const partial = partialPathFor(databasePath);
  try {
    const source = new Database(backupPath, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: defaultNativeBinding(),
    });
    try {
      await standaloneCopy(source, partial);
    } finally {
      source.close();
    }
    for (const sidecar of withSidecars(databasePath).slice(1)) rmSync(sidecar, { force: true });
    renameSync(partial, databasePath);
  } catch (error) {
    throw copyFailure(error, databasePath);
  } finally {
    for (const leftover of withSidecars(partial)) rmSync(leftover, { force: true });
  }
}

/**
 * Replaces a database with a checked backup. The current file is first copied aside; the
 * backup's pages are then written into it through SQLite's backup API, which takes the proper
 * locks and leaves the write-ahead log consistent.
 */
export async function restoreDatabase(input: RestoreInput): Promise<RestoreResult> {
  const databasePath = resolve(input.databasePath);
  const backupPath = resolve(input.backupPath);
  if (databasePath === backupPath)
    throw new BoardPackError('invalid_input', 'A database cannot be restored from itself.');
  const { problems, schemaVersion } = inspectBackup(backupPath);
  if (problems.length)
    throw new BoardPackError(
      'refused_file',
      `${basename(backupPath)} was not restored: ${problems.join(' ')} The current database was not changed.`,
    );
  let previousKeptAt: string | null = null;
  let damaged = false;
  // An empty file holds nothing to keep (and SQLite would take it for a database being written).
  if (existsSync(databasePath) && statSync(databasePath).size > 0) {
    const folder = ensureFolder(
      input.keepFolder ?? join(dirname(databasePath), 'backups'),
      'the folder the current database is kept in',
    );
    previousKeptAt = join(
      folder,
      `board-pack-before-restore-${input.now.toISOString().replace(/[:.]/g, '-')}.db`,
    );
    damaged = await keepCurrent(databasePath, previousKeptAt);
  }
  if (damaged) await replaceDamaged(databasePath, backupPath);
  else await copyInto(databasePath, backupPath);
  // Opening runs any migrations the backup predates; the restore itself goes in the audit log.
  const restored = await openStore(databasePath, { clock: () => input.now, seedPlan: null });
  try {
    await restored.audit.record(
      input.now.toISOString(),
      input.actor,
      'database.restore',
      'database',
      basename(databasePath),
      null,
      {
        from: backupPath,
        previousKeptAt,
      },
    );
  } finally {
    await restored.close();
  }
  return { restoredFrom: backupPath, databasePath, previousKeptAt, schemaVersion: schemaVersion! };
}
