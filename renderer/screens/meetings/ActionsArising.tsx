// Actions arising at this meeting, and raising a new one.
import { useState, type FormEvent } from 'react';
import type { AgendaItem, BoardAction } from '../../../shared/contract';
import { ApiError, call } from '../../api';
import { addToRoster, NewPersonPrompt, onRoster, PersonField, useRoster } from '../../components/PersonField';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';
import { ActionsTable } from './ActionsTable';

interface Props {
  meetingId: number;
  agenda: AgendaItem[];
  actions: BoardAction[];
  onSaved(): Promise<void>;
}

export function ActionsArising({ meetingId, agenda, actions, onSaved }: Props) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [item, setItem] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ description?: string; owner?: string }>({});
  const show = useNotices((s) => s.show);
  const roster = useRoster();
  const [askAbout, setAskAbout] = useState<string | null>(null);
  const [confirmDue, setConfirmDue] = useState<string | null>(null);
  const [early, setEarly] = useState(false);
  const server = useSaveWhenReachable(() => raise(early));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!description.trim() || !owner.trim() || onRoster(roster.data, owner)) await raise();
    else setAskAbout(owner.trim());
  }

  async function raise(confirmEarlyDue = false) {
    setError(null);
    setEarly(confirmEarlyDue);
    setConfirmDue(null);
    // What is missing is said under its own field, and the cursor goes to the first of them.
    const missing = {
      ...(description.trim() ? {} : { description: 'Say what is to be done.' }),
      ...(owner.trim() ? {} : { owner: 'Name who owns the action.' }),
    };
    setFieldErrors(missing);
    const first = missing.description ? 'action-description' : missing.owner ? 'action-owner' : null;
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    try {
      const action = await call('actions.add', {
        meetingId,
        agendaItemId: item ? Number(item) : null,
        description,
        owner,
        dueDate: due || null,
        confirmEarlyDue,
      });
      server.saved();
      setDescription('');
      setOwner('');
      setDue('');
      setError(null);
      show('success', `Action ${action.ref} raised for ${action.owner}.`);
      await onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'needs_confirmation') setConfirmDue(e.message);
      else setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  return (
    <div className="card">
      <h2 id="arising-title">Actions arising</h2>
      {actions.length === 0 ? (
        <p className="muted">No actions raised at this meeting yet.</p>
      ) : (
        <ActionsTable actions={actions} labelledBy="arising-title" onChanged={onSaved} />
      )}
      <form onSubmit={submit} aria-label="Raise an action">
        <h3>Raise an action</h3>
        <ErrorMessage text={error} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="action-description">What is to be done</label>
            <input
              id="action-description"
              type="text"
              value={description}
              aria-invalid={fieldErrors.description ? true : undefined}
              aria-describedby={fieldErrors.description ? 'action-description-error' : undefined}
              onChange={(e) => setDescription(e.target.value)}
            />
            {fieldErrors.description && (
              <p className="field-error" id="action-description-error">
                {fieldErrors.description}
              </p>
            )}
          </div>
          <PersonField
            id="action-owner"
            label="Owner"
            value={owner}
            people={roster.data}
            error={fieldErrors.owner}
            onChange={setOwner}
          />
          <div className="field">
            <label htmlFor="action-due">Due date</label>
            <input id="action-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="action-item">Agenda item</label>
            <select id="action-item" value={item} onChange={(e) => setItem(e.target.value)}>
              <option value="">None</option>
              {agenda.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.position}. {a.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        {askAbout && (
          <div className="roster-question">
            <NewPersonPrompt
              name={askAbout}
              onAdd={async () => {
                setAskAbout(null);
                await addToRoster(askAbout);
                await roster.reload();
                await raise();
              }}
              onSkip={() => {
                setAskAbout(null);
                void raise();
              }}
              onCancel={() => {
                setAskAbout(null);
                document.getElementById('action-owner')?.focus();
              }}
            />
          </div>
        )}
        {confirmDue && (
          <div className="roster-question" role="alertdialog" aria-labelledby="action-due-question">
            <p id="action-due-question">{confirmDue}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" autoFocus onClick={() => raise(true)}>
                Keep this date and raise
              </button>
              <button
                type="button"
                className="button"
                onClick={() => document.getElementById('action-due')?.focus()}
              >
                Change the date
              </button>
            </div>
          </div>
        )}
        <button type="submit" className="button">
          Raise action
        </button>
      </form>
    </div>
  );
}
