// Autosave for monthly updates. Every keystroke is copied to localStorage at once (the safety net:
// it survives a crash or a closed window) and saved as a draft through the contract after a short
// pause. The local copy is removed only when the database has acknowledged that exact version.
// Each save names the version of the update the edits started from; when another desk saved
// first, the save is refused, autosave stops for that update and both versions wait for the
// person to choose (keepMine saves again over theirs, takeTheirs puts theirs in the fields).
import { create } from 'zustand';
import type { CallError } from '../../shared/contract';
import type { Status, Update } from '../../shared/domain';
import { draftKey, fieldsOf, sameFields, type DraftFields } from './draftFields';

import { tryCall } from '../api';
import { messageOf } from './notices';
import { useUpdatesGrid } from './updatesGrid';
import { useApp } from './app';
import { whenReachable } from './connection';

export { draftKey, fieldsOf, type DraftFields } from './draftFields';

export type SaveState = 'pending' | 'saving' | 'saved' | 'error' | 'needs_status' | 'conflict';

/** A save another desk got in first: the sentence saying who, when and where, and their update. */
export interface DraftConflict {
  message: string;
  theirs: Update;
}

const SAVE_DELAY_MS = 350;
const RETRY_DELAY_MS = 3000;
const LOCAL_PREFIX = 'boardPack.unsaved.';
const CHOOSE = 'Changed on another desk: choose which version to keep.';

/** Local copies belong to one database file: another database opened later never receives them. */
function localKey(key: string): string {
  return `${LOCAL_PREFIX}${useApp.getState().settings?.databasePath ?? ''}|${key}`;
}

