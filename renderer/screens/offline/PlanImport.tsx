// A revised plan spreadsheet in: what it would add, reword and retire, and any bad rows, before
// anything changes; then apply it (or apply it leaving the bad rows out).
import { useState } from 'react';
import type { MethodOutput, PlanImportPreviewView, Upload } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf } from '../../state/notices';
import { uploadOf } from './files';
import { TableScroll } from '../../components/TableScroll';

type Applied = MethodOutput<'spreadsheets.importPlan'>;

export function PlanImport() {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<PlanImportPreviewView | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    setPreview(null);
    setApplied(null);
    setError(null);
    if (!file) return;
    const chosen = await uploadOf(file);
    setUpload(chosen);
    try {
      setPreview(await call('spreadsheets.previewPlanImport', chosen));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function apply(skipBadRows: boolean) {
    if (!upload) return;
    try {
      const done = await call('spreadsheets.importPlan', { ...upload, skipBadRows });
      setApplied(done);
      setPreview(null);
      setError(null);
      await useApp.getState().load();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="card" data-testid="plan-import">
      <h2>Import a plan spreadsheet</h2>
      <div className="field">
        <label htmlFor="plan-file">Choose a plan spreadsheet (.xlsx or .csv)</label>
        <input
          id="plan-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className="hint">
          Nothing changes until you apply it. Objectives missing from it are retired.
        </span>
      </div>
      <ErrorMessage text={error} />
      {preview && <PreviewView preview={preview} onApply={apply} />}
      <div role="status">
        {applied && (
          <p className="offline-ok" data-testid="plan-applied">
            The plan was updated: {applied.added.length} added, {applied.changed.length} changed,{' '}
            {applied.retired.length} retired
            {applied.skippedRows.length ? `; rows ${applied.skippedRows.join(', ')} were left out` : ''}.
          </p>
        )}
      </div>
    </div>
  );
}

function PreviewView({
  preview,
  onApply,
}: {
  preview: PlanImportPreviewView;
  onApply: (skip: boolean) => void;
}) {
  const nothing = preview.added.length + preview.changed.length + preview.retired.length === 0;
  return (
    <div data-testid="plan-preview">
      <h3>What this file would do</h3>
      <ul className="offline-counts">
        <li>
          <strong>{preview.added.length}</strong> added
          {preview.startFrom ? `, reporting from ${monthLabel(preview.startFrom)}` : ''}
        </li>
        <li>
          <strong>{preview.changed.length}</strong> changed
        </li>
        <li>
          <strong>{preview.retired.length}</strong> retired
          {preview.retireFrom ? ` from ${preview.retireFrom}` : ''}
        </li>
        <li>
          <strong>{preview.unchanged}</strong> unchanged
        </li>
        <li className={preview.errors.length ? 'offline-bad' : undefined}>
          <strong>{preview.errors.length}</strong> row{preview.errors.length === 1 ? '' : 's'} with problems
        </li>
      </ul>
      {preview.errors.length > 0 && (
        <ul className="offline-errors" aria-label="Rows with problems">
          {preview.errors.slice(0, 50).map((e) => (
            <li key={`${e.row}-${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
      {preview.warnings.map((w) => (
        <p key={w} className="small">
          {w}
        </p>
      ))}
      <PreviewRows preview={preview} />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={preview.errors.length > 0 || nothing}
          onClick={() => onApply(false)}
        >
          Apply
        </button>
        {preview.errors.length > 0 && (
          <button type="button" className="button" onClick={() => onApply(true)}>
            Apply, leaving out the {preview.errors.length} bad row{preview.errors.length === 1 ? '' : 's'}
          </button>
        )}
      </div>
    </div>
  );
}

/** A changed column in the board's words, not the spreadsheet importer's field name. */
const FIELD_WORDS: Record<string, string> = {
  text: 'Wording',
  year: 'Year',
  targetText: 'Target',
  targetValue: 'Target figure',
  targetUnit: 'Target unit',
  owner: 'Owner',
};

function PreviewRows({ preview }: { preview: PlanImportPreviewView }) {
  const rows = [
    ...preview.added.map((a) => ({ key: `a${a.row}`, what: 'Added', ref: a.ref ?? 'new', text: a.text })),
    ...preview.changed.map((c) => ({
      key: `c${c.row}`,
      what: 'Changed',
      ref: c.ref,
      text: c.changes
        .map((f) => `${FIELD_WORDS[f.field] ?? f.field}: ${String(f.from ?? '—')} → ${String(f.to ?? '—')}`)
        .join('; '),
    })),
    ...preview.retired.map((r) => ({ key: `r${r.ref}`, what: 'Retired', ref: r.ref, text: r.text })),
  ];
  if (rows.length === 0) return null;
  return (
    <TableScroll label="Changed objectives">
      <table className="offline-preview-rows">
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Reference</th>
            <th scope="col">Objective or field</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 100).map((r) => (
            <tr key={r.key}>
              <td>{r.what}</td>
              <td className="mono">{r.ref}</td>
              <td>{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
