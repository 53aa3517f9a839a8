// pdfkit shapes every word with fontkit (ligatures, kerning, Arabic joining) and caches the result
// per font object, and pdfmake makes new font objects for every document: every build shaped the
// whole vocabulary again. This patch shares pdfkit's per-font word cache across documents, so each
// word is shaped once per process. The cached runs depend only on the font file and the text, so
// the bytes are unchanged. It replaces a private method of pdfkit's embedded fonts, so it sits behind
// enginePatches.ts: written for pdfkit 0.19.1, off on any other version or on any error.
import { type EnginePatch, patchFailed, pdfkitOfPdfmake } from './enginePatches';

/** A word as pdfkit 0.19 keeps it: fontkit's glyphs and scaled positions, and its width. */
interface ShapedRun {
  glyphs: unknown[];
  positions: unknown[];
  /** In thousandths of an em, as pdfkit scales it. */
  advanceWidth: number;
}

/** pdfkit 0.19's EmbeddedFont, as far as this patch reads it. */
interface EmbeddedFontLike {
  font: { postscriptName: string; numGlyphs: number };
  layoutRun(text: string): ShapedRun;
  layoutCached(text: string): ShapedRun;
}

const NAME = 'sharedWords';

/** Words per font kept across builds; the cache is dropped and refilled past this. */
const LIMIT = 50_000;

/** The patch, found through a font of this file (any embedded font: they share one prototype). */
export function sharedWordsPatch(fontFile: string): EnginePatch {
  return { name: NAME, touches: ['pdfmake', 'pdfkit'], install: () => install(fontFile) };
}

function embeddedFontPrototype(fontFile: string): EmbeddedFontLike {
  const PDFKit = pdfkitOfPdfmake();
  // font: null, so pdfkit does not parse its Helvetica metrics for a document that never uses them.
  const font = new PDFKit({ autoFirstPage: false, font: null }).font(fontFile)._font;
  const prototype: unknown = typeof font === 'object' && font !== null ? Object.getPrototypeOf(font) : null;
  const candidate = prototype as Partial<EmbeddedFontLike> | null;
  if (
    typeof candidate?.layoutRun !== 'function' ||
    typeof candidate.layoutCached !== 'function' ||
    candidate.layoutRun.length !== 2 ||
    candidate.layoutCached.length !== 1
  )
    throw new Error("pdfkit's embedded fonts have no layoutRun(text, features) and layoutCached(text)");
  return prototype as EmbeddedFontLike;
}

function install(fontFile: string): () => void {
  const prototype = embeddedFontPrototype(fontFile);
  const own = prototype.layoutCached;
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
  const shaped = (font: EmbeddedFontLike, text: string): ShapedRun => {
    const cache = byFont.get(font) ?? cacheOf(font);
    let run = cache.get(text);
    if (run === undefined) {
      if (cache.size >= LIMIT) cache.clear();
      // fontkit's advanceWidth is a getter that sums the positions on every read, and pdfkit reads
      // it for every measurement and every drawing of the word: it is summed once here instead.
      const laidOut = font.layoutRun(text);
      run = { glyphs: laidOut.glyphs, positions: laidOut.positions, advanceWidth: laidOut.advanceWidth };
      cache.set(text, run);
    }
    return run;
  };
  prototype.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): ShapedRun {
    try {
      return shaped(this, text);
    } catch (error) {
      patchFailed(NAME, error);
      return own.call(this, text);
    }
  };
  return () => {
    prototype.layoutCached = own;
  };
}
