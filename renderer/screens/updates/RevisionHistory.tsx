// Every revision of the objective's updates, newest first, loaded when the person opens it.
import { useState } from 'react';
import type { Update } from '../../../shared/domain';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { StatusBadge } from '../../components/StatusBadge';
import { messageOf } from '../../state/notices';
import { STATE_LABELS } from './rowView';

export function RevisionHistory({ objectiveRef }: { objectiveRef: string }) {
  const [revisions, setRevisions] = useState<Update[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onToggle(open: boolean) {
    if (!open) return;
    try {
      setRevisions(await call('updates.history', { ref: objectiveRef }));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <details className="history" key={objectiveRef} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>Revision history of {objectiveRef}</summary>
      {error && <p className="error-message">{error}</p>}
      {revisions && revisions.length === 0 && (
        <p className="muted">Nothing has been recorded for this objective yet.</p>
      )}
      {revisions && revisions.length > 0 && (
        <ol className="history-list">
          {revisions.map((r) => (
            <li key={r.id}>
              <div className="history-head">
                <strong>{monthLabel(r.month)}</strong> · revision {r.revision} ·{' '}
                <StatusBadge status={r.status} /> · {STATE_LABELS[r.state]} · {r.author},{' '}
                {r.createdAt.slice(0, 16).replace('T', ' ')}
              </div>
              {r.narrative && <p>{r.narrative}</p>}
              {r.comment && <p className="muted">Comment: {r.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
