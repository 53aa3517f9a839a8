// Connect to a shared database: several desks work on one plan in a PostgreSQL database on a
// server. Reached from File → Connect to a shared database… (and Settings), and shown alone at
// start-up when the app remembers a shared database but not its password. Once connected, every
// screen starts again from the shared database.
import { useEffect, useState } from 'react';
import type { SharedConnected, SharedDatabaseState } from '../../../shared/contractSharedDatabase';
import { call } from '../../api';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf } from '../../state/notices';
import { useScreenTitle } from '../../state/title';
import { ConnectFormCard } from './ConnectFormCard';
import './connect.css';

function startAgain(): void {
  window.location.hash = '#/home';
  window.location.reload();
}

function Connected({ result }: { result: SharedConnected }) {
  return (
    <div className="card connect-form" role="status" aria-labelledby="connected-title">
      <h2 id="connected-title">Connected</h2>
      <p>
        Board Pack now works on the shared database at <strong>{result.server}</strong> as{' '}
        <strong>{result.user}</strong>, and opens it again at its next start.
      </p>
      {result.passwordKept && (
        <p>The password is kept on this computer, encrypted by the operating system.</p>
      )}
      {result.notice && <p className="callout">{result.notice}</p>}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={startAgain}>
          Go to Home
        </button>
      </div>
    </div>
  );
}

export function ConnectScreen() {
  useScreenTitle('Connect to a shared database');
  const [state, setState] = useState<SharedDatabaseState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState<SharedConnected | null>(null);

  // The frame (header, window title, months) follows the shared database at once, unless it is the
  // bare frame of start-up, which stays until Go to Home starts every screen again.
  function showConnected(result: SharedConnected) {
    setConnected(result);
    if (!useApp.getState().awaitingDatabase) void useApp.getState().load();
  }

  useEffect(() => {
    call('sharedDatabase.state')
      .then(setState)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);

  return (
    <section aria-labelledby="connect-title">
      <div className="screen-head">
        <div>
          <h1 id="connect-title">Connect to a shared database</h1>
          <p className="lede">
            Several desks can work on one plan kept in a PostgreSQL database on a server. Ask whoever runs the
            server for these details.
          </p>
        </div>
      </div>
      <ErrorMessage text={error} />
      {!state && !error && <Loading what="the connection details" />}
      {state && !state.offered && (
        <p className="callout">
          Connecting to a shared database is done in the desktop app, from File → Connect to a shared
          database…
        </p>
      )}
      {state?.reason && !connected && (
        <div className="callout connect-reason" role="alert">
          <p>{state.reason}</p>
          <p>Or choose File → Open database… to work on a database file instead.</p>
        </div>
      )}
      {connected && <Connected result={connected} />}
      {state?.offered && !connected && <ConnectFormCard state={state} onConnected={showConnected} />}
    </section>
  );
}
