// A very large pack is laid out in parts and joined (electron/pack/parts.ts, join.ts), so that its
// memory is bounded by one part's layout. Here the parts are made small, so that the fixture's pack
// is built in a dozen of them, and the joined pack is read back against the same pack built whole:
// the same words in the same order, "Page X of Y" of the whole pack where the frame puts it, the
// same bookmarks on the right pages, contents and agenda giving those pages and linking to them,
// papers drawn on their placeholders, PDF/A-2b, and the same bytes on a rebuild.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mupdf from 'mupdf';
import { PDFDocument, PDFName } from 'pdf-lib';
import { buildPack } from '../../electron/pack/index';
import { JoinedPack } from '../../electron/pack/join';
import { partSizes } from '../../electron/pack/parts';
import { setEnginePatchLog } from '../../electron/pack/enginePatches';
import { buildPackFixture, tempDir, type PackFixture } from './pack.fixtures';
import { A4_LANDSCAPE, paperPdf } from './paper.fixtures';
import { readPdf, type PdfReadBack } from '../support/pdf';

const SMALL = { fromRows: 0, rowsPerPart: 40 };
const ORIGINAL = { ...partSizes };

let fixture: PackFixture;
let whole: PdfReadBack;
let parted: PdfReadBack;
let partedBytes: Buffer;
let partedPages: number;
const logged: string[] = [];

async function build(draft = false) {
  return await buildPack(fixture.store, { meetingId: fixture.current.id, draft });
}

async function inParts<T>(run: () => Promise<T>): Promise<T> {
  Object.assign(partSizes, SMALL);
  try {
    return await run();
  } finally {
    Object.assign(partSizes, ORIGINAL);
  }
}

/** The page's lines inside the text block: no header or footer. */
function bodyLines(pdf: PdfReadBack, page: number): string[] {
  const height = pdf.pageSize(page).height;
  const words = pdf.words(page).filter((w) => w.yMin > 78 && w.yMax < height - 66);
  const lines = new Map<number, string[]>();
  for (const w of words) {
    const key = Math.round(w.yMin);
    lines.set(key, [...(lines.get(key) ?? []), w.word]);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line.join(' '));
}

function bodyWords(pdf: PdfReadBack, page: number): string[] {
  const height = pdf.pageSize(page).height;
  return pdf
    .words(page)
    .filter((w) => w.yMin > 78 && w.yMax < height - 66)
    .map((w) => w.word);
}

/** The page (1-based) each internal link on a page goes to, by the link's text on that page. */
function linkTargets(bytes: Buffer, page: number): number[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  return doc
    .loadPage(page - 1)
    .getLinks()
    .map((link) => doc.resolveLink(link) + 1)
    .sort((a, b) => a - b);
}

beforeAll(async () => {
  setEnginePatchLog((line) => logged.push(line));
  fixture = await buildPackFixture(tempDir());
  whole = readPdf((await build()).pdf);
  const built = await inParts(() => build());
  partedBytes = built.pdf;
  partedPages = built.pages;
  parted = readPdf(built.pdf);
});

