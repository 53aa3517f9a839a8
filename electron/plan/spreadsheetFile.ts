// Reading and writing plain tables as XLSX (exceljs) or CSV (csv-parse / csv-stringify). Cells
// are read as values, never evaluated: a formula comes back as its own text ("=HYPERLINK(…)").
// Text written out that a spreadsheet would take for a formula is neutralised with an apostrophe.
import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BoardPackError } from '../../shared/errors';

export type SpreadsheetFormat = 'xlsx' | 'csv';
export type CellOut = string | number | null;

export interface SheetOut {
  name: string;
  header: string[];
  rows: CellOut[][];
  /** Column widths in characters, for XLSX. */
  widths?: number[];
}

export interface SheetIn {
  name: string;
  header: string[];
  /** rowNumber is the row as a spreadsheet program numbers it (the header is row 1). */
  rows: { rowNumber: number; cells: string[] }[];
}

/** Far above any action plan (the built-in one is ~60 KB as XLSX). */
export const MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024;

export function formatOf(path: string): SpreadsheetFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new BoardPackError('invalid_input', `${path} is neither an .xlsx nor a .csv file.`);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV/formula injection: text a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutralise, so exported text comes back as it was. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function cellOut(value: CellOut): CellOut {
  return typeof value === 'string' ? neutralise(value) : value;
}

/** The value a cell holds, as text; a formula as "=" and its text, its cached result ignored. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('error' in value) return String(value.error);
  return '';
}

export async function writeSpreadsheet(
  path: string,
  sheets: SheetOut[],
  at: Date,
): Promise<{ path: string; bytes: number }> {
  const partial = `${path}.partial`;
  if (formatOf(path) === 'csv') {
    const [sheet] = sheets;
    // A byte-order mark so spreadsheet programs read the file as UTF-8 (£, é, curly quotes).
    const text = `\ufeff${stringify([sheet.header, ...sheet.rows.map((r) => r.map(cellOut))], { record_delimiter: 'windows', quoted_string: true })}`;
    writeFileSync(partial, text, 'utf8');
  } else {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Board Pack';
    workbook.created = at;
    workbook.modified = at;
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      worksheet.addRow(sheet.header).font = { bold: true };
      for (const row of sheet.rows) worksheet.addRow(row.map(cellOut));
      (sheet.widths ?? []).forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
    }
    await workbook.xlsx.writeFile(partial);
  }
  renameSync(partial, path);
  return { path, bytes: statSync(path).size };
}

function assertReadable(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new BoardPackError('not_found', `There is no file at ${path}.`);
  }
  if (size > MAX_SPREADSHEET_BYTES) {
    throw new BoardPackError(
      'refused_file',
      `${path} is ${(size / 1024 / 1024).toFixed(1)} MB, too large for an action plan; nothing was imported.`,
    );
  }
}

function trimRow(cells: string[]): string[] {
  return cells.map((c) => unneutralise(c.trim()));
}

async function readXlsx(path: string): Promise<SheetIn[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    throw new BoardPackError(
      'refused_file',
      `${path} could not be read as an XLSX workbook; it may be damaged. Nothing was imported.`,
    );
  }
  return workbook.worksheets.map((worksheet) => {
    const width = worksheet.columnCount;
    const rows: SheetIn['rows'] = [];
    let header: string[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      if (rowNumber === 1) header = trimRow(cells);
      else if (cells.some((c) => c.trim())) rows.push({ rowNumber, cells: trimRow(cells) });
    });
    return { name: worksheet.name, header, rows };
  });
}

function readCsv(path: string): SheetIn[] {
  let records: string[][];
  try {
    records = parse(readFileSync(path), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BoardPackError(
      'refused_file',
      `${path} could not be read as CSV (${reason}). Nothing was imported.`,
    );
  }
  const [header = [], ...rest] = records;
  const rows = rest
    .map((cells, i) => ({ rowNumber: i + 2, cells: trimRow(cells) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return [{ name: 'CSV', header: trimRow(header), rows }];
}

/** Every sheet of an XLSX workbook, or the one table of a CSV file. */
export async function readSpreadsheet(path: string): Promise<SheetIn[]> {
  const format = formatOf(path);
  assertReadable(path);
  return format === 'csv' ? readCsv(path) : readXlsx(path);
}
