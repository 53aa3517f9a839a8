// Indicator figures in and out as CSV or XLSX, in the long format the issue names: a row per
// indicator and month, columns indicator,month,value,numerator,denominator,note (the last three may
// be left out). An import is previewed first; a file with bad rows is refused whole unless the person
// chooses to leave them out; what is applied is one transaction with its audit records.
import { basename } from 'node:path';
import {
  FIGURE_COLUMNS,
  type FigureImportPreview,
  type IndicatorView,
} from '../../shared/contractIndicators';
import { BoardPackError } from '../../shared/errors';
import { isReportingMonth, type ReportingMonth } from '../../shared/months';
import { figureProblem } from '../store/indicators';
import type { Store, StoreTx } from '../store/port';
import { formatOf, writeSpreadsheet, type CellOut, type SheetIn, type SheetOut } from './spreadsheetFile';
import { readSpreadsheet } from './spreadsheetRead';

export const FIGURES_SHEET = 'Figures';
const REQUIRED = ['indicator', 'month', 'value'] as const;

type Column = (typeof FIGURE_COLUMNS)[number];
type Row = FigureImportPreview['figures'][number];

/** A number as a person writes it in a cell ("1,204", " 33.5 "); null for blank, NaN for words. */
function numberIn(text: string): number | null {
  const plain = text.replace(/,/g, '').trim();
  if (plain === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain) ? Number(plain) : Number.NaN;
}

/** Days from 1899-12-30 (a spreadsheet program's day 0) to 1970-01-01. */
const SERIAL_DAY_OF_1970 = 25_569;

/**
 * 2007-04, or the date a spreadsheet program made of it when the person typed "Apr 2007": the first
 * of the month, as text (2007-04-01) or, read from an XLSX cell, as the program's day number.
 */
function monthIn(text: string): ReportingMonth | null {
  let written = text;
  if (/^\d{5}$/.test(text)) {
    written = new Date((Number(text) - SERIAL_DAY_OF_1970) * 86_400_000).toISOString().slice(0, 10);
  }
  const month = /^\d{4}-\d{2}-01$/.test(written) ? written.slice(0, 7) : written;
  return isReportingMonth(month) ? month : null;
}

function figuresSheet(sheets: SheetIn[], source: string): SheetIn {
  const sheet = sheets.find((s) => s.name === FIGURES_SHEET) ?? sheets[0];
  if (!sheet)
    throw new BoardPackError('refused_file', `${source} holds no sheet of figures. Nothing was imported.`);
  return sheet;
}

