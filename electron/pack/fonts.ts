// The fonts shipped in resources/fonts and pdfmake's server-side set-up: only those files may be
// read, and no URL is ever fetched (the pack is built offline).
import pdfmake from 'pdfmake';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { installPatch } from './enginePatches';
import { sharedFontsPatch } from './sharedFonts';
import { sharedWordsPatch } from './sharedWords';

export const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts/', import.meta.url));

function file(name: string): string {
  return resolve(FONTS_DIR, name);
}

function family(normal: string, bold = normal, italics = normal, bolditalics = bold) {
  return { normal: file(normal), bold: file(bold), italics: file(italics), bolditalics: file(bolditalics) };
}

/** Font family names used in the document; the per-script fallback picks among them. */
export const FONT = {
  text: 'NotoSans',
  symbols: 'NotoSansSymbols2',
  math: 'NotoSansMath',
  hebrew: 'NotoSansHebrew',
  arabic: 'NotoSansArabic',
  emoji: 'NotoEmoji',
} as const;

export const FONT_FILES = {
  [FONT.text]: family(
    'NotoSans-Regular.ttf',
    'NotoSans-Bold.ttf',
    'NotoSans-Italic.ttf',
    'NotoSans-Bold.ttf',
  ),
  [FONT.symbols]: family('NotoSansSymbols2-Regular.ttf'),
  [FONT.math]: family('NotoSansMath-Regular.ttf'),
  [FONT.hebrew]: family('NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'),
  [FONT.arabic]: family('NotoSansArabic-Regular.ttf'),
  [FONT.emoji]: family('NotoEmoji-Regular.ttf'),
};

const allowedFiles = new Set(
  Object.values(FONT_FILES).flatMap((f) => [f.normal, f.bold, f.italics, f.bolditalics]),
);

let configured = false;

/**
 * Configures the pdfmake singleton once: our fonts only, no network, no other file; and the two
 * speed-ups behind enginePatches.ts (off with BOARD_PACK_PDFMAKE_ONLY=1, or by themselves on any
 * other engine version or any error), before the first font is opened so that every opening is shared.
 */
export function pdfmakeReady(): typeof pdfmake {
  if (!configured) {
    pdfmake.setFonts(FONT_FILES);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(resolve(path)));
    installPatch(sharedFontsPatch(allowedFiles));
    installPatch(sharedWordsPatch(FONT_FILES[FONT.text].normal));
    configured = true;
  }
  return pdfmake;
}
