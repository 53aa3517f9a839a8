// Submit (strand lead), accept or return with a comment (secretariat) for the active row. A refusal
// is shown here, beside the buttons the person just used.
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/EmptyState';
import type { RowView } from './rowView';
import { acceptRow, returnRow, submitRow, RETURN_NEEDS_REASON, type Outcome } from './workflow';
import { GRID_ID } from './GridTable';

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
  const [commentError, setCommentError] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const returnButton = useRef<HTMLButtonElement>(null);
  const ref = view.row.objective.ref;

  // Opening the return form puts the cursor in its one field.
  useEffect(() => {
    if (returning) commentRef.current?.focus();
  }, [returning]);

  async function run(action: () => Promise<Outcome>) {
    setBusy(true);
    const outcome = await action();
    setBusy(false);
    if (outcome.ok) {
      setReturning(false);
      setComment('');
      setCommentError(null);
      // The button just used is gone with the state it belonged to: back to the grid, whose keys
      // carry on from the same row. The notice area has said what happened.
      document.getElementById(GRID_ID)?.focus();
    }
    onOutcome(outcome);
  }

  function returnWithComment() {
    if (!comment.trim()) {
      setCommentError(RETURN_NEEDS_REASON);
      commentRef.current?.focus();
      return;
    }
    setCommentError(null);
    void run(() => returnRow(ref, month, comment, view.row.working?.version));
  }

  function cancelReturn() {
    setReturning(false);
    setCommentError(null);
    // The form is gone; the button that opened it is the place to continue from.
    window.setTimeout(() => returnButton.current?.focus());
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
              onClick={() => run(() => acceptRow(ref, month, view.row.working?.version))}
            >
              Accept {ref}
            </button>
            <button
              type="button"
              className="button"
              ref={returnButton}
              disabled={busy}
              aria-expanded={returning}
              onClick={() => setReturning(true)}
            >
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
              ref={commentRef}
              rows={2}
              value={comment}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={commentError ? 'return-comment-error' : undefined}
              className={commentError ? 'field-invalid' : undefined}
              onChange={(e) => {
                setComment(e.target.value);
                if (e.target.value.trim()) setCommentError(null);
              }}
            />
            {commentError && (
              <p className="field-error" id="return-comment-error">
                {commentError}
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={returnWithComment}>
              Return {ref}
            </button>
            <button type="button" className="button-quiet" onClick={cancelReturn}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
