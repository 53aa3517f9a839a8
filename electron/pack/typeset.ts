// Line breaking done before pdfmake sees the text. pdfmake measures, lays out and draws every word
// as its own inline, looking up some twenty style properties for each; profiling showed that is
// where a pack's time and memory go. Table cells have widths known in advance, so their text is
// broken into lines here (words measured exactly as pdfkit measures them) and each
// line reaches pdfmake as one unbreakable inline: about eight times fewer inlines. Words are
// measured by pdfkit's public widthOfString, once per process: their widths are kept across builds.
import type PDFKitDocument from 'pdfkit';
import type { Inline, TextPart } from './content';
import { pdfkitOfPdfmake } from './enginePatches';
import { FONT, FONT_FILES, pdfmakeReady } from './fonts';

export interface BaseStyle {
  font: string;
  fontSize: number;
  bold: boolean;
  italics: boolean;
  color?: string;
}

/** One unbreakable inline of a set line. */
function lineInline(style: Inline, text: string): Inline {
  return { ...style, text, noWrap: true };
}

interface Measured {
  text: string;
  style: Inline;
  width: number;
  /** Width without trailing spaces: what must fit at the end of a line. */
  fit: number;
}

function fontFile(family: string, bold: boolean, italics: boolean): string {
  const files = FONT_FILES[family as keyof typeof FONT_FILES] ?? FONT_FILES[FONT.text];
  if (bold && italics) return files.bolditalics;
  if (bold) return files.bold;
  if (italics) return files.italics;
  return files.normal;
}

/** Widths kept per font file; past this many, that file's are dropped and measured again. */
const LIMIT = 50_000;

interface Measurer {
  document: PDFKitDocument;
  /** Width at 1,000 pt, as pdfkit sums it, by text. */
  widths: Map<string, number>;
}

const measurers = new Map<string, Measurer>();

function measurerOf(file: string): Measurer {
  let measurer = measurers.get(file);
  if (!measurer || measurer.widths.size >= LIMIT) {
    // pdfmake's own pdfkit, at 1,000 pt so that a width is pdfkit's sum of glyph advances as it is.
    // font: null, so pdfkit does not load Helvetica for a document that never uses it.
    const PDFKit = pdfkitOfPdfmake();
    const document = new PDFKit({ autoFirstPage: false, font: null }).font(file).fontSize(1000);
    measurer = { document, widths: new Map() };
    measurers.set(file, measurer);
  }
  return measurer;
}

/** Width of a piece of text as pdfkit lays it out (in chunks that end after a space or tab). */
function widthOf(text: string, file: string, size: number): number {
  const measurer = measurerOf(file);
  let width = measurer.widths.get(text);
  if (width === undefined) {
    width = measurer.document.widthOfString(text);
    measurer.widths.set(text, width);
  }
  return (width * size) / 1000;
}

/** The spaces a chunk ends with, which may hang past the end of a line. */
const TRAILING_SPACE = /[ \u200b]+$/;

/** Break opportunities: after spaces and zero-width spaces; "\n" is a hard break. */
const CHUNK = /\n|[^ \u200b\n]+[ \u200b]*|[ \u200b]+/g;

function tokens(parts: TextPart[], base: BaseStyle): (Measured | null)[] {
  const out: (Measured | null)[] = [];
  for (const part of parts) {
    const style: Inline = typeof part === 'string' ? { text: '' } : { ...part, text: '' };
    const text = typeof part === 'string' ? part : part.text;
    const file = fontFile(style.font ?? base.font, style.bold ?? base.bold, style.italics ?? base.italics);
    const size = style.fontSize ?? base.fontSize;
    for (const piece of text.match(CHUNK) ?? []) {
      if (piece === '') continue;
      if (piece === '\n') {
        out.push(null);
        continue;
      }
      const width = widthOf(piece, file, size);
      const trailing = TRAILING_SPACE.exec(piece);
      // As pdfmake measures a line's visible width: the whole, less its trailing spaces measured
      // alone. Shaping the word again without its space would double the words a pack shapes.
      const fit = trailing ? width - widthOf(trailing[0], file, size) : width;
      out.push({ text: piece, style, width, fit });
    }
  }
  return out;
}

function sameStyle(a: Inline, b: Inline): boolean {
  return (
    a.font === b.font &&
    a.bold === b.bold &&
    a.italics === b.italics &&
    a.fontSize === b.fontSize &&
    a.color === b.color
  );
}

/** pdfmake's own arithmetic differs from ours in the last decimals; a hair of slack keeps lines whole. */
const SLACK = 0.75;

/**
 * The parts broken into lines no wider than `width`: each line is one or a few unbreakable
 * inlines (one per style). A line's last inline carries lineEnd (pdfmake then starts a new line)
 * and ends in a space, so pdfmake never glues it to the next line's first word; a separate "\n"
 * item per line would double the inlines pdfmake measures, lays out and keeps in memory.
 */
export function setLines(parts: TextPart[], width: number, base: BaseStyle): Inline[] {
  // pdfkit set up as pdfmake will use it (its fonts, the speed-ups) before the first word is measured.
  pdfmakeReady();
  const limit = width - SLACK;
  const out: Inline[] = [];
  let line: Measured[] = [];
  let used = 0;
  // A line's text is joined once, not grown word by word: V8 keeps a grown string as a tree of
  // its pieces, and a 4,000-objective pack holds a hundred thousand lines until it is drawn.
  const emit = (ending: boolean): void => {
    let start = 0;
    while (start < line.length) {
      let end = start + 1;
      while (end < line.length && sameStyle(line[start].style, line[end].style)) end += 1;
      const last = ending && end === line.length;
      const pieces = line.slice(start, end).map((t) => t.text);
      if (last && !/[ \u200b]$/.test(pieces[pieces.length - 1])) pieces.push(' ');
      const inline = lineInline(line[start].style, pieces.join(''));
      if (last) inline.lineEnd = true;
      out.push(inline);
      start = end;
    }
    if (ending && line.length === 0) {
      const blank = lineInline({ text: '' }, ' ');
      blank.lineEnd = true;
      out.push(blank);
    }
    line = [];
    used = 0;
  };
  const endLine = () => emit(true);
  for (const t of tokens(parts, base)) {
    if (t === null) {
      endLine();
      continue;
    }
    if (line.length && used + t.fit > limit) endLine();
    line.push(t);
    used += t.width;
  }
  if (line.length) emit(false);
  return out;
}
