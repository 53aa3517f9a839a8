// Is this PDF one we issued? Its SHA-256 is compared with every issued version's. A match names
// the meeting by its date and says whether a later version has replaced it, in the same words as
// `pack verify` (shared/packWords).
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { verifiedPackSentence } from '../../../shared/packWords';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { fileToBase64 } from './pdf';

export function VerifyFile() {
  const [result, setResult] = useState<MethodOutput<'packs.verify'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify(file: File | undefined) {
    setResult(null);
    if (!file) return;
    try {
      const checked = await call('packs.verify', { pdfBase64: await fileToBase64(file) });
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
        {result?.verified && (
          <p className="verify-ok">
            {verifiedPackSentence('This file', result.verified)}{' '}
            <span className="small muted">
              SHA-256 <span className="mono">{result.sha256}</span>
            </span>
          </p>
        )}
        {result && !result.verified && (
          <p className="error-message">
            This file is not a pack issued from this database, or it has been changed since. SHA-256{' '}
            <span className="mono">{result.sha256}</span>
          </p>
        )}
      </div>
    </div>
  );
}
