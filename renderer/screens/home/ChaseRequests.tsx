// "Make requests for all outstanding strands": one request file per strand that still owes
// updates, each offered as its own download (the Exchange screen's way: each file goes to a
// different lead, by email or stick, so a zip would only have to be unpacked again), and the
// strands that got none, each with why.
import { useState } from 'react';
import type { ChaseRequests as Made } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { offerDownload, sizeLabel } from '../offline/files';

export function ChaseRequests({ month, owing }: { month: string; owing: number }) {
  const [made, setMade] = useState<Made | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function makeAll() {
    setBusy(true);
    try {
      const result = await call('chase.makeRequests', { month });
      setMade(result);
      setError(null);
      useNotices
        .getState()
        .show(
          result.made.length ? 'success' : 'info',
          `${result.made.length} request files made for ${monthLabel(month)}${result.skipped.length ? `; ${result.skipped.length} strands listed without one` : ''}.`,
        );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="chase-requests">
      <button type="button" className="button" disabled={busy || owing === 0} onClick={() => void makeAll()}>
        Make requests for all outstanding strands ({owing})
      </button>
      <ErrorMessage text={error} />
      {made && (
        <section aria-labelledby="chase-made-title" data-testid="chase-made">
          <h3 id="chase-made-title">Request files for {monthLabel(made.month)}</h3>
          {made.made.length === 0 && <p className="muted">No request file was made.</p>}
          {made.made.length > 0 && (
            <ul className="plain-list">
              {made.made.map((r) => (
                <li key={r.fileName}>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => offerDownload(r.base64, r.fileName)}
                  >
                    Save {r.fileName}
                  </button>{' '}
                  strand {r.strandNumber} for {r.leadName}: {r.owed} of {r.objectives} objectives owed,{' '}
                  {sizeLabel(r.bytes)}, expires {r.expiresOn}
                </li>
              ))}
            </ul>
          )}
          {made.skipped.length > 0 && (
            <>
              <h4>Strands without a request file</h4>
              <ul data-testid="chase-skipped">
                {made.skipped.map((s) => (
                  <li key={s.strandNumber}>
                    <strong>
                      {s.strandNumber}. {s.strandTitle}:
                    </strong>{' '}
                    {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
