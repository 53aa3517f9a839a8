// Which fonts a paper draws with but does not carry. PDF/A wants every font a page uses embedded
// (its glyphs inside the file); a paper that only names a font, as pdf-lib's standard fonts and
// some office exports do, leaves the reader to substitute one, and a pack holding it cannot honestly
// claim PDF/A. Only what the pages draw counts (their content and the forms and patterns it uses):
// the pack embeds a paper's page content, not its annotations.
import { paperFontsNotice } from '../../shared/packWords';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';

const EMBEDDED_FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'].map((key) => PDFName.of(key));

function lookup(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value === undefined ? undefined : doc.context.lookup(value);
}

/** A font dictionary carries its glyphs: a Type3 font draws them itself; others have a font file. */
function carriesGlyphs(doc: PDFDocument, font: PDFDict): boolean {
  if (font.get(PDFName.of('Subtype'))?.toString() === '/Type3') return true;
  const descendants = lookup(doc, font.get(PDFName.of('DescendantFonts')));
  const described =
    descendants instanceof PDFArray ? lookup(doc, descendants.get(0)) : (font as PDFObject | undefined);
  if (!(described instanceof PDFDict)) return false;
  const descriptor = lookup(doc, described.get(PDFName.of('FontDescriptor')));
  return descriptor instanceof PDFDict && EMBEDDED_FONT_FILES.some((key) => descriptor.has(key));
}

function fontName(font: PDFDict): string {
  const name = font.get(PDFName.of('BaseFont'))?.toString() ?? '(unnamed font)';
  return name.replace(/^\//, '');
}

/** The resources of the forms and tiling patterns a resource dictionary names. */
function nestedResources(doc: PDFDocument, resources: PDFDict): PDFObject[] {
  const nested: PDFObject[] = [];
  for (const group of ['XObject', 'Pattern']) {
    const entries = lookup(doc, resources.get(PDFName.of(group)));
    if (!(entries instanceof PDFDict)) continue;
    for (const [, ref] of entries.entries()) {
      const target = lookup(doc, ref);
      const own = target instanceof PDFStream ? target.dict.get(PDFName.of('Resources')) : undefined;
      if (own !== undefined) nested.push(own);
    }
  }
  return nested;
}

/**
 * The names of the fonts the paper's pages use without carrying them, sorted, each once (a subset
 * prefix such as ABCDEF+ is kept). Walks with its own stack and visits each resource dictionary
 * once, so a form drawn on every page, or a form that draws itself, is looked at once.
 */
export function fontsNotCarried(doc: PDFDocument): string[] {
  const missing = new Set<string>();
  const seen = new Set<PDFDict>();
  const stack: PDFObject[] = doc.getPages().flatMap((page) => page.node.Resources() ?? []);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const resources = lookup(doc, next);
    if (!(resources instanceof PDFDict) || seen.has(resources)) continue;
    seen.add(resources);
    const fonts = lookup(doc, resources.get(PDFName.of('Font')));
    if (fonts instanceof PDFDict) {
      for (const [, ref] of fonts.entries()) {
        const font = lookup(doc, ref);
        if (font instanceof PDFDict && !carriesGlyphs(doc, font)) missing.add(fontName(font));
      }
    }
    stack.push(...nestedResources(doc, resources));
  }
  return [...missing].sort();
}

/** The same, from a paper's bytes (already checked as a readable PDF). */
export async function fontsNotCarriedIn(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  return fontsNotCarried(doc);
}

/** What to tell the person attaching a paper: a notice when it does not carry its fonts, else nothing. */
export async function fontsNotice(pdf: Uint8Array, title: string): Promise<{ notice?: string }> {
  return (await fontsNotCarriedIn(pdf)).length ? { notice: paperFontsNotice(title) } : {};
}
