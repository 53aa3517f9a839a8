// Minutes and decisions, started from the agenda: each item's heading is the place for its
// minutes. They are corrected or removed until the next meeting approves them, then locked; the
// "Minutes and actions of the last meeting" item is where this meeting approves the last one's.
// A minute the shared database could not take stays in its field and is added when it answers.
import { useState, type FormEvent } from 'react';
import type { AgendaItem, Meeting, Minute, MinutesApproval } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';
import { ApproveMinutes } from './ApproveMinutes';
import { MinuteItem } from './MinuteItem';

interface Props {
  meeting: Meeting;
  previous: Meeting | null;
  agenda: AgendaItem[];
  minutes: Minute[];
  approval: MinutesApproval | null;
  previousApproval: MinutesApproval | null;
  onSaved(): Promise<void>;
}

/** The standing item at which the last meeting's minutes are approved. */
function isApprovalItem(item: AgendaItem): boolean {
  return item.packSection === 'minutes' || (/minutes/i.test(item.title) && /last meeting/i.test(item.title));
}

export function MinutesPanel({
  meeting,
  previous,
  agenda,
  minutes,
  approval,
  previousApproval,
  onSaved,
}: Props) {
  const meetingId = meeting.id;
  const locked = approval !== null;
  const approvalItem = agenda.find(isApprovalItem);
  const groups: { item: AgendaItem | null; label: string }[] = [
    ...agenda.map((a) => ({ item: a, label: `${a.position}. ${a.title}` })),
    { item: null, label: 'General' },
  ];
  return (
    <div className="card">
      <h2>Minutes and decisions</h2>
      {approval && (
        <p className="minutes-locked">
          Approved on {dateLabel(approval.approvedOn)} by {approval.approvedBy}
          {approval.corrections ? ` (corrections noted: ${approval.corrections})` : ''}. These minutes are
          locked.
        </p>
      )}
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
                {mine.map((m, i) => (
                  <MinuteItem
                    key={m.id}
                    minute={m}
                    number={`${item ? item.position : 'general'}.${i + 1}`}
                    locked={locked}
                    onSaved={onSaved}
                  />
                ))}
              </ul>
            )}
            {item && previous && item.id === approvalItem?.id && (
              <ApproveMinutes
                meeting={meeting}
                previous={previous}
                approval={previousApproval}
                onSaved={onSaved}
              />
            )}
            {item && !locked && <AddMinute meetingId={meetingId} item={item} onSaved={onSaved} />}
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
  const server = useSaveWhenReachable(() => add());

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!text.trim()) {
      setTextError(`A ${kind} cannot be empty: write it, then add it.`);
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setTextError(null);
    void add();
  }

  async function add() {
    // Emptied while the save waited for the database: nothing to add.
    if (!text.trim()) return server.saved();
    try {
      await call('meetings.addMinute', { meetingId, agendaItemId: item.id, kind, text });
      server.saved();
      setError(null);
      setText('');
      await onSaved();
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
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
