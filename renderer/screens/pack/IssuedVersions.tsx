// Issued versions of this meeting's pack: when, by whom, the reference printed on its pages, the
// file's SHA-256, what changed, and an exact copy.
import type { IssuedPack } from '../../../shared/contract';
import { referenceText } from '../../../shared/packWords';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { showError, useNotices } from '../../state/notices';
import { saveAs } from './pdf';

export function IssuedVersions({ versions, error }: { versions: IssuedPack[] | null; error: string | null }) {
  const show = useNotices((s) => s.show);
  async function exportCopy(p: IssuedPack) {
    try {
      const file = await call('packs.export', { id: p.id });
      saveAs(file.pdfBase64, file.fileName);
      show('success', `Version ${p.version} exported as ${file.fileName}.`);
    } catch (e) {
      showError(e);
    }
  }
  return (
    <div className="card" data-testid="issued-versions">
      <h2 id="issued-title" tabIndex={-1}>
        Issued versions
      </h2>
      <ErrorMessage text={error} />
      {versions && versions.length === 0 && (
        <p className="muted">Not issued yet. Build a draft, read it, then issue it.</p>
      )}
      {versions && versions.length > 0 && (
        <ol className="issued-list" aria-labelledby="issued-title">
          {[...versions].reverse().map((p) => (
            <li key={p.id}>
              <div className="issued-head">
                <strong>
                  Version {p.version} · {referenceText(p.reference)}
                </strong>
                <span className="small muted">
                  {p.issuedAt.slice(0, 16).replace('T', ' ')} by {p.issuedBy} ·{' '}
                  {Math.round(p.sizeBytes / 1024)} KB
                </span>
              </div>
              <div className="small muted">
                File SHA-256 <span className="mono">{p.sha256}</span>
              </div>
              {p.notArchival && <p className="small">{p.notArchival}</p>}
              {p.changes.length > 0 && (
                <ul className="small">
                  {p.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
              <button type="button" className="button-quiet" onClick={() => exportCopy(p)}>
                Export a copy<span className="visually-hidden"> of version {p.version}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
