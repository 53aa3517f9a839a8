// A meeting's details and its chairs (one per line); who else attended is set from the roster in
// the attendance panel, and passed through here unchanged. A save the shared database could not
// take waits for it with the fields as typed, and is made when it answers.
import { useState, type FormEvent } from 'react';
import type { Meeting } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { InputField } from '../../components/InputField';
import { messageOf } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

export interface MeetingFields {
  title: string;
  heldAt: string;
  place: string;
  reportingMonth: string;
  chairs: string[];
  members: string[];
  attendees: string[];
  apologies: string[];
  absent?: Meeting['absent'];
  represented?: Meeting['represented'];
  visitors?: Meeting['visitors'];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

interface Props {
  initial: Meeting | MeetingFields;
  submitLabel: string;
  /** Saves the fields; a refusal is thrown (an ApiError), and said above them. */
  onSubmit(fields: MeetingFields): Promise<void>;
}

export function MeetingForm({ initial, submitLabel, onSubmit }: Props) {
  const months = useApp((s) => s.months);
  const [f, setF] = useState({
    title: initial.title,
    heldAt: initial.heldAt,
    place: initial.place,
    reportingMonth: initial.reportingMonth,
    chairs: initial.chairs.join('\n'),
  });
  const [whenError, setWhenError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<typeof f>) => setF({ ...f, ...change });
  const server = useSaveWhenReachable(() => save());

  async function save() {
    try {
      await onSubmit({
        ...f,
        chairs: lines(f.chairs),
        members: initial.members,
        attendees: initial.attendees,
        apologies: initial.apologies,
        absent: initial.absent ?? [],
        represented: initial.represented ?? [],
        visitors: initial.visitors ?? [],
      });
      server.saved();
      setError(null);
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // A meeting needs its date: said under the date field, with the cursor moved there.
    if (!f.heldAt) {
      setWhenError('Give the date and time of the meeting.');
      document.getElementById('meeting-when')?.focus();
      return;
    }
    setWhenError(null);
    void save();
  }

  const people: [keyof typeof f, string][] = [['chairs', 'Chairs']];
  return (
    <form onSubmit={submit} aria-label="Meeting details">
      <ErrorMessage text={error} />
      <div className="form-grid">
        <InputField id="meeting-title" label="Title" value={f.title} onChange={(v) => set({ title: v })} />
        <InputField
          id="meeting-when"
          label="Date and time"
          type="datetime-local"
          value={f.heldAt}
          error={whenError}
          onChange={(v) => {
            set({ heldAt: v });
            if (v) setWhenError(null);
          }}
        />
        <InputField id="meeting-place" label="Place" value={f.place} onChange={(v) => set({ place: v })} />
        <div className="field">
          <label htmlFor="meeting-month">Reports on</label>
          <select
            id="meeting-month"
            value={f.reportingMonth}
            onChange={(e) => set({ reportingMonth: e.target.value })}
          >
            {months?.months.map((m) => (
              <option key={m.month} value={m.month}>
                {monthLabel(m.month)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-grid">
        {people.map(([key, label]) => (
          <div className="field" key={key}>
            <label htmlFor={`meeting-${key}`}>{label}</label>
            <span className="hint" id={`meeting-${key}-hint`}>
              One name per line
            </span>
            <textarea
              id={`meeting-${key}`}
              rows={4}
              aria-describedby={`meeting-${key}-hint`}
              value={f[key]}
              onChange={(e) => set({ [key]: e.target.value })}
            />
          </div>
        ))}
      </div>
      <button type="submit" className="button button-primary">
        {submitLabel}
      </button>
    </form>
  );
}
