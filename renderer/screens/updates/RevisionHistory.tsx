// The objective's status month by month (the plan so far), and every revision of its updates,
// newest first, loaded when the person opens them.
import { useState } from 'react';
import type { Update } from '../../../shared/domain';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusStrip } from '../../components/StatusStrip';
import { useResource } from '../../state/resource';
import { messageOf } from '../../state/notices';
import { STATE_LABELS } from './rowView';

interface Props {
  objectiveRef: string;
  month: string;
  /** Changes when this month's update does (saved, submitted, accepted): the strip is asked again. */
  working: string;
}

export function RevisionHistory({ objectiveRef, month, working }: Props) {
  const [revisions, setRevisions] = useState<Update[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const strip = useResource(`strip:${objectiveRef}@${month}:${working}`, () =>
    call('updates.statusStrip', { ref: objectiveRef, to: month }),
  );

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
    <div className="objective-history">
      <h3 className="small">Status month by month</h3>
      {strip.data && (
        <StatusStrip
          strip={strip.data}
          label={`Status of ${objectiveRef} month by month, to ${monthLabel(month)}`}
        />
      )}
      <ErrorMessage text={strip.error} />
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
    </div>
  );
}
