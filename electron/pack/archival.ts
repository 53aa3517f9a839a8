// What makes an issued (final) pack archival PDF/A-2b, through pdfmake's public `subset` option:
// pdfkit then writes XMP metadata with pdfaid part 2, conformance B, and an sRGB output intent with
// the ICC profile it ships (sRGB IEC61966-2.1). Our fonts are all embedded TrueType; there is no
// encryption, JavaScript or external reference. Drafts stay as they were (PDF 1.3, no XMP).
// Papers merged in by papers.ts keep the XMP, output intent and file ID (pdf-lib rewrites the file
// as 1.7 with a binary header comment), and are drawn as form XObjects; but a paper's own fonts
// come as its author saved them, and one that names a font without embedding it (as pdf-lib's
// StandardFonts do) would leave the pack short of PDF/A: such a pack is issued without the claim
// (build.ts), and the person is told why (shared/packWords notArchivalSentence).
import type { DocDefinition } from './content';

export const ARCHIVAL_SUBSET = 'PDF/A-2b';
/** PDF/A-2 is based on PDF 1.7; pdfkit writes XMP only for a version other than 1.3. */
export const ARCHIVAL_VERSION = '1.7';

/**
 * pdfkit 0.19 copies the metadata into the XMP without escaping it (docs/upstream.md), so a board
 * called "Health & Wellbeing" would make the XMP unreadable XML. The title, author, subject and
 * keywords of an issued pack say "and" for "&", and use single guillemets for angle brackets, in
 * the Info dictionary and the XMP alike (PDF/A wants the two to agree).
 */
export function xmpSafe(text: string): string {
  return text.replace(/&/g, 'and').replace(/</g, '‹').replace(/>/g, '›');
}

type Info = DocDefinition['info'];

/**
 * The document options of an issued pack. Without a modification date: pdfkit's XMP has no
 * xmp:ModifyDate to match it, and an issued pack is never modified.
 */
export function archival(info: Info): Pick<DocDefinition, 'info' | 'subset' | 'version'> {
  const { modDate: _unmatched, ...kept } = info;
  return {
    subset: ARCHIVAL_SUBSET,
    version: ARCHIVAL_VERSION,
    info: {
      ...kept,
      title: xmpSafe(info.title),
      author: xmpSafe(info.author),
      subject: xmpSafe(info.subject),
      keywords: xmpSafe(info.keywords),
      creator: xmpSafe(info.creator),
      producer: xmpSafe(info.producer),
    },
  };
}
