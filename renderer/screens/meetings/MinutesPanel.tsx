// Minutes and decisions, recorded against each agenda item (or the meeting as a whole).
import { useState, type FormEvent } from 'react';
import type { AgendaItem, Minute } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';

interface Props {
  meetingId: number;
  agenda: AgendaItem[];
  minutes: Minute[];
  onSaved(): Promise<void>;
}

export function MinutesPanel({ meetingId, agenda, minutes, onSaved }: Props) {
  const groups: { item: AgendaItem | null; label: string }[] = [
    ...agenda.map((a) => ({ item: a, label: `${a.position}. ${a.title}` })),
    { item: null, label: 'General' },
  ];
  return (
    <div className="card">
      <h2>Minutes and decisions</h2>
      {groups.map(({ item, label }) => {
        const mine = minutes.filter((m) => m.agendaItemId === (item?.id ?? null));
        if (!item && mine.length === 0) return null;
        return (
          <div className="minute-group" key={item?.id ?? 'general'}>
            <h3>{label}</h3>
            {mine.length === 0 ? (
              <p className="muted small">Nothing minuted yet.</p>
            ) : (
              <ul className="minute-list">
                {mine.map((m) => (
                  <li
                    key={m.id}
                    id={`minute-${m.id}`}
                    tabIndex={-1}
                    className={m.kind === 'decision' ? 'decision' : undefined}
                  >
                    {m.kind === 'decision' && <strong>Decision: </strong>}
                    {m.text}
                  </li>
                ))}
              </ul>
            )}
            {item && <AddMinute meetingId={meetingId} item={item} onSaved={onSaved} />}
          </div>
        );
      })}
    </div>
  );
}

function AddMinute({
  meetingId,
  item,
  onSaved,
}: {
  meetingId: number;
  item: AgendaItem;
  onSaved(): Promise<void>;
}) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'minute' | 'decision'>('minute');
  const [error, setError] = useState<string | null>(null);
  const id = `minute-${item.id}`;

  const [textError, setTextError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!text.trim()) {
      setTextError(`A ${kind} cannot be empty: write it, then add it.`);
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setTextError(null);
    try {
      await call('meetings.addMinute', { meetingId, agendaItemId: item.id, kind, text });
      setText('');
      await onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <form className="add-minute" onSubmit={submit} aria-label={`Add a minute to item ${item.position}`}>
      <ErrorMessage text={error} />
      <div className="field-inline">
        <label className="visually-hidden" htmlFor={`${id}-kind`}>
          Kind of note for item {item.position}
        </label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'minute' | 'decision')}
        >
          <option value="minute">Minute</option>
          <option value="decision">Decision</option>
        </select>
        <label className="visually-hidden" htmlFor={`${id}-text`}>
          Text of the {kind} for item {item.position}
        </label>
        <input
          id={`${id}-text`}
          type="text"
          className="wide"
          value={text}
          placeholder={`Add a ${kind}`}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${id}-text-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim()) setTextError(null);
          }}
        />
        <button type="submit" className="button">
          Add<span className="visually-hidden"> to item {item.position}</span>
        </button>
      </div>
      {textError && (
        <p className="field-error" id={`${id}-text-error`}>
          {textError}
        </p>
      )}
    </form>
  );
}
