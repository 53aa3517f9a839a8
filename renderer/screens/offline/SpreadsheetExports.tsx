// The plan, or a range of months' updates, saved as an XLSX workbook or a CSV file.
import { useState, type FormEvent } from 'react';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf } from '../../state/notices';
import { useSession } from '../../state/session';
import { offerDownload, sizeLabel } from './files';

type Format = 'xlsx' | 'csv';

function FormatChoice({ id, value, onChange }: { id: string; value: Format; onChange: (f: Format) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>File type</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value === 'csv' ? 'csv' : 'xlsx')}>
        <option value="xlsx">Excel workbook (.xlsx)</option>
        <option value="csv">CSV (.csv)</option>
      </select>
    </div>
  );
}

export function SpreadsheetExports() {
  const plan = useApp((s) => s.plan);
  const months = useApp((s) => s.months);
  const month = useSession((s) => s.month) ?? months?.current ?? '';
  const [planFormat, setPlanFormat] = useState<Format>('xlsx');
  const [updatesFormat, setUpdatesFormat] = useState<Format>('xlsx');
  const [from, setFrom] = useState(month);
  const [to, setTo] = useState(month);
  const [strand, setStrand] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<{ fileName: string; base64: string; bytes: number; rows: number }>) {
    setDone(null);
    try {
      const file = await work();
      offerDownload(file.base64, file.fileName);
      setDone(`${file.fileName} (${file.rows} rows, ${sizeLabel(file.bytes)}) is in your downloads.`);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  function exportPlan(event: FormEvent) {
    event.preventDefault();
    void run(() => call('spreadsheets.exportPlan', { format: planFormat }));
  }

  function exportUpdates(event: FormEvent) {
    event.preventDefault();
    const strandNumber = strand ? Number(strand) : undefined;
    void run(() => call('spreadsheets.exportUpdates', { from, to, strandNumber, format: updatesFormat }));
  }

  return (
    <div className="card" data-testid="spreadsheet-exports">
      <h2>Export</h2>
      <form onSubmit={exportPlan} aria-label="Export the plan">
        <h3>The plan</h3>
        <p className="small">
          A row per objective: strand, theme, reference, objective, year, target, owner.
        </p>
        <FormatChoice id="plan-format" value={planFormat} onChange={setPlanFormat} />
        <div className="button-row">
          <button type="submit" className="button">
            Export the plan
          </button>
        </div>
      </form>
      <form onSubmit={exportUpdates} aria-label="Export updates">
        <h3>Updates</h3>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="updates-from">From</label>
            <select id="updates-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              {months?.months.map((m) => (
                <option key={m.month} value={m.month}>
                  {monthLabel(m.month)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="updates-to">To</label>
            <select id="updates-to" value={to} onChange={(e) => setTo(e.target.value)}>
              {months?.months.map((m) => (
                <option key={m.month} value={m.month}>
                  {monthLabel(m.month)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="updates-strand">Strand</label>
            <select id="updates-strand" value={strand} onChange={(e) => setStrand(e.target.value)}>
              <option value="">All strands</option>
              {plan?.strands.map((s) => (
                <option key={s.number} value={s.number}>
                  {s.number}. {s.title}
                </option>
              ))}
            </select>
          </div>
          <FormatChoice id="updates-format" value={updatesFormat} onChange={setUpdatesFormat} />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Export updates
          </button>
        </div>
      </form>
      <ErrorMessage text={error} />
      <div role="status">{done && <p className="offline-ok">{done}</p>}</div>
    </div>
  );
}