afterAll(async () => {
  setEnginePatchLog((line) => console.warn(`[board-pack] ${line}`));
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('a pack built in parts', () => {
  it('is built in parts, with nothing logged, and its page count is its own', () => {
    expect(logged).toEqual([]);
    expect(partedPages).toBe(parted.pageCount);
    // Each part starts on a new page: a few more pages than the pack built whole.
    expect(parted.pageCount).toBeGreaterThan(whole.pageCount);
    expect(parted.pageCount).toBeLessThan(whole.pageCount * 2);
  });

  it('prints the words of the whole pack, every objective in the same order', () => {
    // Numbers left out: the agenda's and the contents' page numbers differ, as the parts add pages.
    const words = (pdf: PdfReadBack) =>
      Array.from({ length: pdf.pageCount }, (_, i) => bodyWords(pdf, i + 1))
        .flat()
        .filter((w) => !/^\d+$/.test(w));
    // The same words (a table header repeats where a part cuts the table, or not where one ends it)...
    expect(new Set(words(parted))).toEqual(new Set(words(whole)));
    // ...and every objective's reference where the pack built whole has it, in the same order.
    const refs = (pdf: PdfReadBack) =>
      pdf
        .pageTexts()
        .join('\n')
        .match(/\b\d\.[A-Z]{1,2}\.\d+\b/g) ?? [];
    expect(refs(parted)).toEqual(refs(whole));
  });

  it('numbers every page "Page X of Y" of the whole pack, where the frame puts the number', () => {
    const place = (pdf: PdfReadBack, page: number) => {
      const words = pdf.words(page);
      const at = words.findIndex((w, i) => w.word === 'Page' && words[i + 2]?.word === 'of');
      return {
        text: words
          .slice(at, at + 4)
          .map((w) => w.word)
          .join(' '),
        x: words[at + 3]?.xMax,
        y: words[at]?.yMin,
      };
    };
    const reference = place(whole, 2);
    for (let page = 1; page <= parted.pageCount; page++) {
      const found = place(parted, page);
      expect(found.text).toBe(`Page ${page} of ${parted.pageCount}`);
      expect(found.x).toBeCloseTo(reference.x ?? 0, 1);
      expect(found.y).toBeCloseTo(reference.y ?? 0, 1);
    }
  });

  it('keeps the bookmarks, nested as before, each opening the page its heading is on', () => {
    const strip = (e: { title: string; depth: number }) => `${e.depth}:${e.title}`;
    expect(parted.outline().map(strip)).toEqual(whole.outline().map(strip));
    // Each opens a page that begins as the page the same bookmark opens in the pack built whole.
    const wholePages = whole.outline().map((e) => e.page ?? 0);
    parted.outline().forEach((entry, i) => {
      expect(entry.page, entry.title).toBeDefined();
      expect(bodyLines(parted, entry.page ?? 0)[0], entry.title).toBe(bodyLines(whole, wholePages[i])[0]);
    });
  });

  it('gives in the contents the page each section opens on, and links each entry to it', () => {
    const opens = new Map(parted.outline().map((e) => [e.title, e.page]));
    // The contents table runs on until the minutes (the parts here are small enough to cut it).
    const contentsPages = Array.from(
      { length: (opens.get('Minutes of the last meeting') ?? 0) - (opens.get('Contents') ?? 0) },
      (_, i) => (opens.get('Contents') ?? 0) + i,
    );
    expect(contentsPages.length).toBeGreaterThan(0);
    const lines = contentsPages.flatMap((page) => bodyLines(parted, page));
    for (const title of ['Exceptions', 'Strand reports', 'Appendices']) {
      const line = lines.find((l) => l.startsWith(title));
      expect(line, title).toBeDefined();
      expect(line?.split(' ').at(-1), title).toBe(String(opens.get(title)));
    }
    const targets = contentsPages.flatMap((page) => linkTargets(partedBytes, page));
    for (const title of ['Exceptions', 'Strand reports', 'Appendices'])
      expect(targets, title).toContain(opens.get(title));
  });

  it('is archival PDF/A-2b when issued: XMP, output intent, every font embedded', () => {
    expect(parted.xmp()).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(parted.xmp()).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(parted.outputIntents()).toEqual(whole.outputIntents());
    expect(parted.fonts().length).toBeGreaterThan(0);
    expect(parted.fonts().filter((f) => !f.embedded)).toEqual([]);
    expect(parted.metadata()).toEqual(whole.metadata());
  });

  it('gives the same bytes when built again', async () => {
    const again = await inParts(() => build());
    expect(again.sha256).toBe(createHash('sha256').update(partedBytes).digest('hex'));
  });

  it('marks a draft DRAFT on every page', async () => {
    const draft = readPdf((await inParts(() => build(true))).pdf);
    for (let page = 1; page <= draft.pageCount; page++)
      expect(draft.pageText(page), `page ${page}`).toContain('DRAFT');
  });
});

describe('a pack with papers, built in parts', () => {
  let withPapers: PackFixture;
  let pdf: PdfReadBack;

  beforeAll(async () => {
    withPapers = await buildPackFixture(tempDir());
    const agenda = await withPapers.store.meetings.agenda(withPapers.current.id);
    for (const [marker, size, item] of [
      ['Knife crime problem profile', undefined, 3],
      ['Borough hotspot chart', A4_LANDSCAPE, 5],
    ] as const) {
      const agendaItemId = agenda.find((a) => a.position === item)?.id ?? 0;
      await withPapers.store.papers.add(
        {
          meetingId: withPapers.current.id,
          agendaItemId,
          fileName: `${marker}.pdf`,
          pdf: await paperPdf(marker, 2, size),
        },
        withPapers.store.now(),
        'Secretariat',
      );
    }
    pdf = readPdf(
      (await inParts(() => buildPack(withPapers.store, { meetingId: withPapers.current.id, draft: false })))
        .pdf,
    );
  });

  afterAll(async () => {
    await withPapers.store.close();
    rmSync(withPapers.dir, { recursive: true, force: true });
  });

  it("draws each paper's pages on the placeholders after its divider, landscape ones on landscape pages", () => {
    for (const [marker, item, landscape] of [
      ['Knife crime problem profile', 3, false],
      ['Borough hotspot chart', 5, true],
    ] as const) {
      const texts = pdf.pageTexts();
      const divider = texts.findIndex((p) => p.includes(`PAPER ${item}.1 · ITEM ${item}:`)) + 1;
      expect(divider, marker).toBeGreaterThan(0);
      for (const n of [1, 2]) {
        const page = divider + n;
        expect(texts[page - 1], `${marker} page ${n}`).toContain(`${marker} closing line of page ${n}`);
        const size = pdf.pageSize(page);
        expect(size.width > size.height, `${marker} page ${n} landscape`).toBe(landscape);
        expect(texts[page - 1]).toContain(`Page ${page} of ${pdf.pageCount}`);
      }
    }
  });
});

describe('joining parts', () => {
  it('refuses a part that kept a bookmark of its own, rather than lose it (the pack is then built whole)', async () => {
    const part = await PDFDocument.create();
    part.addPage();
    part.catalog.set(PDFName.of('Outlines'), part.context.obj({}));
    const bytes = Buffer.from(await part.save());
    const joined = await JoinedPack.create();
    await expect(joined.add(0, bytes)).rejects.toThrow('part 1 has a bookmark the parts did not take');
  });
});
