// The decision cell of a return's review row, shared by updates and figures: Accept or Reject
// (Take theirs or Keep ours in a conflict), and the field asking why, once rejected.
import { decisionName, reasonId, type Decision, type ItemKind } from './reviewChoices';

export function DecisionRadios(props: {
  kind: ItemKind;
  id: string;
  /** What the legend names, when the id alone is terse ("S2.M1a, October 2007"). */
  label?: string;
  conflict: boolean;
  decision: Decision | undefined;
  invalid: boolean;
  onDecide: (kind: ItemKind, id: string, decision: Decision) => void;
}) {
  const { kind, id } = props;
  const words = props.conflict
    ? { accept: 'Take theirs', reject: 'Keep ours' }
    : { accept: 'Accept', reject: 'Reject' };
  return (
    <fieldset className="offline-decision">
      <legend className="visually-hidden">Decision for {props.label ?? id}</legend>
      {(['accept', 'reject'] as const).map((d) => (
        <label key={d}>
          <input
            type="radio"
            name={decisionName(kind, id)}
            value={d}
            checked={props.decision === d}
            aria-invalid={props.invalid || undefined}
            onChange={() => props.onDecide(kind, id, d)}
          />{' '}
          {words[d]}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Why the item is rejected. An update's reason goes back to the lead and is required, except when
 * keeping ours in a conflict; a figure's is kept in the audit log only, and always optional (the
 * lead's next request shows the figure held here).
 */
export function RejectReason(props: {
  kind: ItemKind;
  id: string;
  conflict: boolean;
  reason: string;
  missing: boolean;
  onReason: (kind: ItemKind, id: string, text: string) => void;
}) {
  const { kind, id } = props;
  const fieldId = reasonId(kind, id);
  const optional = props.conflict || kind === 'figure';
  const label = props.conflict ? 'Why keep ours?' : 'Why is it rejected?';
  const hint =
    kind === 'update'
      ? 'Sent to the strand lead with the next request.'
      : 'Kept in the audit log; the next request shows the lead the figure held here.';
  return (
    <div className="field offline-reason">
      <label htmlFor={fieldId}>
        {label}
        {optional ? ' (optional)' : ''}
      </label>
      <textarea
        id={fieldId}
        rows={2}
        value={props.reason}
        aria-invalid={props.missing || undefined}
        aria-describedby={props.missing ? `${fieldId}-error` : `${fieldId}-hint`}
        onChange={(e) => props.onReason(kind, id, e.target.value)}
      />
      {props.missing ? (
        <span className="field-error" id={`${fieldId}-error`}>
          Say why {id} is rejected: the reason goes back to the strand lead with the next request.
        </span>
      ) : (
        <span className="hint" id={`${fieldId}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
