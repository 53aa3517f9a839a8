// Papers in the board pack, read back from the real PDF: each paper's own pages follow its divider
// inside the pack's frame (marking top and bottom, "Page X of Y" of the whole pack), the agenda and
// the papers list give the page each starts on, a bookmark per paper, the same bytes on a rebuild,
// and a changed paper changes the draft but never an issued pack.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack, issuePack, issuedPackPdf, verifyPackBytes } from '../../electron/pack/index';
import {
  buildPackFixture,
  flat,
  pageOpeningWith,
  pageTexts,
  tempDir,
  writePdf,
  type PackFixture,
} from './pack.fixtures';
import { paperFrame } from '../../electron/pack/papers';
import { A4_LANDSCAPE, awkwardPaperPdf, paperLine, paperPdf } from './paper.fixtures';
import { readPdf, type PdfReadBack, type WordBox } from '../support/pdf';

const PROFILE = { marker: 'Knife crime problem profile', pages: 3, item: 3 };
const CHART = { marker: 'Borough hotspot chart', pages: 2, item: 5 };
const AWKWARD = { marker: 'Scanned returns', pages: 2, item: 4 };

/** The frame a paper page is drawn in on pack page `page`, in points from the top left. */
function frameOn(page: number) {
  const size = pdf.pageSize(page);
  const frame = paperFrame(size.width, size.height);
  return {
    left: frame.left,
    right: frame.left + frame.width,
    top: size.height - frame.bottom - frame.height,
    bottom: size.height - frame.bottom,
  };
}

function insideFrame(w: WordBox, frame: ReturnType<typeof frameOn>): boolean {
  const slack = 0.5;
  return (
    w.xMin >= frame.left - slack &&
    w.xMax <= frame.right + slack &&
    w.yMin >= frame.top - slack &&
    w.yMax <= frame.bottom + slack
  );
}

/** The boxes of the words of one line of text on a page, found in order. */
function lineBoxes(page: number, line: string): WordBox[] {
  const words = pdf.words(page);
  const wanted = line.split(' ');
  const start = words.findIndex((_, i) => wanted.every((w, j) => words[i + j]?.word === w));
  expect(start, line).toBeGreaterThanOrEqual(0);
  return words.slice(start, start + wanted.length);
}

let fixture: PackFixture;
let pdf: PdfReadBack;
let pages: string[];
let total: number;
let bytes: Buffer;

async function itemId(f: PackFixture, position: number): Promise<number> {
  const found = (await f.store.meetings.agenda(f.current.id)).find((a) => a.position === position);
  if (!found) throw new Error(`no agenda item ${position}`);
  return found.id;
}

async function addPaper(f: PackFixture, paper: typeof PROFILE, pdf?: Buffer) {
  return await f.store.papers.add(
    {
      meetingId: f.current.id,
      agendaItemId: await itemId(f, paper.item),
      fileName: `${paper.marker}.pdf`,
      pdf: pdf ?? (await paperPdf(paper.marker, paper.pages)),
    },
    f.store.now(),
    'Secretariat',
  );
}

/** The 1-based page of the pack on which the paper's page `n` is printed. */
function pageOfPaperPage(marker: string, n: number, of: number): number {
  const line = paperLine(marker, n, of);
  const found = pages.findIndex((p) => flat(p).includes(line));
  return found + 1;
}

/** A page's rows, top to bottom: what is at the top and at the bottom. */
function layoutLines(page: number): string[] {
  return pdf.pageRows(page);
}

beforeAll(async () => {
  fixture = await buildPackFixture(tempDir());
  await addPaper(fixture, PROFILE);
  await addPaper(fixture, CHART, await paperPdf(CHART.marker, CHART.pages, A4_LANDSCAPE));
  await addPaper(fixture, AWKWARD, await awkwardPaperPdf(AWKWARD.marker));
  const built = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
  bytes = built.pdf;
  pdf = readPdf(writePdf(fixture.dir, 'pack-with-papers.pdf', built.pdf));
  pages = pdf.pageTexts();
  total = pdf.pageCount;
  expect(built.pages).toBe(total);
});

