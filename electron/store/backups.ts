// Whole-database backups: an online copy (SQLite's backup API, safe while the app writes),
// daily rotating copies kept N at a time in a folder, and a restore that checks the file first
// and keeps the current database as a backup before replacing it. Every copy is written under a
// temporary name (PARTIAL_MARKER) and renamed when complete and checked, so a full disk or a
// killed process never leaves a file that looks like a backup.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BoardPackError } from '../../shared/errors';
import { SHARED_BACKUPS_MESSAGE } from '../../shared/contractSharedDatabase';
import { writeFailure } from '../files/fileErrors';
import { ensureFolder } from '../files/folders';
import { checkOutputPath, PARTIAL_MARKER, type ProtectedFiles } from '../files/writeAtomically';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from './migrate';
import { defaultNativeBinding, type Db } from './open';
import type { SettingsRepository } from './settings';
import {
  countRowSchema,
  foreignKeyCheckRowsSchema,
  integrityCheckRowsSchema,
  pragmaNumberSchema,
} from './rowSchemas';

export const BACKUP_FOLDER_SETTING = 'backup.folder';
export const BACKUP_KEEP_SETTING = 'backup.keep';
export const DEFAULT_KEEP = 14;
const DAILY_NAME = /^board-pack-(\d{4}-\d{2}-\d{2})\.db$/;

/** SQLite's own integrity and foreign-key checks; an empty list means the file is sound. */
export function checkDatabase(db: Db): string[] {
  const problems = integrityCheckRowsSchema
    .parse(db.pragma('integrity_check'))
    .map((r) => r.integrity_check)
    .filter((r) => r !== 'ok');
  for (const f of foreignKeyCheckRowsSchema.parse(db.pragma('foreign_key_check')))
    problems.push(`${f.table} row ${f.rowid} refers to a missing ${f.parent} row`);
  return problems;
}

export interface BackupResult {
  path: string;
  bytes: number;
}

/**
 * Copies a live database in one step of the backup API: stepping a few pages at a time restarts
 * whenever another process writes, and may never finish while the app is busy.
 */
