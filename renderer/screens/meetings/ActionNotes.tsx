// An action's notes, oldest first: the day, who wrote it and what it says (a reassignment, a new
// due date and the closing note say so).
import type { BoardAction } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';

const KIND_WORDS: Record<BoardAction['updates'][number]['kind'], string> = {
  note: '',
  reassigned: 'Reassigned. ',
  edited: 'Changed. ',
  closing: 'Closing note: ',
  reopened: 'Reopened: ',
};

export function ActionNotes({ action }: { action: BoardAction }) {
  if (action.updates.length === 0) return <p className="muted small">No notes yet.</p>;
  return (
    <ol className="action-notes">
      {action.updates.map((u, i) => (
        <li key={`${u.at}-${i}`}>
          <span className="small muted">
            {dateLabel(u.at.slice(0, 10))}, {u.author}:{' '}
          </span>
          {u.kind === 'reassigned' || u.kind === 'edited' ? u.text : `${KIND_WORDS[u.kind]}${u.text}`}
        </li>
      ))}
    </ol>
  );
}