function keepLocally(key: string, fields: DraftFields, baseVersion: number | undefined): void {
  try {
    window.localStorage.setItem(localKey(key), JSON.stringify({ ...fields, baseVersion }));
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

/**
 * The unsaved local copy of an update, if a save never reached the database, with the version its
 * edits started from (undefined in a copy kept before versions were).
 */
export function localCopy(key: string): { fields: DraftFields; baseVersion?: number } | null {
  try {
    const raw = window.localStorage.getItem(localKey(key));
    if (!raw) return null;
    const { baseVersion, ...fields } = JSON.parse(raw) as DraftFields & { baseVersion?: unknown };
    return { fields, baseVersion: typeof baseVersion === 'number' ? baseVersion : undefined };
  } catch {
    return null;
  }
}

interface DraftsState {
  /** Edits not yet acknowledged by the database, by ref@month. */
  edits: Record<string, DraftFields>;
  states: Record<string, { state: SaveState; message?: string }>;
  /** Saves refused because another desk saved first, by ref@month, until the person chooses. */
  conflicts: Record<string, DraftConflict>;
  /**
   * A change to an update's fields. `base` and `baseVersion` are what the person sees before it
   * (the saved update's fields and version, 0 when none): the first edit's version is the one sent.
   */
  edit(
    ref: string,
    month: string,
    base: DraftFields,
    baseVersion: number,
    change: Partial<DraftFields>,
  ): void;
  /** Puts back local copies left by a closed window or a failed save, and saves them. */
  recover(rows: { ref: string; month: string; working: Update | null }[]): void;
  /** Saves now whatever is waiting; resolves when the database has answered. */
  flush(key?: string): Promise<void>;
  /** Saves the person's version over theirs: again, from the version now held. */
  keepMine(key: string): Promise<void>;
  /**
   * Drops the person's version for theirs, which is already saved: the refused save's, or one
   * another desk saved that the person chose to take (Updates' "Use this version").
   */
  takeTheirs(key: string, theirs?: Update): void;
}

const timers = new Map<string, number>();
const versions = new Map<string, number>();
const inFlight = new Map<string, Promise<void>>();
/** The version of the update each key's unsaved edits started from. */
const bases = new Map<string, number>();

export const useDrafts = create<DraftsState>((set, get) => {
  function setState(key: string, state: SaveState, message?: string): void {
    set((s) => ({ states: { ...s.states, [key]: { state, message } } }));
  }

  async function save(key: string): Promise<void> {
    timers.delete(key);
    const previous = inFlight.get(key);
    if (previous) await previous;
    // Refused once because another desk saved first: nothing more is sent until the person chooses.
    if (get().conflicts[key]) return;
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
      const result = await tryCall('updates.saveDraft', {
        ref,
        month,
        status: fields.status as Status,
        narrative: fields.narrative,
        nextSteps: fields.nextSteps,
        risks: fields.risks,
        metricActual: fields.metricActual,
        baseVersion: bases.get(key),
      }).catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'unexpected' as const, message: messageOf(error) },
      }));
      if (!result.ok) return refused(key, result.error);
      const saved = result.value;
      useUpdatesGrid.getState().patchWorking(saved);
      // Edits typed while this save was on its way stand on the version just saved.
      bases.set(key, saved.version);
      if ((versions.get(key) ?? 0) !== version) return keepLocally(key, get().edits[key], saved.version);
      bases.delete(key);
      forgetLocally(key);
      set((s) => {
        const edits = { ...s.edits };
        delete edits[key];
        return { edits, states: { ...s.states, [key]: { state: 'saved' } } };
      });
    })();
    inFlight.set(key, done);
    await done;
    if (inFlight.get(key) === done) inFlight.delete(key);
  }

  function refused(key: string, error: CallError<Update>): void {
    if (error.code === 'edit_conflict' && error.current) {
      const conflict = { message: error.message, theirs: error.current };
      // Theirs is what the database holds now: the grid shows it as saved, the fields keep mine.
      useUpdatesGrid.getState().patchWorking(error.current);
      set((s) => ({
        conflicts: { ...s.conflicts, [key]: conflict },
        states: { ...s.states, [key]: { state: 'conflict', message: CHOOSE } },
      }));
      return;
    }
    setState(key, 'error', `Not saved yet: ${error.message} Your text is kept on this computer.`);
    // A passing failure (the database busy, the window between two doors) is tried again; a
    // refusal with a reason waits for the person to change something.
    if (error.code === 'unexpected') retryLater(key);
    // The shared database away: saved when it next answers (the changes poller keeps asking).
    if (error.code === 'unreachable') whenReachable(`draft:${key}`, () => void save(key));
  }

  function settle(key: string): void {
    set((s) => {
      const conflicts = { ...s.conflicts };
      delete conflicts[key];
      return { conflicts };
    });
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
    conflicts: {},
    edit(ref, month, base, baseVersion, change) {
      const key = draftKey(ref, month);
      const fields = { ...(get().edits[key] ?? base), ...change };
      if (!bases.has(key)) bases.set(key, baseVersion);
      versions.set(key, (versions.get(key) ?? 0) + 1);
      keepLocally(key, fields, bases.get(key));
      const conflicted = get().conflicts[key] !== undefined;
      set((s) => ({
        edits: { ...s.edits, [key]: fields },
        states: conflicted ? s.states : { ...s.states, [key]: { state: 'pending' } },
      }));
      if (!conflicted) schedule(key);
    },
    recover(rows) {
      for (const row of rows) {
        const key = draftKey(row.ref, row.month);
        const copy = localCopy(key);
        if (!copy || get().edits[key]) continue;
        if (sameFields(copy.fields, fieldsOf(row.working))) {
          forgetLocally(key);
          continue;
        }
        // The version the copy's edits started from: a save made since by another desk shows both.
        bases.set(key, copy.baseVersion ?? row.working?.version ?? 0);
        versions.set(key, (versions.get(key) ?? 0) + 1);
        set((s) => ({
          edits: { ...s.edits, [key]: copy.fields },
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
    async keepMine(key) {
      const conflict = get().conflicts[key];
      if (!conflict) return;
      bases.set(key, conflict.theirs.version);
      const fields = get().edits[key];
      if (fields) keepLocally(key, fields, conflict.theirs.version);
      settle(key);
      await save(key);
    },
    takeTheirs(key, theirs) {
      const taken = theirs ?? get().conflicts[key]?.theirs;
      if (!taken) return;
      const timer = timers.get(key);
      if (timer !== undefined) window.clearTimeout(timer);
      timers.delete(key);
      bases.delete(key);
      forgetLocally(key);
      useUpdatesGrid.getState().patchWorking(taken);
      set((s) => {
        const edits = { ...s.edits };
        const conflicts = { ...s.conflicts };
        delete edits[key];
        delete conflicts[key];
        return { edits, conflicts, states: { ...s.states, [key]: { state: 'saved' } } };
      });
    },
  };
});

// Closing or reloading the window: start the saves now. The local copies cover the case where
// the window goes before the database answers.
window.addEventListener('pagehide', () => void useDrafts.getState().flush());
