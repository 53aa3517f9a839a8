// What every handler is given: the open store and the things around it that differ between the
// desktop app, the browser bridge, the command line and the tests (who is acting, how to log).
import type {
  ConnectSharedInput,
  SharedConnected,
  SharedDatabaseState,
} from '../../shared/contractSharedDatabase';
import type { Store } from '../store/store';
import type { RestoreResult } from '../store/restore';

export type Door = 'electron' | 'bridge' | 'cli' | 'test';

/** Writes an unexpected error, with its detail, somewhere a developer can read it. */
export type ErrorLog = (context: string, error: unknown) => void;

export interface Services {
  store: Store;
  door: Door;
  version: string;
  /** The author recorded when this copy's user has not given their name in Settings. */
  defaultActor: string;
  /** Who is acting, when the door was told for this call (the command line's --as); wins over Settings. */
  actingAs?: string;
  log: ErrorLog;
  /** Replaces the open database with a checked backup; only a door that can reopen it offers this. */
  restore?: RestoreHook;
  /** Opens a shared database in place of this one; only a door that can change the open database offers this. */
  sharedDatabase?: SharedDatabaseDoor;
}

/** Closes the open database, restores the backup over it and opens it again (DatabaseSession.restore). */
export type RestoreHook = (backupPath: string, actor: string) => Promise<RestoreResult>;

/** The connect dialog's way to the desktop app's session (DatabaseSession.connectShared). */
export interface SharedDatabaseDoor {
  state(): SharedDatabaseState;
  connect(input: ConnectSharedInput): Promise<SharedConnected>;
}

export interface ServicesOptions {
  door: Door;
  version?: string;
  defaultActor?: string;
  actingAs?: string;
  log?: ErrorLog;
  restore?: RestoreHook;
  sharedDatabase?: SharedDatabaseDoor;
}

export const USER_NAME_SETTING = 'user.name';
export const BACKUP_SCHEDULE_SETTING = 'backup.schedule';

function consoleLog(context: string, error: unknown): void {
  console.error(`[board-pack] ${context}:`, error);
}

export function createServices(store: Store, options: ServicesOptions): Services {
  return {
    store,
    door: options.door,
    version: options.version ?? '0.0.0',
    defaultActor: options.defaultActor ?? 'Secretariat',
    actingAs: options.actingAs,
    log: options.log ?? consoleLog,
    restore: options.restore,
    sharedDatabase: options.sharedDatabase,
  };
}

/** The name recorded as the author of a change. */
export async function actorOf(services: Services): Promise<string> {
  if (services.actingAs) return services.actingAs;
  return (await services.store.settings.get(USER_NAME_SETTING)) ?? services.defaultActor;
}
