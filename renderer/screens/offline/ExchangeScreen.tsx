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
import { useScreenTitle } from '../../state/title';

export function ExchangeScreen() {
  useScreenTitle('Exchange files');
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
          {panelsInOrder(overview, refresh)}
          <ExchangeHistory overview={overview} />
        </>
      )}
    </section>
  );
}

/**
 * A strand lead's copy shows the lead's panel first (and only it, when the copy was set up from a
 * request); the secretariat's copy shows its own panels first. Keyed, so a panel keeps what it is
 * showing when the order changes after a request is opened.
 */
function panelsInOrder(overview: ExchangeOverview, refresh: () => void) {
  const workingCopy = overview.workingCopy !== null;
  const leadFirst =
    workingCopy || (overview.openedRequests.length > 0 && overview.issuedRequests.length === 0);
  const lead = <LeadPanel key="lead" overview={overview} onChange={refresh} />;
  const secretariat = (
    <div key="secretariat" className="offline-columns">
      <RequestForm onMade={refresh} />
      <ReturnImport onImported={refresh} />
    </div>
  );
  if (workingCopy) return [lead];
  return leadFirst ? [lead, secretariat] : [secretariat, lead];
}
