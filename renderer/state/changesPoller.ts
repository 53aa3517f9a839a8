// One poller per window asks the database what other desks have changed (app.changes) every few
// seconds while the window is visible, never two asks at once, and tells the screens that show
// those kinds of record. It also says when the database answers again after it could not be
// reached, which lowers the banner and retries a waiting autosave.
import type { AuditEntity } from '../../shared/auditEntities';
import { tryCall } from '../api';
import { useConnection } from './connection';

export const DEFAULT_CHANGES_EVERY_MS = 3000;
/**
 * A setting in the window's local storage: how often to ask, in milliseconds (250 to 60000). For a
 * desk that wants others' work sooner or later than every 3 seconds, and for the browser tests.
 */
export const CHANGES_EVERY_MS_SETTING = 'boardPack.changesEveryMs';

export function changesEveryMs(): number {
  let asked = NaN;
  try {
    asked = Number(window.localStorage.getItem(CHANGES_EVERY_MS_SETTING) ?? NaN);
  } catch {
    // Storage disabled: the default.
  }
  if (!Number.isFinite(asked)) return DEFAULT_CHANGES_EVERY_MS;
  return Math.min(60_000, Math.max(250, Math.round(asked)));
}

export interface ChangesListener {
  entities: readonly AuditEntity[];
  /** Another desk changed some of `entities` (those named). */
  changed(entities: AuditEntity[]): void;
  /** The database answered, whatever changed: a screen holding a change back may catch up now. */
  answered?(): void;
}

const listeners = new Set<ChangesListener>();
let since = 0;
let timer: number | undefined;
let asking = false;
let running = false;

export function listenForChanges(listener: ChangesListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tell(changed: readonly string[]): void {
  for (const listener of [...listeners]) {
    const mine = listener.entities.filter((e) => changed.includes(e));
    if (mine.length) listener.changed(mine);
    listener.answered?.();
  }
}

function askLater(): void {
  if (!running || timer !== undefined || document.visibilityState !== 'visible') return;
  timer = window.setTimeout(() => void ask(), changesEveryMs());
}

async function ask(): Promise<void> {
  window.clearTimeout(timer);
  timer = undefined;
  if (asking || !running) return;
  asking = true;
  try {
    // A failed ask changes nothing here: 'unreachable' raises the banner (api.ts) and the next ask
    // tries again from the same place.
    const result = await tryCall('app.changes', { since });
    if (result.ok) {
      since = result.value.last;
      useConnection.getState().answered();
      tell(result.value.entities);
    }
  } finally {
    asking = false;
    askLater();
  }
}

function onVisibility(): void {
  if (document.visibilityState === 'visible') {
    void ask();
  } else {
    window.clearTimeout(timer);
    timer = undefined;
  }
}

/** Starts asking (the application frame does, once); returns a function that stops. */
export function startChangesPoller(): () => void {
  running = true;
  document.addEventListener('visibilitychange', onVisibility);
  void ask();
  return () => {
    running = false;
    window.clearTimeout(timer);
    timer = undefined;
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
