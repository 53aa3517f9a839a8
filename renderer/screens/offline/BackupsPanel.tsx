// Whole-database backups: one now (downloaded or into the backup folder), where automatic backups
// go and how many are kept, and the checks on a backup before restoring it.
import { useEffect, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { offerDownload, sizeLabel, uploadOf } from './files';

type Inspection = MethodOutput<'backups.inspect'>;

export function BackupsPanel() {
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState('14');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [inspectError, setInspectError] = useState<string | null>(null);

  useEffect(() => {
    call('backups.settings')
      .then((s) => {
        setFolder(s.folder);
        setKeep(String(s.keep));
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);

  async function run(work: () => Promise<string>) {
    setDone(null);
    try {
      setDone(await work());
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const saved = await call('backups.configure', { folder, keep: Number(keep) });
      return `Automatic backups go to ${saved.folder}; the newest ${saved.keep} are kept.`;
    });
  }

  async function inspect(file: File | undefined) {
    setInspection(null);
    if (!file) return;
    try {
      setInspection(await call('backups.inspect', await uploadOf(file)));
      setInspectError(null);
    } catch (e) {
      setInspectError(messageOf(e));
    }
  }

  return (
    <div id="backups" className="offline-columns">
      <form className="card" onSubmit={save} aria-labelledby="backups-title" data-testid="backups">
        <h2 id="backups-title">Backups</h2>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={() =>
              void run(async () => {
                const file = await call('backups.download');
                offerDownload(file.base64, file.fileName);
                return `${file.fileName} (${sizeLabel(file.bytes)}) is in your downloads.`;
              })
            }
          >
            Download a backup now
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async () => {
                const made = await call('backups.toFolder');
                return `Backup written to ${made.path} (${sizeLabel(made.bytes)}).`;
              })
            }
          >
            Back up to the backup folder
          </button>
        </div>
        <h3>Automatic backups</h3>
        <div className="field">
          <label htmlFor="backup-folder">Backup folder</label>
          <input id="backup-folder" type="text" value={folder} onChange={(e) => setFolder(e.target.value)} />
          <span className="hint">Whether they run daily or weekly is set in Settings.</span>
        </div>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="backup-keep">Daily backups to keep</label>
            <input
              id="backup-keep"
              type="number"
              min={1}
              max={365}
              value={keep}
              onChange={(e) => setKeep(e.target.value)}
            />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Save backup settings
          </button>
        </div>
        <ErrorMessage text={error} />
        <div role="status">{done && <p className="offline-ok">{done}</p>}</div>
      </form>
      <div className="card" data-testid="restore">
        <h2>Restore from a backup</h2>
        <div className="field">
          <label htmlFor="restore-file">Check a backup file (.db)</label>
          <input
            id="restore-file"
            type="file"
            accept=".db"
            onChange={(e) => {
              void inspect(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <span className="hint">Checking reads the file only; nothing here changes.</span>
        </div>
        <ErrorMessage text={inspectError} />
        <div role="status">{inspection && <InspectionResult inspection={inspection} />}</div>
      </div>
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
    <div className="offline-ok" data-testid="restore-checked">
      <p>
        {inspection.fileName} ({sizeLabel(inspection.bytes)}) is a sound Board Pack database, schema version{' '}
        {inspection.schemaVersion}.
      </p>
      <p>
        To replace the open database with it, use File → Restore… and choose this file: the app closes the
        database first and keeps the current one aside in the backup folder.
      </p>
    </div>
  );
}
