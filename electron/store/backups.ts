// Whole-database backups: an online copy (SQLite's backup API, safe while the app writes),
// daily rotating copies kept N at a time in a folder, and a restore that checks the file first
// and keeps the current database as a backup before replacing it. Every copy is written under a
// temporary name (PARTIAL_MARKER) and renamed when complete and checked, so a full disk or a
// killed process never leaves a file that looks like a backup.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BoardPackError } from '../../shared/errors';
import { writeFailure } from '../files/fileErrors';
import { ensureFolder } from '../files/folders';
import { checkOutputPath, PARTIAL_MARKER, type ProtectedFiles } from '../files/writeAtomically';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from './migrate';
import { defaultNativeBinding, type Db } from './open';
import { openStore, type Store } from './store';
import { isBusy, writeTransaction } from './writeTransaction';

export const BACKUP_FOLDER_SETTING = 'backup.folder';
export const BACKUP_KEEP_SETTING = 'backup.keep';
export const DEFAULT_KEEP = 14;
const DAILY_NAME = /^board-pack-(\d{4}-\d{2}-\d{2})\.db$/;

export interface BackupResult {
  path: string;
  bytes: number;
}

/**
 * Copies a live database in one step of the backup API: stepping a few pages at a time restarts
 * whenever another process writes, and may never finish while the app is busy.
 */
async function copyDatabase(db: Db, destination: string): Promise<void> {
  const result = await db.backup(destination, { progress: () => 0x7fffffff });
  // better-sqlite3 resolves with no pages copied when the first step finds the destination (or
  // source) locked by another connection: a database always has a page, so zero means "busy".
  if (result.totalPages === 0) {
    throw new BoardPackError(
      'in_use',
      `${basename(destination)} is locked by another program, so nothing was copied.`,
    );
  }
}

/** SQLite's sidecar files of a database file: its write-ahead log, shared memory and journal. */
function withSidecars(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
}

/** A temporary name beside target, recognisable as unfinished (cleaned at the next start). */
export function partialPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}${PARTIAL_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/** The sentence for a failed copy into target: the disk is full, the disk refused, or the system's reason. */
function copyFailure(error: unknown, target: string): BoardPackError {
  if (error instanceof BoardPackError) return error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE')
    return new BoardPackError(
      'disk_full',
      `The disk is full, so ${target} could not be written. Nothing was changed; free some space and try again.`,
    );
  if (code?.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN')
    return new BoardPackError(
      'write_failed',
      `${target} could not be written (${code}). Nothing was changed.`,
    );
  return writeFailure(error, target);
}

/** A backup file stands alone: no write-ahead log beside it, so it can be copied as one file. */
async function standaloneCopy(db: Db, destination: string): Promise<void> {
  await copyDatabase(db, destination);
  const copy = new Database(destination, { fileMustExist: true, nativeBinding: defaultNativeBinding() });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Problems found in a database file: not ours, newer than us, damaged. Empty when sound. */
export function inspectBackup(path: string): { problems: string[]; schemaVersion: number | null } {
  if (!existsSync(path)) return { problems: [`There is no file at ${path}.`], schemaVersion: null };
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: defaultNativeBinding() });
  } catch {
    return { problems: [`${basename(path)} could not be opened as a database.`], schemaVersion: null };
  }
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID)
      return { problems: [`${basename(path)} is not a Board Pack database.`], schemaVersion: null };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      return {
        problems: [
          `${basename(path)} was made by a newer version of Board Pack (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}).`,
        ],
        schemaVersion: version,
      };
    }
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    for (const f of db.pragma('foreign_key_check') as { table: string; rowid: number }[])
      problems.push(`${f.table} row ${f.rowid} refers to a missing row`);
    const hasPlan = db
      .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'plan'")
      .get() as { n: number };
    if (hasPlan.n === 0) problems.push(`${basename(path)} has no plan table.`);
    return { problems: problems.map((p) => (p.endsWith('.') ? p : `${p}.`)), schemaVersion: version };
  } catch {
    return {
      problems: [`${basename(path)} could not be read as a database; it may be damaged.`],
      schemaVersion: null,
    };
  } finally {
    db.close();
  }
}

/**
 * A checked copy of the open database at destination, written beside it and renamed into place.
 * Never over the database or its -wal/-shm (a backup may go into the backups folder: that is
 * what it is for); a missing folder, a folder or a device given as the file, and a full disk are
 * refused in words, leaving no partial file.
 */
