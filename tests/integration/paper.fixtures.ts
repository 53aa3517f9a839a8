// Board papers as real PDFs, made by small named builders (no committed blobs): a paper of N pages
// whose every page says which paper and page it is (naming pdf-lib's standard fonts, which it does
// not embed), one that carries its fonts, a landscape one, an encrypted one (pdfkit can encrypt,
// pdf-lib cannot), one cut short, one with no pages, and a file that is not a PDF.
import { fileURLToPath } from 'node:url';
import PDFKit from 'pdfkit';
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

const FIXED_DATE = new Date('2007-10-01T09:00:00Z');
export const A4: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/** The words printed on page `page` of a paper: what the test looks for in the pack. */
export function paperLine(marker: string, page: number, pages: number): string {
  return `${marker} paper page ${page} of ${pages}`;
}

/**
 * A paper of `pages` pages. Each page is tinted to its edges (so the drawn page's extent shows in a
 * rendering) and carries `paperLine` near the top and a closing line near the bottom edge.
 */
export async function paperPdf(marker: string, pages: number, size: [number, number] = A4): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(marker);
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(size);
    const [width, height] = size;
    page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0.96, 0.94, 0.86) });
    page.drawText(paperLine(marker, n, pages), { x: 50, y: height - 70, size: 18, font: bold });
    page.drawText('Prepared by the Met Intelligence Bureau for the Serious Violence Strategy Board.', {
      x: 50,
      y: height - 100,
      size: 11,
      font,
    });
    page.drawText(`${marker} closing line of page ${n}`, { x: 50, y: 24, size: 11, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Regular and bold Noto Sans: the pack's own shipped fonts, as a paper's embedded fonts. */
const PAPER_FONTS = {
  regular: fileURLToPath(new URL('../../resources/fonts/NotoSans-Regular.ttf', import.meta.url)),
  bold: fileURLToPath(new URL('../../resources/fonts/NotoSans-Bold.ttf', import.meta.url)),
};

/**
 * A paper of `pages` pages that carries its fonts, as a paper saved as PDF/A (or with "embed
 * fonts") does: pdfkit embeds a subset of each TrueType font it sets text in (pdf-lib would need
 * @pdf-lib/fontkit for that). Each page carries `paperLine`, like paperPdf's.
 */
export async function paperWithFontsPdf(marker: string, pages: number): Promise<Buffer> {
  // font: null, so pdfkit does not set up Helvetica, which it would name without embedding.
  const doc = new PDFKit({
    autoFirstPage: false,
    font: null,
    pdfVersion: '1.7',
    info: { Title: marker, CreationDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done) => doc.on('end', () => done()));
  for (let n = 1; n <= pages; n++) {
    doc.addPage({ size: 'A4', margin: 50 });
    doc
      .font(PAPER_FONTS.bold)
      .fontSize(18)
      .text(paperLine(marker, n, pages));
    doc.font(PAPER_FONTS.regular).fontSize(11).text('Prepared with its fonts embedded, as a PDF/A paper is.');
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Two pages laid out the awkward ways real files are: page 1 a landscape page stored as a portrait
 * page turned by /Rotate 90 (as scanners save them), page 2 an A4 page whose media box does not
 * start at (0, 0). Each reads upright in a viewer, with `paperLine` on it.
 */
export async function awkwardPaperPdf(marker: string): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const turned = doc.addPage(A4);
  turned.setRotation(degrees(90));
  // Shown turned a quarter clockwise, so drawn a quarter anticlockwise to read upright.
  turned.drawRectangle({ x: 0, y: 0, width: A4[0], height: A4[1], color: rgb(0.9, 0.95, 0.9) });
  turned.drawText(paperLine(marker, 1, 2), { x: 70, y: 50, size: 18, font: bold, rotate: degrees(90) });
  const shifted = doc.addPage(A4);
  shifted.setMediaBox(100, 200, A4[0], A4[1]);
  shifted.drawRectangle({ x: 100, y: 200, width: A4[0], height: A4[1], color: rgb(0.9, 0.9, 0.97) });
  shifted.drawText(paperLine(marker, 2, 2), { x: 150, y: 200 + A4[1] - 70, size: 18, font: bold });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A PDF with no pages at all. */
export async function pagelessPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return Buffer.from(await doc.save({ addDefaultPage: false, useObjectStreams: false }));
}

/**
 * A password-protected PDF, as a person's "protect document" option saves one; with no user
 * password (null), one that opens without a password but is still encrypted (printing/copying
 * restricted), as many published reports are.
 */
export async function encryptedPdf(userPassword: string | null = 'board'): Promise<Buffer> {
  const doc = new PDFKit({
    ...(userPassword === null ? {} : { userPassword }),
    ownerPassword: 'secretariat',
    pdfVersion: '1.7',
    info: { CreationDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done) => doc.on('end', () => done()));
  doc.text('Restricted briefing');
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A PDF cut off part way, as an interrupted copy or download leaves it. */
export function truncatedPdf(pdf: Buffer): Buffer {
  return Buffer.from(pdf.subarray(0, Math.floor(pdf.length * 0.6)));
}

/** A file that is not a PDF: the document a person picks by mistake. */
export function notAPdf(): Buffer {
  return Buffer.from('Minutes of the last meeting, typed in a word processor and saved as text.\n', 'utf8');
}

/** A file one byte over the 25 MB limit that starts like a PDF: refused by its size alone. */
export function oversizedPdf(limit: number): Buffer {
  const bytes = Buffer.alloc(limit + 1, 0x20);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  bytes.write('%%EOF\n', bytes.length - 6, 'latin1');
  return bytes;
}
