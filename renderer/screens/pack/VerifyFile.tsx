// Is this PDF one we issued? Its SHA-256 is compared with every issued version's. A match names
// the meeting by its date and says whether a later version has replaced it.
import { useState } from 'react';
import type { IssuedPack, MethodOutput } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { fileToBase64 } from './pdf';

interface Context {
  meetingHeldAt: string | null;
  replacedBy: IssuedPack | null;
}

/** The meeting's date and the latest version after the matched one, from the contract. */
async function contextOf(match: IssuedPack): Promise<Context> {
  const [meetings, versions] = await Promise.all([
    call('meetings.list'),
    call('packs.list', { meetingId: match.meetingId }),
  ]);
  const later = versions.filter((v) => v.version > match.version).sort((a, b) => b.version - a.version);
  return {
    meetingHeldAt: meetings.find((m) => m.id === match.meetingId)?.heldAt ?? null,
    replacedBy: later[0] ?? null,
  };
}

export function VerifyFile() {
  const [result, setResult] = useState<MethodOutput<'packs.verify'> | null>(null);
  const [context, setContext] = useState<Context | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify(file: File | undefined) {
    setResult(null);
    setContext(null);
    if (!file) return;
    try {
      const checked = await call('packs.verify', { pdfBase64: await fileToBase64(file) });
      setContext(checked.match ? await contextOf(checked.match) : null);
      setResult(checked);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="card">
      <h2>Verify a file</h2>
      <div className="field">
        <label htmlFor="verify-file">Choose a PDF someone sent you</label>
        <input
          id="verify-file"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => {
            void verify(e.target.files?.[0]);
            // Cleared so that choosing the same file again (after it changed) checks it again.
            e.target.value = '';
          }}
        />
      </div>
      <ErrorMessage text={error} />
      <div role="status">
        {result?.match && (
          <p className="verify-ok">
            This is version {result.match.version} of the pack for the meeting of{' '}
            {context?.meetingHeldAt ? dateLabel(context.meetingHeldAt) : `meeting ${result.match.meetingId}`},
            issued {dateLabel(result.match.issuedAt.slice(0, 10))} by {result.match.issuedBy}. It has not been
            changed.
            {context?.replacedBy &&
              ` It was replaced by version ${context.replacedBy.version} on ${dateLabel(context.replacedBy.issuedAt.slice(0, 10))}: read that one instead.`}
          </p>
        )}
        {result && !result.match && (
          <p className="error-message">
            This file is not a pack issued from this database, or it has been changed since. SHA-256{' '}
            <span className="mono">{result.sha256}</span>
          </p>
        )}
      </div>
    </div>
  );
}
