// A name chosen from the roster (Settings → People): a text field with the roster's names offered
// as suggestions. A name not on the roster is asked about before it is added (NewPersonPrompt).
import type { Person } from '../../shared/contract';
import { call } from '../api';
import { useResource } from '../state/resource';

/** The roster, for suggestions; people who have left are not offered. */
export function useRoster() {
  return useResource('people', () => call('people.list'));
}

/** True when a name is on the roster (any case), or empty. */
export function onRoster(people: readonly Person[] | null, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return !wanted || !people || people.some((p) => p.name.toLowerCase() === wanted);
}

interface Props {
  id: string;
  label: string;
  value: string;
  people: readonly Person[] | null;
  onChange(value: string): void;
  error?: string | null;
  hint?: string;
}

export function PersonField({ id, label, value, people, onChange, error, hint }: Props) {
  const names = [...new Set((people ?? []).filter((p) => !p.retired).map((p) => p.name))].sort();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input
        id={id}
        type="text"
        list={`${id}-roster`}
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={error ? 'field-invalid' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={`${id}-roster`}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Asks before a new name joins the roster: add them (as an officer), or go on without. */
export function NewPersonPrompt({
  name,
  onAdd,
  onSkip,
  onCancel,
}: {
  name: string;
  onAdd(): void;
  onSkip(): void;
  onCancel(): void;
}) {
  return (
    <div className="notice notice-warning" role="alertdialog" aria-labelledby="new-person-question">
      <p id="new-person-question">
        <strong>{name}</strong> is not on the roster. Add them to Settings → People as an officer?
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onAdd} autoFocus>
          Add {name} to the roster
        </button>
        <button type="button" className="button" onClick={onSkip}>
          Go on without adding
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Change the name
        </button>
      </div>
    </div>
  );
}

/** Adds a name to the roster as an officer. */
export async function addToRoster(name: string): Promise<void> {
  await call('people.save', { name: name.trim(), role: 'officer' });
}
