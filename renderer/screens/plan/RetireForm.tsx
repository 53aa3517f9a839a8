// Retiring an objective from a month on: it keeps its reference and history and stops reporting.
// The form asks first: choosing the month, then confirming what retiring will do.
import { useRef, useState, type FormEvent } from 'react';
import type { ObjectiveWithStatus } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf, useNotices } from '../../state/notices';
import { useSession } from '../../state/session';

export function RetireForm({
  objective,
  onDone,
  onCancel,
}: {
  objective: ObjectiveWithStatus;
  onDone(): Promise<void>;
  onCancel(): void;
}) {
  const months = useApp((s) => s.months);
  const current = useSession((s) => s.month);
  // An objective cannot be retired before it starts reporting.
  const choices = (months?.months ?? []).filter((m) => m.month >= objective.startMonth);
  const wanted = current ?? months?.current ?? '';
  const [fromMonth, setFromMonth] = useState(
    wanted >= objective.startMonth ? wanted : (choices[0]?.month ?? objective.startMonth),
  );
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const id = `retire-${objective.ref}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAsking(true);
    // The question replaces the month field; focus goes to its answer so the keyboard path continues.
    requestAnimationFrame(() => confirmRef.current?.focus());
  }

  async function retire() {
    try {
      await call('plan.retireObjective', { ref: objective.ref, fromMonth });
      show(
        'success',
        `${objective.ref} retired from ${monthLabel(fromMonth)}. Its history is kept; tick "Show retired objectives" to un-retire it.`,
      );
      await onDone();
    } catch (e) {
      setAsking(false);
      setError(messageOf(e));
    }
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Retire {objective.ref}</h3>
      <p>It stops taking updates from the month you choose. Its reference and every past update are kept.</p>
      <ErrorMessage text={error} />
      {!asking ? (
        <>
          <div className="field field-narrow">
            <label htmlFor={`${id}-month`}>First month it no longer reports</label>
            <select id={`${id}-month`} value={fromMonth} onChange={(e) => setFromMonth(e.target.value)}>
              {choices.map((m) => (
                <option key={m.month} value={m.month}>
                  {monthLabel(m.month)}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button type="submit" className="button button-danger">
              Retire {objective.ref}…
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <div role="alertdialog" aria-labelledby={`${id}-question`} aria-describedby={`${id}-effect`}>
          <p id={`${id}-question`}>
            <strong>
              Retire {objective.ref} from {monthLabel(fromMonth)}?
            </strong>
          </p>
          <p id={`${id}-effect`}>
            From {monthLabel(fromMonth)} it leaves the counts, the packs, the updates export and requests to
            strand {objective.strandNumber}. Earlier months keep it and its updates. You can un-retire it
            later.
          </p>
          <div className="button-row">
            <button ref={confirmRef} type="button" className="button button-danger" onClick={retire}>
              Yes, retire {objective.ref}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              No, keep it
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
