// Exchange files: the secretariat makes a request for a strand and month and takes in the lead's
// return; a strand lead opens a request and sends the return back. Keys and history below.
import { useCallback, useEffect, useState } from 'react';
import type { ExchangeOverview } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { ExchangeHistory } from './ExchangeHistory';
import { LeadPanel } from './LeadPanel';
import { RequestForm } from './RequestForm';
import { ReturnImport } from './ReturnImport';
import './offline.css';

export function ExchangeScreen() {
  const [overview, setOverview] = useState<ExchangeOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setOverview(await call('exchange.overview'));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const isWorkingCopy = overview?.workingCopy != null;
  return (
    <section aria-labelledby="exchange-title" className="offline-screen">
      <div className="screen-head">
        <div>
          <h1 id="exchange-title">Exchange files</h1>
          <p className="lede">
            Updates by file, with no network: the secretariat sends a request for one strand and month, the
            strand lead sends back a return, and the secretariat decides on each update.
          </p>
        </div>
      </div>
      <ErrorMessage text={error} />
      {!overview && !error && <Loading what="exchange files" />}
      {overview && (
        <>
          <p className="offline-own-key">
            This copy&apos;s key fingerprint:{' '}
            <span className="mono fingerprint">{overview.ownFingerprint}</span>
            <br />
            <span className="hint">
              Read it out when someone asks you to confirm that a file came from you.
            </span>
          </p>
          {isWorkingCopy ? (
            <LeadPanel overview={overview} onChange={refresh} />
          ) : (
            <div className="offline-columns">
              <RequestForm onMade={refresh} />
              <ReturnImport onImported={refresh} />
            </div>
          )}
          {!isWorkingCopy && <LeadPanel overview={overview} onChange={refresh} />}
          <ExchangeHistory overview={overview} />
        </>
      )}
    </section>
  );
}
