// Retiring an indicator from a month (it takes no figures from then and leaves later packs), or
// bringing a retired one back. Its figures and history are kept either way.
import { useState, type FormEvent } from 'react';
import type { IndicatorView } from '../../../shared/contractIndicators';
import { monthLabel, type ReportingMonth } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { InputField } from '../../components/InputField';
import { messageOf, useNotices } from '../../state/notices';

interface Props {
  indicator: IndicatorView;
  month: ReportingMonth | null;
  onDone(): void;
  onCancel(): void;
}

export function RetireIndicator({ indicator, month, onDone, onCancel }: Props) {
  const [from, setFrom] = useState<string>(month ?? '');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const retired = indicator.retiredFrom !== null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!retired && !/^\d{4}-\d{2}$/.test(from)) {
      setFieldError('Choose the first month it no longer reports in.');
      return;
    }
    try {
      await call('indicators.retire', { ref: indicator.ref, fromMonth: retired ? null : from });
      useNotices
        .getState()
        .show(
          'success',
          retired ? `${indicator.ref} reports again.` : `${indicator.ref} retired from ${monthLabel(from)}.`,
        );
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-labelledby="retire-title" noValidate>
      <h2 id="retire-title">{retired ? `Bring back ${indicator.ref}` : `Retire ${indicator.ref}`}</h2>
      <ErrorMessage text={error} />
      {retired && indicator.retiredFrom ? (
        <p>
          It was retired from {monthLabel(indicator.retiredFrom)}. Brought back, it takes figures again and
          returns to the pack.
        </p>
      ) : (
        <div className="form-grid">
          <InputField
            id="retire-month"
            label="First month it no longer reports in"
            type="month"
            value={from}
            onChange={setFrom}
            error={fieldError}
          />
        </div>
      )}
      <p className="hint">Its figures and definition history are kept.</p>
      <div className="button-row">
        <button type="submit" className={retired ? 'button button-primary' : 'button button-danger'}>
          {retired ? 'Bring it back' : 'Retire indicator'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
