// A faster way for pdfkit to draw one line of text, for the lines pdfmake draws: plain text at a
// given place, no link, no underline, no spacing of its own. pdfkit's own way (TextMixin _line and
// _fragment) encodes the line into one hex string per glyph, gathers them into arrays, slices and
// joins them per kerning segment, then measures the whole line again from its words to move its
// pen on (profiled: with the typesetting, the largest share of a strand report's time and
// allocation). This does the same steps in the same order with the same numbers — the words'
// shaped runs from the shared cache, each glyph put into the font's subset, the same operators with
// pdfkit's own number formatting, the same kerning segments, the pen moved by the same sum — while
// reading each word's run once and building the TJ operator as one string. Any other line, and
// any line with a glyph offset (marks), goes to pdfkit's own way. The PDF bytes are the same: a
// test builds packs both ways and compares.
import { hexOf } from './fastGlyphs';
import { pdfkitOfPdfmake } from './shapingCache';

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}

interface EmbeddedFont {
  id: string;
  scale: number;
  ascender: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  layoutCached(text: string): Run;
  ref(): unknown;
}

interface LineOptions {
  features?: unknown;
  link?: unknown;
  goTo?: unknown;
  destination?: unknown;
  underline?: unknown;
  strike?: unknown;
  oblique?: unknown;
  baseline?: unknown;
  wordSpacing?: unknown;
  characterSpacing?: unknown;
  horizontalScaling?: unknown;
  stroke?: unknown;
  width?: unknown;
  align?: unknown;
}

interface Document {
  x: number;
  y: number;
  _ctm: number[];
  _font: unknown;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
  addContent(operator: string): unknown;
}

type LineMethod = (this: Document, text: unknown, options?: LineOptions, wrapper?: unknown) => unknown;

/** pdfkit's PDFObject.number: six decimals, as every operator writes its numbers. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/**
 * Each glyph's number in a document's font subset, once it has one: the subset keeps them in a
 * plain object keyed by glyph id, slow to ask a hundred thousand times. A glyph is given its
 * number, its width and its code points together, the first time it is drawn (as encode does).
 */
const subsetIds = new WeakMap<EmbeddedFont, Int32Array>();

function subsetId(font: EmbeddedFont, glyph: Glyph): number {
  let ids = subsetIds.get(font);
  if (!ids || glyph.id >= ids.length) {
    const grown = new Int32Array(Math.max(glyph.id + 1, ids ? ids.length * 2 : 1024)).fill(-1);
    if (ids) grown.set(ids);
    ids = grown;
    subsetIds.set(font, ids);
  }
  let gid = ids[glyph.id];
  if (gid === -1) {
    gid = font.subset.includeGlyph(glyph.id);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    ids[glyph.id] = gid;
  }
  return gid;
}

/** The `cm` operator pdfkit writes to flip a page of this height, kept per height. */
const flips = new Map<number, string>();

/** pdfkit's transform(1, 0, 0, -1, 0, height): the same matrix arithmetic and the same operator. */
function flip(doc: Document, height: number): void {
  const m = doc._ctm;
  const [m0, m1, m2, m3, m4, m5] = m;
  const [m11, m12, m21, m22, dx, dy] = [1, 0, 0, -1, 0, height];
  m[0] = m0 * m11 + m2 * m12;
  m[1] = m1 * m11 + m3 * m12;
  m[2] = m0 * m21 + m2 * m22;
  m[3] = m1 * m21 + m3 * m22;
  m[4] = m0 * dx + m2 * dy + m4;
  m[5] = m1 * dx + m3 * dy + m5;
  let operator = flips.get(height);
  if (operator === undefined) {
    operator = `${[m11, m12, m21, m22, dx, dy].map((v) => number(v)).join(' ')} cm`;
    flips.set(height, operator);
  }
  doc.addContent(operator);
}

function isEmbeddedFont(font: unknown): font is EmbeddedFont {
  const f = font as Partial<EmbeddedFont> | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.layoutCached === 'function' &&
    typeof f.subset?.includeGlyph === 'function' &&
    Array.isArray(f.widths) &&
    Array.isArray(f.unicode)
  );
}

