// A paper's title edited in place, in its row of the item's papers: Enter or Save sends papers.rename,
// Escape or Cancel leaves the title as it was. A refusal (blank, too long) is the store's own sentence,
// shown beside the field with the field kept as typed so it can be put right.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Paper } from '../../../shared/contract';
import { call } from '../../api';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';
import { messageOf } from '../../state/notices';

interface Props {
  paper: Paper;
  itemNumber: number;
  /** The paper's pages, file and size, kept in sight beside the field. */
  details: ReactNode;
  onRenamed(renamed: Paper): Promise<void>;
  onCancel(): void;
}

/** The Rename button of a paper's row, where focus returns once the title is saved or left. */
export function renameButtonId(paperId: number): string {
  return `paper-${paperId}-rename`;
}

export function RenamePaper({ paper, itemNumber, details, onRenamed, onCancel }: Props) {
  const [title, setTitle] = useState(paper.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = `paper-${paper.id}-title`;
  const errorId = `${inputId}-error`;
  const server = useSaveWhenReachable(() => save());

  // Opening the editor takes focus to the title, selected, so typing replaces it at once.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  async function save() {
    setBusy(true);
    try {
      const renamed = await call('papers.rename', { id: paper.id, title });
      server.saved();
      await onRenamed(renamed);
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
      setBusy(false);
      // Back to the field, which a click on Save took focus from, so the title can be put right.
      inputRef.current?.focus();
    }
  }

  // Cancelled while a rename waits for the database: the person no longer wants it.
  function cancel() {
    server.saved();
    onCancel();
  }

  function leaveOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || busy) return;
    event.preventDefault();
    cancel();
  }

  return (
    <form
      className="paper-rename"
      aria-label={`Rename ${paper.title}`}
      onKeyDown={leaveOnEscape}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={inputId} className="attach-label">
        New title
        <span className="visually-hidden">
          {' '}
          for “{paper.title}”, a paper of item {itemNumber}
        </span>
      </label>
      <input
        id={inputId}
        ref={inputRef}
        type="text"
        className="paper-rename-title"
        value={title}
        readOnly={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        Save<span className="visually-hidden"> title</span>
      </button>
      <button type="button" className="button" disabled={busy} onClick={cancel}>
        Cancel<span className="visually-hidden"> renaming</span>
      </button>
      {details}
      {error && (
        <p id={errorId} className="error-message paper-error paper-rename-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
