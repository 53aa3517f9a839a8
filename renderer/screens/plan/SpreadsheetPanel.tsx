// The action plan and the updates as spreadsheets: export either, and import a plan after seeing
// exactly what it would add, change and retire.
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { offerDownload, readUpload, type FilePayload } from '../../components/files';
import { useApp } from '../../state/app';
import { messageOf, useNotices } from '../../state/notices';
import { useSession } from '../../state/session';

type Format = 'xlsx' | 'csv';

export function SpreadsheetPanel() {
  const months = useApp((s) => s.months);
  const month = useSession((s) => s.month) ?? '';
  const [format, setFormat] = useState<Format>('xlsx');
  const [from, setFrom] = useState(month);
  const [to, setTo] = useState(month);
  const [error, setError] = useState<string | null>(null);
  const [upload, setUpload] = useState<FilePayload | null>(null);
  const [preview, setPreview] = useState<MethodOutput<'spreadsheets.previewPlanImport'> | null>(null);
  const show = useNotices((s) => s.show);

  async function run(action: () => Promise<void>) {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function importPlan() {
    if (!upload) return;
    const result = await call('spreadsheets.importPlan', { ...upload, skipBadRows: true });
    show(
      'success',
      `Plan imported: ${result.added.length} added, ${result.changed.length} changed, ${result.retired.length} retired.`,
    );
    setUpload(null);
    setPreview(null);
    await useApp.getState().load();
  }

  return (
    <div className="card">
      <h2>The action plan and updates as spreadsheets</h2>
      <ErrorMessage text={error} />
      <div className="filters">
        <div className="field">
          <label htmlFor="sheet-format">Format</label>
          <select id="sheet-format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">CSV</option>
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => run(async () => offerDownload(await call('spreadsheets.exportPlan', { format })))}
        >
          Export the action plan
        </button>
        <div className="field">
          <label htmlFor="sheet-from">Updates from</label>
          <select id="sheet-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {months?.months.map((m) => (
              <option key={m.month} value={m.month}>
                {monthLabel(m.month)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sheet-to">to</label>
          <select id="sheet-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {months?.months.map((m) => (
              <option key={m.month} value={m.month}>
                {monthLabel(m.month)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={() =>
            run(async () => offerDownload(await call('spreadsheets.exportUpdates', { from, to, format })))
          }
        >
          Export the updates
        </button>
      </div>
      <div className="field files-field">
        <label htmlFor="plan-import">Import an action plan spreadsheet</label>
        <span className="hint">You see what would change before anything does.</span>
        <input
          id="plan-import"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            void run(async () => {
              const payload = await readUpload(file);
              setPreview(await call('spreadsheets.previewPlanImport', payload));
              setUpload(payload);
            });
          }}
        />
      </div>
      {preview && upload && (
        <div className="import-preview" role="status">
          <p>
            <strong>{upload.fileName}</strong>: {preview.rows} rows · {preview.added.length} to add ·{' '}
            {preview.changed.length} to change · {preview.retired.length} to retire · {preview.unchanged}{' '}
            unchanged
          </p>
          {preview.errors.length > 0 && (
            <div className="error-message">
              <p>These rows cannot be read and will be skipped:</p>
              <ul>
                {preview.errors.slice(0, 10).map((e) => (
                  <li key={`${e.row}-${e.message}`}>
                    Row {e.row}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.warnings.map((w) => (
            <p key={w} className="callout">
              {w}
            </p>
          ))}
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => run(importPlan)}>
              Import these changes
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
