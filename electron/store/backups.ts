// Whole-database backups: an online copy (SQLite's backup API, safe while the app writes),
// daily rotating copies kept N at a time in a folder, and a restore that checks the file first
// and keeps the current database as a backup before replacing it.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BoardPackError } from '../../shared/errors';
import type { ProtectedFiles } from '../files/writeAtomically';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from './migrate';
import { defaultNativeBinding, type Db } from './open';
import { openStore, type Store } from './store';

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

/** A checked copy of the open database at destination, written beside it and renamed into place. */
export async function backupDatabase(store: Store, destination: string): Promise<BackupResult> {
  const target = resolve(destination);
  if (target === resolve(store.path))
    throw new BoardPackError('invalid_input', 'A backup cannot be written over the database itself.');
  if (!existsSync(dirname(target)))
    throw new BoardPackError('not_found', `The folder ${dirname(target)} does not exist.`);
  const partial = `${target}.partial-${process.pid}`;
  try {
    await standaloneCopy(store.db, partial);
    const { problems } = inspectBackup(partial);
    if (problems.length)
      throw new BoardPackError(
        'conflict',
        `The backup failed its check, so it was not kept: ${problems.join(' ')}`,
      );
    renameSync(partial, target);
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
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
  if (changes.folder !== undefined) store.setSetting(BACKUP_FOLDER_SETTING, resolve(changes.folder), actor);
  if (changes.keep !== undefined) store.setSetting(BACKUP_KEEP_SETTING, String(changes.keep), actor);
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
  mkdirSync(settings.folder, { recursive: true });
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
  if (existsSync(databasePath)) {
    const folder = input.keepFolder ?? join(dirname(databasePath), 'backups');
    mkdirSync(folder, { recursive: true });
    previousKeptAt = join(
      folder,
      `board-pack-before-restore-${input.now.toISOString().replace(/[:.]/g, '-')}.db`,
    );
    const current = new Database(databasePath, {
      fileMustExist: true,
      nativeBinding: defaultNativeBinding(),
    });
    try {
      await standaloneCopy(current, previousKeptAt);
    } finally {
      current.close();
    }
  }
  const source = new Database(backupPath, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: defaultNativeBinding(),
  });
  try {
    await copyDatabase(source, databasePath);
  } catch (error) {
    // The copy is one step of the backup API, so a refusal here leaves the database as it was.
    if (error instanceof BoardPackError && error.code === 'in_use') {
      throw new BoardPackError(
        'in_use',
        `${basename(databasePath)} is in use (is Board Pack open?). Close it and restore again; nothing was changed.`,
      );
    }
    throw error;
  } finally {
    source.close();
  }
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
