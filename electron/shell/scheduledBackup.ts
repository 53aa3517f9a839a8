// The automatic backup the desktop app makes when it starts, as often as Settings asks: daily (one
// a day, the oldest beyond the kept number removed) or weekly (when the newest is a week old); never
// for a shared database.
import { existsSync, readdirSync } from 'node:fs';
import { BACKUP_SCHEDULE_SETTING } from '../handlers/services';
import type { AutoBackupResult } from '../store/backups';
import type { Store } from '../store/store';

const DAILY_NAME = /^board-pack-(\d{4}-\d{2}-\d{2})\.db$/;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function newestBackupDay(folder: string): string | null {
  if (!existsSync(folder)) return null;
  const days = readdirSync(folder)
    .map((name) => DAILY_NAME.exec(name)?.[1])
    .filter((day): day is string => day !== undefined)
    .sort();
  return days.length ? days[days.length - 1] : null;
}

/**
 * Makes the scheduled backup if one is due; null when the schedule is off, none is due yet, or the
 * database is shared on a server (pg_dump's job, where the server is; a schedule copied over from a
 * file must not fail every start).
 */
export async function scheduledBackup(store: Store): Promise<AutoBackupResult | null> {
  if (store.shared) return null;
  const schedule = (await store.settings.get(BACKUP_SCHEDULE_SETTING)) ?? 'off';
  if (schedule === 'daily') return store.backups.autoBackup();
  if (schedule !== 'weekly') return null;
  const newest = newestBackupDay((await store.backups.settings()).folder);
  if (newest && Date.parse(store.today()) - Date.parse(newest) < WEEK_MS) return null;
  return store.backups.autoBackup();
}
