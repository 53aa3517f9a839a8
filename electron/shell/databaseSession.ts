// The database the desktop app has open, and the File menu's operations on it: open another file,
// start a new one, connect to a shared database, back up, restore. Each new database is opened and
// checked before the current one is let go, so a bad choice leaves the app where it was. What opened
// is remembered for the next start (rememberedDatabase.ts), a server's password sealed by the
// operating system. At start-up the session may have no database yet: it waits for the password of
// the shared database it remembers, and answers only the connect dialog meanwhile.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import {
  PASSWORD_NOT_KEPT_MESSAGE,
  type ConnectSharedInput,
  type SharedConnected,
  type SharedDatabaseState,
  type SharedServer,
  type SharedServerFields,
  type TlsChoice,
} from '../../shared/contractSharedDatabase';
import type { CallResult } from '../../shared/contract';
import { BoardPackError } from '../../shared/errors';
import {
  dispatch,
  dispatchWithoutDatabase,
  NO_DATABASE_MESSAGE,
  type SharedDatabaseDoor,
} from '../handlers/index';
import { createServices, type Services, type ServicesOptions } from '../handlers/services';
import { inspectBackup } from '../store/backups';
import { removeLeftovers } from '../store/leftovers';
import { restoreDatabase, type RestoreResult } from '../store/restore';
import { openStore, type Clock, type Store } from '../store/store';
import {
  lastServerAddress,
  readRememberedDatabase,
  rememberDatabaseFile,
  rememberSharedServer,
} from './rememberedDatabase';
import type { SecretKeeper } from './secretKeeper';
import { fieldsOfAddress, sameServer, sharedAddress, withoutPassword } from './sharedAddress';
import { checkCaFile } from './caCertificate';

/** Where the session notes what it opened, and what keeps a server's password. */
export interface DatabaseMemory {
  /** database.json in the user-data folder. */
  file: string;
  keeper: SecretKeeper;
}

export interface DatabaseSessionOptions extends ServicesOptions {
  nativeBinding?: string;
  clock?: Clock;
  /** Without it nothing is remembered for the next start (most tests, a preview). */
  memory?: DatabaseMemory;
}

/** A shared database the app remembers or was given, waiting for its password at start-up. */
export interface AwaitedServer {
  address: string;
  fields: SharedServerFields;
  /** Why the dialog asks, in the store's words (no password kept, or the server refused it). */
  reason: string;
}

const TLS_OF_ENCRYPTION: Record<SharedServer['encryption'], TlsChoice> = {
  verified: 'verify-full',
  'chain-only': 'verify-full',
  unverified: 'require',
  none: 'disable',
};

export class DatabaseSession {
  private current: Services | null = null;
  private awaited: AwaitedServer | null = null;
  private readonly door: SharedDatabaseDoor = {
    state: () => this.sharedDatabaseState(),
    connect: (input) => this.connectShared(input),
  };

  private constructor(private readonly options: DatabaseSessionOptions) {}

  /** Opens (creating if needed) the database at a path or a server's address and starts a session on it. */
  static async start(
    location: string,
    options: DatabaseSessionOptions,
    password?: string,
  ): Promise<DatabaseSession> {
    const session = new DatabaseSession(options);
    session.current = session.servicesFor(await session.openStoreAt(location, true, password));
    return session;
  }

