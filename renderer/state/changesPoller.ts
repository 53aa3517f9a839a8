// One poller per window asks the database what other desks have changed (app.changes) every few
// seconds while the window is visible, never two asks at once, and tells the screens that show
// those kinds of record. It also says when the database answers again after it could not be
// reached, which lowers the banner and retries a waiting autosave. While the server cannot be reached
// it asks less and less often (3 s, 6 s, 12 s … up to 30 s), and with no database open (the app
// waiting at start-up for a shared database's password) it does not ask until one opens. An ask
// that is never answered is given up after a while, so the poller never stops for want of one.
import type { AuditEntity } from '../../shared/auditEntities';
import { tryCall } from '../api';
import { useConnection } from './connection';

export const DEFAULT_CHANGES_EVERY_MS = 3000;
/** The longest wait between two asks of a server that does not answer: ten intervals, at most 30 s. */
export const UNREACHABLE_MAX_WAIT_MS = 30_000;
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
/** Asks in a row that found the server unreachable: each doubles the wait, up to 30 s. */
let unanswered = 0;
/** No database open: nothing to ask until one is (resumeChanges). */
let noDatabase = false;
/** Counts asks; an ask given up on (see giveUpAfter) knows by it that its late answer is stale. */
let askNumber = 0;

/**
 * How long an ask may go unanswered before it is given up and counted as unanswered: ten
 * intervals, at least 5 s and at most 30 s. A call that never comes back (a connection that hangs)
 * would otherwise stop the poller for good: no refresh, and no autosave waiting for the database.
 */
export function giveUpAfter(every: number): number {
  return Math.min(UNREACHABLE_MAX_WAIT_MS, Math.max(5000, every * 10));
}

/**
 * How long to wait before the next ask: the usual interval after an answer and after the first ask
 * unanswered, then doubled for each further one in a row (3 s, 6 s, 12 s, 24 s, 30 s …), up to ten
 * intervals and never past 30 s (a desk asking every 60 s waits its 60 s).
 */
export function waitBeforeAsking(every: number, unansweredInARow: number): number {
  if (unansweredInARow <= 1) return every;
  const doubled = every * 2 ** Math.min(unansweredInARow - 1, 16);
  const longest = Math.min(UNREACHABLE_MAX_WAIT_MS, every * 10);
  return Math.max(every, Math.min(longest, doubled));
}

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
  if (!running || noDatabase || timer !== undefined || document.visibilityState !== 'visible') return;
  timer = window.setTimeout(() => void ask(), waitBeforeAsking(changesEveryMs(), unanswered));
}

async function ask(): Promise<void> {
  window.clearTimeout(timer);
  timer = undefined;
  if (asking || !running || noDatabase) return;
  asking = true;
  const mine = ++askNumber;
  const current = () => mine === askNumber;
  const giveUp = window.setTimeout(() => {
    if (!current()) return;
    askNumber += 1;
    asking = false;
    unanswered += 1;
    askLater();
  }, giveUpAfter(changesEveryMs()));
  try {
    // A failed ask keeps its place: 'unreachable' raises the banner (api.ts) and the next ask,
    // later each time, tries again from the same place.
    const result = await tryCall('app.changes', { since });
    if (!current()) return;
    if (result.ok) {
      since = result.value.last;
      unanswered = 0;
      useConnection.getState().answered();
      tell(result.value.entities);
    } else if (result.error.code === 'unreachable') {
      unanswered += 1;
    } else if (result.error.code === 'no_database') {
      noDatabase = true;
    }
  } finally {
    window.clearTimeout(giveUp);
    if (current()) {
      asking = false;
      askLater();
    }
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

/** A database is open again (the app loaded one): ask at once, if asking had stopped for want of one. */
export function resumeChanges(): void {
  if (!noDatabase) return;
  noDatabase = false;
  void ask();
}

/** Starts asking (the application frame does, once); returns a function that stops. */
export function startChangesPoller(): () => void {
  running = true;
  noDatabase = false;
  unanswered = 0;
  document.addEventListener('visibilitychange', onVisibility);
  void ask();
  return () => {
    running = false;
    window.clearTimeout(timer);
    timer = undefined;
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
