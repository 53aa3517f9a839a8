// Attach a paper (a PDF) to one agenda item: the file is read as bytes here and sent to papers.add
// with the title typed beside it (blank: the file name); a refusal (not a PDF, encrypted, too large)
// is shown beside the control and nothing changes.
import { useState } from 'react';
import { PAPER_TOO_LARGE, MAX_PAPER_BYTES, MAX_PAPER_TITLE_LENGTH } from '../../../shared/paperLimits';
import { ApiError, call } from '../../api';
import { messageOf, useNotices } from '../../state/notices';
import { fileToBase64 } from '../pack/pdf';

const NOTHING_ATTACHED = 'Nothing was attached.';

interface Props {
  meetingId: number;
  agendaItemId: number;
  itemNumber: number;
  onAttached(): Promise<void>;
}

export function attachInputId(agendaItemId: number): string {
  return `paper-attach-${agendaItemId}`;
}

export function AttachPaper({ meetingId, agendaItemId, itemNumber, onAttached }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const show = useNotices((s) => s.show);
  const inputId = attachInputId(agendaItemId);
  const errorId = `${inputId}-error`;
  const titleId = `${inputId}-title`;

  async function attach(file: File | undefined) {
    if (!file) return;
    // Refused before the file is read: a 200 MB scan would otherwise be copied into memory twice.
    if (file.size > MAX_PAPER_BYTES) {
      setError(`${PAPER_TOO_LARGE} ${NOTHING_ATTACHED}`);
      return;
    }
    setBusy(file.name);
    try {
      const pdfBase64 = await fileToBase64(file);
      const given = title.trim();
      const paper = await call('papers.add', {
        meetingId,
        agendaItemId,
        fileName: file.name,
        pdfBase64,
        ...(given ? { title: given } : {}),
      });
      setError(null);
      setTitle('');
      show('success', `“${paper.title}” attached to item ${itemNumber} (${pagesLabel(paper.pages)}).`);
      if (paper.notice) show('info', paper.notice);
      await onAttached();
    } catch (e) {
      // The unexpected-failure sentence already says nothing was changed.
      setError(
        e instanceof ApiError && e.code !== 'unexpected'
          ? `${messageOf(e)} ${NOTHING_ATTACHED}`
          : messageOf(e),
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="attach-paper">
      <div className="attach-line">
        {/* The title comes first: choosing the file attaches it at once. Each label stays with its
            field when the line wraps. */}
        <span className="attach-field">
          <label htmlFor={titleId} className="attach-label">
            Paper title <span className="attach-optional">(optional)</span>
            <span className="visually-hidden"> for item {itemNumber}; left blank, the file name is used</span>
          </label>
          <input
            id={titleId}
            type="text"
            className="attach-title"
            maxLength={MAX_PAPER_TITLE_LENGTH}
            placeholder="Blank: the file name"
            value={title}
            disabled={busy !== null}
            onChange={(e) => setTitle(e.target.value)}
          />
        </span>
        <span className="attach-field">
          <label htmlFor={inputId} className="attach-label">
            Attach paper (PDF)<span className="visually-hidden"> to item {itemNumber}</span>
          </label>
          <input
            id={inputId}
            type="file"
            accept="application/pdf,.pdf"
            disabled={busy !== null}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              void attach(e.target.files?.[0]);
              // Cleared so that choosing the same file again (after fixing it) tries again.
              e.target.value = '';
            }}
          />
        </span>
        <span role="status" className="small muted">
          {busy ? `Attaching ${busy}…` : ''}
        </span>
      </div>
      {error && (
        <p id={errorId} className="error-message paper-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function pagesLabel(pages: number): string {
  return pages === 1 ? '1 page' : `${pages} pages`;
}
