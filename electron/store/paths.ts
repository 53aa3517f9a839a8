// Where the database lives by default: the same user-data folder the desktop app uses, computed
// the way Electron computes app.getPath('userData') for the product name "Board Pack", so the
// command line and the app open the same file without importing Electron.
import { homedir } from 'node:os';
import { mkdirSync } from 'node:fs';
import { dirname, posix, win32 } from 'node:path';

export const PRODUCT_NAME = 'Board Pack';
export const DATABASE_FILE = 'board-pack.db';

/** Electron's appData folder for a platform; userData is this plus the product name. */
export function appDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || posix.join(home, '.config');
}

/**
 * The database: $BOARD_PACK_DATABASE when set (a file, or a shared server's postgres:// address),
 * else $BOARD_PACK_DB (its earlier name), else board-pack.db in the app's user-data folder.
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.BOARD_PACK_DATABASE) return env.BOARD_PACK_DATABASE;
  if (env.BOARD_PACK_DB) return env.BOARD_PACK_DB;
  const join = platform === 'win32' ? win32.join : posix.join;
  return join(appDataFolder(env, platform, home), PRODUCT_NAME, DATABASE_FILE);
}

/** Creates the user-data folder for a database path if it is not there yet (as the app does on first run). */
export function ensureDatabaseFolder(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}
