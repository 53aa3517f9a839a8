// Plain tables as XLSX (exceljs) or CSV (csv-stringify): the shapes and limits, cell text, and
// writing. Cells are read as values, never evaluated (spreadsheetRead.ts): a formula comes back as
// its own text ("=HYPERLINK(…)"). Text written out that a spreadsheet would take for a formula is
// neutralised with an apostrophe.
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { BoardPackError } from '../../shared/errors';
import { checkOutputPath, writeFileAtomically, type ProtectedFiles } from '../files/writeAtomically';

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
/** What an XLSX file may unpack to: a plan of 10,000 full rows is about 10 MB unpacked. */
export const MAX_SPREADSHEET_UNPACKED = 32 * 1024 * 1024;
/** Rows read from one file, every sheet counted: the built-in plan has 163 objectives. */
export const MAX_SPREADSHEET_ROWS = 10_000;
/** Columns read (A to CV): a plan sheet has 12. */
export const MAX_SPREADSHEET_COLUMNS = 100;
/** Cells with something in them, and distinct texts, read from one file: a plan has about 2,000. */
export const MAX_SPREADSHEET_CELLS = 100_000;
/** Characters of text read from one file, so a workbook that unpacks to far more than it weighs is refused. */
export const MAX_SPREADSHEET_TEXT = 10_000_000;

/** "A" for the first column, "AA" for the 27th: the letters a spreadsheet program shows. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

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

/**
 * Writes the sheets to path (CSV: the first sheet only) through a temporary file, never over the
 * database or its backups (protect); a full disk or a bad path gives a sentence and no file.
 */
export async function writeSpreadsheet(
  path: string,
  sheets: SheetOut[],
  at: Date,
  protect?: ProtectedFiles,
): Promise<{ path: string; bytes: number }> {
  checkOutputPath(path, protect);
  const bytes = formatOf(path) === 'csv' ? csvBytes(sheets[0]) : await xlsxBytes(sheets, at);
  return { path: writeFileAtomically(path, bytes, protect), bytes: bytes.length };
}

function csvBytes(sheet: SheetOut): Buffer {
  // A byte-order mark so spreadsheet programs read the file as UTF-8 (£, é, curly quotes).
  const text = `\ufeff${stringify([sheet.header, ...sheet.rows.map((r) => r.map(cellOut))], { record_delimiter: 'windows', quoted_string: true })}`;
  return Buffer.from(text, 'utf8');
}

async function xlsxBytes(sheets: SheetOut[], at: Date): Promise<Buffer> {
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
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