function columnsOf(sheet: SheetIn, source: string): Map<Column, number> {
  const at = new Map<Column, number>();
  sheet.header.forEach((name, i) => {
    const column = FIGURE_COLUMNS.find((c) => c === name.trim().toLowerCase());
    if (column !== undefined && !at.has(column)) at.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (missing.length > 0)
    throw new BoardPackError(
      'refused_file',
      `${source} has no ${missing.join(', ')} column: a figures file has the columns ${FIGURE_COLUMNS.join(', ')} (the last three may be left out). Nothing was imported.`,
    );
  return at;
}

interface ParsedRow {
  row: number;
  ref: string;
  month: ReportingMonth;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
}

/** One row's figure, or the sentence that says what is wrong with it (and in which row). */
function parseRow(
  row: number,
  cell: (c: Column) => string,
  indicators: Map<string, IndicatorView>,
): ParsedRow | string {
  const ref = cell('indicator');
  const where = `Row ${row}`;
  if (ref === '') return `${where}: the indicator is blank.`;
  const indicator = indicators.get(ref);
  if (indicator === undefined) return `${where}: there is no indicator ${ref}.`;
  const month = monthIn(cell('month'));
  if (month === null) return `${where}: the month "${cell('month')}" is not a month written YYYY-MM.`;
  const value = numberIn(cell('value'));
  if (value === null) return `${where}: the value for ${ref} in ${month} is blank.`;
  const numerator = numberIn(cell('numerator'));
  const denominator = numberIn(cell('denominator'));
  for (const [name, n] of [
    ['value', value],
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const)
    if (n !== null && !Number.isFinite(n)) return `${where}: the ${name} "${cell(name)}" is not a number.`;
  const problem = figureProblem(indicator, { month, value, numerator, denominator });
  if (problem !== null) return `${where}: ${problem}`;
  return { row, ref, month, value, numerator, denominator, note: cell('note') };
}

/** What importing the file would do, row by row; reads the store, writes nothing. */
export async function previewFigureImport(
  store: StoreTx,
  path: string,
): Promise<FigureImportPreview & { sha256: string }> {
  const source = basename(path);
  const read = await readSpreadsheet(path);
  const sheet = figuresSheet(read.sheets, source);
  const columns = columnsOf(sheet, source);
  const indicators = new Map((await store.indicators.list({ includeRetired: true })).map((i) => [i.ref, i]));
  const current = new Map((await store.indicators.currentFigures()).map((f) => [`${f.ref} ${f.month}`, f]));
  const errors: FigureImportPreview['errors'] = [];
  const figures: Row[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const parsed = parseRow(rowNumber, cell, indicators);
    if (typeof parsed === 'string') {
      errors.push({ row: rowNumber, message: parsed });
      continue;
    }
    const key = `${parsed.ref} ${parsed.month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        row: rowNumber,
        message: `Row ${rowNumber}: ${parsed.ref} in ${parsed.month} is already given in row ${earlier}.`,
      });
      continue;
    }
    seen.set(key, rowNumber);
    const before = current.get(key);
    const same =
      before !== undefined &&
      before.value === parsed.value &&
      before.numerator === parsed.numerator &&
      before.denominator === parsed.denominator &&
      before.note === parsed.note;
    figures.push({
      ...parsed,
      previous: before?.value ?? null,
      change: before === undefined ? 'new' : same ? 'unchanged' : 'revised',
    });
  }
  return { format: read.format, rows: sheet.rows.length, errors, figures, sha256: read.sha256 };
}

function refuseBadRows(preview: FigureImportPreview): never {
  const shown = preview.errors
    .slice(0, 20)
    .map((e) => e.message)
    .join(' ');
  const more = preview.errors.length > 20 ? ` …and ${preview.errors.length - 20} more.` : '';
  throw new BoardPackError(
    'invalid_input',
    `${preview.errors.length} row${preview.errors.length === 1 ? ' has' : 's have'} problems, so nothing was imported. ${shown}${more} Fix them, or choose to leave the bad rows out.`,
  );
}

export interface FigureImportResult {
  preview: FigureImportPreview;
  saved: number;
  unchanged: number;
  skippedRows: number[];
}

/** Applies a figures file in one transaction: each new or revised figure, and one import record. */
export async function importFigures(
  store: Store,
  input: { path: string; actor: string; skipBadRows: boolean },
): Promise<FigureImportResult> {
  return await store.transaction(async (tx) => {
    const { sha256, ...preview } = await previewFigureImport(tx, input.path);
    if (preview.errors.length > 0 && !input.skipBadRows) refuseBadRows(preview);
    if (preview.figures.length === 0)
      throw new BoardPackError(
        'invalid_input',
        `${basename(input.path)} holds no figures to import; nothing was imported.`,
      );
    const at = tx.now();
    const toSave = preview.figures.filter((f) => f.change !== 'unchanged');
    for (const f of toSave) {
      await tx.indicators.setFigure(
        {
          ref: f.ref,
          month: f.month,
          value: f.value,
          numerator: f.numerator,
          denominator: f.denominator,
          note: f.note,
          source: 'import',
          author: input.actor,
        },
        at,
      );
    }
    await tx.audit.record(at, input.actor, 'indicator.import', 'indicator', basename(input.path), null, {
      sha256,
      saved: toSave.length,
      unchanged: preview.figures.length - toSave.length,
      skippedRows: preview.errors.map((e) => e.row),
    });
    return {
      preview,
      saved: toSave.length,
      unchanged: preview.figures.length - toSave.length,
      skippedRows: preview.errors.map((e) => e.row),
    };
  });
}

/** The figures as a sheet in the import's own format, so an export imports back unchanged. */
export async function figuresSheetOut(
  store: StoreTx,
  options: { refs?: readonly string[]; from?: ReportingMonth; to?: ReportingMonth } = {},
): Promise<SheetOut> {
  if (options.from !== undefined && options.to !== undefined && options.to < options.from)
    throw new BoardPackError(
      'invalid_input',
      `The range ends (${options.to}) before it starts (${options.from}).`,
    );
  for (const ref of options.refs ?? []) await store.indicators.get(ref);
  const rows: CellOut[][] = (await store.indicators.currentFigures(options)).map((f) => [
    f.ref,
    f.month,
    f.value,
    f.numerator,
    f.denominator,
    f.note,
  ]);
  return { name: FIGURES_SHEET, header: [...FIGURE_COLUMNS], rows, widths: [12, 10, 12, 12, 12, 48] };
}

export async function exportFigures(
  store: Store,
  out: string,
  options: { refs?: readonly string[]; from?: ReportingMonth; to?: ReportingMonth } = {},
): Promise<{ path: string; rows: number }> {
  formatOf(out);
  const sheet = await figuresSheetOut(store, options);
  const written = await writeSpreadsheet(
    out,
    [sheet],
    new Date(store.now()),
    await store.backups.protectedFiles(),
  );
  return { path: written.path, rows: sheet.rows.length };
}
