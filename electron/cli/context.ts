// What every command shares: where the database is, who is acting, where output goes, and the door
// onto the handlers: a store opened for one command, the handlers' services over it, and calls
// through dispatch, so the command line keeps the contract's rules as the app and the bridge do.
// Commands get it passed in, so the program runs in-process in tests with captured output.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { BoardPackError } from '../../shared/errors';
import type { ProtectedFiles } from '../files/writeAtomically';
import { callMethod, createServices, type Services } from '../handlers/index';
import { defaultDatabasePath, ensureDatabaseFolder } from '../store/paths';
import { removeLeftovers } from '../store/leftovers';
import { isServerLocation, openStore, type Store, type StoreOptions, type StoreTx } from '../store/store';

function isEmptyFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size === 0;
  } catch {
    return false;
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The clock the store records times with; the real one unless a test injects another. */
  clock?: () => Date;
}

export interface GlobalOptions {
  db?: string;
  as?: string;
  debug?: boolean;
}

/**
 * A store whose every call goes through one transaction: handlers run on it as on the open store,
 * and what they write is saved only when the whole unit of work ends without an error.
 */
function storeWithin(tx: StoreTx, store: Store): Store {
  return {
    ...tx,
    transaction: (work) => tx.transaction(work),
    now: () => tx.now(),
    today: () => tx.today(),
    path: store.path,
    shared: store.shared,
    server: store.server,
    check: () => store.check(),
    close: () => Promise.reject(new Error('The store of a unit of work is closed with the store itself.')),
  };
}

/** The handlers as one command reaches them: every call goes through dispatch and the contract. */
export class CliDoor {
  constructor(
    readonly services: Services,
    private readonly unexpected: () => unknown,
  ) {}

  get databasePath(): string {
    return this.services.store.path;
  }

  /** Calls a contract method; a refusal is thrown as the contract's sentence, for run() to print. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await callMethod(this.services, method, input);
    if (result.ok) return result.value;
    const { code, message } = result.error;
    // The handler logged the cause; thrown again, run() says "something went wrong" (with --debug, why).
    if (code === 'unexpected') throw this.unexpected() ?? new Error(message);
    throw new BoardPackError(code, message);
  }

  /**
   * Runs several calls, and what the command does with their results (writing a file), as one
   * transaction: if any of it fails, none of the calls' changes are saved.
   */
  async together<T>(work: (door: CliDoor) => Promise<T>): Promise<T> {
    const { store } = this.services;
    return await store.transaction(async (tx) =>
      work(new CliDoor({ ...this.services, store: storeWithin(tx, store) }, this.unexpected)),
    );
  }

  /** What a file written for the person must never replace: the database and its backups folder. */
  async protectedFiles(): Promise<ProtectedFiles> {
    const { folder, noBackups } = await this.call('backups.settings', {});
    // A shared database has no backups folder on this computer.
    if (noBackups) return { database: resolve(this.databasePath) };
    return { database: resolve(this.databasePath), backupsFolder: resolve(folder) };
  }
}

export class CliContext {
  constructor(readonly io: CliIo) {}

  /** Prints a line (or lines) to standard output. */
  say(text: string): void {
    this.io.out(text.endsWith('\n') ? text : `${text}\n`);
  }

  globals(command: Command): GlobalOptions {
    return command.optsWithGlobals<GlobalOptions>();
  }

  databasePath(command: Command): { path: string; isDefault: boolean } {
    const given = this.globals(command).db;
    const chosen = given || defaultDatabasePath(this.io.env);
    // A shared server's address is not a path on this computer.
    const path = isServerLocation(chosen) ? chosen.trim() : resolve(chosen);
    return { path, isDefault: !given };
  }

  /** Who is acting: --as, else the login name. */
  actor(command: Command): string {
    const given = this.globals(command).as?.trim();
    return given || this.io.env.USER || 'secretariat';
  }

  /**
   * Opens the database for one command and always closes it. Only "init" creates a database;
   * every other command refuses a missing one rather than silently making an empty file.
   */
  async withStore<T>(
    command: Command,
    work: (store: Store) => Promise<T>,
    options: { create?: boolean } = {},
  ): Promise<T> {
    const { path, isDefault } = this.databasePath(command);
    if (isServerLocation(path)) {
      // A server database is made by whoever runs the server; its schema is brought up to date here.
    } else if (!existsSync(path)) {
      if (!options.create) {
        throw new BoardPackError(
          'not_found',
          `There is no database at ${path}. Create one with: board-pack init${isDefault ? '' : ` --db "${path}"`}`,
        );
      }
      if (isDefault) ensureDatabaseFolder(path);
      else if (!existsSync(dirname(path)))
        throw new BoardPackError('not_found', `The folder ${dirname(path)} does not exist.`);
    } else if (!options.create && isEmptyFile(path)) {
      throw new BoardPackError(
        'not_a_database',
        `The file ${path} is empty, so it is not a Board Pack database; nothing was changed. Create one with: board-pack init${isDefault ? '' : ` --db "${path}"`}`,
      );
    }
    return await this.withOpenStore(command, path, { create: Boolean(options.create) }, async (store) => {
      await removeLeftovers(store);
      return await work(store);
    });
  }

  /** Opens a store at a path (a file, or ':memory:') with this command's clock and actor, and closes it. */
  async withOpenStore<T>(
    command: Command,
    path: string,
    options: StoreOptions,
    work: (store: Store) => Promise<T>,
  ): Promise<T> {
    const store = await openStore(path, { clock: this.io.clock, actor: this.actor(command), ...options });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  /** The door onto the handlers over an open store, acting as this command's person. */
  door(command: Command, store: Store): CliDoor {
    let logged: unknown = null;
    const services = createServices(store, {
      door: 'cli',
      defaultActor: this.actor(command),
      actingAs: this.globals(command).as?.trim() || undefined,
      log: (_context, error) => {
        logged = error;
      },
    });
    return new CliDoor(services, () => logged);
  }

  /** Opens the database (see withStore) and runs work through the handlers. */
  async withDoor<T>(
    command: Command,
    work: (door: CliDoor) => Promise<T>,
    options: { create?: boolean } = {},
  ): Promise<T> {
    return await this.withStore(command, (store) => work(this.door(command, store)), options);
  }
}

/** Pads columns for a plain-text table; numbers right-aligned, text left-aligned. */
export function formatTable(
  header: string[],
  rows: (string | number)[][],
  footer?: (string | number)[],
): string {
  const cells = [header, ...rows.map((r) => r.map(String)), ...(footer ? [footer.map(String)] : [])];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = cells.slice(1, footer ? -1 : undefined).map(line);
  return [line(cells[0]), rule, ...body, ...(footer ? [rule, line(cells[cells.length - 1])] : [])].join('\n');
}
