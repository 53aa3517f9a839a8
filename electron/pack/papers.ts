// Draws the meeting's papers into the pack pdfmake laid out. pdfmake cannot embed another PDF, so
// it lays out one placeholder page per paper page (with the pack's frame: marking, "Page X of Y",
// version and hash) and this pass, with pdf-lib, draws each paper page scaled into the space between
// the header and the footer. Deterministic: no dates are written and pdf-lib's resource names come
// from its seeded generator, so the same pack and papers give the same bytes.
import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFEmbeddedPage,
  type PDFPage,
} from 'pdf-lib';
import { BoardPackError } from '../../shared/errors';
import { keptPaperOverLimit, MAX_PAPER_CONTENT_BYTES, MAX_PAPER_PAGES } from '../../shared/paperLimits';
import { defusePaper } from '../pdf/activeContent';
import { countDecodedContent } from '../pdf/paperBounds';
import { fontsNotCarried } from '../pdf/paperFonts';
import type { PackPaper } from './model';
import { destinationsOf, LOAD, savedPdf } from './join';
import { paperPageAnchor } from './sections/papers';
import { MARGINS } from './theme';

/** Room under the top margin for the placeholder's one-line caption (7.5 pt), and a gap above the footer. */
const CAPTION_SPACE = 18;
const FOOTER_GAP = 6;

