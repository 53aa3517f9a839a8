// One action as a tracker: its notes (dated, by whom, in order), edit and reassign, a progress
// note, complete with a closing note (or reopen), and remove with a reason. Each is audited, and
// each names the version of the action the person saw: when another desk changed it first, both
// versions are shown to choose from.
import { useState } from 'react';
import type { BoardAction, BoardActionRecord } from '../../../shared/contract';
import { tryCall } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { InputField } from '../../components/InputField';
import { ActionConflict } from './ActionConflict';
import { ActionEditForm } from './ActionEditForm';
import { ActionNotes } from './ActionNotes';
import { useActionChange, type ActionChange, type RefusedChange } from './useActionChange';

interface Props {
  action: BoardAction;
  onChanged(): Promise<void>;
  onRemoved(): Promise<void>;
}

export function ActionTracker({ action: a, onChanged, onRemoved }: Props) {
  const id = a.ref.replace(/[^A-Za-z0-9]/g, '-');
  const [description, setDescription] = useState(a.description);
  const [owner, setOwner] = useState(a.owner);
  const [due, setDue] = useState(a.dueDate ?? '');
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState('');
  const [reason, setReason] = useState('');
  const [confirmDue, setConfirmDue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { run, refused, settle, error } = useActionChange(a.version, setConfirmDue, (change) =>
    changes[change].make(),
  );

  async function save(confirmEarlyDue = false, from?: number) {
    setConfirmDue(null);
    const dueDate = due || null;
    await run(
      'edit',
      (baseVersion) =>
        tryCall('actions.edit', { ref: a.ref, description, owner, dueDate, confirmEarlyDue, baseVersion }),
      `Action ${a.ref} saved.`,
      onChanged,
      from,
    );
  }

  // Each change as the person asks for it now, from the version given (else the one held), and in
  // words for their side of a comparison.
  const changes: Record<ActionChange, { make(from?: number): Promise<unknown>; words: string }> = {
    edit: { make: (from) => save(false, from), words: 'Save the edits in the fields below.' },
    note: {
      make: async (from) => {
        const attempt = (baseVersion: number) =>
          tryCall('actions.note', { ref: a.ref, text: note, baseVersion });
        if (await run('note', attempt, `Note added to ${a.ref}.`, onChanged, from)) setNote('');
      },
      words: `Add the note: ${note.trim()}`,
    },
    complete: {
      make: (from) =>
        run(
          'complete',
          (baseVersion) => tryCall('actions.complete', { ref: a.ref, note: closing, baseVersion }),
          `Action ${a.ref} completed.`,
          onChanged,
          from,
        ),
      words: `Complete it, closing note: ${closing.trim()}`,
    },
    reopen: {
      make: (from) =>
        run(
          'reopen',
          (baseVersion) => tryCall('actions.reopen', { ref: a.ref, note, baseVersion }),
          `Action ${a.ref} reopened.`,
          onChanged,
          from,
        ),
      words: `Reopen it${note.trim() ? `: ${note.trim()}` : '.'}`,
    },
    remove: {
      make: (from) =>
        run(
          'remove',
          (baseVersion) => tryCall('actions.remove', { ref: a.ref, reason, baseVersion }),
          `Action ${a.ref} removed from the log.`,
          onRemoved,
          from,
        ),
      words: `Remove it from the log: ${reason.trim()}`,
    },
  };

  /** Makes the refused change again, as the fields say it now, over their version. */
  async function keepMine(r: RefusedChange) {
    setBusy(true);
    settle(r.theirs);
    await changes[r.change].make(r.theirs.version);
    setBusy(false);
  }

  /** Their version in the fields; a change not yet made stays in its own field to make again. */
  async function takeTheirs(theirs: BoardActionRecord) {
    settle(theirs);
    setDescription(theirs.description);
    setOwner(theirs.owner);
    setDue(theirs.dueDate ?? '');
    await (theirs.removedOn ? onRemoved() : onChanged());
  }

  return (
    <div className="action-tracker" aria-label={`Action ${a.ref}`} role="group">
      <div>
        <h3>Notes on {a.ref}</h3>
        <ActionNotes action={a} />
        <ErrorMessage text={error} />
      </div>
      {refused && (
        <ActionConflict
          actionRef={a.ref}
          message={refused.message}
          theirs={refused.theirs}
          mine={{ description, owner, due, asked: changes[refused.change].words }}
          busy={busy}
          onKeepMine={() => void keepMine(refused)}
          onUseTheirs={() => void takeTheirs(refused.theirs)}
        />
      )}
      <ActionEditForm
        actionRef={a.ref}
        id={id}
        fields={{ description, owner, due }}
        onChange={(change) => {
          if (change.description !== undefined) setDescription(change.description);
          if (change.owner !== undefined) setOwner(change.owner);
          if (change.due !== undefined) setDue(change.due);
        }}
        confirmDue={confirmDue}
        onSave={(confirmEarlyDue) => save(confirmEarlyDue)}
        onChangeDate={() => setConfirmDue(null)}
      />
      {a.status === 'complete' ? (
        <form
          aria-label={`Reopen action ${a.ref}`}
          onSubmit={(e) => {
            e.preventDefault();
            void changes.reopen.make();
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
              void changes.note.make();
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
              void changes.complete.make();
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
          void changes.remove.make();
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
