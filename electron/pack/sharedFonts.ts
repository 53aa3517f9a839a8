// One parsed font per shipped font file. pdfkit reads and parses a font file again for every
// document (fontkit.create), and each parsed font decodes its lookup tables and glyph metrics when
// first used: every build did that work again. This patch has every document open our shipped files
// on the parsed font of the file's first opening. A parsed font is read-only to pdfkit (each document
// makes its own subset), so the bytes are unchanged. It touches pdfkit's private members (the font
// method's fields), so it sits behind enginePatches.ts: written for pdfkit 0.19.1, off on any other.
import { type EnginePatch, patchFailed, pdfkitOfPdfmake } from './enginePatches';

/** A fontkit font, as far as this file reads it (public fontkit API). */
interface FontkitFont {
  postscriptName: string;
}

/** The private fields of a pdfkit 0.19 document that its font() method reads and writes. */
interface FontsOfDocument {
  _registeredFonts: Record<string, unknown>;
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
}

type FontMethod = (this: FontsOfDocument, src: unknown, family?: unknown, size?: unknown) => unknown;
type EmbeddedFontClass = new (document: FontsOfDocument, font: FontkitFont, id: string) => unknown;

const NAME = 'sharedFonts';

/** The patch for these font files (absolute paths, as pdfmake passes them to pdfkit). */
export function sharedFontsPatch(fontFiles: Iterable<string>): EnginePatch {
  const shareable = new Set(fontFiles);
  return { name: NAME, touches: ['pdfmake', 'pdfkit'], install: () => install(shareable) };
}

function install(shareable: Set<string>): () => void {
  const prototype = pdfkitOfPdfmake().prototype as unknown as { font: FontMethod };
  const own = prototype.font;
  if (typeof own !== 'function' || own.length !== 3)
    throw new Error('pdfkit has no font(src, family, size) method');
  /** The parsed font of each file's first opening, with its PostScript name (fontkit decodes it on every read). */
  const parsed = new Map<string, { font: FontkitFont; name: string }>();
  let EmbeddedFont: EmbeddedFontClass | undefined;

  /** After pdfkit's own method opened a shipped file: its parsed font, kept for later documents. */
  function remember(document: FontsOfDocument, src: string): void {
    if (parsed.has(src)) return;
    const embedded = document._font as { font?: FontkitFont; constructor: EmbeddedFontClass } | null;
    const font = embedded?.font;
    if (!embedded || typeof font?.postscriptName !== 'string')
      throw new Error('pdfkit opened a font file without an embedded fontkit font');
    parsed.set(src, { font, name: font.postscriptName });
    EmbeddedFont ??= embedded.constructor;
  }

  /** The same steps as pdfkit 0.19's FontsMixin.font(path), less the reading and parsing; null if it cannot. */
  function shared(document: FontsOfDocument, src: string): FontsOfDocument | null {
    const known = parsed.get(src);
    if (
      !known ||
      !EmbeddedFont ||
      document._registeredFonts[src] !== undefined ||
      document._fontFamilies[src] !== undefined ||
      document._fontFamilies[known.name] !== undefined
    )
      return null;
    document._fontSource = src;
    document._fontFamily = undefined;
    const embedded = new EmbeddedFont(document, known.font, `F${++document._fontCount}`);
    document._font = embedded;
    document._fontFamilies[src] = embedded;
    if (known.name) document._fontFamilies[known.name] = embedded;
    return document;
  }

  prototype.font = function font(this: FontsOfDocument, src, family, size) {
    const ours = typeof src === 'string' && family === undefined && size === undefined && shareable.has(src);
    if (!ours) return own.call(this, src, family, size);
    try {
      const done = shared(this, src);
      if (done) return done;
      const result = own.call(this, src, family, size);
      remember(this, src);
      return result;
    } catch (error) {
      patchFailed(NAME, error);
      return own.call(this, src, family, size);
    }
  };
  return () => {
    prototype.font = own;
  };
}
