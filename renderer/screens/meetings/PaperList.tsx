// The papers one agenda item carries, in the order they print in the pack: title, pages and file name,
// with Open (read it here, or save a copy), Rename (the title edited in place) and Remove (confirmed in
// the page, never by a dialog).
import { useEffect, useRef, useState } from 'react';
import type { Paper } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { attachInputId, pagesLabel } from './AttachPaper';
import { PaperViewer, type OpenPaper } from './PaperViewer';
import { RenamePaper, renameButtonId } from './RenamePaper';

interface Props {
  papers: Paper[];
  agendaItemId: number;
  itemNumber: number;
  onChanged(): Promise<void>;
}

function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** Pages, file name and size: what tells one paper's file from another's. */
function details(paper: Paper) {
  return (
    <span className="small muted">
      {pagesLabel(paper.pages)} · {paper.fileName} · {sizeLabel(paper.sizeBytes)}
    </span>
  );
}

export function PaperList({ papers, agendaItemId, itemNumber, onChanged }: Props) {
  const [confirming, setConfirming] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [opened, setOpened] = useState<OpenPaper | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Asking to remove takes focus to the question's first answer, so a keyboard user is there.
  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);

  async function open(paper: Paper) {
    try {
      const file = await call('papers.open', { id: paper.id });
      setOpened({ paper, fileName: file.fileName, pdfBase64: file.pdfBase64 });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function remove(paper: Paper) {
    try {
      await call('papers.remove', { id: paper.id });
      setConfirming(null);
      if (opened?.paper.id === paper.id) setOpened(null);
      setError(null);
      show('success', `“${paper.title}” removed from item ${itemNumber}.`);
      await onChanged();
      document.getElementById(attachInputId(agendaItemId))?.focus();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  function startRenaming(paper: Paper) {
    setConfirming(null);
    setRenaming(paper.id);
  }

  async function renamed(before: Paper, after: Paper) {
    setRenaming(null);
    if (opened?.paper.id === after.id) setOpened({ ...opened, paper: after });
    setError(null);
    if (after.title !== before.title)
      show('success', `“${before.title}” renamed to “${after.title}” on item ${itemNumber}.`);
    await onChanged();
    document.getElementById(renameButtonId(after.id))?.focus();
  }

  function stopRenaming(paper: Paper) {
    setRenaming(null);
    window.setTimeout(() => document.getElementById(renameButtonId(paper.id))?.focus());
  }

  function keep(paper: Paper) {
    setConfirming(null);
    window.setTimeout(() => document.getElementById(`paper-${paper.id}-remove`)?.focus());
  }

  if (papers.length === 0) return null;
  return (
    <div className="paper-block">
      <ErrorMessage text={error} />
      <ul className="paper-list" aria-label={`Papers for item ${itemNumber}`}>
        {papers.map((p) => (
          <li key={p.id} data-paper={p.id} id={`paper-${p.id}`} tabIndex={-1}>
            {renaming === p.id ? (
              <RenamePaper
                paper={p}
                itemNumber={itemNumber}
                details={details(p)}
                onRenamed={(after) => renamed(p, after)}
                onCancel={() => stopRenaming(p)}
              />
            ) : (
              <>
                <span className="paper-title">{p.title}</span> {details(p)}
                {confirming === p.id ? (
                  <span className="paper-confirm" role="group" aria-label={`Remove ${p.title}?`}>
                    <span className="small">Remove this paper? It will no longer print in the pack.</span>
                    <button
                      type="button"
                      className="button button-danger"
                      ref={confirmRef}
                      onClick={() => remove(p)}
                    >
                      Yes, remove<span className="visually-hidden"> {p.title}</span>
                    </button>
                    <button type="button" className="button" onClick={() => keep(p)}>
                      Keep it
                    </button>
                  </span>
                ) : (
                  <span className="paper-buttons">
                    <button type="button" className="button-quiet" onClick={() => open(p)}>
                      Open<span className="visually-hidden"> {p.title}</span>
                    </button>
                    <button
                      type="button"
                      id={renameButtonId(p.id)}
                      className="button-quiet"
                      onClick={() => startRenaming(p)}
                    >
                      Rename<span className="visually-hidden"> {p.title}</span>
                    </button>
                    <button
                      type="button"
                      id={`paper-${p.id}-remove`}
                      className="button-quiet"
                      onClick={() => {
                        setRenaming(null);
                        setConfirming(p.id);
                      }}
                    >
                      Remove<span className="visually-hidden"> {p.title}</span>
                    </button>
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {opened && <PaperViewer opened={opened} onClose={() => setOpened(null)} />}
    </div>
  );
}
