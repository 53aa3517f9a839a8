// Retiring an objective from a month on: it keeps its reference and history and stops reporting.
import { useState, type FormEvent } from 'react';
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
  const [fromMonth, setFromMonth] = useState(current ?? months?.current ?? '');
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);
  const id = `retire-${objective.ref}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await call('plan.retireObjective', { ref: objective.ref, fromMonth });
      show('success', `${objective.ref} retired from ${monthLabel(fromMonth)}. Its history is kept.`);
      await onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Retire {objective.ref}</h3>
      <p>It stops taking updates from the month you choose. Its reference and every past update are kept.</p>
      <ErrorMessage text={error} />
      <div className="field field-narrow">
        <label htmlFor={`${id}-month`}>First month it no longer reports</label>
        <select id={`${id}-month`} value={fromMonth} onChange={(e) => setFromMonth(e.target.value)}>
          {months?.months.map((m) => (
            <option key={m.month} value={m.month}>
              {monthLabel(m.month)}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-danger">
          Retire {objective.ref}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
