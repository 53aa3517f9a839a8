// Papers: PDF files an agenda item carries into the board pack. A paper is checked with pdf-lib
// before it is kept (a PDF, not encrypted, readable, with pages), so a pack never fails on it later.
import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import type { Paper } from '../../shared/contractPapers';
import {
  MAX_PAPER_BYTES,
  MAX_PAPER_CONTENT_BYTES,
  MAX_PAPER_PAGES,
  MAX_PAPER_TITLE_LENGTH,
  PAPER_TITLE_TOO_LONG,
  paperContentTooLarge,
  paperHasTooManyPages,
} from '../../shared/paperLimits';
import type { AuditLog } from './audit';
import type { Sql } from './sql';
import { idRowSchema, lastPositionRowSchema } from './rowSchemas';

export { MAX_PAPER_BYTES };

/** A paper as the contract shows it: its details, without its bytes. */
export type PaperRecord = Paper;

export interface NewPaper {
  meetingId: number;
  agendaItemId: number;
  /** The title printed in the pack; the file name without .pdf when left out or blank. */
  title?: string;
  fileName: string;
  pdf: Uint8Array;
}

const paperRowSchema = z
  .object({
    id: z.number().int(),
    meeting_id: z.number().int(),
    agenda_item_id: z.number().int(),
    position: z.number().int(),
    title: z.string(),
    file_name: z.string(),
    sha256: z.string(),
    size_bytes: z.number().int(),
    pages: z.number().int(),
    added_at: z.string(),
    added_by: z.string(),
  })
  .transform((row): Paper => ({
    id: row.id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    position: row.position,
    title: row.title,
    fileName: row.file_name,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    pages: row.pages,
    addedAt: row.added_at,
    addedBy: row.added_by,
  }));

/** A BLOB column (bytea in PostgreSQL): the executor answers a Buffer. */
const pdfRowSchema = z.object({ pdf: z.instanceof(Buffer) });

const COLUMNS =
  'p.id, p.meeting_id, p.agenda_item_id, p.position, p.title, p.file_name, p.sha256, p.size_bytes, p.pages, p.added_at, p.added_by';

function refused(message: string): BoardPackError {
  return new BoardPackError('refused_file', message);
}

/** Whether a text occurs within a slice of the file's bytes. */
function occursIn(bytes: Uint8Array, text: string, from: number, to: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).includes(
    text,
    0,
    'latin1',
  );
}

/**
 * Opens a paper with pdf-lib as the pack will, and embeds every page into a scratch document, so a
 * file whose pages cannot be drawn is refused now rather than when the pack is built.
 */
async function countReadablePages(name: string, pdf: Uint8Array): Promise<number> {
  // Cheap checks first: a PDF starts with %PDF- near the top and ends with %%EOF near the end; a
  // file cut short in a download or an email lacks the end, and pdf-lib would guess at the rest.
  if (!occursIn(pdf, '%PDF-', 0, Math.min(pdf.length, 1024)))
    throw refused(`"${name}" is not a PDF file. Save the paper as a PDF and attach that.`);
  if (!occursIn(pdf, '%%EOF', Math.max(0, pdf.length - 1024), pdf.length))
    throw refused(`"${name}" is incomplete: the file ends before the PDF does. Copy or download it again.`);
  // pdf-lib is loaded when a paper is first checked, not with the store: most runs never need it.
  const pdfLib = await import('pdf-lib');
  let doc: PDFDocument;
  try {
    doc = await pdfLib.PDFDocument.load(pdf, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
      parseSpeed: Infinity,
    });
  } catch {
    throw refused(
      `"${name}" could not be read as a PDF; it may be damaged. Save it again as a PDF and attach that.`,
    );
  }
  // Includes "owner password" files that open without a password but restrict printing or copying:
  // their content is still encrypted, and pdf-lib cannot decrypt it to draw it into the pack.
  if (doc.isEncrypted)
    throw refused(
      `"${name}" is protected with a password or encryption (even if it opens without one, it may restrict printing or copying), so it cannot go in the pack. Print it to a new PDF, or save an unprotected copy, and attach that.`,
    );
  // Counted within the limits before pdf-lib lists the pages or anything is unpacked: a page
  // listed 100,000 times, or a stream that unpacks to gigabytes, is refused at the limit.
  const bounds = await import('../pdf/paperBounds');
  try {
    const counted = bounds.countPages(doc, MAX_PAPER_PAGES);
    if (counted.over) throw refused(paperHasTooManyPages(name));
    if (counted.count === 0) throw refused(`"${name}" has no pages. Attach the PDF of the paper itself.`);
    if (bounds.countDecodedContent(doc, MAX_PAPER_CONTENT_BYTES).over)
      throw refused(paperContentTooLarge(name));
    const scratch = await pdfLib.PDFDocument.create({ updateMetadata: false });
    await scratch.embedPdf(doc, doc.getPageIndices());
    // Links and scripts are kept (the pack removes them when it draws the paper); walked here so a
    // file the pack could not walk is refused now. Last, as it cuts them out of this copy.
    (await import('../pdf/activeContent')).defusePaper(doc);
    return counted.count;
  } catch (error) {
    if (error instanceof BoardPackError) throw error;
    throw refused(
      `"${name}" could not be read as a PDF; it may be damaged. Save it again as a PDF and attach that.`,
    );
  }
}

