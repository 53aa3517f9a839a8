// pdfkit shapes every word with fontkit (ligatures, kerning, Arabic joining) and caches the result
// per font object, and pdfmake makes new font objects for every document: every build shaped the
// whole vocabulary again (a third of a warm build, profiled). This shares pdfkit's per-font word
// cache across documents, and the typesetter measures words through the same cache, so each word
// is shaped once per process. The cached runs depend only on the font file and the text, so the
// bytes are unchanged. If pdfkit's internals ever differ, nothing is patched and packs are slower.
//
// pdfkit also reads and parses a font file again for every document (fontkit.create), and each
// parsed font decodes its own lookup tables and glyph metrics when first used: a cold build did that
// work twice per file, once for measuring and once for the document. shareFontFiles() has every
// document open our shipped files on one parsed font per file. A parsed font is read-only to pdfkit
// (each document makes its own subset), so the bytes are unchanged; tests/integration/
// pack.fastPaths.test.ts compares them.
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';

/** A word as the shared cache keeps it: pdfkit's glyphs and scaled positions, and its width. */
export interface ShapedRun {
  glyphs: unknown[];
  positions: unknown[];
  /** In thousandths of an em, as pdfkit scales it. */
  advanceWidth: number;
}

interface EmbeddedFontLike {
  font: { postscriptName: string; numGlyphs: number };
  /** Font units to thousandths of an em. */
  scale: number;
  layoutRun(text: string): ShapedRun;
  layoutCached(text: string): ShapedRun;
}

/** Words per font kept across builds; the cache is dropped and refilled past this. */
const LIMIT = 50_000;

function isEmbeddedFont(value: unknown): value is EmbeddedFontLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EmbeddedFontLike>;
  return (
    typeof candidate.layoutRun === 'function' &&
    typeof candidate.layoutCached === 'function' &&
    typeof candidate.font === 'object'
  );
}

/** pdfmake's own copy of pdfkit, so what is measured and patched is what pdfmake uses. */
export function pdfkitOfPdfmake(): typeof PDFKitDocument {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const loaded: { default?: typeof PDFKitDocument } | typeof PDFKitDocument = fromPdfmake('pdfkit');
  return 'default' in loaded && loaded.default ? loaded.default : (loaded as typeof PDFKitDocument);
}

const probes = new Map<string, EmbeddedFontLike>();
let patched = false;

/** Shapes a word fontkit would only kern, or says it cannot (fastShaping.ts); none until installed. */
type PlainShaper = (font: EmbeddedFontLike['font'], scale: number, text: string) => ShapedRun | null;
let plainShaper: PlainShaper | null = null;

/** Words the plain shaper can take are shaped by it, the rest by fontkit; the bytes are the same. */
export function shapePlainWords(shaper: PlainShaper): void {
  plainShaper = shaper;
}

/** A fontkit font, as far as this file reads it. */
interface FontkitFont {
  postscriptName: string;
}

/** The fields of a pdfkit document that its font() method reads and writes. */
interface FontsOfDocument {
  _registeredFonts: Record<string, unknown>;
  _fontFamilies: Record<string, EmbeddedFontLike | undefined>;
  _fontCount: number;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
}

type FontMethod = (this: FontsOfDocument, src: unknown, family?: unknown, size?: unknown) => unknown;
type EmbeddedFontClass = new (document: FontsOfDocument, font: FontkitFont, id: string) => EmbeddedFontLike;

const shareable = new Set<string>();
/** The one parsed font per shipped file, with its PostScript name (fontkit decodes it on every read). */
const parsed = new Map<string, { font: FontkitFont; name: string }>();
let fontsShared = false;

/**
 * pdfkit's font(path) for our shipped files, with the parsed font of the file's first opening: the
 * same steps as pdfkit's own method (pdfkit 0.19 FontsMixin.font), less the reading and parsing.
 * Anything else (a font already in the document, a registered name, a size) goes to pdfkit's own.
 */
