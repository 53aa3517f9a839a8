// Whole-database backups: one now (downloaded or into the backup folder), where automatic backups
// go and how many are kept; restoring is beside it. A shared database has none of these: the
// store's sentence (pg_dump, where the server is) stands in their place.
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { offerDownload, sizeLabel } from './files';
import { RestorePanel } from './RestorePanel';

/** On a shared database the backup and restore controls give way to who does that, and with what. */
export function SharedBackups({ sentence }: { sentence: string }) {
  return (
    <div id="backups" className="card" data-testid="backups">
      <h2>Backups</h2>
      <p>{sentence}</p>
      <p>Restoring one is done there too; Board Pack copies and restores only database files.</p>
    </div>
  );
}

export function BackupsPanel() {
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState('14');
  const [noBackups, setNoBackups] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('backups.settings')
      .then((s) => {
        setFolder(s.folder);
        setKeep(String(s.keep));
        setNoBackups(s.noBackups ?? null);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setLoaded(true));
  }, []);

  if (noBackups) return <SharedBackups sentence={noBackups} />;
  if (!loaded) return <Loading what="the backup settings" />;

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
      <RestorePanel />
    </div>
  );
}
