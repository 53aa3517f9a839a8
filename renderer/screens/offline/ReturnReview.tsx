// A lead's return under review: its updates and its indicator figures, each beside what this copy
// holds, to accept or reject one by one (or the undecided ones in bulk), then apply in one go.
import { useState } from 'react';
import type { ReturnPreviewView } from '../../../shared/contract';
import { CLEAR_EXCHANGE_FILE_WARNING } from '../../../shared/contractOffline';
import { monthLabel } from '../../../shared/months';
import { FigureReviewTable } from './FigureReviewTable';
import {
  countedItems,
  decisionName,
  plural,
  reasonId,
  type Decision,
  type ItemKind,
  type ReviewChoices,
} from './reviewChoices';
import { UpdateReviewTable } from './UpdateReviewTable';

export function ReturnReview(props: {
  preview: ReturnPreviewView;
  choices: ReviewChoices;
  onDecide: (kind: ItemKind, id: string, decision: Decision) => void;
  onReason: (kind: ItemKind, id: string, text: string) => void;
  /** Marks each item without a decision as Accepted, leaving every decision already made alone. */
  onAcceptUndecided: (undecided: { updates: string[]; figures: string[] }) => void;
  onApply: () => void;
}) {
  const { preview, choices } = props;
  const [missing, setMissing] = useState<string | null>(null);
  const [marked, setMarked] = useState<string | null>(null);
  const [unexplained, setUnexplained] = useState<string[]>([]);
  const undecidedUpdates = preview.updates.filter((u) => !choices.decisions[u.ref]);
  const undecidedFigures = preview.figures.filter((f) => !choices.figureDecisions[f.key]);
  // Conflicts need a choice each: the bulk button only reaches items that are not in conflict.
  const bulk = {
    updates: undecidedUpdates.filter((u) => !u.conflict).map((u) => u.ref),
    figures: undecidedFigures.filter((f) => !f.conflict).map((f) => f.key),
  };
  const bulkCount = countedItems(bulk.updates.length, bulk.figures.length);

  function acceptUndecided() {
    props.onAcceptUndecided(bulk);
    setMissing(null);
    setMarked(
      `${bulkCount} marked Accept: ${[...bulk.updates, ...bulk.figures].join(', ')}. Your other decisions are unchanged; apply when ready.`,
    );
  }

  function apply() {
    setMarked(null);
    // A rejected update (not keeping ours in a conflict) needs its reason, asked for at its field.
    const needReason = preview.updates
      .filter((u) => choices.decisions[u.ref] === 'reject' && !u.conflict && !choices.reasons[u.ref]?.trim())
      .map((u) => u.ref);
    setUnexplained(needReason);
    const waiting = [
      ...undecidedUpdates.map((u) => ({ kind: 'update' as const, id: u.ref })),
      ...undecidedFigures.map((f) => ({ kind: 'figure' as const, id: f.key })),
    ];
    if (waiting.length === 0 && needReason.length > 0) {
      setMissing(null);
      document.getElementById(reasonId('update', needReason[0]))?.focus();
      return;
    }
    if (waiting.length === 0) {
      setMissing(null);
      props.onApply();
      return;
    }
    setMissing(
      `No decision yet for ${waiting.map((w) => w.id).join(', ')}: choose for each${bulkCount ? ', or mark them Accept with the button' : ''}. Nothing was changed.`,
    );
    // Straight to the first row still waiting, so the keyboard continues where the work is.
    const first = decisionName(waiting[0].kind, waiting[0].id);
    document.querySelector<HTMLInputElement>(`input[name="${CSS.escape(first)}"]`)?.focus();
  }

  const tableProps = {
    showUndecided: missing !== null,
    unexplained,
    describedBy: missing ? 'review-missing' : undefined,
    onDecide: props.onDecide,
    onReason: props.onReason,
  };
  return (
    <div data-testid="return-review">
      <h3>
        Strand {preview.strandNumber}. {preview.strandTitle} — {monthLabel(preview.month)}, from{' '}
        {preview.author}
      </h3>
      {!preview.encrypted && (
        <p className="offline-clear-warning" data-testid="clear-file-warning">
          {CLEAR_EXCHANGE_FILE_WARNING}
        </p>
      )}
      <ReturnSummary preview={preview} />
      {preview.updates.length > 0 && (
        <UpdateReviewTable
          updates={preview.updates}
          decisions={choices.decisions}
          reasons={choices.reasons}
          {...tableProps}
        />
      )}
      {preview.figures.length > 0 && (
        <>
          <h4 className="offline-review-heading">Indicator figures</h4>
          <FigureReviewTable
            figures={preview.figures}
            decisions={choices.figureDecisions}
            reasons={choices.figureReasons}
            {...tableProps}
          />
        </>
      )}
      <ReviewTally preview={preview} choices={choices} />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={apply}>
          Apply my decisions
        </button>
        {bulkCount !== '' && (
          <button type="button" className="button" data-testid="accept-undecided" onClick={acceptUndecided}>
            Mark the {bulkCount} without a decision Accept
          </button>
        )}
      </div>
      {missing && (
        <p className="field-error" id="review-missing" role="alert">
          {missing}
        </p>
      )}
      <p className="small" role="status">
        {marked}
      </p>
    </div>
  );
}

function ReturnSummary({ preview }: { preview: ReturnPreviewView }) {
  const conflicts = preview.conflicts.length;
  const figureConflicts = preview.figureConflicts.length;
  const figures = preview.figures.length;
  return (
    <>
      <p className="small">
        {plural(preview.updates.length, 'update')} in the file
        {conflicts > 0 ? `, ${conflicts} in conflict` : ''}
        {figures > 0
          ? `; ${plural(figures, 'indicator figure')}${figureConflicts > 0 ? `, ${figureConflicts} in conflict` : ''}`
          : ''}
        . Accepted {figures > 0 ? 'updates and figures are' : 'updates are'} recorded as {preview.leadName}
        &apos;s.
      </p>
      {preview.unanswered.length > 0 && (
        <details className="small">
          <summary>
            {preview.unanswered.length} objective{preview.unanswered.length === 1 ? '' : 's'} not answered
            (left as they are here)
          </summary>
          <p>{preview.unanswered.join(', ')}</p>
        </details>
      )}
    </>
  );
}

function ReviewTally({ preview, choices }: { preview: ReturnPreviewView; choices: ReviewChoices }) {
  const count = (ids: string[], decisions: Record<string, Decision>) => {
    const accept = ids.filter((id) => decisions[id] === 'accept').length;
    const reject = ids.filter((id) => decisions[id] === 'reject').length;
    return `${accept} to accept, ${reject} to reject, ${ids.length - accept - reject} without a decision`;
  };
  const updates = count(
    preview.updates.map((u) => u.ref),
    choices.decisions,
  );
  const figures = count(
    preview.figures.map((f) => f.key),
    choices.figureDecisions,
  );
  return (
    <p className="small" data-testid="review-tally">
      {preview.figures.length === 0
        ? `So far: ${updates}.`
        : `So far, updates: ${updates}; figures: ${figures}.`}
    </p>
  );
}