  /** A session with no database yet, whose connect dialog starts from the awaited server. */
  static awaiting(server: AwaitedServer, options: DatabaseSessionOptions): DatabaseSession {
    const session = new DatabaseSession(options);
    session.awaited = server;
    return session;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  get services(): Services {
    if (!this.current) throw new BoardPackError('no_database', NO_DATABASE_MESSAGE);
    return this.current;
  }

  get path(): string {
    return this.services.store.path;
  }

  /** One contract call from a door (Electron IPC, the bridge): dispatched on the open database, if any. */
  answer(method: unknown, input: unknown): Promise<CallResult<unknown>> {
    if (this.current) return dispatch(this.current, method, input);
    return dispatchWithoutDatabase(this.door, this.options.log ?? (() => undefined), method, input);
  }

  private async openStoreAt(location: string, create: boolean, password?: string): Promise<Store> {
    const store = await openStore(location, {
      create,
      clock: this.options.clock,
      nativeBinding: this.options.nativeBinding,
      password,
    });
    // What a killed backup or restore left beside this database goes at the app's start.
    await removeLeftovers(store);
    return store;
  }

  private servicesFor(store: Store): Services {
    // The screens' restore (backups.restore) and connect dialog go through this session, which can
    // replace the open database.
    return createServices(store, {
      ...this.options,
      restore: (path, actor) => this.restore(path, actor),
      sharedDatabase: this.door,
    });
  }

  private async swap(store: Store): Promise<Services> {
    const previous = this.current;
    this.current = this.servicesFor(store);
    this.awaited = null;
    await previous?.store.close();
    return this.current;
  }

  /** Remembers the new store for the next start, then lets the current one go; a failed note changes nothing. */
  private async switchTo(store: Store, remember: () => void): Promise<Services> {
    try {
      remember();
    } catch (error) {
      await store.close();
      throw error;
    }
    return this.swap(store);
  }

  /** Opens an existing Board Pack database file; the current one stays open if this one is refused. */
  async open(path: string): Promise<Services> {
    const store = await this.openStoreAt(path, false);
    return this.switchTo(store, () => this.rememberFile(store.path));
  }

  /** Starts a new database seeded with the built-in plan; never overwrites an existing file. */
  async create(path: string): Promise<Services> {
    if (existsSync(path)) {
      throw new BoardPackError(
        'conflict',
        `There is already a file at ${path}. Choose Open database to open it, or pick a new name.`,
      );
    }
    const store = await this.openStoreAt(path, true);
    return this.switchTo(store, () => this.rememberFile(store.path));
  }

  /** Notes a file for the next start; a server remembered before keeps its address, not its password. */
  private rememberFile(path: string): void {
    if (this.options.memory) rememberDatabaseFile(this.options.memory.file, path);
  }

  /**
   * Opens the shared database the dialog names in place of the current one, which stays open if
   * the server cannot be reached or refuses; then remembers it for the next start, the password
   * sealed by the keeper or, when this computer cannot keep it safely, not at all.
   */
  async connectShared(input: ConnectSharedInput): Promise<SharedConnected> {
    const awaited = this.awaited;
    // The awaited address may say more than the dialog shows (a root certificate, a timeout).
    const address =
      awaited && sameServer(awaited.fields, input) ? withoutPassword(awaited.address) : sharedAddress(input);
    const password = input.password === '' ? undefined : input.password;
    // A CA certificate file that cannot be used is said beside its field, before any connection.
    if (input.caFile) checkCaFile(input.caFile);
    const store = await this.openStoreAt(address, true, password);
    let kept = false;
    await this.switchTo(store, () => {
      kept = this.rememberServer(address, password);
    });
    const notKept = password !== undefined && !kept && this.options.memory !== undefined;
    return {
      server: store.path,
      user: store.server?.user ?? input.user,
      passwordKept: kept,
      notice: notKept ? PASSWORD_NOT_KEPT_MESSAGE : null,
    };
  }

  /** Notes the server for the next start; true when its password was kept (sealed). */
  private rememberServer(address: string, password: string | undefined): boolean {
    const memory = this.options.memory;
    if (!memory) return false;
    let sealed: Buffer | null = null;
    if (password !== undefined && memory.keeper.available()) {
      try {
        sealed = memory.keeper.seal(password);
      } catch (error) {
        // The system refused to seal it: the password is not kept, and the person is told so.
        this.options.log?.('sealing the shared database’s password', error);
      }
    }
    rememberSharedServer(memory.file, address, sealed);
    return sealed !== null;
  }

  /** What the connect dialog starts from. */
  sharedDatabaseState(): SharedDatabaseState {
    const memory = this.options.memory;
    const open = this.current?.store.server;
    const last = memory ? lastServerAddress(readRememberedDatabase(memory.file)) : null;
    const lastFields = last ? fieldsOfAddress(last) : null;
    const openFields = open
      ? {
          host: open.host,
          port: open.port,
          database: open.database,
          user: open.user,
          tls: TLS_OF_ENCRYPTION[open.encryption],
          caFile: '',
        }
      : null;
    // The CA certificate file is in the address remembered for the open server, not in the store.
    if (openFields && lastFields && sameServer({ ...lastFields, caFile: '' }, openFields))
      openFields.caFile = lastFields.caFile;
    return {
      offered: true,
      databaseOpen: this.current !== null,
      keepsPasswords: memory?.keeper.available() ?? false,
      server: this.awaited?.fields ?? openFields ?? lastFields,
      reason: this.awaited?.reason ?? null,
    };
  }

  async backup(destination: string): Promise<string> {
    return (await this.services.store.backups.backup(destination)).path;
  }

  /**
   * Replaces the open database with a backup. The backup is checked while the current database is
   * still open (a refusal changes nothing); the current file is kept aside by restoreDatabase
   * before it is replaced; the app reopens its database whatever happens. A shared database is
   * restored where the server is, never from here.
   */
  async restore(backupPath: string, actor: string): Promise<RestoreResult> {
    const current = this.services;
    if (current.store.shared) {
      throw new BoardPackError(
        'read_only',
        'This is a shared database on a server: a backup is restored there by whoever runs the server (with PostgreSQL’s pg_restore), not by Board Pack. Nothing was changed.',
      );
    }
    const { problems } = inspectBackup(backupPath);
    if (problems.length > 0) {
      throw new BoardPackError(
        'refused_file',
        `${basename(backupPath)} was not restored: ${problems.join(' ')} The current database was not changed.`,
      );
    }
    const target = current.store.path;
    const now = current.store.now();
    await current.store.close();
    try {
      return await restoreDatabase({ databasePath: target, backupPath, now: new Date(now), actor });
    } finally {
      this.current = this.servicesFor(await this.openStoreAt(target, false));
    }
  }

  async close(): Promise<void> {
    await this.current?.store.close();
  }
}
