// Restoring from a backup: the file's checks first, shown in words; then, for a sound file, a
// confirmation before the open database is replaced (the current one is kept aside first).
import { useState } from 'react';
import type { MethodOutput, Upload } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf } from '../../state/notices';
import { sizeLabel, uploadOf } from './files';

type Inspection = MethodOutput<'backups.inspect'>;
type Restored = MethodOutput<'backups.restore'>;

export function RestorePanel() {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function inspect(file: File | undefined) {
    setInspection(null);
    setRestored(null);
    setConfirmed(false);
    setError(null);
    if (!file) return;
    try {
      const chosen = await uploadOf(file);
      setUpload(chosen);
      setInspection(await call('backups.inspect', chosen));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function restore() {
    if (!upload) return;
    try {
      setRestored(await call('backups.restore', upload));
      setInspection(null);
      setError(null);
      // Everything the screens hold came from the database that was just replaced.
      await useApp.getState().load();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const sound = inspection !== null && inspection.problems.length === 0;
  return (
    <div className="card" data-testid="restore">
      <h2>Restore from a backup</h2>
      <div className="field">
        <label htmlFor="restore-file">Choose a backup file (.db)</label>
        <input
          id="restore-file"
          type="file"
          accept=".db"
          onChange={(e) => {
            void inspect(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className="hint">The file is checked first; nothing changes until you confirm.</span>
      </div>
      <div role="status">
        {inspection && <InspectionResult inspection={inspection} />}
        {restored && (
          <p className="offline-ok" data-testid="restore-done">
            Restored from {restored.restoredFrom}.
            {restored.previousKeptAt
              ? ` The database as it was before is kept at ${restored.previousKeptAt}.`
              : ''}
          </p>
        )}
      </div>
      {sound && (
        <div className="offline-trust">
          <div className="field-inline">
            <input
              id="restore-confirm"
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            <label htmlFor="restore-confirm">
              Replace everything in the open database with this backup (the current one is kept aside first)
            </label>
          </div>
          <div className="button-row">
            <button type="button" className="button button-danger" disabled={!confirmed} onClick={restore}>
              Restore this backup
            </button>
          </div>
        </div>
      )}
      <ErrorMessage text={error} />
    </div>
  );
}

function InspectionResult({ inspection }: { inspection: Inspection }) {
  if (inspection.problems.length > 0) {
    return (
      <div className="error-message" data-testid="restore-problems">
        <p>{inspection.fileName} cannot be restored:</p>
        <ul>
          {inspection.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p className="offline-ok" data-testid="restore-checked">
      {inspection.fileName} ({sizeLabel(inspection.bytes)}) passed every check: a sound Board Pack database,
      schema version {inspection.schemaVersion}.
    </p>
  );
}