export async function backupDatabase(store: Store, destination: string): Promise<BackupResult> {
  const target = checkOutputPath(destination, { database: resolve(store.path) });
  const partial = partialPathFor(target);
  try {
    await standaloneCopy(store.db, partial);
    const { problems } = inspectBackup(partial);
    if (problems.length)
      throw new BoardPackError(
        'conflict',
        `The backup failed its check, so it was not kept: ${problems.join(' ')}`,
      );
    renameSync(partial, target);
  } catch (error) {
    throw copyFailure(error, target);
  } finally {
    for (const leftover of withSidecars(partial)) rmSync(leftover, { force: true });
  }
  return { path: target, bytes: statSync(target).size };
}

export interface AutoBackupSettings {
  folder: string;
  keep: number;
}

/** Where and how many: the settings saved in the database, else a "backups" folder beside it. */
export function autoBackupSettings(store: Store): AutoBackupSettings {
  const folder = store.getSetting(BACKUP_FOLDER_SETTING) ?? join(dirname(resolve(store.path)), 'backups');
  const keep = Number(store.getSetting(BACKUP_KEEP_SETTING) ?? DEFAULT_KEEP);
  return { folder, keep: Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_KEEP };
}

/** What a command writing a file for a person must never write to: this database and its backups. */
export function protectedFiles(store: Store): ProtectedFiles {
  return { database: resolve(store.path), backupsFolder: resolve(autoBackupSettings(store).folder) };
}

/**
 * The folder daily backups can go to, made if missing: refused, with a sentence, when it is empty,
 * the database itself or any other file, a device, a system folder, or cannot be made.
 */
export function ensureBackupFolder(store: Store, folder: string): string {
  if (folder.trim() && resolve(folder) === resolve(store.path))
    throw new BoardPackError(
      'invalid_input',
      `${resolve(folder)} is the database itself, not a folder for its backups. Nothing was changed.`,
    );
  return ensureFolder(folder, 'the backups folder');
}

/** Saves where and how many, in one transaction with one audit row; the folder is checked (and made) first. */
export function configureAutoBackup(
  store: Store,
  changes: Partial<AutoBackupSettings>,
  actor: string,
): AutoBackupSettings {
  if (
    changes.keep !== undefined &&
    (!Number.isInteger(changes.keep) || changes.keep < 1 || changes.keep > 365)
  ) {
    throw new BoardPackError('invalid_input', 'Keep between 1 and 365 daily backups.');
  }
  const folder = changes.folder === undefined ? undefined : ensureBackupFolder(store, changes.folder);
  if (folder === undefined && changes.keep === undefined) return autoBackupSettings(store);
  const upsert = store.db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  writeTransaction(store.db, () => {
    const before = autoBackupSettings(store);
    if (folder !== undefined) upsert.run(BACKUP_FOLDER_SETTING, folder);
    if (changes.keep !== undefined) upsert.run(BACKUP_KEEP_SETTING, String(changes.keep));
    const after = autoBackupSettings(store);
    store.audit.record(store.now(), actor, 'setting.set', 'setting', 'backup', before, after);
  });
  return autoBackupSettings(store);
}

export interface AutoBackupResult extends AutoBackupSettings {
  /** Today's backup, or null when one was already made today. */
  created: string | null;
  kept: string[];
  removed: string[];
}

/** Today's backup if there is none yet, then the oldest beyond `keep` removed. Run at start-up. */
export async function autoBackup(store: Store): Promise<AutoBackupResult> {
  const settings = autoBackupSettings(store);
  ensureBackupFolder(store, settings.folder);
  const todayPath = join(settings.folder, `board-pack-${store.today()}.db`);
  let created: string | null = null;
  if (!existsSync(todayPath)) created = (await backupDatabase(store, todayPath)).path;
  const daily = readdirSync(settings.folder)
    .filter((name) => DAILY_NAME.test(name))
    .sort()
    .reverse();
  const removed = daily.slice(settings.keep).map((name) => join(settings.folder, name));
  for (const path of removed) rmSync(path, { force: true });
  return {
    ...settings,
    created,
    kept: daily.slice(0, settings.keep).map((name) => join(settings.folder, name)),
    removed,
  };
}

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
  const restored = openStore(databasePath, { clock: () => input.now, seedPlan: null });
  try {
    restored.audit.record(
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
    restored.close();
  }
  return { restoredFrom: backupPath, databasePath, previousKeptAt, schemaVersion: schemaVersion! };
}
