// Opening the one SQLite file: refuse what is not ours or is newer than us before touching it,
// then set the pragmas (WAL, foreign keys, durable commits) and run pending migrations.
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BoardPackError } from '../../shared/errors';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrate } from './migrate';
import { BUSY_TIMEOUT_MS } from './writeTransaction';
import { countRowSchema, pragmaNumberSchema } from './rowSchemas';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (true by default). */
  create?: boolean;
  /** Where better-sqlite3's native binding lives, for the Electron build of it. */
  nativeBinding?: string;
}

let processNativeBinding: string | undefined;

/**
 * Where better-sqlite3's native binding lives for every database this process opens, when it is
 * not the build in node_modules: npm start runs Electron with a build made for Electron's ABI.
 */
export function setDefaultNativeBinding(path: string | undefined): void {
  processNativeBinding = path;
}

export function defaultNativeBinding(): string | undefined {
  return processNativeBinding;
}

const SQLITE_HEADER = 'SQLite format 3\0';

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function assertReadable(path: string): void {
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new BoardPackError(
      'unreadable',
      `The database at ${path} cannot be read: you do not have permission to read it. Ask for read and write access, or choose another file.`,
    );
  }
}

function assertWritable(path: string, exists: boolean): void {
  try {
    // WAL needs to create the -wal and -shm files beside the database.
    accessSync(dirname(path), constants.W_OK);
    if (exists) accessSync(path, constants.W_OK);
  } catch {
    throw new BoardPackError(
      'read_only',
      `The database at ${path} cannot be written to (the file or its folder is read-only). Choose a folder you can write to, or ask for write access.`,
    );
  }
}

/** Looks at an existing file read-only and refuses it, untouched, if it is not a Board Pack database we can open. */
function inspectExisting(path: string, nativeBinding: string | undefined): void {
  const size = statSync(path).size;
  if (size === 0) return;
  if (readHeader(path) !== SQLITE_HEADER) {
    throw new BoardPackError(
      'not_a_database',
      `The file ${path} is not a Board Pack database (it is not an SQLite file).`,
    );
  }
  const newSidecars = [`${path}-wal`, `${path}-shm`].filter((sidecar) => !existsSync(sidecar));
  let probe: Db;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
  } catch {
    throw new BoardPackError(
      'not_a_database',
      `The file ${path} could not be read as a database; it may be damaged.`,
    );
  }
  try {
    const applicationId = pragmaNumberSchema.parse(probe.pragma('application_id', { simple: true }));
    const userVersion = pragmaNumberSchema.parse(probe.pragma('user_version', { simple: true }));
    const tableCount = countRowSchema.parse(
      probe.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get(),
    ).n;
    if (applicationId !== APPLICATION_ID && (userVersion !== 0 || tableCount > 0)) {
      throw new BoardPackError(
        'not_board_pack',
        `The file ${path} is an SQLite database, but not one made by Board Pack.`,
      );
    }
    if (userVersion > LATEST_SCHEMA_VERSION) {
      throw new BoardPackError(
        'newer_schema',
        `The database at ${path} was made by a newer version of Board Pack (schema ${userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). Install the newer version to open it; the file has not been changed.`,
      );
    }
  } catch (error) {
    probe.close();
    // A read-only look at a WAL file creates empty -wal/-shm files; a refused file is left as we found it.
    for (const sidecar of newSidecars) if (existsSync(sidecar)) rmSync(sidecar);
    if (error instanceof BoardPackError) throw error;
    throw new BoardPackError(
      'not_a_database',
      `The file ${path} could not be read as a database; it may be damaged.`,
    );
  } finally {
    if (probe.open) probe.close();
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists && options.create === false) {
    throw new BoardPackError('not_found', `There is no database at ${path}.`);
  }
  if (exists) assertReadable(path);
  // An empty file is a database only when the person asked for one to be created there (init, New
  // database): any other command would otherwise turn it into a seeded database and then refuse.
  if (exists && options.create === false && statSync(path).size === 0) {
    throw new BoardPackError(
      'not_a_database',
      `The file ${path} is empty, so it is not a Board Pack database; nothing was changed.`,
    );
  }
  // Writability next: a WAL file in a read-only folder cannot even be probed (no -shm beside it),
  // and "read-only" is the message a person can act on.
  assertWritable(path, exists);
  const nativeBinding = options.nativeBinding ?? processNativeBinding;
  if (exists) inspectExisting(path, nativeBinding);
  const db = new Database(path, { nativeBinding });
  try {
    // First, so that switching to WAL and migrating wait for another process instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Every commit reaches the disk before we say "saved": nothing is ever lost to a crash.
    db.pragma('synchronous = FULL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
