// Reading a spreadsheet a person names, within limits: the file is read once, as bytes, only if it
// is an ordinary file under the size limit; an XLSX workbook is read a row at a time with exceljs's
// streaming reader and a CSV file by csv-parse, and both stop with a sentence at the first row,
// column or amount of text beyond what an action plan could hold, so memory stays bounded.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { readFileLimited } from '../files/readLimited';
import { zipUnpackedSize } from './zipUnpacked';
import {
  cellText,
  columnLetters,
  formatOf,
  MAX_SPREADSHEET_BYTES,
  MAX_SPREADSHEET_CELLS,
  MAX_SPREADSHEET_COLUMNS,
  MAX_SPREADSHEET_ROWS,
  MAX_SPREADSHEET_TEXT,
  MAX_SPREADSHEET_UNPACKED,
  unneutralise,
  type SheetIn,
  type SpreadsheetFormat,
} from './spreadsheetFile';

export interface SpreadsheetIn {
  format: SpreadsheetFormat;
  /** Every sheet of an XLSX workbook (in the order the file stores them), or the one table of a CSV file. */
  sheets: SheetIn[];
  /** Of the bytes read, so the import records exactly what it read. */
  sha256: string;
}

function trimRow(cells: string[]): string[] {
  return cells.map((c) => unneutralise(c.trim()));
}

function tooManyRows(path: string): BoardPackError {
  return new BoardPackError(
    'refused_file',
    `${basename(path)} has more than ${MAX_SPREADSHEET_ROWS.toLocaleString('en-GB')} rows; an action plan has a few hundred at most. Nothing was imported.`,
  );
}

function tooWide(path: string, where: string, column: number): BoardPackError {
  return new BoardPackError(
    'refused_file',
    `${basename(path)} has a cell in column ${columnLetters(column - 1)} (${where}); Board Pack reads at most ${MAX_SPREADSHEET_COLUMNS} columns (A to ${columnLetters(MAX_SPREADSHEET_COLUMNS - 1)}). Nothing was imported.`,
  );
}

function tooMuchText(path: string): BoardPackError {
  return new BoardPackError(
    'refused_file',
    `${basename(path)} holds more than ${MAX_SPREADSHEET_TEXT.toLocaleString('en-GB')} characters of text, far more than an action plan. Nothing was imported.`,
  );
}

function tooManyCells(path: string): BoardPackError {
  return new BoardPackError(
    'refused_file',
    `${basename(path)} has more than ${MAX_SPREADSHEET_CELLS.toLocaleString('en-GB')} filled cells or distinct texts; an action plan has a few thousand. Nothing was imported.`,
  );
}

/** The limits shared by every sheet of one workbook: rows, cells and characters read so far. */
class Budget {
  private rows = 0;
  private cells = 0;
  private texts = 0;
  private characters = 0;
  constructor(private readonly path: string) {}

  row(): void {
    this.rows += 1;
    if (this.rows > MAX_SPREADSHEET_ROWS) throw tooManyRows(this.path);
  }

  /** A filled cell, with the length of the text it holds when that text is its own (not shared). */
  cell(length: number): void {
    this.cells += 1;
    if (this.cells > MAX_SPREADSHEET_CELLS) throw tooManyCells(this.path);
    this.text(length);
  }

  /** An entry of a workbook's shared texts. */
  sharedText(index: number, length: number): void {
    this.texts += 1;
    if (this.texts > MAX_SPREADSHEET_CELLS || index >= MAX_SPREADSHEET_CELLS) throw tooManyCells(this.path);
    this.text(length);
  }

  private text(length: number): void {
    this.characters += length;
    if (this.characters > MAX_SPREADSHEET_TEXT) throw tooMuchText(this.path);
  }
}

/**
 * What exceljs's streaming parse() yields: a worksheet to read, hyperlinks (ignored), or a shared
 * string. exceljs 4.4 yields a shared string bare ({ index, text }); a later version may wrap it as
 * the read() method does ({ eventType: 'shared-strings', value }), so both are taken.
 */
const worksheetReaderSchema = z.custom<ExcelJS.stream.xlsx.WorksheetReader>(
  (v) => typeof v === 'object' && v !== null && Symbol.asyncIterator in v,
);
const sharedTextSchema = z.union([
  z.string(),
  z.object({ richText: z.array(z.object({ text: z.string().nullish() })) }),
  z.null(),
]);
const sharedStringSchema = z.object({ index: z.number().int().nonnegative(), text: sharedTextSchema });
const parseEventSchema = z.union([
  z.object({ eventType: z.literal('worksheet'), value: worksheetReaderSchema }),
  z.object({ eventType: z.literal('shared-strings'), value: sharedStringSchema }),
  z.object({ eventType: z.literal('hyperlinks') }),
  sharedStringSchema,
]);

function sharedText(text: z.infer<typeof sharedTextSchema>): string {
  if (text === null) return '';
  if (typeof text === 'string') return text;
  return text.richText.map((r) => r.text ?? '').join('');
}

/** A row's cells as text, A onwards; a cell past the column limit refuses the file. */
function rowTexts(
  path: string,
  sheetName: string,
  row: ExcelJS.Row,
  shared: string[],
  budget: Budget,
): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column > MAX_SPREADSHEET_COLUMNS)
      throw tooWide(path, `sheet "${sheetName}", row ${row.number}`, column);
    const value: unknown = cell.value;
    let text: string;
    if (typeof value === 'object' && value !== null && 'sharedString' in value) {
      const index = value.sharedString;
      text = typeof index === 'number' ? (shared[index] ?? '') : '';
      budget.cell(0);
    } else {
      text = cellText(cell.value);
      budget.cell(text.length);
    }
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = text;
  });
  return cells;
}