export interface PaperFrame {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

/** Where a paper page may be drawn on a placeholder page of this size, in PDF units from the bottom left. */
export function paperFrame(pageWidth: number, pageHeight: number): PaperFrame {
  return {
    left: MARGINS[0],
    bottom: MARGINS[3] + FOOTER_GAP,
    width: pageWidth - MARGINS[0] - MARGINS[2],
    height: pageHeight - MARGINS[1] - CAPTION_SPACE - MARGINS[3] - FOOTER_GAP,
  };
}

/** The page rule colour of theme.ts (#d3d8e0), as pdf-lib's 0–1 RGB. */
const RULE_RGB = [0xd3 / 255, 0xd8 / 255, 0xe0 / 255] as const;

/** A page's /Rotate as 0, 90, 180 or 270 (clockwise, as a viewer turns it); anything else as 0. */
function quarterTurns(page: PDFPage): 0 | 90 | 180 | 270 {
  const angle = ((page.getRotation().angle % 360) + 360) % 360;
  return angle === 90 || angle === 180 || angle === 270 ? angle : 0;
}

/**
 * Where the paper's content goes: scale s, turned as the paper's /Rotate says (pdf-lib's embedded
 * page ignores it, and a scanned landscape page is often a portrait page turned by /Rotate), with
 * the turned page's lower left corner at (x, y). Width and height are the unturned page's.
 */
function placement(turn: 0 | 90 | 180 | 270, s: number, w: number, h: number, x: number, y: number) {
  if (turn === 90) return [0, -s, s, 0, x, y + s * w] as const;
  if (turn === 180) return [-s, 0, 0, -s, x + s * w, y + s * h] as const;
  if (turn === 270) return [0, s, -s, 0, x + s * h, y] as const;
  return [s, 0, 0, s, x, y] as const;
}

/**
 * Draws one paper page under everything pdfmake drew on the placeholder (its stream goes first), so
 * a draft's DRAFT watermark still lies over the paper. Turned upright, scaled to fit the frame (never
 * enlarged), centred across and set at the top, with a hairline round it to show the paper's edge.
 */
function drawUnder(
  pack: PDFDocument,
  pageIndex: number,
  embedded: PDFEmbeddedPage,
  turn: 0 | 90 | 180 | 270,
): void {
  const page = pack.getPage(pageIndex);
  const frame = paperFrame(page.getWidth(), page.getHeight());
  const sideways = turn === 90 || turn === 270;
  const shownWidth = sideways ? embedded.height : embedded.width;
  const shownHeight = sideways ? embedded.width : embedded.height;
  const scale = Math.min(1, frame.width / shownWidth, frame.height / shownHeight);
  const width = shownWidth * scale;
  const height = shownHeight * scale;
  const x = frame.left + (frame.width - width) / 2;
  const y = frame.bottom + frame.height - height;
  const [a, b, c, d, e, f] = placement(turn, scale, embedded.width, embedded.height, x, y);
  const name = page.node.newXObject('Paper', embedded.ref);
  const stream = pack.context.contentStream([
    pushGraphicsState(),
    concatTransformationMatrix(a, b, c, d, e, f),
    drawObject(name),
    popGraphicsState(),
    pushGraphicsState(),
    setStrokingRgbColor(...RULE_RGB),
    setLineWidth(0.5),
    rectangle(x, y, width, height),
    stroke(),
    popGraphicsState(),
  ]);
  page.node.normalize();
  const contents = page.node.Contents();
  if (!(contents instanceof PDFArray)) throw new Error(`Pack page ${pageIndex + 1} has no content array.`);
  contents.insert(0, pack.context.register(stream));
}

/** The width and height of each page as a viewer shows it: its crop box, turned by its /Rotate. */
function shownSizes(source: PDFDocument): { width: number; height: number }[] {
  return source.getPages().map((page) => {
    const box = page.getCropBox();
    const sideways = quarterTurns(page) % 180 !== 0;
    return sideways ? { width: box.height, height: box.width } : { width: box.width, height: box.height };
  });
}

/**
 * A paper kept before papers had these limits could have any number of pages or unpack to
 * gigabytes: refused in words rather than left to run for ever. Unpacking within the limit with
 * zlib costs little beside drawing the pages.
 */
function refuseOverLimits(paper: PackPaper, source: PDFDocument): void {
  const number = `${paper.itemPosition}.${paper.position}`;
  if (paper.pages > MAX_PAPER_PAGES)
    throw new BoardPackError('refused_file', keptPaperOverLimit(number, paper.title, 'pages'));
  if (countDecodedContent(source, MAX_PAPER_CONTENT_BYTES).over)
    throw new BoardPackError('refused_file', keptPaperOverLimit(number, paper.title, 'content'));
}

export interface ShapedPapers {
  papers: PackPaper[];
  /** Titles of the papers whose pages use fonts they do not carry, in agenda order: no PDF/A claim then. */
  withoutFonts: string[];
}

/**
 * The papers, with the pages a viewer shows wider than tall marked, so the pack lays those out on
 * landscape placeholder pages: a landscape A4 page is drawn at about 72% of its size there, against
 * 57% across a portrait page. Each also says what active content it carried (links, scripts, forms,
 * files), which the pack leaves out and its divider names. Which papers lack their fonts is kept
 * apart from the papers: it changes what the file claims, not what the pack prints.
 */
export async function withPaperShapes(
  papers: PackPaper[],
  paperBytes: (sha256: string) => Uint8Array,
): Promise<ShapedPapers> {
  const shaped: PackPaper[] = [];
  const withoutFonts: string[] = [];
  for (const paper of papers) {
    const source = await PDFDocument.load(paperBytes(paper.sha256), LOAD);
    refuseOverLimits(paper, source);
    const landscape = shownSizes(source)
      .map((size, i) => (size.width > size.height ? i + 1 : 0))
      .filter((n) => n > 0);
    if (fontsNotCarried(source).length > 0 && !withoutFonts.includes(paper.title))
      withoutFonts.push(paper.title);
    const removed = defusePaper(source);
    shaped.push({
      ...paper,
      ...(landscape.length ? { landscapePages: landscape } : {}),
      ...(removed.length ? { removed } : {}),
    });
  }
  return { papers: shaped, withoutFonts };
}

/** A paper's pages embedded in the pack, each cut to its crop box (what a viewer shows) wherever that box sits. */
async function embedPaper(pack: PDFDocument, source: PDFDocument): Promise<PDFEmbeddedPage[]> {
  const pages = source.getPages();
  const boxes = pages.map((page) => {
    const box = page.getCropBox();
    return { left: box.x, bottom: box.y, right: box.x + box.width, top: box.y + box.height };
  });
  return pack.embedPages(pages, boxes);
}

/**
 * Opens the pdfmake pack and draws every page of every paper onto its placeholder. `paperBytes`
 * gives a paper's bytes by its sha256 (as the model names it).
 */
export async function drawPapers(
  packPdf: Uint8Array,
  papers: PackPaper[],
  paperBytes: (sha256: string) => Uint8Array,
): Promise<Buffer> {
  const pack = await PDFDocument.load(packPdf, LOAD);
  const destinations = destinationsOf(pack);
  for (const [index, paper] of papers.entries()) {
    const source = await PDFDocument.load(paperBytes(paper.sha256), LOAD);
    // Before its pages are copied: what they draw with is cut free of actions, forms and files.
    defusePaper(source);
    const embedded = await embedPaper(pack, source);
    const turns = source.getPages().map(quarterTurns);
    if (embedded.length !== paper.pages)
      throw new Error(`Paper ${paper.title} has ${embedded.length} pages, not the ${paper.pages} recorded.`);
    embedded.forEach((page, p) => {
      const anchor = paperPageAnchor(index, p + 1);
      const at = destinations.get(anchor)?.page;
      if (at === undefined) throw new Error(`The pack has no placeholder page ${anchor}.`);
      drawUnder(pack, at, page, turns[p]);
    });
  }
  return savedPdf(pack);
}
