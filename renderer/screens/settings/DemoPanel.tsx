// Demo data for trying the app: months of made-up updates and meetings, marked as demo so they can
// be removed in one go before real use.
import { useState } from 'react';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { useResource } from '../../state/resource';

export function DemoPanel() {
  const info = useResource('app.info', () => call('app.info'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(method: 'demo.load' | 'demo.remove') {
    setBusy(true);
    try {
      await call(method);
      // Every screen shows the database afresh.
      window.location.reload();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  if (!info.data) return null;
  return (
    <div className="card">
      <h2>Demo data</h2>
      <ErrorMessage text={error} />
      {info.data.demoLoaded ? (
        <>
          <p>
            Demo updates and meetings are loaded. They are marked as demo; remove them before recording real
            updates.
          </p>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => run('demo.remove')}
          >
            Remove demo data
          </button>
        </>
      ) : (
        <>
          <p>Load made-up updates and meetings to try the app. They can be removed in one go later.</p>
          <button type="button" className="button" disabled={busy} onClick={() => run('demo.load')}>
            Load demo data
          </button>
        </>
      )}
      <p className="small muted">
        Board Pack {info.data.version} · database schema {info.data.schemaVersion}
      </p>
    </div>
  );
}
