// One SQLite connection shared by async callers. better-sqlite3 is synchronous, so a call that
// needs nothing but the database runs at once; a transaction holds the connection across its
// awaits, and calls from elsewhere wait for it to end instead of slipping into it. A busy
// database (another process writing) is retried with pauses that let the app go on drawing,
// rather than blocking the Electron main process for the whole wait.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as pause } from 'node:timers/promises';
import type { Sql } from './sql';
import { BUSY_DEADLINE_MS, busyError, isBusy } from './writeTransaction';

/** A port whose methods answer synchronously (or with a promise of their own): the SQLite repositories. */
export type Synchronous<P> = {
  [K in keyof P]: P[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R | Promise<R> : P[K];
};

type Invoke = <T>(work: () => T | Promise<T>) => Promise<T>;

/** The public methods of a repository object (its class's prototype), each run through invoke. */
export function bindPort<P extends object>(repository: Synchronous<P>, invoke: Invoke): P {
  const port: Record<string, unknown> = {};
  const methods = repository as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (let proto = Object.getPrototypeOf(repository); proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || name in port || typeof methods[name] !== 'function') continue;
      port[name] = (...args: unknown[]) => invoke(() => methods[name].apply(repository, args));
    }
    proto = Object.getPrototypeOf(proto);
  }
  // The compiler checked the repository against Synchronous<P>; the object made here has the same
  // methods, each returning a promise of the same value, which is what P says.
  return port as P;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Runs attempt until it does not fail with SQLITE_BUSY, for at most BUSY_DEADLINE_MS in all, with
 * short pauses between; then the sentence a person can act on.
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_DEADLINE_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) throw busyError();
      await pause(wait);
    }
  }
}

const misuse = (what: string) =>
  new Error(`${what}: inside a transaction, reach the database through the transaction's own handle.`);

export class Connection {
  /** The call or transaction holding the connection across an await, if any. */
  private holder: Promise<unknown> | null = null;
  private readonly inside = new AsyncLocalStorage<{ depth: number }>();

  constructor(readonly sql: Sql) {}

  private async free(): Promise<void> {
    while (this.holder)
      await this.holder.then(
        () => undefined,
        () => undefined,
      );
  }

  private hold<T>(running: Promise<T>): Promise<T> {
    this.holder = running;
    const release = () => {
      if (this.holder === running) this.holder = null;
    };
    running.then(release, release);
    return running;
  }

  /** A call from outside any transaction. */
  readonly call: Invoke = <T>(work: () => T | Promise<T>): Promise<T> => {
    if (this.inside.getStore()) return Promise.reject(misuse('A store call was made inside a transaction'));
    if (this.holder) return this.free().then(() => this.call(work));
    return retryWhileBusy(() => {
      if (this.holder) return this.free().then(() => this.call(work));
      const result = work();
      // An async repository method (one that reads a file first) keeps the connection until it ends.
      return isPromise(result) ? this.hold(result) : result;
    });
  };

  /** A call through a transaction's handle: only while that transaction runs. */
  readonly callInside: Invoke = <T>(work: () => T | Promise<T>): Promise<T> => {
    if (!this.inside.getStore())
      return Promise.reject(new Error('A transaction handle was used after its transaction ended.'));
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  /** One write transaction holding the write lock (BEGIN IMMEDIATE) from its start to its end. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const context = this.inside.getStore();
    if (context) return this.savepoint(context.depth + 1, work);
    await this.free();
    return this.hold(this.runTransaction(work));
  }

  private runTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(() => this.inside.run({ depth: 0 }, work));
  }

  private savepoint<T>(depth: number, work: () => Promise<T>): Promise<T> {
    return this.sql.transaction(() => this.inside.run({ depth }, work));
  }
}
