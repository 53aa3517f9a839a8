// The database the desktop app has open, and the File menu's operations on it: open another, start
// a new one, back up, restore. Each new file is opened and checked before the current one is let
// go, so a bad choice leaves the app where it was.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { createServices, type Services, type ServicesOptions } from '../handlers/services';
import { backupDatabase, inspectBackup, restoreDatabase, type RestoreResult } from '../store/backups';
import { removeLeftovers } from '../store/leftovers';
import { openStore, type Clock, type Store } from '../store/store';

export interface DatabaseSessionOptions extends ServicesOptions {
  nativeBinding?: string;
  clock?: Clock;
}

export class DatabaseSession {
  private current: Services;

  constructor(
    path: string,
    private readonly options: DatabaseSessionOptions,
  ) {
    this.current = this.servicesFor(this.openStoreAt(path, true));
  }

  get services(): Services {
    return this.current;
  }

  get path(): string {
    return this.current.store.path;
  }

  private openStoreAt(path: string, create: boolean): Store {
    const store = openStore(path, {
      create,
      clock: this.options.clock,
      nativeBinding: this.options.nativeBinding,
    });
    // What a killed backup or restore left beside this database goes at the app's start.
    removeLeftovers(store);
    return store;
  }

  private servicesFor(store: Store): Services {
    // The screens' restore (backups.restore) goes through this session, which can reopen the file.
    return createServices(store, { ...this.options, restore: (path, actor) => this.restore(path, actor) });
  }

  private swap(store: Store): Services {
    const previous = this.current;
    this.current = this.servicesFor(store);
    previous.store.close();
    return this.current;
  }

  /** Opens an existing Board Pack database; the current one stays open if this one is refused. */
  open(path: string): Services {
    return this.swap(this.openStoreAt(path, false));
  }

  /** Starts a new database seeded with the built-in plan; never overwrites an existing file. */
  create(path: string): Services {
    if (existsSync(path)) {
      throw new BoardPackError(
        'conflict',
        `There is already a file at ${path}. Choose Open database to open it, or pick a new name.`,
      );
    }
    return this.swap(this.openStoreAt(path, true));
  }

  async backup(destination: string): Promise<string> {
    return (await backupDatabase(this.current.store, destination)).path;
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
    this.current.store.close();
    try {
      return await restoreDatabase({ databasePath: target, backupPath, now: new Date(now), actor });
    } finally {
      this.current = this.servicesFor(this.openStoreAt(target, false));
    }
  }

  close(): void {
    this.current.store.close();
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
