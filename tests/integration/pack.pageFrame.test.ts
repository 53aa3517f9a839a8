// The running header and footer are laid out from one set of nodes for every page (pageFrame.ts):
// read back from a real PDF, every page carries the same words at the same places, and only the
// page number changes.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/pack/index';
import type { Store } from '../../electron/store/store';
import { readPdf, type PdfReadBack, type WordBox } from '../support/pdf';
import { MONTH, meeting, packStore, tempDir } from './pack.fixtures';

let dir: string;
let store: Store;
let pdf: PdfReadBack;
let pages: number;

beforeAll(async () => {
  dir = tempDir();
  store = await packStore(dir);
  const m = await meeting(store, '2007-10-18T10:00', MONTH);
  const built = await buildPack(store, { meetingId: m.id, draft: false, protectiveMarking: 'Official' });
  pdf = readPdf(built.pdf);
  pages = built.pages;
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The words (page 1-based) above the text block and below it (A4: margins of 78 pt at the top, 66 pt at the foot). */
function frameWords(page: number): string[] {
  const place = (w: WordBox) => `${w.word}@${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}`;
  return pdf
    .words(page)
    .filter((w) => w.yMax < 78 || w.yMin > 841.89 - 66)
    .map(place);
}

describe('the page frame', () => {
  it('puts the same words at the same places on every page, and the page number of each', () => {
    expect(pages).toBeGreaterThan(10);
    const first = frameWords(1);
    expect(first.map((w) => w.split('@')[0])).toEqual(
      expect.arrayContaining(['OFFICIAL', 'Page', '1', 'of', String(pages)]),
    );
    const numberOf = (words: string[]) => words.find((w, i) => words[i - 1]?.startsWith('Page@'));
    const fixed = (words: string[]) => words.filter((w) => w !== numberOf(words));
    for (let page = 2; page <= pages; page++) {
      const words = frameWords(page);
      expect(numberOf(words)?.split('@')[0]).toBe(String(page));
      expect(fixed(words).filter((w) => !w.startsWith('Page@') && !w.startsWith('of@'))).toEqual(
        fixed(first).filter((w) => !w.startsWith('Page@') && !w.startsWith('of@')),
      );
    }
  });
});
