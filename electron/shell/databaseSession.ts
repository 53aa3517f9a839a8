// The database the desktop app has open, and the File menu's operations on it: open another, start
// a new one, back up, restore. Each new file is opened and checked before the current one is let
// go, so a bad choice leaves the app where it was.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { createServices, type Services, type ServicesOptions } from '../handlers/services';
import { inspectBackup } from '../store/backups';
import { removeLeftovers } from '../store/leftovers';
import { restoreDatabase, type RestoreResult } from '../store/restore';
import { openStore, type Clock, type Store } from '../store/store';

export interface DatabaseSessionOptions extends ServicesOptions {
  nativeBinding?: string;
  clock?: Clock;
}

export class DatabaseSession {
  private current!: Services;

  private constructor(private readonly options: DatabaseSessionOptions) {}

  /** Opens (creating if needed) the database at path and starts a session on it. */
  static async start(path: string, options: DatabaseSessionOptions): Promise<DatabaseSession> {
    const session = new DatabaseSession(options);
    session.current = session.servicesFor(await session.openStoreAt(path, true));
    return session;
  }

  get services(): Services {
    return this.current;
  }

  get path(): string {
    return this.current.store.path;
  }

  private async openStoreAt(path: string, create: boolean): Promise<Store> {
    const store = await openStore(path, {
      create,
      clock: this.options.clock,
      nativeBinding: this.options.nativeBinding,
    });
    // What a killed backup or restore left beside this database goes at the app's start.
    await removeLeftovers(store);
    return store;
  }

  private servicesFor(store: Store): Services {
    // The screens' restore (backups.restore) goes through this session, which can reopen the file.
    return createServices(store, { ...this.options, restore: (path, actor) => this.restore(path, actor) });
  }

  private async swap(store: Store): Promise<Services> {
    const previous = this.current;
    this.current = this.servicesFor(store);
    await previous.store.close();
    return this.current;
  }

  /** Opens an existing Board Pack database; the current one stays open if this one is refused. */
  async open(path: string): Promise<Services> {
    return this.swap(await this.openStoreAt(path, false));
  }

  /** Starts a new database seeded with the built-in plan; never overwrites an existing file. */
  async create(path: string): Promise<Services> {
    if (existsSync(path)) {
      throw new BoardPackError(
        'conflict',
        `There is already a file at ${path}. Choose Open database to open it, or pick a new name.`,
      );
    }
    return this.swap(await this.openStoreAt(path, true));
  }

  async backup(destination: string): Promise<string> {
    return (await this.current.store.backups.backup(destination)).path;
  }

  /**
   * Replaces the open database with a backup. The backup is checked while the current database is
   * still open (a refusal changes nothing); the current file is kept aside by restoreDatabase
   * before it is replaced; the app reopens its database whatever happens.
   */
  async restore(backupPath: string, actor: string): Promise<RestoreResult> {
    const { problems } = inspectBackup(backupPath);
    if (problems.length > 0) {
      throw new BoardPackError(
        'refused_file',
        `${basename(backupPath)} was not restored: ${problems.join(' ')} The current database was not changed.`,
      );
    }
    const target = this.path;
    const now = this.current.store.now();
    await this.current.store.close();
    try {
      return await restoreDatabase({ databasePath: target, backupPath, now: new Date(now), actor });
    } finally {
      this.current = this.servicesFor(await this.openStoreAt(target, false));
    }
  }

  close(): Promise<void> {
    return this.current.store.close();
  }
}

const rememberedSchema = z.object({ databasePath: z.string().min(1) });

/** The database the person last opened, remembered in the user-data folder. */
export function rememberedDatabase(file: string): string | null {
  try {
    const parsed = rememberedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.databasePath : null;
  } catch {
    return null;
  }
}

export function rememberDatabase(file: string, databasePath: string): void {
  writeFileSync(`${file}.tmp`, JSON.stringify({ databasePath }, null, 2));
  renameSync(`${file}.tmp`, file);
}