function titleOf(input: NewPaper): string {
  const given = (input.title ?? '').trim();
  const title =
    given ||
    input.fileName
      .trim()
      .replace(/\.pdf$/i, '')
      .trim();
  if (!title)
    throw new BoardPackError(
      'invalid_input',
      'A paper needs a title: give one, or a file name other than ".pdf".',
    );
  return withinTitleLimit(title);
}

/** The one limit on a paper's title, whether given when attaching or when renaming. */
function withinTitleLimit(title: string): string {
  if (title.length > MAX_PAPER_TITLE_LENGTH) throw new BoardPackError('invalid_input', PAPER_TITLE_TOO_LONG);
  return title;
}

/** A new title for a paper already attached: there is no file name to fall back on, so blank is refused. */
function renamedTitle(given: string): string {
  const title = given.trim();
  if (!title)
    throw new BoardPackError('invalid_input', 'A paper needs a title; type the title to print in the pack.');
  return withinTitleLimit(title);
}

export class PapersRepository {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditLog,
  ) {}

  /** A meeting's papers in agenda order, then in their order within each item. */
  async list(meetingId: number): Promise<PaperRecord[]> {
    await this.assertMeeting(meetingId);
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM papers p JOIN agenda_items a ON a.id = p.agenda_item_id
       WHERE p.meeting_id = ? ORDER BY a.position, p.position, p.id`,
      meetingId,
    );
    return z.array(paperRowSchema).parse(rows);
  }

  async get(paperId: number): Promise<PaperRecord> {
    const row = await this.sql.get(`SELECT ${COLUMNS} FROM papers p WHERE p.id = ?`, paperId);
    if (!row) throw new BoardPackError('not_found', `There is no paper ${paperId}.`);
    return paperRowSchema.parse(row);
  }

  /**
   * Checks the PDF (size first, then with pdf-lib) and adds it as the item's last paper, with its
   * audit record in one transaction. Nothing is written until every check has passed.
   */
  async add(input: NewPaper, at: string, actor: string): Promise<PaperRecord> {
    const fileName = input.fileName.trim();
    if (!fileName) throw new BoardPackError('invalid_input', 'A paper needs its file name.');
    await this.assertItemOnAgenda(input.meetingId, input.agendaItemId);
    const title = titleOf(input);
    if (input.pdf.length === 0) throw refused(`"${fileName}" is empty. Choose the PDF of the paper.`);
    if (input.pdf.length > MAX_PAPER_BYTES)
      throw refused(
        `"${fileName}" is ${(input.pdf.length / 1024 / 1024).toFixed(1)} MB; a paper can be at most 25 MB. Save a smaller PDF (for example with scanned images compressed) and attach that.`,
      );
    const pages = await countReadablePages(fileName, input.pdf);
    const pdf = Buffer.from(input.pdf.buffer, input.pdf.byteOffset, input.pdf.byteLength);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    return this.sql.transaction(async () => {
      // Checked again inside the transaction: the agenda may have changed while the PDF was read.
      await this.assertItemOnAgenda(input.meetingId, input.agendaItemId);
      const position =
        lastPositionRowSchema.parse(
          await this.sql.get(
            'SELECT coalesce(max(position), 0) AS p FROM papers WHERE agenda_item_id = ?',
            input.agendaItemId,
          ),
        ).p + 1;
      const id = await this.sql.insert(
        `INSERT INTO papers (meeting_id, agenda_item_id, position, title, file_name, sha256, size_bytes, pages, pdf, added_at, added_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        input.meetingId,
        input.agendaItemId,
        position,
        title,
        fileName,
        sha256,
        pdf.length,
        pages,
        pdf,
        at,
        actor,
      );
      const paper = await this.get(id);
      await this.audit.record(at, actor, 'paper.add', 'paper', id, null, paper);
      return paper;
    });
  }

  /** Removes a paper from its item; the papers after it move up. Issued packs keep their own copy. */
  async remove(paperId: number, at: string, actor: string): Promise<void> {
    await this.sql.transaction(async () => {
      const before = await this.get(paperId);
      await this.sql.run('DELETE FROM papers WHERE id = ?', paperId);
      // One row at a time from the front, each into the place just freed, so UNIQUE (agenda_item_id,
      // position) and the CHECK on position hold at every step.
      const after = z
        .array(idRowSchema)
        .parse(
          await this.sql.all(
            'SELECT id FROM papers WHERE agenda_item_id = ? AND position > ? ORDER BY position',
            before.agendaItemId,
            before.position,
          ),
        );
      for (const paper of after)
        await this.sql.run('UPDATE papers SET position = position - 1 WHERE id = ?', paper.id);
      await this.audit.record(at, actor, 'paper.remove', 'paper', paperId, before, null);
    });
  }

  /**
   * Gives a paper a new title, with its audit record in one transaction; its file, place and bytes
   * stay as they are. The same title again changes nothing and records nothing. Packs already issued
   * keep the title they were issued with.
   */
  async rename(paperId: number, title: string, at: string, actor: string): Promise<PaperRecord> {
    const renamed = renamedTitle(title);
    return this.sql.transaction(async () => {
      const before = await this.get(paperId);
      if (before.title === renamed) return before;
      await this.sql.run('UPDATE papers SET title = ? WHERE id = ?', renamed, paperId);
      const after = await this.get(paperId);
      await this.audit.record(at, actor, 'paper.rename', 'paper', paperId, before, after);
      return after;
    });
  }

  /** The paper's bytes, exactly as added. */
  async pdf(paperId: number): Promise<Buffer> {
    const row = await this.sql.get('SELECT pdf FROM papers WHERE id = ?', paperId);
    if (!row) throw new BoardPackError('not_found', `There is no paper ${paperId}.`);
    return pdfRowSchema.parse(row).pdf;
  }

  private async assertMeeting(meetingId: number): Promise<void> {
    if (!(await this.sql.get('SELECT 1 FROM meetings WHERE id = ?', meetingId)))
      throw new BoardPackError('not_found', `There is no meeting ${meetingId}.`);
  }

  private async assertItemOnAgenda(meetingId: number, agendaItemId: number): Promise<void> {
    await this.assertMeeting(meetingId);
    const onAgenda = await this.sql.get(
      'SELECT 1 FROM agenda_items WHERE id = ? AND meeting_id = ?',
      agendaItemId,
      meetingId,
    );
    if (!onAgenda)
      throw new BoardPackError(
        'not_found',
        `Agenda item ${agendaItemId} is not on meeting ${meetingId}'s agenda; choose one of that meeting's items.`,
      );
  }
}
