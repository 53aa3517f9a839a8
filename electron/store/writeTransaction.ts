// Write transactions that take the write lock when they begin (BEGIN IMMEDIATE). A deferred
// transaction reads first and asks for the lock at its first write, where SQLite cannot wait
// (waiting there could deadlock two writers), so a second window or process got "database is
// locked" at once. Beginning immediately lets the busy timeout apply, and a refusal after the
// wait is said in words.
import type Database from 'better-sqlite3';
import { BoardPackError } from '../../shared/errors';

type Db = Database.Database;

/**
 * How long SQLite itself waits for another connection's lock, per attempt (PRAGMA busy_timeout):
 * short, because SQLite waits by blocking the thread; the store's connection waits longer between
 * attempts without blocking (retryWhileBusy).
 */
export const BUSY_TIMEOUT_MS = 250;

/**
 * How long a write waits in all before it gives up: longer than a pack issue (the build holds the
 * lock so the frozen pack and its record agree), a restore or a demo load take on a slow laptop.
 */
export const BUSY_DEADLINE_MS = 20_000;

export const BUSY_MESSAGE = 'The database is busy in another window or process; try again.';

export function busyError(): BoardPackError {
  return new BoardPackError('busy', BUSY_MESSAGE);
}

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT). */
export function isBusy(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

/**
 * Runs work in one write transaction that holds the write lock from its first statement. Inside
 * another transaction it is a savepoint of that one (the outer one already holds the lock). A busy
 * refusal is thrown as it is: the store's connection retries the whole call asynchronously
 * (connection.ts), so work must only touch the database.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  const transaction = db.transaction(work);
  return db.inTransaction ? transaction() : transaction.immediate();
}
