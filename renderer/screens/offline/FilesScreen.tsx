// Spreadsheets and backups: the plan and updates out as XLSX or CSV, a plan spreadsheet in (with a
// preview first), and whole-database backups.
import { BackupsPanel, SharedBackups } from './BackupsPanel';
import { PlanImport } from './PlanImport';
import { SpreadsheetExports } from './SpreadsheetExports';
import './offline.css';
import { useScreenTitle } from '../../state/title';
import { useApp } from '../../state/app';
import { SHARED_BACKUPS_MESSAGE } from '../../../shared/contractSharedDatabase';

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
      {/* Known from the settings at once; else the backups' own settings say it. */}
      {shared ? <SharedBackups sentence={SHARED_BACKUPS_MESSAGE} /> : <BackupsPanel />}
    </section>
  );
}
