// Each incoming update beside the one this copy holds, with accept (take theirs) or reject (keep
// ours) for each; a conflict is an update changed here after the request went out.
import type { ReturnPreviewView } from '../../../shared/contract';
import { CLEAR_EXCHANGE_FILE_WARNING } from '../../../shared/contractOffline';
import { monthLabel } from '../../../shared/months';
import { StatusBadge } from '../../components/StatusBadge';

export type Decisions = Record<string, 'accept' | 'reject'>;
type Item = ReturnPreviewView['updates'][number];

export function ReturnReview(props: {
  preview: ReturnPreviewView;
  decisions: Decisions;
  onDecide: (ref: string, decision: 'accept' | 'reject') => void;
  onApply: (acceptAll: boolean) => void;
}) {
  const { preview, decisions } = props;
  const conflicts = preview.updates.filter((u) => u.conflict);
  const undecidedConflicts = conflicts.filter((u) => !decisions[u.ref]).length;
  const undecided = preview.updates.filter((u) => !decisions[u.ref]).length;
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
      <table className="offline-review">
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
            <ReviewRow key={item.ref} item={item} decision={decisions[item.ref]} onDecide={props.onDecide} />
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={undecidedConflicts > 0}
          onClick={() => props.onApply(true)}
        >
          Accept all{conflicts.length ? ' others' : ''}
        </button>
        <button
          type="button"
          className="button"
          disabled={undecided > 0}
          onClick={() => props.onApply(false)}
        >
          Apply my decisions
        </button>
      </div>
      {undecidedConflicts > 0 && (
        <p className="small muted">Choose keep ours or take theirs for each conflict first.</p>
      )}
    </div>
  );
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
  onDecide: (ref: string, decision: 'accept' | 'reject') => void;
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
                onChange={() => props.onDecide(item.ref, d)}
              />{' '}
              {words[d]}
            </label>
          ))}
        </fieldset>
      </td>
    </tr>
  );
}
