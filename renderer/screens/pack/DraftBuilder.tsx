// Choose sections, build a draft, read it in the window, then issue it (or reissue, saying what
// changed).
import { useEffect, useRef, useState } from 'react';
import type { MethodOutput, PackSection } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { referenceText } from '../../../shared/packWords';
import { ApiError, call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { base64ToBlob } from './pdf';
import { PACK_SECTIONS, PACK_SECTION_TITLES } from '../../../shared/packSections';
import { PackReadiness } from './PackReadiness';
import { PapersReadiness } from './PapersReadiness';
import { SinceIssue } from './SinceIssue';
import { hasUnsavedAgenda } from '../../state/unsavedAgenda';
import { hrefFor } from '../../state/route';

type Meeting = MethodOutput<'meetings.list'>[number];
const ALL: PackSection[] = [...PACK_SECTIONS];

export function DraftBuilder({
  meeting,
  issuedCount,
  onIssued,
}: {
  meeting: Meeting;
  issuedCount: number;
  onIssued(): Promise<void>;
}) {
  const [sections, setSections] = useState<PackSection[]>(ALL);
  const [draft, setDraft] = useState<{
    url: string;
    pages: number;
    sha256: string;
    reference: string;
  } | null>(null);
  const [busy, setBusy] = useState<'build' | 'issue' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [changes, setChanges] = useState('');
  const show = useNotices((s) => s.show);
  const draftRef = useRef<HTMLDivElement>(null);

  // A new draft takes the person to it: scrolled into view and focused, so the next step is there.
  useEffect(() => {
    if (!draft) return;
    draftRef.current?.focus();
    draftRef.current?.scrollIntoView({ block: 'start' });
  }, [draft]);

  useEffect(
    () => () => {
      if (draft) URL.revokeObjectURL(draft.url);
    },
    [draft],
  );

  const toggle = (s: PackSection) =>
    setSections(
      sections.includes(s)
        ? sections.filter((x) => x !== s)
        : ALL.filter((x) => x === s || sections.includes(x)),
    );

  const [askAgenda, setAskAgenda] = useState(false);

  // Agenda edits this window never saved would be left out of the pack: ask first.
  async function build(confirmed = false) {
    if (!confirmed && hasUnsavedAgenda(meeting.id)) {
      setAskAgenda(true);
      return;
    }
    setAskAgenda(false);
    setBusy('build');
    try {
      const result = await call('packs.buildDraft', { meetingId: meeting.id, sections });
      setDraft({
        url: URL.createObjectURL(base64ToBlob(result.pdfBase64)),
        pages: result.pages,
        sha256: result.sha256,
        reference: result.reference,
      });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const [confirming, setConfirming] = useState(false);
  const version = issuedCount + 1;
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  /** Issuing freezes the pack: the first press asks, naming the meeting and the version. */
  function askToIssue() {
    if (issuedCount > 0 && !changes.trim()) {
      setIssueError(
        'Say what changed since the last version, one change per line, so readers know why it was reissued.',
      );
      document.getElementById('reissue-changes')?.focus();
      return;
    }
    setIssueError(null);
    setConfirming(true);
  }

  async function issue() {
    setConfirming(false);
    const changeList = changes
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean);
    if (issuedCount > 0 && changeList.length === 0) {
      setIssueError(
        'Say what changed since the last version, one change per line, so readers know why it was reissued.',
      );
      return;
    }
    setBusy('issue');
    try {
      const issued = await call('packs.issue', {
        meetingId: meeting.id,
        sections,
        changes: changeList,
        version,
      });
      setIssueError(null);
      setChanges('');
      // The draft was for issuing; once issued, the screen shows the issued version, not a DRAFT.
      setDraft(null);
      show('success', `Version ${issued.version} issued. It is frozen; export a copy to send it.`);
      if (issued.notArchival) show('info', issued.notArchival);
      await onIssued();
      document.getElementById('issued-title')?.focus();
    } catch (e) {
      // Another desk issued this version first: the draft goes (it was of that version), the
      // refusal is said where the person builds again, and the versions are read again.
      if (e instanceof ApiError && e.code === 'edit_conflict') {
        setDraft(null);
        setError(e.message);
        await onIssued();
      } else setIssueError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {issuedCount > 0 && <SinceIssue meetingId={meeting.id} issuedCount={issuedCount} />}
      <div className="card pack-builder">
        <h2>{issuedCount > 0 ? `Reissue (version ${issuedCount + 1})` : 'Build and issue'}</h2>
        <PackReadiness meeting={meeting} />
        <PapersReadiness meetingId={meeting.id} />
        <fieldset className="sections">
          <legend>Sections</legend>
          {ALL.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={sections.includes(s)} onChange={() => toggle(s)} />
              {PACK_SECTION_TITLES[s]}
            </label>
          ))}
        </fieldset>
        <ErrorMessage text={error} />
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={busy !== null || sections.length === 0}
            onClick={() => void build()}
          >
            {busy === 'build' ? 'Building…' : 'Build draft'}
          </button>
        </div>
        {askAgenda && (
          <div className="callout" role="alert" data-testid="unsaved-agenda">
            <p>
              This meeting&apos;s agenda has changes that were not saved, and the pack would use the saved
              agenda without them.
            </p>
            <div className="button-row">
              <a className="button button-primary" href={hrefFor('meetings', meeting.id)}>
                Open the meeting to save the agenda
              </a>
              <button type="button" className="button" onClick={() => void build(true)}>
                Build with the saved agenda
              </button>
            </div>
          </div>
        )}
      </div>
      {draft && (
        <div
          className="card draft-view"
          data-testid="draft-view"
          ref={draftRef}
          tabIndex={-1}
          aria-label="Draft pack"
        >
          <div className="card-head">
            <div>
              <h2>Draft for {dateLabel(meeting.heldAt)}</h2>
              <p className="small muted">
                {draft.pages} pages · {referenceText(draft.reference)} · issuing freezes the pack under a
                reference of its own
              </p>
            </div>
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null || confirming}
              onClick={askToIssue}
            >
              {busy === 'issue'
                ? 'Issuing…'
                : issuedCount > 0
                  ? `Reissue as version ${version}`
                  : 'Issue this pack'}
            </button>
          </div>
          {confirming && (
            <div className="callout" data-testid="confirm-issue">
              <p>
                Issue version {version} of the pack for the meeting of {dateLabel(meeting.heldAt)} (
                {meeting.title})? An issued version is frozen: a correction is a new version.
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  ref={confirmRef}
                  onClick={() => void issue()}
                >
                  Issue version {version}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  Not yet
                </button>
              </div>
            </div>
          )}
          <ErrorMessage text={issueError} />
          {issuedCount > 0 && (
            <div className="field">
              <label htmlFor="reissue-changes">What changed since version {issuedCount}</label>
              <span className="hint" id="reissue-changes-hint">
                One change per line; printed in the new version.
              </span>
              <textarea
                id="reissue-changes"
                rows={2}
                aria-describedby="reissue-changes-hint"
                value={changes}
                onChange={(e) => setChanges(e.target.value)}
              />
            </div>
          )}
          <iframe className="pdf-frame" title="Draft board pack" src={draft.url} />
        </div>
      )}
    </>
  );
}
