// pdfkit shapes every word with fontkit (ligatures, kerning, Arabic joining) and caches the result
// per font object, and pdfmake makes new font objects for every document: every build shaped the
// whole vocabulary again (a third of a warm build, profiled). This shares pdfkit's per-font word
// cache across documents. The cached runs depend only on the font file and the text, so bytes are
// unchanged. If pdfkit's internals ever differ, nothing is patched and packs are only slower.
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';

interface EmbeddedFontLike {
  font: { postscriptName: string; numGlyphs: number };
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}

/** Words per font kept across builds; the cache is dropped and refilled past this. */
const LIMIT = 50_000;

function isEmbeddedFont(value: unknown): value is EmbeddedFontLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EmbeddedFontLike>;
  return typeof candidate.layoutRun === 'function' && typeof candidate.layoutCached === 'function' && typeof candidate.font === 'object';
}

let installed = false;

export function shareShapingCache(fontFile: string): boolean {
  if (installed) return true;
  // pdfmake's own copy of pdfkit, so the prototype patched is the one pdfmake uses.
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const loaded: { default?: typeof PDFKitDocument } | typeof PDFKitDocument = fromPdfmake('pdfkit');
  const PDFKit = 'default' in loaded && loaded.default ? loaded.default : (loaded as typeof PDFKitDocument);
  const probe = new PDFKit({ autoFirstPage: false }).font(fontFile)._font;
  if (!isEmbeddedFont(probe)) return false;
  const prototype: EmbeddedFontLike = Object.getPrototypeOf(probe);
  const caches = new Map<string, Map<string, unknown>>();
  // fontkit decodes the name table on every postscriptName read, so the key is found once per font object.
  const byFont = new WeakMap<EmbeddedFontLike, Map<string, unknown>>();
  const cacheOf = (font: EmbeddedFontLike): Map<string, unknown> => {
    const key = `${font.font.postscriptName}/${font.font.numGlyphs}`;
    let cache = caches.get(key);
    if (!cache) {
      cache = new Map();
      caches.set(key, cache);
    }
    byFont.set(font, cache);
    return cache;
  };
  prototype.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): unknown {
    const cache = byFont.get(this) ?? cacheOf(this);
    let run = cache.get(text);
    if (run === undefined) {
      if (cache.size >= LIMIT) cache.clear();
      run = this.layoutRun(text);
      cache.set(text, run);
    }
    return run;
  };
  installed = true;
  return true;
}
