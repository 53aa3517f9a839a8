// The changes an action's tracker makes, each from the version of the action the person saw: the
// version moves on with each change the tracker makes; a change another desk got in first is kept
// as refused, with their action, until the person keeps theirs or makes the change again over it.
// A change the shared database could not take waits for it, the fields as typed, and is made again
// (as the fields say then) when it answers.
import { useRef, useState } from 'react';
import type { BoardActionRecord, CallResult } from '../../../shared/contract';
import { messageOf, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

export type ActionChange = 'edit' | 'note' | 'complete' | 'reopen' | 'remove';

/** One change to the action, made from the version given. */
export type Attempt = (baseVersion: number) => Promise<CallResult<BoardActionRecord>>;

export interface RefusedChange {
  change: ActionChange;
  message: string;
  theirs: BoardActionRecord;
}

/**
 * `remake` makes a change again as the fields say it now (the tracker's own buttons' work), for a
 * change that waited for the database.
 */
export function useActionChange(
  version: number,
  onConfirm: (question: string) => void,
  remake: (change: ActionChange) => Promise<unknown>,
) {
  const show = useNotices((s) => s.show);
  const [base, setBase] = useState(version);
  const [refused, setRefused] = useState<RefusedChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const waiting = useRef(new Set<ActionChange>());
  const server = useSaveWhenReachable(async () => {
    const changes = [...waiting.current];
    waiting.current.clear();
    for (const change of changes) await remake(change);
  });

  /** Makes a change (from `from`, else the version held); true when it was made. */
  async function run(
    change: ActionChange,
    attempt: Attempt,
    done: string,
    after: () => Promise<void>,
    from = base,
  ): Promise<boolean> {
    setError(null);
    const result = await attempt(from).catch((e: unknown): CallResult<BoardActionRecord> => ({
      ok: false,
      error: { code: 'unexpected', message: messageOf(e) },
    }));
    if (result.ok) {
      waiting.current.delete(change);
      if (waiting.current.size === 0) server.saved();
      setBase(result.value.version);
      show('success', done);
      await after();
      return true;
    }
    const { code, message, current } = result.error;
    if (code === 'unreachable') waiting.current.add(change);
    if (code === 'needs_confirmation') onConfirm(message);
    else if (code === 'edit_conflict' && current) setRefused({ change, message, theirs: current });
    else setError(server.waitIfUnreachable(result.error) ?? message);
    return false;
  }

  /** The person has chosen: from now on the fields and buttons stand on their version. */
  function settle(theirs: BoardActionRecord): void {
    setRefused(null);
    setBase(theirs.version);
  }

  return { run, refused, settle, error };
}
