// An indicator's definition history, and the secretariat's form to record a change: from that month
// the chart starts a new segment (it is rebased), and a comparison across the change says so.
import { useState, type FormEvent } from 'react';
import type { DefinitionChange } from '../../../shared/contractIndicators';
import { monthLabel, type ReportingMonth } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { InputField } from '../../components/InputField';
import { useApp } from '../../state/app';
import { isLeadCopy } from '../../state/leadCopy';
import { messageOf, useNotices } from '../../state/notices';

interface Props {
  indicatorRef: string;
  changes: DefinitionChange[];
  month: ReportingMonth | null;
  onChanged(): void;
}

export function DefinitionHistory({ indicatorRef, changes, month, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  // A lead's copy enters figures; the definition is the secretariat's.
  const secretariat = !isLeadCopy(useApp((s) => s.settings));
  return (
    <section className="card" aria-labelledby="definition-title">
      <div className="card-head">
        <h2 id="definition-title">Definition history</h2>
        {secretariat && !open && (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            Record a definition change
          </button>
        )}
      </div>
      {changes.length === 0 ? (
        <p className="muted">The definition has not changed: the chart is one series.</p>
      ) : (
        <ol className="history-list" data-testid="definition-history">
          {changes.map((c) => (
            <li key={c.month}>
              <strong>{monthLabel(c.month)}</strong>: {c.note}{' '}
              <span className="small muted">
                (recorded by {c.actor}, {c.at.slice(0, 10)}; the chart is rebased here)
              </span>
            </li>
          ))}
        </ol>
      )}
      {open && (
        <BreakForm
          indicatorRef={indicatorRef}
          month={month}
          onDone={() => {
            setOpen(false);
            onChanged();
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </section>
  );
}

interface BreakFormProps {
  indicatorRef: string;
  month: ReportingMonth | null;
  onDone(): void;
  onCancel(): void;
}

function BreakForm({ indicatorRef, month, onDone, onCancel }: BreakFormProps) {
  const [from, setFrom] = useState<string>(month ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ month?: string; note?: string }>({});
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = {
      month: /^\d{4}-\d{2}$/.test(from) ? undefined : 'Choose the first month counted the new way.',
      note: note.trim() ? undefined : 'Say what changed in the definition.',
    };
    setErrors(found);
    if (found.month || found.note) return;
    try {
      await call('indicators.break', { ref: indicatorRef, month: from, note });
      useNotices
        .getState()
        .show('success', `Definition change recorded for ${indicatorRef} from ${monthLabel(from)}.`);
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} aria-labelledby="break-title" noValidate>
      <h3 id="break-title">Record a definition change</h3>
      <ErrorMessage text={error} />
      <div className="form-grid">
        <InputField
          id="break-month"
          label="First month counted the new way"
          type="month"
          value={from}
          onChange={setFrom}
          error={errors.month}
        />
      </div>
      <div className="field">
        <label htmlFor="break-note">What changed</label>
        <textarea
          id="break-note"
          rows={2}
          value={note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? 'break-note-error' : undefined}
          className={errors.note ? 'field-invalid' : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {errors.note && (
          <p className="field-error" id="break-note-error">
            {errors.note}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          Record the change
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
