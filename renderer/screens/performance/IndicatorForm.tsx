// Adding an indicator, or editing one: title, where it belongs, unit, which way is better, the
// target and the source. The reference is given by the store and never changes once issued.
import { useState, type FormEvent } from 'react';
import type { IndicatorView } from '../../../shared/contractIndicators';
import {
  BETTER_DIRECTIONS,
  INDICATOR_UNITS,
  UNIT_LABELS,
  type Better,
  type IndicatorUnit,
} from '../../../shared/indicator';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { InputField } from '../../components/InputField';
import { useApp } from '../../state/app';
import { messageOf, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';
import { IndicatorPlacement } from './IndicatorPlacement';

const BETTER_LABELS: Record<Better, string> = {
  lower: 'Lower is better',
  higher: 'Higher is better',
  neither: 'Neither',
};

interface Props {
  indicator?: IndicatorView;
  onDone(ref: string): void;
  onCancel(): void;
}

function numberOrNull(text: string): number | null | 'bad' {
  if (text.trim() === '') return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : 'bad';
}

export function IndicatorForm({ indicator, onDone, onCancel }: Props) {
  const plan = useApp((s) => s.plan);
  const id = indicator ? `edit-${indicator.ref.replace(/\./g, '-')}` : 'add-indicator';
  const [title, setTitle] = useState(indicator?.title ?? '');
  const [outcome, setOutcome] = useState(String(indicator?.outcome ?? ''));
  const [strand, setStrand] = useState(String(indicator?.strand ?? ''));
  const [unit, setUnit] = useState<IndicatorUnit>(indicator?.unit ?? 'count');
  const [per, setPer] = useState(String(indicator?.per ?? '1000'));
  const [better, setBetter] = useState<Better>(indicator?.better ?? 'lower');
  const valueTarget = indicator?.target?.kind === 'value' ? String(indicator.target.value) : '';
  const [target, setTarget] = useState(valueTarget);
  const [source, setSource] = useState(indicator?.source ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const server = useSaveWhenReachable(() => save());

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  // Cancelled while a save waits for the database: the person no longer wants it.
  function cancel() {
    server.saved();
    onCancel();
  }

  // Checks the fields and saves them; run again by itself, with the fields as they are then, when
  // a save refused because the shared database could not be reached can be made.
  async function save() {
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = 'An indicator needs a title.';
    const targetValue = numberOrNull(target);
    if (targetValue === 'bad') found.target = 'A target is a number, such as 85; leave it empty for none.';
    const perValue = numberOrNull(per);
    if (
      unit === 'rate' &&
      (perValue === 'bad' || perValue === null || perValue <= 0 || !Number.isInteger(perValue))
    )
      found.per = 'A rate is per a whole number, such as 1000.';
    setErrors(found);
    if (Object.keys(found).length > 0 || targetValue === 'bad' || perValue === 'bad') return server.saved();
    const fields = {
      title,
      outcome: outcome ? Number(outcome) : null,
      strand: strand ? Number(strand) : null,
      unit,
      per: unit === 'rate' ? perValue : null,
      better,
      source,
      // A change-on-baseline target is kept unless a value is typed over it.
      ...(target !== valueTarget
        ? { target: targetValue === null ? null : { kind: 'value' as const, value: targetValue } }
        : {}),
    };
    try {
      const saved = indicator
        ? await call('indicators.edit', { ref: indicator.ref, ...fields })
        : await call('indicators.add', fields);
      server.saved();
      useNotices.getState().show('success', `${saved.ref} ${indicator ? 'saved' : 'added'}.`);
      onDone(saved.ref);
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{indicator ? `Edit ${indicator.ref}` : 'Add an indicator'}</h2>
      <ErrorMessage text={error} />
      <InputField id={`${id}-name`} label="Title" value={title} onChange={setTitle} error={errors.title} />
      <IndicatorPlacement
        id={id}
        plan={plan}
        outcome={outcome}
        strand={strand}
        onOutcome={setOutcome}
        onStrand={setStrand}
      />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-unit`}>Unit</label>
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value as IndicatorUnit)}>
            {INDICATOR_UNITS.map((u) => (
              <option key={u} value={u}>
                {UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </div>
        {unit === 'rate' && (
          <InputField id={`${id}-per`} label="Rate per" value={per} onChange={setPer} error={errors.per} />
        )}
        <div className="field">
          <label htmlFor={`${id}-better`}>Which way is better</label>
          <select id={`${id}-better`} value={better} onChange={(e) => setBetter(e.target.value as Better)}>
            {BETTER_DIRECTIONS.map((b) => (
              <option key={b} value={b}>
                {BETTER_LABELS[b]}
              </option>
            ))}
          </select>
        </div>
        <InputField
          id={`${id}-target`}
          label="Target (a value; optional)"
          value={target}
          onChange={setTarget}
          error={errors.target}
        />
      </div>
      {indicator?.target?.kind === 'change' && (
        <p className="hint">
          Its target is a {indicator.target.percent}% change on {indicator.target.baselineNote}; typing a
          value replaces it.
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-source`}>Source and how it is counted</label>
        <textarea id={`${id}-source`} rows={2} value={source} onChange={(e) => setSource(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {indicator ? 'Save indicator' : 'Add indicator'}
        </button>
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
