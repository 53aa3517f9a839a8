// Monthly updates out to XLSX or CSV: a row per live objective per month, as the board sees it
// (the latest submitted or accepted update; "No update" where there is none).
import { BoardPackError } from '../../shared/errors';
import { monthsBetween, reportingMonthSchema } from '../../shared/months';
import { STATUS_LABELS } from '../../shared/status';
import type { StoreTx } from '../store/port';
import { formatOf, writeSpreadsheet, type CellOut } from './spreadsheetFile';
import type { SpreadsheetExportResult } from './spreadsheetPlan';

export const UPDATE_COLUMNS = [
  'Month',
  'Strand number',
  'Strand title',
  'Reference',
  'Objective',
  'Status',
  'Narrative',
  'Next steps',
  'Risks and issues',
  'Metric actual',
  'Target',
  'Author',
  'State',
  'Revision',
] as const;

export interface UpdatesExportInput {
  from: string;
  to: string;
  out: string;
  strandNumber?: number;
}

export async function updateRows(
  store: StoreTx,
  input: Omit<UpdatesExportInput, 'out'>,
): Promise<CellOut[][]> {
  const from = reportingMonthSchema.parse(input.from);
  const to = reportingMonthSchema.parse(input.to);
  if (to < from)
    throw new BoardPackError('invalid_input', `The range ends (${to}) before it starts (${from}).`);
  await store.plan.assertMonthInPlan(from);
  await store.plan.assertMonthInPlan(to);
  const titles = new Map((await store.plan.strands()).map((s) => [s.number, s.title]));
  const rows: CellOut[][] = [];
  for (const month of monthsBetween(from, to)) {
    const reported = await store.updates.reported(month, input.strandNumber);
    for (const o of await store.plan.objectives({ month, strandNumber: input.strandNumber })) {
      const u = reported.get(o.ref);
      rows.push([
        month,
        o.strandNumber,
        titles.get(o.strandNumber) ?? '',
        o.ref,
        o.text,
        STATUS_LABELS[u?.status ?? 'no_update'],
        u?.narrative ?? '',
        u?.nextSteps ?? '',
        u?.risks ?? '',
        u?.metricActual ?? null,
        o.targetText ?? '',
        u?.author ?? '',
        u?.state ?? '',
        u?.revision ?? null,
      ]);
    }
  }
  return rows;
}

/** Writes the updates for a range of months (one month: from = to). */
export async function exportUpdates(
  store: StoreTx,
  input: UpdatesExportInput,
): Promise<SpreadsheetExportResult> {
  const format = formatOf(input.out);
  const rows = await updateRows(store, input);
  const written = await writeSpreadsheet(
    input.out,
    [
      {
        name: 'Updates',
        header: [...UPDATE_COLUMNS],
        rows,
        widths: [9, 8, 30, 10, 60, 11, 60, 40, 40, 9, 24, 24, 10, 8],
      },
    ],
    new Date(store.now()),
    await store.backups.protectedFiles(),
  );
  return { path: written.path, format, rows: rows.length, bytes: written.bytes };
}
