// One line saying whether everything on this grid is in the database yet.
import { useDrafts } from '../../state/drafts';

export function SaveState({ keys }: { keys: string[] }) {
  const states = useDrafts((s) => s.states);
  const edits = useDrafts((s) => s.edits);
  const mine = keys.map((k) => ({ key: k, ...(states[k] ?? { state: 'saved' as const }) }));
  const problem = mine.find(
    (s) => s.state === 'error' || s.state === 'needs_status' || s.state === 'conflict',
  );
  const busy = keys.some((k) => edits[k] !== undefined);
  const state = problem ? problem.state : busy ? 'saving' : 'saved';
  const text = problem
    ? `${problem.key.split('@')[0]}: ${problem.message ?? 'Not saved yet.'}`
    : busy
      ? 'Saving…'
      : 'All changes saved';
  return (
    <p className={`save-state save-${state}`} data-testid="save-state" data-state={state} role="status">
      {text}
    </p>
  );
}