async function readWorksheet(
  path: string,
  worksheet: ExcelJS.stream.xlsx.WorksheetReader,
  shared: string[],
  budget: Budget,
): Promise<SheetIn> {
  // The name is known once the workbook part has been read, which is before any worksheet is read.
  const name = 'name' in worksheet && typeof worksheet.name === 'string' ? worksheet.name : 'Sheet';
  const sheet: SheetIn = { name, header: [], rows: [] };
  // Leaving the loop early (a limit reached) closes the worksheet's stream.
  for await (const row of worksheet) {
    budget.row();
    const cells = rowTexts(path, name, row, shared, budget);
    if (row.number === 1) sheet.header = trimRow(cells);
    else if (cells.some((c) => c.trim())) sheet.rows.push({ rowNumber: row.number, cells: trimRow(cells) });
  }
  return sheet;
}

/** Lets exceljs finish a worksheet it has set aside without reading it, so its temporary file goes. */
async function skipWorksheet(worksheet: ExcelJS.stream.xlsx.WorksheetReader): Promise<void> {
  const rows = worksheet[Symbol.asyncIterator]();
  try {
    await rows.next();
  } catch {
    // A damaged worksheet after a refusal changes nothing: the file is refused already.
  } finally {
    await rows.return(undefined);
  }
}

function damaged(path: string): BoardPackError {
  return new BoardPackError(
    'refused_file',
    `${basename(path)} could not be read as an XLSX workbook; it may be damaged. Nothing was imported.`,
  );
}

/** The bytes in 64 KB views (no copies): the unzipper joins what it is given into one buffer. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
}

async function readXlsx(path: string, bytes: Buffer): Promise<SheetIn[]> {
  const unpacked = await zipUnpackedSize(bytes, MAX_SPREADSHEET_UNPACKED);
  if (unpacked.kind === 'damaged') throw damaged(path);
  if (unpacked.kind === 'over')
    throw new BoardPackError(
      'refused_file',
      `${basename(path)} unpacks to more than ${MAX_SPREADSHEET_UNPACKED / 1024 / 1024} MB, far more than an action plan. Nothing was imported.`,
    );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(pieces(bytes)), {
    worksheets: 'emit',
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const budget = new Budget(path);
  const shared: string[] = [];
  const sheets: SheetIn[] = [];
  let refusal: BoardPackError | null = null;
  const events = reader.parse();
  for (;;) {
    let next;
    try {
      next = await events.next();
    } catch {
      throw refusal ?? damaged(path);
    }
    if (next.done) break;
    const event = parseEventSchema.safeParse(next.value);
    if (!event.success) continue;
    const e = event.data;
    if ('index' in e || e.eventType === 'shared-strings') {
      const s = 'index' in e ? e : e.value;
      if (refusal) continue;
      const text = sharedText(s.text);
      try {
        budget.sharedText(s.index, text.length);
      } catch (error) {
        refusal = error instanceof BoardPackError ? error : tooManyCells(path);
        continue;
      }
      shared[s.index] = text;
    } else if (e.eventType === 'worksheet') {
      // After a refusal the remaining worksheets are still handed over, so that exceljs removes the
      // temporary copies it made of them; they are opened and closed, not read.
      if (refusal) {
        await skipWorksheet(e.value);
        continue;
      }
      try {
        sheets.push(await readWorksheet(path, e.value, shared, budget));
      } catch (error) {
        refusal = error instanceof BoardPackError ? error : damaged(path);
      }
    }
  }
  if (refusal) throw refusal;
  return sheets;
}

function readCsv(path: string, bytes: Buffer): SheetIn[] {
  let records: string[][];
  try {
    records = parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // A file edited on two kinds of computer may end some lines in CRLF and others in LF.
      record_delimiter: ['\r\n', '\n', '\r'],
      to: MAX_SPREADSHEET_ROWS + 1,
      on_record: (record: string[], context) => {
        if (record.length > MAX_SPREADSHEET_COLUMNS)
          throw tooWide(path, `line ${context.lines}`, MAX_SPREADSHEET_COLUMNS + 1);
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof BoardPackError) throw error;
    const reason = error instanceof CsvError ? error.message : String(error);
    throw new BoardPackError(
      'refused_file',
      `${basename(path)} could not be read as CSV (${reason}). Nothing was imported.`,
    );
  }
  if (records.length > MAX_SPREADSHEET_ROWS) throw tooManyRows(path);
  const [header = [], ...rest] = records;
  const rows = rest
    .map((cells, i) => ({ rowNumber: i + 2, cells: trimRow(cells) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return [{ name: 'CSV', header: trimRow(header), rows }];
}

/** Reads an XLSX or CSV file once, refusing a device, a pipe or a file beyond the limits. */
export async function readSpreadsheet(path: string): Promise<SpreadsheetIn> {
  const format = formatOf(path);
  const bytes = readFileLimited(path, {
    maxBytes: MAX_SPREADSHEET_BYTES,
    tooLarge: 'That is too large for an action plan; nothing was imported.',
    what: 'a spreadsheet',
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const sheets = format === 'csv' ? readCsv(path, bytes) : await readXlsx(path, bytes);
  return { format, sheets, sha256 };
}
