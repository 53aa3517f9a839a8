// The database the desktop app has open, and the File menu's operations on it: open another, start
// a new one, back up, restore. Each new file is opened and checked before the current one is let
// go, so a bad choice leaves the app where it was.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { createServices, type Services, type ServicesOptions } from '../handlers/services';
import { openStore, type Clock, type Store } from '../store/store';

export interface DatabaseSessionOptions extends ServicesOptions {
  nativeBinding?: string;
  clock?: Clock;
}

function stamp(isoNow: string): string {
  return isoNow.slice(0, 19).replace(/:/g, '-');
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
    return openStore(path, { create, clock: this.options.clock, nativeBinding: this.options.nativeBinding });
  }

  private servicesFor(store: Store): Services {
    return createServices(store, this.options);
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
    if (destination === this.path)
      throw new BoardPackError('invalid_input', 'A backup cannot be written over the open database.');
    await this.current.store.backup(destination);
    return destination;
  }

  /**
   * Replaces the open database with a backup. The backup is copied and opened first (refused if it
   * is not a Board Pack database), the current file is kept beside it as a safety copy, and only
   * then is the copy moved into place.
   */
  async restore(backupPath: string): Promise<{ safetyCopy: string }> {
    const target = this.path;
    const staging = join(dirname(target), `.${basename(target)}.restoring`);
    rmSync(staging, { force: true });
    copyFileSync(backupPath, staging);
    try {
      const probe = this.openStoreAt(staging, false);
      const problems = probe.check();
      probe.close();
      if (problems.length > 0) {
        throw new BoardPackError(
          'not_a_database',
          `The backup ${backupPath} is damaged (${problems[0]}); nothing was changed.`,
        );
      }
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
      throw error;
    }
    const safetyCopy = join(
      dirname(target),
      `${basename(target, '.db')}-before-restore-${stamp(this.current.store.now())}.db`,
    );
    await this.current.store.backup(safetyCopy);
    this.current.store.close();
    try {
      for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
      renameSync(staging, target);
      for (const suffix of ['-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
    } finally {
      // Whatever happened, the app goes on with a database open at its path.
      this.current = this.servicesFor(this.openStoreAt(target, false));
    }
    return { safetyCopy };
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