function shareFontFiles(PDFKit: typeof PDFKitDocument): boolean {
  const prototype = PDFKit.prototype as unknown as { font: FontMethod };
  const own = prototype.font;
  if (typeof own !== 'function') return false;
  let EmbeddedFont: EmbeddedFontClass | undefined;
  prototype.font = function font(this: FontsOfDocument, src, family, size) {
    const known = typeof src === 'string' ? parsed.get(src) : undefined;
    if (
      typeof src !== 'string' ||
      family !== undefined ||
      size !== undefined ||
      !shareable.has(src) ||
      this._registeredFonts[src] !== undefined ||
      this._fontFamilies[src] !== undefined ||
      !known ||
      !EmbeddedFont ||
      this._fontFamilies[known.name] !== undefined
    ) {
      const result = own.call(this, src, family, size);
      if (typeof src === 'string' && shareable.has(src) && !known && isEmbeddedFont(this._font)) {
        const opened = this._font.font as unknown as FontkitFont;
        parsed.set(src, { font: opened, name: opened.postscriptName });
        EmbeddedFont ??= this._font.constructor as EmbeddedFontClass;
      }
      return result;
    }
    this._fontSource = src;
    this._fontFamily = family;
    const embedded = new EmbeddedFont(this, known.font, `F${++this._fontCount}`);
    this._font = embedded;
    this._fontFamilies[src] = embedded;
    if (known.name) this._fontFamilies[known.name] = embedded;
    return this;
  };
  return true;
}

function share(prototype: EmbeddedFontLike): void {
  const caches = new Map<string, Map<string, ShapedRun>>();
  // fontkit decodes the name table on every postscriptName read, so the key is found once per font object.
  const byFont = new WeakMap<EmbeddedFontLike, Map<string, ShapedRun>>();
  const cacheOf = (font: EmbeddedFontLike): Map<string, ShapedRun> => {
    const key = `${font.font.postscriptName}/${font.font.numGlyphs}`;
    let cache = caches.get(key);
    if (!cache) {
      cache = new Map();
      caches.set(key, cache);
    }
    byFont.set(font, cache);
    return cache;
  };
  prototype.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): ShapedRun {
    const cache = byFont.get(this) ?? cacheOf(this);
    let run = cache.get(text);
    if (run === undefined) {
      if (cache.size >= LIMIT) cache.clear();
      // fontkit's advanceWidth is a getter that sums the positions on every read, and pdfkit reads
      // it for every measurement and every drawing of the word: it is summed once here instead.
      const plain = plainShaper?.(this.font, this.scale, text);
      if (plain) run = plain;
      else {
        const shaped = this.layoutRun(text);
        run = { glyphs: shaped.glyphs, positions: shaped.positions, advanceWidth: shaped.advanceWidth };
      }
      cache.set(text, run);
    }
    return run;
  };
}

/** A pdfkit font object for a font file, kept for measuring; the first one installs the shared cache. */
function probe(fontFile: string): EmbeddedFontLike {
  const known = probes.get(fontFile);
  if (known) return known;
  const PDFKit = pdfkitOfPdfmake();
  // font: null, so pdfkit does not parse its Helvetica metrics for a document that never uses them.
  const font = new PDFKit({ autoFirstPage: false, font: null }).font(fontFile)._font;
  if (!isEmbeddedFont(font)) throw new Error(`pdfkit did not load ${fontFile} as an embedded font.`);
  if (!patched) {
    share(Object.getPrototypeOf(font));
    patched = true;
  }
  probes.set(fontFile, font);
  return font;
}

export function shareShapingCache(fontFile: string): void {
  probe(fontFile);
}

/** Has every document (and the measuring) open these font files on one parsed font per file. */
export function shareParsedFonts(fontFiles: Iterable<string>): boolean {
  for (const file of fontFiles) shareable.add(file);
  if (!fontsShared) fontsShared = shareFontFiles(pdfkitOfPdfmake());
  return fontsShared;
}

/** The prototype of pdfkit's embedded fonts (as pdfmake loads pdfkit), found through a probe font. */
export function embeddedFontPrototype(fontFile: string): object {
  return Object.getPrototypeOf(probe(fontFile)) as object;
}

/** Width of a chunk of text (a word and its trailing space) in em, exactly as pdfkit will lay it out. */
export function chunkWidth(fontFile: string, chunk: string): number {
  return probe(fontFile).layoutCached(chunk).advanceWidth / 1000;
}
