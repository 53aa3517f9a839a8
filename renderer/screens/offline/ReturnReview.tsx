// Each incoming update beside the one this copy holds, with accept (take theirs) or reject (keep
// ours) for each; a conflict is an update changed here after the request went out.
import { useState } from 'react';
import type { ReturnPreviewView } from '../../../shared/contract';
import { CLEAR_EXCHANGE_FILE_WARNING } from '../../../shared/contractOffline';
import { monthLabel } from '../../../shared/months';
import { StatusBadge } from '../../components/StatusBadge';

export type Decisions = Record<string, 'accept' | 'reject'>;
type Item = ReturnPreviewView['updates'][number];

export function ReturnReview(props: {
  preview: ReturnPreviewView;
  decisions: Decisions;
  /** Why each rejected update is rejected: it goes back to the lead with the next request. */
  reasons: Record<string, string>;
  onReason: (ref: string, text: string) => void;
  onDecide: (ref: string, decision: 'accept' | 'reject') => void;
  /** Marks each update without a decision as Accepted, leaving every decision already made alone. */
  onAcceptUndecided: (refs: string[]) => void;
  onApply: () => void;
}) {
  const { preview, decisions } = props;
  const [missing, setMissing] = useState<string | null>(null);
  const [marked, setMarked] = useState<string | null>(null);
  const [unexplained, setUnexplained] = useState<string[]>([]);
  const conflicts = preview.updates.filter((u) => u.conflict);
  const undecided = preview.updates.filter((u) => !decisions[u.ref]);
  // Conflicts need a choice each: the bulk button only reaches updates that are not in conflict.
  const bulk = undecided.filter((u) => !u.conflict).map((u) => u.ref);
  const accepted = preview.updates.filter((u) => decisions[u.ref] === 'accept').length;
  const rejected = preview.updates.filter((u) => decisions[u.ref] === 'reject').length;

  function acceptUndecided() {
    props.onAcceptUndecided(bulk);
    setMissing(null);
    setMarked(
      `${plural(bulk.length, 'update')} marked Accept: ${bulk.join(', ')}. Your other decisions are unchanged; apply when ready.`,
    );
  }

  function apply() {
    setMarked(null);
    // A rejection (not keeping ours in a conflict) needs its reason, asked for at its own field.
    const needReason = preview.updates
      .filter((u) => decisions[u.ref] === 'reject' && !u.conflict && !props.reasons[u.ref]?.trim())
      .map((u) => u.ref);
    setUnexplained(needReason);
    if (undecided.length === 0 && needReason.length > 0) {
      setMissing(null);
      document.getElementById(reasonId(needReason[0]))?.focus();
      return;
    }
    if (undecided.length === 0) {
      setMissing(null);
      props.onApply();
      return;
    }
    const refs = undecided.map((u) => u.ref);
    setMissing(
      `No decision yet for ${refs.join(', ')}: choose for each${bulk.length ? ', or mark them Accept with the button' : ''}. Nothing was changed.`,
    );
    // Straight to the first row still waiting, so the keyboard continues where the work is.
    document.querySelector<HTMLInputElement>(`input[name="decide-${CSS.escape(refs[0])}"]`)?.focus();
  }

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
      <p className="small">
        {preview.updates.length} update{preview.updates.length === 1 ? '' : 's'} in the file
        {conflicts.length > 0 ? `, ${conflicts.length} in conflict` : ''}. Accepted updates are recorded as{' '}
        {preview.leadName}&apos;s.
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
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Incoming updates">
        <table className="offline-review" aria-describedby={missing ? 'review-missing' : undefined}>
          <caption className="visually-hidden">Incoming updates beside the updates held here</caption>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col">Here now</th>
              <th scope="col">From the lead</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {preview.updates.map((item) => (
              <ReviewRow
                key={item.ref}
                item={item}
                decision={decisions[item.ref]}
                invalid={missing !== null && !decisions[item.ref]}
                onDecide={props.onDecide}
                reason={props.reasons[item.ref] ?? ''}
                reasonMissing={unexplained.includes(item.ref) && !props.reasons[item.ref]?.trim()}
                onReason={props.onReason}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="small" data-testid="review-tally">
        So far: {accepted} to accept, {rejected} to reject, {undecided.length} without a decision.
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={apply}>
          Apply my decisions
        </button>
        {bulk.length > 0 && (
          <button type="button" className="button" data-testid="accept-undecided" onClick={acceptUndecided}>
            Mark the {plural(bulk.length, 'update')} without a decision Accept
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

function reasonId(ref: string): string {
  return `reject-reason-${ref}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function UpdateCell({
  update,
}: {
  update: { status: Item['incoming']['status']; narrative: string } | null;
}) {
  if (!update) return <span className="muted small">Nothing yet</span>;
  return (
    <>
      <StatusBadge status={update.status} />
      {update.narrative && <p className="offline-narrative">{update.narrative}</p>}
    </>
  );
}

function ReviewRow(props: {
  item: Item;
  decision: 'accept' | 'reject' | undefined;
  invalid: boolean;
  onDecide: (ref: string, decision: 'accept' | 'reject') => void;
  reason: string;
  reasonMissing: boolean;
  onReason: (ref: string, text: string) => void;
}) {
  const { item, decision } = props;
  const name = `decide-${item.ref}`;
  const words = item.conflict
    ? { accept: 'Take theirs', reject: 'Keep ours' }
    : { accept: 'Accept', reject: 'Reject' };
  return (
    <tr data-ref={item.ref} className={item.conflict ? 'offline-conflict' : undefined}>
      <th scope="row">
        <span className="mono">{item.ref}</span> {item.objective}
        {item.conflict && (
          <p className="offline-conflict-mark">
            <strong>Conflict:</strong> changed here after the request went out.
          </p>
        )}
      </th>
      <td>
        <UpdateCell update={item.current} />
        {item.current && (
          <p className="small muted">
            {item.current.state}, by {item.current.author}
          </p>
        )}
      </td>
      <td>
        <UpdateCell update={item.incoming} />
      </td>
      <td>
        <fieldset className="offline-decision">
          <legend className="visually-hidden">Decision for {item.ref}</legend>
          {(['accept', 'reject'] as const).map((d) => (
            <label key={d}>
              <input
                type="radio"
                name={name}
                value={d}
                checked={decision === d}
                aria-invalid={props.invalid || undefined}
                onChange={() => props.onDecide(item.ref, d)}
              />{' '}
              {words[d]}
            </label>
          ))}
        </fieldset>
        {decision === 'reject' && (
          <RejectReason
            item={item}
            reason={props.reason}
            missing={props.reasonMissing}
            onReason={props.onReason}
          />
        )}
      </td>
    </tr>
  );
}

/** Why the update is rejected: required for a rejection, optional when keeping ours in a conflict. */
function RejectReason(props: {
  item: Item;
  reason: string;
  missing: boolean;
  onReason: (ref: string, text: string) => void;
}) {
  const { item } = props;
  const id = reasonId(item.ref);
  const label = item.conflict ? 'Why keep ours? (optional)' : 'Why is it rejected?';
  return (
    <div className="field offline-reason">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={props.reason}
        aria-invalid={props.missing || undefined}
        aria-describedby={props.missing ? `${id}-error` : `${id}-hint`}
        onChange={(e) => props.onReason(item.ref, e.target.value)}
      />
      {props.missing ? (
        <span className="field-error" id={`${id}-error`}>
          Say why {item.ref} is rejected: the reason goes back to the strand lead with the next request.
        </span>
      ) : (
        <span className="hint" id={`${id}-hint`}>
          Sent to the strand lead with the next request.
        </span>
      )}
    </div>
  );
}
