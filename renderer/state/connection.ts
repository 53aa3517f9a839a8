// Whether the database answers. A call refused as 'unreachable' (a shared server down, or the
// connection to it lost) raises the banner; the next answer to the changes poller lowers it and
// runs what was waiting for it, such as an autosave that could not be made.
import { create } from 'zustand';

interface ConnectionState {
  unreachable: boolean;
  /** A call found the database unreachable. */
  lost(): void;
  /** The database answered again: the banner goes and what was waiting runs. */
  answered(): void;
}

/** What waits for the database to answer again, by a key so each thing waits once. */
const waiting = new Map<string, () => void>();

export const useConnection = create<ConnectionState>((set, get) => ({
  unreachable: false,
  lost() {
    if (!get().unreachable) set({ unreachable: true });
  },
  answered() {
    if (get().unreachable) set({ unreachable: false });
    const ready = [...waiting.values()];
    waiting.clear();
    for (const run of ready) run();
  },
}));

/** Runs `run` when the database next answers (once per key, however often it is asked). */
export function whenReachable(key: string, run: () => void): void {
  waiting.set(key, run);
}

/** What waited under `key` no longer needs to (it was done another way). */
export function forgetWhenReachable(key: string): void {
  waiting.delete(key);
}

export const UNREACHABLE_BANNER =
  'The shared database cannot be reached. Nothing you typed is lost: it is kept here and saved when the database answers again.';
