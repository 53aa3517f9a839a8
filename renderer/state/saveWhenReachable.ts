// A form's save that outlasts a shared server's absence: refused because the database cannot be
// reached, the form keeps every field as typed, says so, and saves again by itself — once, with what
// its fields hold then — when the database next answers (the changes poller notices). Forms use the
// hook; state kept outside a component (the figures grid) uses waitForDatabase, as the update
// editor's autosave uses whenReachable through its drafts store.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';
import { forgetWhenReachable, whenReachable } from './connection';

/** Said where the form says its refusals, while its save waits for the database. */
export const SAVE_WAITING_MESSAGE =
  'Not saved yet: the shared database cannot be reached. What you typed is kept here and saved when the database answers again.';

/** A refusal as a call gives it: a thrown ApiError, or a CallResult's error. */
export type Refusal = unknown;

function codeOf(refusal: Refusal): string | null {
  if (refusal instanceof ApiError) return refusal.code;
  if (
    typeof refusal === 'object' &&
    refusal !== null &&
    'code' in refusal &&
    typeof refusal.code === 'string'
  )
    return refusal.code;
  return null;
}

/**
 * A refusal for an unreachable database runs `save` again, once per key, when the database next
 * answers, and returns the sentence to show; any other refusal returns null.
 */
export function waitForDatabase(key: string, refusal: Refusal, save: () => void): string | null {
  if (codeOf(refusal) !== 'unreachable') return null;
  whenReachable(key, save);
  return SAVE_WAITING_MESSAGE;
}

export interface SaveWhenReachable {
  /**
   * For the save's refusal path: a refusal for an unreachable database makes the save wait for it
   * and returns the sentence to show; any other refusal returns null (the form says its own).
   */
  waitIfUnreachable(refusal: Refusal): string | null;
  /** For the save's success path: nothing waits any longer (a save made by hand in the meantime). */
  saved(): void;
  /** True while a save waits for the database. */
  waiting: boolean;
}

/**
 * `save` is the form's save of what its fields hold when it runs (the latest one given is the one
 * run); it calls `waitIfUnreachable` when refused and `saved` when done, as it would anyway.
 */
export function useSaveWhenReachable(save: () => Promise<unknown>): SaveWhenReachable {
  const key = `form:${useId()}`;
  const latest = useRef(save);
  latest.current = save;
  const [waiting, setWaiting] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const waitIfUnreachable = useCallback(
    (refusal: Refusal) => {
      // Kept after the form leaves the screen too: the person pressed Save, and what they typed
      // is in the save's hands, so it is saved when the database answers wherever they are.
      const message = waitForDatabase(key, refusal, () => {
        if (mounted.current) setWaiting(false);
        void latest.current();
      });
      if (message) setWaiting(true);
      return message;
    },
    [key],
  );

  const saved = useCallback(() => {
    forgetWhenReachable(key);
    if (mounted.current) setWaiting(false);
  }, [key]);

  return { waitIfUnreachable, saved, waiting };
}
