// Autosave for monthly updates. Every keystroke is copied to localStorage at once (the safety net:
// it survives a crash or a closed window) and saved as a draft through the contract after a short
// pause. The local copy is removed only when the database has acknowledged that exact version.
import { create } from 'zustand';
import type { Status, Update } from '../../shared/domain';
import { draftKey, fieldsOf, sameFields, type DraftFields } from './draftFields';

import { ApiError, call } from '../api';
import { messageOf } from './notices';
import { useUpdatesGrid } from './updatesGrid';
import { useApp } from './app';
import { whenReachable } from './connection';

export { draftKey, fieldsOf, type DraftFields } from './draftFields';

export type SaveState = 'pending' | 'saving' | 'saved' | 'error' | 'needs_status';

const SAVE_DELAY_MS = 350;
const RETRY_DELAY_MS = 3000;
const LOCAL_PREFIX = 'boardPack.unsaved.';

/** Local copies belong to one database file: another database opened later never receives them. */
function localKey(key: string): string {
  return `${LOCAL_PREFIX}${useApp.getState().settings?.databasePath ?? ''}|${key}`;
}

function keepLocally(key: string, fields: DraftFields): void {
  try {
    window.localStorage.setItem(localKey(key), JSON.stringify(fields));
  } catch {
    // Storage full or disabled: the debounced save still runs; the state shows if it fails.
  }
}

function forgetLocally(key: string): void {
  try {
    window.localStorage.removeItem(localKey(key));
  } catch {
    // Nothing to forget.
  }
}

/** The unsaved local copy of an update, if a save never reached the database. */
export function localCopy(key: string): DraftFields | null {
  try {
    const raw = window.localStorage.getItem(localKey(key));
    return raw ? (JSON.parse(raw) as DraftFields) : null;
  } catch {
    return null;
  }
}

interface DraftsState {
  /** Edits not yet acknowledged by the database, by ref@month. */
  edits: Record<string, DraftFields>;
  states: Record<string, { state: SaveState; message?: string }>;
  edit(ref: string, month: string, base: DraftFields, change: Partial<DraftFields>): void;
  /** Puts back local copies left by a closed window or a failed save, and saves them. */
  recover(rows: { ref: string; month: string; working: Update | null }[]): void;
  /** Saves now whatever is waiting; resolves when the database has answered. */
  flush(key?: string): Promise<void>;
}

const timers = new Map<string, number>();
const versions = new Map<string, number>();
const inFlight = new Map<string, Promise<void>>();

export const useDrafts = create<DraftsState>((set, get) => {
  function setState(key: string, state: SaveState, message?: string): void {
    set((s) => ({ states: { ...s.states, [key]: { state, message } } }));
  }

  async function save(key: string): Promise<void> {
    timers.delete(key);
    const previous = inFlight.get(key);
    if (previous) await previous;
    const fields = get().edits[key];
    if (!fields) return;
    if (!fields.status) {
      setState(key, 'needs_status', 'Choose a status to save this update.');
      return;
    }
    const version = versions.get(key) ?? 0;
    const [ref, month] = key.split('@');
    setState(key, 'saving');
    const done = (async () => {
      try {
        const saved = await call('updates.saveDraft', {
          ref,
          month,
          status: fields.status as Status,
          narrative: fields.narrative,
          nextSteps: fields.nextSteps,
          risks: fields.risks,
          metricActual: fields.metricActual,
        });
        useUpdatesGrid.getState().patchWorking(saved);
        if ((versions.get(key) ?? 0) !== version) return;
        forgetLocally(key);
        set((s) => {
          const edits = { ...s.edits };
          delete edits[key];
          return { edits, states: { ...s.states, [key]: { state: 'saved' } } };
        });
      } catch (error) {
        setState(key, 'error', `Not saved yet: ${messageOf(error)} Your text is kept on this computer.`);
        // A passing failure (the database busy, the window between two doors) is tried again; a
        // refusal with a reason waits for the person to change something.
        if (error instanceof ApiError && error.code === 'unexpected') retryLater(key);
        // The shared database away: saved when it next answers (the changes poller keeps asking).
        if (error instanceof ApiError && error.code === 'unreachable')
          whenReachable(`draft:${key}`, () => void save(key));
      }
    })();
    inFlight.set(key, done);
    await done;
    if (inFlight.get(key) === done) inFlight.delete(key);
  }

  function retryLater(key: string): void {
    if (!timers.has(key))
      timers.set(
        key,
        window.setTimeout(() => void save(key), RETRY_DELAY_MS),
      );
  }

  function schedule(key: string): void {
    const timer = timers.get(key);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.set(
      key,
      window.setTimeout(() => void save(key), SAVE_DELAY_MS),
    );
  }

  return {
    edits: {},
    states: {},
    edit(ref, month, base, change) {
      const key = draftKey(ref, month);
      const fields = { ...(get().edits[key] ?? base), ...change };
      versions.set(key, (versions.get(key) ?? 0) + 1);
      keepLocally(key, fields);
      set((s) => ({
        edits: { ...s.edits, [key]: fields },
        states: { ...s.states, [key]: { state: 'pending' } },
      }));
      schedule(key);
    },
    recover(rows) {
      for (const row of rows) {
        const key = draftKey(row.ref, row.month);
        const copy = localCopy(key);
        if (!copy || get().edits[key]) continue;
        if (sameFields(copy, fieldsOf(row.working))) {
          forgetLocally(key);
          continue;
        }
        versions.set(key, (versions.get(key) ?? 0) + 1);
        set((s) => ({
          edits: { ...s.edits, [key]: copy },
          states: { ...s.states, [key]: { state: 'pending' } },
        }));
        schedule(key);
      }
    },
    async flush(key) {
      const keys = key ? [key] : Object.keys(get().edits);
      await Promise.all(
        keys.map(async (k) => {
          const timer = timers.get(k);
          if (timer !== undefined) window.clearTimeout(timer);
          if (get().edits[k]) await save(k);
          else await inFlight.get(k);
        }),
      );
    },
  };
});

// Closing or reloading the window: start the saves now. The local copies cover the case where
// the window goes before the database answers.
window.addEventListener('pagehide', () => void useDrafts.getState().flush());
