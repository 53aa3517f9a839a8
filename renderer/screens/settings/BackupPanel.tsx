// Backups: a copy of the whole database to save anywhere, one written to the backup folder now,
// and a check of a backup file before it is relied on.
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { offerDownload, readUpload } from '../../components/files';
import { messageOf, useNotices } from '../../state/notices';

export function BackupPanel() {
  const [error, setError] = useState<string | null>(null);
  const [inspection, setInspection] = useState<MethodOutput<'backups.inspect'> | null>(null);
  const show = useNotices((s) => s.show);

  async function run(action: () => Promise<void>) {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="card">
      <h2>Backup copies</h2>
      <ErrorMessage text={error} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => run(async () => offerDownload(await call('backups.download')))}
        >
          Save a backup copy…
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            run(async () => {
              const result = await call('backups.toFolder');
              show('success', `Backup written to ${result.path}.`);
            })
          }
        >
          Back up to the backup folder now
        </button>
      </div>
      <div className="field files-field">
        <label htmlFor="inspect-backup">Check a backup file</label>
        <input
          id="inspect-backup"
          type="file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file)
              void run(async () => setInspection(await call('backups.inspect', await readUpload(file))));
          }}
        />
      </div>
      <div role="status">
        {inspection && inspection.problems.length === 0 && (
          <p className="verify-ok">
            {inspection.fileName} is a sound Board Pack database (schema {inspection.schemaVersion}).
          </p>
        )}
        {inspection && inspection.problems.length > 0 && (
          <div className="error-message">
            <p>{inspection.fileName} should not be restored:</p>
            <ul>
              {inspection.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