export async function copyDatabase(db: Db, destination: string): Promise<void> {
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
export function withSidecars(path: string): string[] {
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
export function copyFailure(error: unknown, target: string): BoardPackError {
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
export async function standaloneCopy(db: Db, destination: string): Promise<void> {
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
    const applicationId = pragmaNumberSchema.parse(db.pragma('application_id', { simple: true }));
    if (applicationId !== APPLICATION_ID)
      return { problems: [`${basename(path)} is not a Board Pack database.`], schemaVersion: null };
    const version = pragmaNumberSchema.parse(db.pragma('user_version', { simple: true }));
    if (version > LATEST_SCHEMA_VERSION) {
      return {
        problems: [
          `${basename(path)} was made by a newer version of Board Pack (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}).`,
        ],
        schemaVersion: version,
      };
    }
    const problems = checkDatabase(db);
    const hasPlan = countRowSchema.parse(
      db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'plan'").get(),
    );
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

export interface AutoBackupSettings {
  folder: string;
  keep: number;
  /** Only on a shared database: why there are no Board Pack backups of it (pg_dump's job); folder is ''. */
  noBackups?: string;
}

export interface AutoBackupResult extends AutoBackupSettings {
  /** Today's backup, or null when one was already made today. */
  created: string | null;
  kept: string[];
  removed: string[];
}

/**
 * The refusal of a copy of a database on a server: that is PostgreSQL's pg_dump's job, run where
 * the server is, and Board Pack pretending otherwise would leave a desk with no real backup.
 */
export function serverBackupRefusal(): BoardPackError {
  return new BoardPackError(
    'read_only',
    "This is a shared database on a server: its backups are made with PostgreSQL's pg_dump by whoever runs the server, not by Board Pack. Nothing was changed.",
  );
}

/**
 * Backups of one open database: on demand, daily, and where they go. They copy the SQLite file
 * itself, so they need its handle; db is null for a database on a server, and then every method
 * that copies the file, or makes or sets the folder copies go to, refuses in words.
 */
export class BackupsRepository {
  constructor(
    private readonly db: Db | null,
    private readonly path: string,
    private readonly settingsOf: SettingsRepository,
    private readonly clock: () => Date,
  ) {}

  /**
   * A checked copy of the open database at destination, written beside it and renamed into place.
   * Never over the database or its -wal/-shm (a backup may go into the backups folder: that is
   * what it is for); a missing folder, a folder or a device given as the file, and a full disk are
   * refused in words, leaving no partial file.
   */
  async backup(destination: string): Promise<BackupResult> {
    const db = this.db;
    if (!db) throw serverBackupRefusal();
    const target = checkOutputPath(destination, { database: resolve(this.path) });
    const partial = partialPathFor(target);
    try {
      await standaloneCopy(db, partial);
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

  /**
   * Where and how many: the settings saved in the database, else a "backups" folder beside it. A
   * shared database has neither: Board Pack makes no backups of it, and says so.
   */
  async settings(): Promise<AutoBackupSettings> {
    if (!this.db) return { folder: '', keep: DEFAULT_KEEP, noBackups: SHARED_BACKUPS_MESSAGE };
    const folder =
      (await this.settingsOf.get(BACKUP_FOLDER_SETTING)) ?? join(dirname(resolve(this.path)), 'backups');
    const keep = Number((await this.settingsOf.get(BACKUP_KEEP_SETTING)) ?? DEFAULT_KEEP);
    return { folder, keep: Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_KEEP };
  }

  /** What a command writing a file for a person must never write to: this database and its backups. */
  async protectedFiles(): Promise<ProtectedFiles> {
    if (!this.db) return { database: resolve(this.path) };
    return { database: resolve(this.path), backupsFolder: resolve((await this.settings()).folder) };
  }

  /**
   * The folder daily backups can go to, made if missing: refused, with a sentence, when it is empty,
   * the database itself or any other file, a device, a system folder, or cannot be made.
   */
  private ensureFolder(folder: string): string {
    if (folder.trim() && resolve(folder) === resolve(this.path))
      throw new BoardPackError(
        'invalid_input',
        `${resolve(folder)} is the database itself, not a folder for its backups. Nothing was changed.`,
      );
    return ensureFolder(folder, 'the backups folder');
  }

  async folder(): Promise<string> {
    if (!this.db) throw serverBackupRefusal();
    return this.ensureFolder((await this.settings()).folder);
  }

  /** Saves where and how many, in one transaction with one audit row; the folder is checked (and made) first. */
  async configure(changes: Partial<AutoBackupSettings>, actor: string): Promise<AutoBackupSettings> {
    if (!this.db) throw serverBackupRefusal();
    if (
      changes.keep !== undefined &&
      (!Number.isInteger(changes.keep) || changes.keep < 1 || changes.keep > 365)
    ) {
      throw new BoardPackError('invalid_input', 'Keep between 1 and 365 daily backups.');
    }
    const folder = changes.folder === undefined ? undefined : this.ensureFolder(changes.folder);
    if (folder === undefined && changes.keep === undefined) return this.settings();
    const values: Record<string, string> = {};
    if (folder !== undefined) values[BACKUP_FOLDER_SETTING] = folder;
    if (changes.keep !== undefined) values[BACKUP_KEEP_SETTING] = String(changes.keep);
    await this.settingsOf.set(values, actor, 'backup', () => this.settings());
    return this.settings();
  }

  /** Today's backup if there is none yet, then the oldest beyond `keep` removed. Run at start-up. */
  async autoBackup(): Promise<AutoBackupResult> {
    if (!this.db) throw serverBackupRefusal();
    const settings = await this.settings();
    this.ensureFolder(settings.folder);
    const todayPath = join(settings.folder, `board-pack-${this.clock().toISOString().slice(0, 10)}.db`);
    let created: string | null = null;
    if (!existsSync(todayPath)) created = (await this.backup(todayPath)).path;
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
}
