// A return's updates, each beside the one this copy holds, with accept (take theirs) or reject
// (keep ours) for each; a conflict is an update changed here after the request went out.
import type { ReturnPreviewView } from '../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { DecisionRadios, RejectReason } from './DecisionControls';
import type { Decision, Decisions, ItemKind, Reasons } from './reviewChoices';

type Item = ReturnPreviewView['updates'][number];

export interface ReviewTableProps {
  decisions: Decisions;
  reasons: Reasons;
  /** Rows to mark as still waiting for a decision (after Apply was pressed too soon). */
  showUndecided: boolean;
  /** Rejections whose required reason is missing. */
  unexplained: readonly string[];
  describedBy: string | undefined;
  onDecide: (kind: ItemKind, id: string, decision: Decision) => void;
  onReason: (kind: ItemKind, id: string, text: string) => void;
}

export function UpdateReviewTable(props: ReviewTableProps & { updates: readonly Item[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Incoming updates">
      <table className="offline-review" aria-describedby={props.describedBy}>
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
          {props.updates.map((item) => (
            <UpdateRow key={item.ref} item={item} {...props} />
          ))}
        </tbody>
      </table>
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

function UpdateRow(props: ReviewTableProps & { item: Item }) {
  const { item } = props;
  const decision = props.decisions[item.ref];
  const reason = props.reasons[item.ref] ?? '';
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
        <DecisionRadios
          kind="update"
          id={item.ref}
          conflict={item.conflict}
          decision={decision}
          invalid={props.showUndecided && !decision}
          onDecide={props.onDecide}
        />
        {decision === 'reject' && (
          <RejectReason
            kind="update"
            id={item.ref}
            conflict={item.conflict}
            reason={reason}
            missing={props.unexplained.includes(item.ref) && !reason.trim()}
            onReason={props.onReason}
          />
        )}
      </td>
    </tr>
  );
}
