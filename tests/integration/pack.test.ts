// The board pack read back from a real PDF: every section, every objective, the exceptions, true
// contents page numbers, the running header and footer, hostile text, metadata and the outline.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/pack/index';
import {
  buildPackFixture,
  flat,
  HOSTILE,
  hostileNarrative,
  pageOpeningWith,
  writePdf,
  tempDir,
  type PackFixture,
} from './pack.fixtures';
import { readPdf, type PdfReadBack } from '../support/pdf';

let fixture: PackFixture;
let pdf: PdfReadBack;
let pages: string[];
let reportedPages: number;

beforeAll(async () => {
  fixture = await buildPackFixture(tempDir());
  const built = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
  reportedPages = built.pages;
  pdf = readPdf(writePdf(fixture.dir, 'pack.pdf', built.pdf));
  pages = pdf.pageTexts();
});

afterAll(async () => {
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

function sectionPages(first: string, next: string): string {
  const from = pageOpeningWith(pages, first);
  const to = pageOpeningWith(pages, next);
  return flat(pages.slice(from - 1, to - 1).join('\n'));
}

describe('the board pack, read back from the PDF', () => {
  it('shows every objective reference of the plan in the strand reports', () => {
    const strands = sectionPages('Sex Offender Management', 'Appendices');
    const missing = fixture.refs.filter(
      (ref) => !new RegExp(`(^|\\s)${ref.replace(/\./g, '\\.')}(\\s|$)`).test(strands),
    );
    expect(missing).toEqual([]);
  });

  it('lists every Red objective of the month in exceptions with its narrative', () => {
    const exceptions = sectionPages('Exceptions', 'Sex Offender Management');
    for (const red of fixture.reds) {
      expect(exceptions).toContain(red.ref);
      expect(exceptions).toContain(flat(red.narrative));
    }
    expect(exceptions).toContain(fixture.worsenedRef);
    expect(exceptions).toContain('Produce the knife crime profile');
  });

  it("shows No update for a missing update, never last month's status or narrative as this month's", () => {
    const all = flat(pages.join('\n'));
    expect(all).not.toContain(flat(fixture.missing.lastNarrative));
    const strands = sectionPages('Sex Offender Management', 'Appendices');
    const at = strands.indexOf(` ${fixture.missing.ref} `);
    expect(at).toBeGreaterThan(-1);
    const row = strands.slice(at, at + 400);
    expect(row).toMatch(/No update/);
    expect(row).toContain('No update received for September 2007');
    expect(row).toMatch(/Aug: ■ Amber/);
  });

  it('gives contents page numbers equal to the pages where the sections start', () => {
    const contentsPage = pageOpeningWith(pages, 'Contents');
    const contents = pdf.pageRows(contentsPage);
    const expectations: [string, string][] = [
      ['Agenda', 'Agenda'],
      ['Minutes of the last meeting', 'Minutes of the last meeting'],
      ['Action log', 'Action log'],
      ['Summary dashboard', 'Summary dashboard'],
      ['Exceptions', 'Exceptions'],
      ['Appendices', 'Appendices'],
      ['1. Sex Offender Management', 'Sex Offender Management'],
      ['8. Child Abuse', 'Child Abuse'],
    ];
    for (const [entry, title] of expectations) {
      const line = contents.find((row) => row.startsWith(entry));
      expect(line, entry).toBeDefined();
      const listed = Number(line?.trim().split(/\s+/).pop());
      expect(listed, entry).toBe(pageOpeningWith(pages, title));
    }
  });

  it('numbers every page "Page X of Y" with Y the real page count', () => {
    const count = pdf.pageCount;
    expect(pages.length).toBe(count);
    expect(reportedPages).toBe(count);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${count}`));
  });

  it('carries the protective marking at the top and bottom of every page, with board, date and version', () => {
    for (const page of pages) {
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(page).toContain('Serious Violence Strategy Board');
      expect(page).toContain('18 October 2007');
      expect(page).toMatch(/Version 1 · Reference [0-9a-f]{8}/);
    }
  });

  it('renders a 5,000-character narrative, <script>, Welsh, Polish, Hebrew, Arabic, emoji, maths and a 200-character token in fonts that have them', () => {
    const all = flat(pages.join('\n'));
    expect(all).toContain(HOSTILE.script);
    expect(all).toContain(HOSTILE.welsh);
    expect(all).toContain(HOSTILE.polish);
    for (const word of HOSTILE.hebrew.split(' '))
      expect(all).toMatch(new RegExp(`${word}|${[...word].reverse().join('')}`));
    // The token wraps (and may cross a page break): its pieces, joined, are the whole token.
    const pieces = pages.flatMap((p) => p.split('\n')).filter((line) => /^[XY\s]+$/.test(line));
    expect(pieces.join('').replace(/\s/g, '')).toBe(HOSTILE.token);
    expect(all).toContain('🚓');
    expect(all).toContain('✅');
    expect(all).toContain(HOSTILE.maths);
    // Every sentence of the 5,000 characters is there (a few are cut by the running header where the narrative crosses pages).
    const phrase = 'reviewed the plan';
    const written = hostileNarrative().split(phrase).length - 1;
    expect(written).toBeGreaterThanOrEqual(74);
    expect(all.split(phrase).length - 1).toBeGreaterThanOrEqual(written - 3);
    const fonts = pdf.fonts();
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    for (const font of [
      'NotoSans-Regular',
      'NotoSansHebrew-Regular',
      'NotoSansArabic-Regular',
      'NotoEmoji-Regular',
      'NotoSansSymbols2-Regular',
      'NotoSansMath-Regular',
    ])
      expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toContain(font);
  });

  it('has title, author, subject and keywords, and a bookmark per section and per strand', () => {
    const info = pdf.metadata();
    expect(info.title).toBe('Serious Violence Strategy Board: board pack for 18 October 2007');
    expect(info.author).toBe('Metropolitan Police Service');
    expect(info.subject).toContain('September 2007');
    expect(info.keywords).toContain('OFFICIAL-SENSITIVE');
    const bookmarks = pdf.outline();
    for (const [title, opening] of [
      ['Agenda', 'Agenda'],
      ['Contents', 'Contents'],
      ['Summary dashboard', 'Summary dashboard'],
      ['Exceptions', 'Exceptions'],
      ['Strand reports', 'Sex Offender Management'],
      ['1. Sex Offender Management', 'Sex Offender Management'],
      ['8. Child Abuse', 'Child Abuse'],
      ['Appendices', 'Appendices'],
    ]) {
      const bookmark = bookmarks.find((b) => b.title === title);
      expect(bookmark, title).toBeDefined();
      expect(bookmark?.page, title).toBe(pageOpeningWith(pages, opening));
    }
    expect(bookmarks.find((b) => b.title === '8. Child Abuse')?.depth).toBe(1);
  });

  it('prints a diagonal DRAFT watermark on every page of a draft and not on the final', async () => {
    const draft = await buildPack(fixture.store, {
      meetingId: fixture.current.id,
      draft: true,
      sections: ['cover', 'dashboard'],
    });
    const draftPages = readPdf(draft.pdf).pageTexts();
    // The watermark is rotated text, which a reader may give in pieces.
    for (const page of draftPages) expect(page.replace(/\s/g, '')).toMatch(/D.?R.?A.?F.?T/);
    expect(draftPages[0]).toContain('Draft of version 1');
    expect(pages.some((p) => p.includes('DRAFT') || p.includes('Draft of'))).toBe(false);
  });
});
