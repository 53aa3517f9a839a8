// What a person is told when SQLite itself refuses: another process holds the lock, the disk is
// full, the file became read-only. Each door (command line, IPC, bridge) turns these into a
// sentence instead of "something went wrong"; SQLite has already rolled the change back.
import { BoardPackError } from '../../shared/errors';
import { busyError, isBusy } from './writeTransaction';

function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * An insert refused by a UNIQUE constraint or index: SQLite's SQLITE_CONSTRAINT_UNIQUE (and
 * _PRIMARYKEY), PostgreSQL's SQLSTATE 23505. Two desks inserting the same key at once meet here.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** A BoardPackError for an error SQLite raised while working on the database, or undefined for any other error. */
export function databaseFailure(error: unknown): BoardPackError | undefined {
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  if (isBusy(error)) return busyError();
  // SHMSIZE: the shared-memory file beside the database could not grow, which is a full disk.
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE')
    return new BoardPackError(
      'disk_full',
      'The disk is full, so the database could not be saved. Nothing was changed; free some space and try again.',
    );
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
    return new BoardPackError(
      'read_only',
      'The database cannot be written to (the file or its folder is read-only). Nothing was changed.',
    );
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB')
    return new BoardPackError(
      'not_a_database',
      'The database is damaged, so it could not be read. Nothing was changed; restore it from a backup.',
    );
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_'))
    return new BoardPackError(
      'write_failed',
      `The disk refused to read or write the database (${code}). Nothing was changed; check the disk and try again.`,
    );
  return undefined;
}
