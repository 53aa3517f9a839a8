// Submit (strand lead), accept or return with a comment (secretariat) for the active row. A refusal
// is shown here, beside the buttons the person just used.
import { useState } from 'react';
import { ErrorMessage } from '../../components/EmptyState';
import type { RowView } from './rowView';
import { acceptRow, returnRow, submitRow, type Outcome } from './workflow';

interface Props {
  view: RowView;
  month: string;
  error: string | null;
  onOutcome(outcome: Outcome): void;
}

export function WorkflowPanel({ view, month, error, onOutcome }: Props) {
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const ref = view.row.objective.ref;

  async function run(action: () => Promise<Outcome>) {
    setBusy(true);
    const outcome = await action();
    setBusy(false);
    if (outcome.ok) {
      setReturning(false);
      setComment('');
    }
    onOutcome(outcome);
  }

  const canSubmit = view.state === 'draft' || view.state === 'returned' || view.state === null;
  return (
    <div className="workflow" data-testid="workflow">
      {view.state === 'returned' && view.row.working?.comment && (
        <p className="callout">
          <strong>Returned by the secretariat:</strong> {view.row.working.comment}
        </p>
      )}
      <ErrorMessage text={error} />
      <div className="button-row">
        {canSubmit && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => run(() => submitRow(view, month))}
          >
            Submit {ref}
          </button>
        )}
        {view.state === 'submitted' && (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => run(() => acceptRow(ref, month))}
            >
              Accept {ref}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setReturning(true)}>
              Return with a comment
            </button>
          </>
        )}
      </div>
      {returning && (
        <div className="return-form">
          <div className="field">
            <label htmlFor="return-comment">Why is it being returned?</label>
            <textarea
              id="return-comment"
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => run(() => returnRow(ref, month, comment))}
            >
              Return {ref}
            </button>
            <button type="button" className="button-quiet" onClick={() => setReturning(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
