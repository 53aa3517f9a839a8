// Settings' database part. A file: where it is, its backup folder and schedule. A shared database:
// which server and database, who this desk connects as and how the connection is protected — and
// no backup controls, since a shared database is backed up where the server is, with pg_dump.
import type { Settings } from '../../../shared/contract';
import {
  ENCRYPTION_WORDS,
  SHARED_BACKUPS_MESSAGE,
  type SharedServer,
} from '../../../shared/contractSharedDatabase';
import { InputField } from '../../components/InputField';
import { hrefFor } from '../../state/route';

function OtherDatabases() {
  return (
    <span className="hint">
      Open or start a database file from the File menu, or{' '}
      <a href={hrefFor('connect')}>connect to a shared database</a>.
    </span>
  );
}

export function SharedDatabaseFacts({ server }: { server: SharedServer }) {
  return (
    <div className="field" data-testid="shared-database">
      <dl className="database-facts">
        <dt>Shared database</dt>
        <dd>
          <span className="mono">{server.database}</span> on <span className="mono">{server.host}</span>
          {server.port !== 5432 && <>, port {server.port}</>}
        </dd>
        <dt>Connected as</dt>
        <dd className="mono">{server.user}</dd>
        <dt>Connection</dt>
        <dd>{ENCRYPTION_WORDS[server.encryption]}</dd>
      </dl>
      <p className="callout">{SHARED_BACKUPS_MESSAGE}</p>
      <OtherDatabases />
    </div>
  );
}

type FileFields = Pick<Settings, 'backupFolder' | 'backupSchedule'>;

export function FileDatabaseFields({
  databasePath,
  form,
  set,
}: {
  databasePath: string;
  form: FileFields;
  set: (changes: Partial<FileFields>) => void;
}) {
  return (
    <>
      <div className="field">
        <span className="field-label" id="db-label">
          Database file
        </span>
        <span className="mono" aria-labelledby="db-label">
          {databasePath}
        </span>
        <OtherDatabases />
      </div>
      <div className="form-grid">
        <InputField
          id="set-backup-folder"
          label="Backup folder"
          value={form.backupFolder}
          onChange={(v) => set({ backupFolder: v })}
        />
        <div className="field">
          <label htmlFor="set-backup-schedule">Automatic backups</label>
          <select
            id="set-backup-schedule"
            value={form.backupSchedule}
            onChange={(e) => set({ backupSchedule: e.target.value as Settings['backupSchedule'] })}
          >
            <option value="off">Off</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </select>
        </div>
      </div>
    </>
  );
}
