// Write transactions that take the write lock when they begin (BEGIN IMMEDIATE). A deferred
// transaction reads first and asks for the lock at its first write, where SQLite cannot wait
// (waiting there could deadlock two writers), so a second window or process got "database is
// locked" at once. Beginning immediately lets the busy timeout apply, and a refusal after the
// wait is said in words.
import type Database from 'better-sqlite3';
import { BoardPackError } from '../../shared/errors';

type Db = Database.Database;

/** How long SQLite itself waits for another connection's lock, per attempt (PRAGMA busy_timeout). */
export const BUSY_TIMEOUT_MS = 10_000;

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

const pause = new Int32Array(new SharedArrayBuffer(4));

/** A short synchronous pause between attempts (the store's calls are synchronous, like SQLite's). */
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/**
 * Runs begin() until it does not fail with SQLITE_BUSY, for at most BUSY_DEADLINE_MS in all;
 * then a BoardPackError('busy'). Each attempt already waits up to the busy timeout inside SQLite;
 * the pause covers the busy answers SQLite gives without waiting (a snapshot or a recovery).
 */
function withBusyRetry<T>(attempt: () => T, clock: () => number = Date.now): T {
  const deadline = clock() + BUSY_DEADLINE_MS;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (clock() >= deadline) throw busyError();
      sleep(50);
    }
  }
}

/**
 * Runs work in one write transaction that holds the write lock from its first statement. Inside
 * another transaction it is a savepoint of that one (the outer one already holds the lock).
 * work may run again after a busy refusal, so it must only touch the database.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  const transaction = db.transaction(work);
  if (db.inTransaction) return transaction();
  return withBusyRetry(() => transaction.immediate());
}

/**
 * Holds the write lock across asynchronous work (a pack built, issued and written to a file):
 * committed when work resolves, rolled back when it throws, so the two never disagree. Only for
 * a connection used by one task at a time, such as a command-line command's.
 */
export async function writeTransactionAsync<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.inTransaction) return work();
  withBusyRetry(() => db.exec('BEGIN IMMEDIATE'));
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
