// pdfkit shapes every word with fontkit (ligatures, kerning, Arabic joining) and caches the result
// per font object, and pdfmake makes new font objects for every document: every build shaped the
// whole vocabulary again (a third of a warm build, profiled). This shares pdfkit's per-font word
// cache across documents, and the typesetter measures words through the same cache, so each word
// is shaped once per process. The cached runs depend only on the font file and the text, so the
// bytes are unchanged. If pdfkit's internals ever differ, nothing is patched and packs are slower.
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';

interface ShapedRun {
  glyphs: unknown[];
  positions: unknown[];
  /** In thousandths of an em, as pdfkit scales it. */
  advanceWidth: number;
}

interface EmbeddedFontLike {
  font: { postscriptName: string; numGlyphs: number };
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
function pdfkitOfPdfmake(): typeof PDFKitDocument {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const loaded: { default?: typeof PDFKitDocument } | typeof PDFKitDocument = fromPdfmake('pdfkit');
  return 'default' in loaded && loaded.default ? loaded.default : (loaded as typeof PDFKitDocument);
}

const probes = new Map<string, EmbeddedFontLike>();
let patched = false;

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
      const shaped = this.layoutRun(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions, advanceWidth: shaped.advanceWidth };
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
  const font = new PDFKit({ autoFirstPage: false }).font(fontFile)._font;
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

/** The prototype of pdfkit's embedded fonts (as pdfmake loads pdfkit), found through a probe font. */
export function embeddedFontPrototype(fontFile: string): object {
  return Object.getPrototypeOf(probe(fontFile)) as object;
}

/** Width of a chunk of text (a word and its trailing space) in em, exactly as pdfkit will lay it out. */
export function chunkWidth(fontFile: string, chunk: string): number {
  return probe(fontFile).layoutCached(chunk).advanceWidth / 1000;
}
