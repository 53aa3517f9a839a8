// Spreadsheets and backups: the plan and updates out as XLSX or CSV, a plan spreadsheet in (with a
// preview first), and whole-database backups.
import { BackupsPanel } from './BackupsPanel';
import { PlanImport } from './PlanImport';
import { SpreadsheetExports } from './SpreadsheetExports';
import './offline.css';
import { useScreenTitle } from '../../state/title';
import { useApp } from '../../state/app';
import { SHARED_BACKUPS_MESSAGE } from '../../../shared/contractSharedDatabase';

/** On a shared database the backup and restore controls give way to who does that, and with what. */
function SharedBackups() {
  return (
    <div id="backups" className="card" data-testid="backups">
      <h2>Backups</h2>
      <p>{SHARED_BACKUPS_MESSAGE}</p>
      <p>Restoring one is done there too; Board Pack copies and restores only database files.</p>
    </div>
  );
}

export function FilesScreen() {
  useScreenTitle('Spreadsheets and backups');
  const shared = useApp((s) => s.settings?.sharedDatabase ?? null);
  return (
    <section aria-labelledby="files-title" className="offline-screen">
      <div className="screen-head">
        <div>
          <h1 id="files-title">Spreadsheets and backups</h1>
          <p className="lede">
            Take the plan and the updates out as spreadsheets, bring a revised plan in, and keep copies of the
            whole database.
          </p>
        </div>
      </div>
      <div id="spreadsheets" className="offline-columns">
        <SpreadsheetExports />
        <PlanImport />
      </div>
      {shared ? <SharedBackups /> : <BackupsPanel />}
    </section>
  );
}