/** A line pdfkit would draw with none of the options this file does not reproduce. */
function plainLine(options: LineOptions, wrapper: unknown): boolean {
  return (
    !wrapper &&
    !options.features &&
    options.link == null &&
    options.goTo == null &&
    options.destination == null &&
    !options.underline &&
    !options.strike &&
    !options.oblique &&
    options.baseline === undefined &&
    !options.wordSpacing &&
    !options.characterSpacing &&
    (options.horizontalScaling || 100) === 100 &&
    !options.stroke &&
    !(options.width && options.align && options.align !== 'left')
  );
}

/** The shaped runs of a line's words (split after each space or tab, as pdfkit splits), or null. */
function runsOf(font: EmbeddedFont, text: string): Run[] | null {
  const runs: Run[] = [];
  let last = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c !== 32 && c !== 9 && (c !== -1 || last === text.length)) continue;
    const run = font.layoutCached(text.slice(last, c === -1 ? text.length : i + 1));
    // A glyph drawn off its pen position (a mark) takes pdfkit's own way.
    for (const position of run.positions) if (position.xOffset || position.yOffset) return null;
    runs.push(run);
    last = i + 1;
  }
  return runs;
}

/** The line drawn as pdfkit's _fragment draws it; returns false, having done nothing, if it cannot. */
function drawLine(doc: Document, text: string, options: LineOptions): boolean {
  const font = doc._font;
  if (!isEmbeddedFont(font)) return false;
  const runs = runsOf(font, text);
  if (!runs) return false;
  let x = doc.x;
  let y = doc.y;
  const dy = (font.ascender / 1000) * doc._fontSize;
  doc.save();
  if (Array.isArray(doc._ctm) && doc._ctm.length === 6) flip(doc, doc.page.height);
  else doc.transform(1, 0, 0, -1, 0, doc.page.height);
  y = doc.page.height - y - dy;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
  doc.addContent(`/${font.id} ${number(doc._fontSize)} Tf`);
  // pdfkit's segments: a run of glyphs ends after each glyph whose advance differs from its width
  // (kerning), and carries that difference; the last run carries the last glyph's.
  let commands = '';
  let segment = '';
  let lastPosition: Position | null = null;
  for (const run of runs)
    for (let k = 0; k < run.glyphs.length; k++) {
      const glyph = run.glyphs[k];
      segment += hexOf(subsetId(font, glyph));
      const position = run.positions[k];
      lastPosition = position;
      if (position.xAdvance - position.advanceWidth !== 0) {
        commands += `${commands ? ' ' : ''}<${segment}> ${number(-(position.xAdvance - position.advanceWidth))}`;
        segment = '';
      }
    }
  if (segment && lastPosition)
    commands += `${commands ? ' ' : ''}<${segment}> ${number(-(lastPosition.xAdvance - lastPosition.advanceWidth))}`;
  if (commands) doc.addContent(`[${commands}] TJ`);
  doc.addContent('ET');
  doc.restore();
  // _line then moves the pen on by the line's width, as widthOfString measures it.
  let width = 0;
  for (const run of runs) width += run.advanceWidth;
  const scale = doc._fontSize / 1000;
  x += ((width * scale + (Number(options.characterSpacing) || 0) * (text.length - 1)) * 100) / 100;
  doc.x = x;
  return true;
}

let installed: boolean | null = null;

/** Installs the faster line drawing into pdfkit (as pdfmake loads it) once; says whether it could. */
export function installFastLines(): boolean {
  if (installed !== null) return installed;
  installed = false;
  const prototype = pdfkitOfPdfmake().prototype as { _line?: LineMethod; _fragment?: unknown };
  const own = prototype._line;
  if (typeof own !== 'function' || typeof prototype._fragment !== 'function' || own.length !== 1)
    return false;
  prototype._line = function _line(this: Document, text, options = {}, wrapper) {
    if (
      typeof text === 'string' &&
      text.length > 0 &&
      !text.includes('\n') &&
      plainLine(options, wrapper) &&
      drawLine(this, text, options)
    )
      return;
    return own.call(this, text, options, wrapper);
  };
  installed = true;
  return true;
}
