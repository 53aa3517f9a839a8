// One action as a tracker: its notes (dated, by whom, in order), edit and reassign, a progress
// note, complete with a closing note (or reopen), and remove with a reason. Each is audited.
import { useState, type FormEvent } from 'react';
import type { BoardAction } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { ApiError, call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { InputField } from '../../components/InputField';
import { addToRoster, NewPersonPrompt, onRoster, PersonField, useRoster } from '../../components/PersonField';
import { messageOf, useNotices } from '../../state/notices';
import { ActionNotes } from './ActionNotes';

interface Props {
  action: BoardAction;
  onChanged(): Promise<void>;
  onRemoved(): Promise<void>;
}

export function ActionTracker({ action: a, onChanged, onRemoved }: Props) {
  const roster = useRoster();
  const show = useNotices((s) => s.show);
  const id = a.ref.replace(/[^A-Za-z0-9]/g, '-');
  const [description, setDescription] = useState(a.description);
  const [owner, setOwner] = useState(a.owner);
  const [due, setDue] = useState(a.dueDate ?? '');
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmDue, setConfirmDue] = useState<string | null>(null);
  const [askAbout, setAskAbout] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>, done: string, after = onChanged) {
    setError(null);
    try {
      await work();
      show('success', done);
      await after();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'needs_confirmation') setConfirmDue(e.message);
      else setError(messageOf(e));
    }
  }

  async function save(confirmEarlyDue = false) {
    setConfirmDue(null);
    await run(
      () => call('actions.edit', { ref: a.ref, description, owner, dueDate: due || null, confirmEarlyDue }),
      `Action ${a.ref} saved.`,
    );
  }

  function submitEdit(event: FormEvent) {
    event.preventDefault();
    if (!onRoster(roster.data, owner)) setAskAbout(owner.trim());
    else void save();
  }

  return (
    <div className="action-tracker" aria-label={`Action ${a.ref}`} role="group">
      <div>
        <h3>Notes on {a.ref}</h3>
        <ActionNotes action={a} />
        <ErrorMessage text={error} />
      </div>
      <form onSubmit={submitEdit} aria-label={`Edit action ${a.ref}`}>
        <InputField
          id={`${id}-description`}
          label="What is to be done"
          value={description}
          onChange={setDescription}
        />
        <PersonField
          id={`${id}-owner`}
          label="Owner"
          value={owner}
          people={roster.data}
          onChange={setOwner}
        />
        <InputField id={`${id}-due`} label="Due date" type="date" value={due} onChange={setDue} />
        {askAbout && (
          <div className="roster-question">
            <NewPersonPrompt
              name={askAbout}
              onAdd={async () => {
                setAskAbout(null);
                await addToRoster(askAbout);
                await roster.reload();
                await save();
              }}
              onSkip={() => {
                setAskAbout(null);
                void save();
              }}
              onCancel={() => {
                setAskAbout(null);
                document.getElementById(`${id}-owner`)?.focus();
              }}
            />
          </div>
        )}
        {confirmDue && (
          <div className="roster-question" role="alertdialog" aria-labelledby={`${id}-due-question`}>
            <p id={`${id}-due-question`}>{confirmDue}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" autoFocus onClick={() => save(true)}>
                Keep {due ? dateLabel(due) : 'this date'}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setConfirmDue(null);
                  document.getElementById(`${id}-due`)?.focus();
                }}
              >
                Change the date
              </button>
            </div>
          </div>
        )}
        <button type="submit" className="button">
          Save changes<span className="visually-hidden"> to {a.ref}</span>
        </button>
      </form>
      {a.status === 'complete' ? (
        <form
          aria-label={`Reopen action ${a.ref}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => call('actions.reopen', { ref: a.ref, note }), `Action ${a.ref} reopened.`);
          }}
        >
          <InputField
            id={`${id}-reopen`}
            label="Why it is reopened (optional)"
            value={note}
            onChange={setNote}
          />
          <button type="submit" className="button">
            Reopen<span className="visually-hidden"> {a.ref}</span>
          </button>
        </form>
      ) : (
        <>
          <form
            aria-label={`Add a progress note to ${a.ref}`}
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await call('actions.note', { ref: a.ref, text: note });
                setNote('');
              }, `Note added to ${a.ref}.`);
            }}
          >
            <InputField id={`${id}-note`} label="Progress note" value={note} onChange={setNote} />
            <button type="submit" className="button">
              Add note<span className="visually-hidden"> to {a.ref}</span>
            </button>
          </form>
          <form
            aria-label={`Complete action ${a.ref}`}
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () => call('actions.complete', { ref: a.ref, note: closing }),
                `Action ${a.ref} completed.`,
              );
            }}
          >
            <InputField id={`${id}-closing`} label="Closing note" value={closing} onChange={setClosing} />
            <button type="submit" className="button button-primary">
              Complete<span className="visually-hidden"> {a.ref}</span>
            </button>
          </form>
        </>
      )}
      <form
        aria-label={`Remove action ${a.ref}`}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => call('actions.remove', { ref: a.ref, reason }),
            `Action ${a.ref} removed from the log.`,
            onRemoved,
          );
        }}
      >
        <InputField id={`${id}-reason`} label="Why remove it" value={reason} onChange={setReason} />
        <button type="submit" className="button button-danger">
          Remove<span className="visually-hidden"> {a.ref}</span>
        </button>
      </form>
    </div>
  );
}