afterAll(async () => {
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('papers in the board pack, read back from the PDF', () => {
  it("prints each paper's own pages, in order, straight after its divider", () => {
    for (const paper of [PROFILE, CHART]) {
      const divider = pages.findIndex((p) => p.includes(`PAPER ${paper.item}.1 · ITEM ${paper.item}:`)) + 1;
      expect(divider, paper.marker).toBeGreaterThan(0);
      expect(flat(pages[divider - 1])).toContain(`${paper.marker}.pdf`);
      for (let n = 1; n <= paper.pages; n++) {
        expect(pageOfPaperPage(paper.marker, n, paper.pages), `${paper.marker} page ${n}`).toBe(divider + n);
        expect(flat(pages[divider + n - 1])).toContain(`${paper.marker} closing line of page ${n}`);
      }
    }
    // The Papers section comes after the strand reports and before the appendices.
    const papersAt = pageOpeningWith(pages, 'Papers');
    expect(papersAt).toBeGreaterThan(pageOpeningWith(pages, 'Child Abuse'));
    expect(pageOfPaperPage(CHART.marker, CHART.pages, CHART.pages)).toBeLessThan(
      pageOpeningWith(pages, 'Appendices'),
    );
  });

  it('frames every paper page with the marking at top and bottom and "Page X of Y" of the whole pack', () => {
    for (const paper of [PROFILE, CHART]) {
      for (let n = 1; n <= paper.pages; n++) {
        const at = pageOfPaperPage(paper.marker, n, paper.pages);
        const lines = layoutLines(at);
        expect(lines[0], `${paper.marker} page ${n}`).toBe('OFFICIAL-SENSITIVE');
        const last = lines[lines.length - 1];
        expect(last).toContain('OFFICIAL-SENSITIVE');
        expect(last).toMatch(new RegExp(`Page ${at} of ${total}$`));
        expect(last).toMatch(/Version 1 · Reference [0-9a-f]{8}/);
        // The paper sits between the header and the footer, under its caption.
        const paperAt = lines.findIndex((l) => l.includes(paperLine(paper.marker, n, paper.pages)));
        expect(paperAt).toBeGreaterThan(lines.findIndex((l) => l.includes(`${paper.marker} · page ${n} of`)));
        expect(paperAt).toBeLessThan(lines.length - 1);
        // …and every word of it is drawn inside the frame, clear of the running header and footer.
        const drawn = [
          ...lineBoxes(at, paperLine(paper.marker, n, paper.pages)),
          ...lineBoxes(at, `${paper.marker} closing line of page ${n}`),
        ];
        const frame = frameOn(at);
        expect(drawn.filter((w) => !insideFrame(w, frame))).toEqual([]);
        const frameWords = pdf.words(at).filter((w) => w.word === 'OFFICIAL-SENSITIVE');
        expect(frameWords.map((w) => w.yMax < frame.top || w.yMin > frame.bottom)).toEqual([true, true]);
      }
    }
  });

  it('lays a landscape paper page on a landscape page of the pack, and goes back to portrait after it', () => {
    const shape = (page: number) => {
      const { width, height } = pdf.pageSize(page);
      return width > height ? 'landscape' : 'portrait';
    };
    const shapes = (paper: typeof PROFILE) =>
      Array.from({ length: paper.pages }, (_, n) => shape(pageOfPaperPage(paper.marker, n + 1, paper.pages)));
    expect(shapes(PROFILE)).toEqual(['portrait', 'portrait', 'portrait']);
    expect(shapes(CHART)).toEqual(['landscape', 'landscape']);
    // The turned scan's first page shows landscape; its second is an ordinary A4 page.
    expect(shapes(AWKWARD)).toEqual(['landscape', 'portrait']);
    const divider = pages.findIndex((p) => p.includes('PAPER 5.1 · ITEM 5:')) + 1;
    expect(shape(divider)).toBe('portrait');
    expect(shape(pageOpeningWith(pages, 'Appendices'))).toBe('portrait');
  });

  it('draws a page turned by /Rotate upright, and a page whose media box is offset, inside the frame', () => {
    for (let n = 1; n <= AWKWARD.pages; n++) {
      const at = pageOfPaperPage(AWKWARD.marker, n, AWKWARD.pages);
      expect(at, `page ${n}`).toBeGreaterThan(0);
      const words = lineBoxes(at, paperLine(AWKWARD.marker, n, AWKWARD.pages));
      for (const w of words) {
        if (w.word.length >= 4)
          expect(w.xMax - w.xMin, `"${w.word}" on page ${n} reads across`).toBeGreaterThan(w.yMax - w.yMin);
        expect(insideFrame(w, frameOn(at)), `"${w.word}" on page ${n} is inside the frame`).toBe(true);
      }
    }
  });

  it("gives, in the agenda, the contents and the papers list, the page each paper's first page is on", () => {
    const profileStarts = pageOfPaperPage(PROFILE.marker, 1, PROFILE.pages);
    const chartStarts = pageOfPaperPage(CHART.marker, 1, CHART.pages);
    const lastNumber = (rows: string[], startsWith: string): number => {
      const words = startsWith
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .split(' ')
        .join('\\s+');
      const line = rows.find((row) => new RegExp(`^${words}`).test(row));
      expect(line, startsWith).toBeDefined();
      return Number(line?.trim().split(/\s+/).pop());
    };
    const agenda = pdf.pageRows(pageOpeningWith(pages, 'Agenda'));
    expect(lastNumber(agenda, `Paper 3.1: ${PROFILE.marker}`)).toBe(profileStarts);
    expect(lastNumber(agenda, `Paper 5.1: ${CHART.marker}`)).toBe(chartStarts);
    const contents = pdf.pageRows(pageOpeningWith(pages, 'Contents'));
    expect(lastNumber(contents, 'Papers')).toBe(pageOpeningWith(pages, 'Papers'));
    expect(lastNumber(contents, `3.1 ${PROFILE.marker}`)).toBe(profileStarts);
    expect(lastNumber(contents, `5.1 ${CHART.marker}`)).toBe(chartStarts);
    const list = pdf.pageRows(pageOpeningWith(pages, 'Papers'));
    expect(lastNumber(list, `3.1 ${PROFILE.marker}`)).toBe(profileStarts);
    expect(lastNumber(list, `5.1 ${CHART.marker}`)).toBe(chartStarts);
  });

  it('builds a pack of the papers alone, and refuses a papers-only pack for a meeting without papers', async () => {
    const alone = await buildPack(fixture.store, {
      meetingId: fixture.current.id,
      draft: false,
      sections: ['papers'],
    });
    const alonePages = pageTexts(writePdf(fixture.dir, 'papers-only.pdf', alone.pdf));
    const sum = PROFILE.pages + CHART.pages + AWKWARD.pages;
    expect(alonePages.length).toBe(1 + 3 + sum);
    expect(pageOpeningWith(alonePages, 'Papers')).toBe(1);
    await expect(
      buildPack(fixture.store, { meetingId: fixture.previous.id, draft: false, sections: ['papers'] }),
    ).rejects.toThrow('This meeting has no papers; choose other sections for the pack.');
  });

  it('has a bookmark for the Papers section and one per paper', () => {
    const opens = (title: string) => pdf.outline().find((b) => b.title === title)?.page;
    expect(opens('Papers')).toBe(pageOpeningWith(pages, 'Papers'));
    // A paper's bookmark opens its divider, the page before the paper's own first page.
    expect(opens(`3.1 ${PROFILE.marker}`)).toBe(pageOfPaperPage(PROFILE.marker, 1, PROFILE.pages) - 1);
    expect(opens(`5.1 ${CHART.marker}`)).toBe(pageOfPaperPage(CHART.marker, 1, CHART.pages) - 1);
  });

  it('gives byte-identical PDFs when a pack with papers is rebuilt', async () => {
    const again = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    expect(Buffer.compare(again.pdf, bytes)).toBe(0);
  });
});

describe('changing papers', () => {
  let own: PackFixture;

  beforeAll(async () => {
    own = await buildPackFixture(tempDir());
  });

  afterAll(async () => {
    await own.store.close();
    rmSync(own.dir, { recursive: true, force: true });
  });

  it('leaves a pack exactly as it was once a paper is added and removed again', async () => {
    const request = { meetingId: own.current.id, draft: true };
    const without = await buildPack(own.store, request);
    const paper = await addPaper(own, PROFILE);
    const withPaper = await buildPack(own.store, request);
    expect(withPaper.pages).toBe(without.pages + 1 + 1 + PROFILE.pages);
    await own.store.papers.remove(paper.id, own.store.now(), 'Secretariat');
    const after = await buildPack(own.store, request);
    expect(Buffer.compare(after.pdf, without.pdf)).toBe(0);
  });

  it('changes the draft, and the hash on every page, when a paper is replaced or removed, but never an issued pack', async () => {
    const { store, current } = own;
    const first = await addPaper(own, PROFILE);
    const issued = await issuePack(store, { meetingId: current.id }, 'Anna Price');
    const issuedBytes = await issuedPackPdf(store, issued.id);
    const hashOf = (pdf: Buffer): string => {
      const text = pageTexts(writePdf(own.dir, 'hash.pdf', pdf))[0];
      return /Version \d+ · Reference ([0-9a-f]{8})/.exec(text)?.[1] ?? '';
    };
    const issuedHash = hashOf(issuedBytes);
    expect(issuedHash).toBe(issued.reference);

    // Replaced: same file name and title, different pages.
    await store.papers.remove(first.id, store.now(), 'Secretariat');
    await addPaper(own, { ...PROFILE, pages: 4 });
    const replaced = await buildPack(store, { meetingId: current.id, draft: false });
    expect(replaced.sha256).not.toBe(issued.sha256);
    expect(hashOf(replaced.pdf)).not.toBe(issuedHash);

    // Removed altogether.
    for (const p of await store.papers.list(current.id))
      await store.papers.remove(p.id, store.now(), 'Secretariat');
    const removed = await buildPack(store, { meetingId: current.id, draft: false });
    expect(removed.sha256).not.toBe(issued.sha256);
    expect(removed.sha256).not.toBe(replaced.sha256);

    const frozen = await issuedPackPdf(store, issued.id);
    expect(Buffer.compare(frozen, issuedBytes)).toBe(0);
    expect((await verifyPackBytes(store, frozen)).match?.version).toBe(1);
    const frozenPages = pageTexts(writePdf(own.dir, 'issued.pdf', frozen));
    expect(flat(frozenPages.join('\n'))).toContain(paperLine(PROFILE.marker, 3, 3));
  });

  it('says in a reissue which papers were added, replaced or removed since the version before', async () => {
    const { store, current } = own;
    const issue = async () => (await issuePack(store, { meetingId: current.id }, 'Anna Price')).changes;
    const papersOnly = (changes: string[]) => changes.filter((c) => c.startsWith('Paper '));
    for (const p of await store.papers.list(current.id))
      await store.papers.remove(p.id, store.now(), 'Secretariat');
    await issue();

    const first = await addPaper(own, PROFILE);
    expect(papersOnly(await issue())).toEqual([`Paper 3.1 ${PROFILE.marker}: added (3 pages)`]);
    expect(papersOnly(await issue())).toEqual([]);

    await store.papers.remove(first.id, store.now(), 'Secretariat');
    await addPaper(own, PROFILE, await paperPdf(PROFILE.marker, 4));
    const chart = await addPaper(own, CHART);
    expect(papersOnly(await issue())).toEqual([
      `Paper 3.1 ${PROFILE.marker}: replaced by a new file (4 pages)`,
      `Paper 5.1 ${CHART.marker}: added (2 pages)`,
    ]);

    await store.papers.remove(chart.id, store.now(), 'Secretariat');
    const v = await issuePack(store, { meetingId: current.id }, 'Anna Price');
    expect(papersOnly(v.changes)).toEqual([`Paper 5.1 ${CHART.marker}: removed`]);
    const cover = pageTexts(writePdf(own.dir, 'reissue.pdf', await issuedPackPdf(store, v.id)));
    expect(flat(cover.join('\n'))).toContain(`Paper 5.1 ${CHART.marker}: removed`);
  });
});
