// One recorded minute or decision, corrected or removed in place until the minutes are approved. A
// correction the shared database could not take stays in its field and is saved when it answers.
import { useState, type FormEvent } from 'react';
import type { Minute } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

interface Props {
  minute: Minute;
  number: string;
  locked: boolean;
  onSaved(): Promise<void>;
}

export function MinuteItem({ minute: m, number, locked, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(m.text);
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);
  const what = m.kind === 'decision' ? 'decision' : 'minute';
  const inputId = `minute-edit-${m.id}`;

  const server = useSaveWhenReachable(() => correct());

  async function change(work: () => Promise<unknown>, done: string, wait = false) {
    setError(null);
    try {
      await work();
      if (wait) server.saved();
      setEditing(false);
      show('success', done);
      await onSaved();
    } catch (e) {
      setError((wait ? server.waitIfUnreachable(e) : null) ?? messageOf(e));
    }
  }

  function correct() {
    return change(
      () => call('meetings.editMinute', { minuteId: m.id, text }),
      `The ${what} ${number} was corrected.`,
      true,
    );
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void correct();
  }

  return (
    <li id={`minute-${m.id}`} tabIndex={-1} className={m.kind === 'decision' ? 'decision' : undefined}>
      <ErrorMessage text={error} />
      {editing ? (
        <form className="minute-edit" onSubmit={save} aria-label={`Correct ${what} ${number}`}>
          <div className="field">
            <label htmlFor={inputId}>
              Wording of {what} {number}
            </label>
            <input
              id={inputId}
              className="wide"
              type="text"
              value={text}
              autoFocus
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary">
            Save correction
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setEditing(false);
              setText(m.text);
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <>
          {m.kind === 'decision' && <strong>Decision: </strong>}
          {m.text}
          {!locked && (
            <span className="minute-actions">
              <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
                Correct
                <span className="visually-hidden">
                  {' '}
                  {what} {number}
                </span>
              </button>
              <button
                type="button"
                className="button-quiet"
                onClick={() =>
                  void change(
                    () => call('meetings.removeMinute', { minuteId: m.id }),
                    `The ${what} ${number} was removed.`,
                  )
                }
              >
                Remove
                <span className="visually-hidden">
                  {' '}
                  {what} {number}
                </span>
              </button>
            </span>
          )}
        </>
      )}
    </li>
  );
}
