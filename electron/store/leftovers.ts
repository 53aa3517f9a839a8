// Temporary files a killed copy left behind: a backup, a restore's safety copy or a file written
// for a person is written under a name carrying PARTIAL_MARKER and the writer's process id, then
// renamed when complete. At the next start (the app's, or a command's opening of the database)
// those whose writer is gone are removed from the database's folder and its backups folder.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PARTIAL_MARKER } from '../files/writeAtomically';
import type { Store } from './port';

/** The names earlier versions gave a backup in progress ("board.db.partial-1234"), with SQLite's sidecars. */
const OLD_PARTIAL = /\.partial-(\d+)(?:-wal|-shm|-journal)?$/;
const MARKED_PARTIAL = new RegExp(`${PARTIAL_MARKER.replace(/[.]/g, '\\.')}(\\d+)-`);
/** A copy that has not been touched for this long is abandoned even if its process id was reused. */
const ABANDONED_MS = 60 * 60 * 1000;

/** The process id in a temporary file's name, or null when the name is not one of ours. */
export function partialOwner(name: string): number | null {
  const match = MARKED_PARTIAL.exec(name) ?? OLD_PARTIAL.exec(name);
  return match ? Number(match[1]) : null;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function abandoned(path: string, pid: number, now: number): boolean {
  if (!isRunning(pid)) return true;
  try {
    return now - statSync(path).mtimeMs > ABANDONED_MS;
  } catch {
    return false;
  }
}

function leftoversIn(folder: string, now: number): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return []; // no such folder yet: nothing was left there
  }
  return names
    .map((name) => ({ path: join(folder, name), pid: partialOwner(name) }))
    .filter((entry): entry is { path: string; pid: number } => entry.pid !== null)
    .filter((entry) => abandoned(entry.path, entry.pid, now))
    .map((entry) => entry.path);
}

/**
 * Removes the temporary files of killed copies beside the database and in its backups folder;
 * returns the paths removed. A file that cannot be removed is left for the next start: cleaning
 * up must never stop the database opening.
 */
export async function removeLeftovers(store: Store, now: number = Date.now()): Promise<string[]> {
  // A server database has no folder on this computer, and its backups are pg_dump's.
  if (store.shared) return [];
  const { folder } = await store.backups.settings();
  const folders = [...new Set([dirname(resolve(store.path)), resolve(folder)])];
  const removed: string[] = [];
  for (const path of folders.flatMap((folder) => leftoversIn(folder, now))) {
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      continue;
    }
  }
  return removed;
}
