// "npm run docs:images": remakes the pictures in docs/. The pack pages (docs/pack) are rendered at
// 80 dpi from packs built here, with the tests' PDF reader; the screens (docs/screens) are taken by
// the end-to-end tests that photograph them, in the tests' Chromium. Nothing comes from the system.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDemo } from '../../electron/demo/generate';
import { buildPack } from '../../electron/pack/index';
import { openStore } from '../../electron/store/store';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { buildPackFixture, flat, pageOpeningWith, tempDir } from '../integration/pack.fixtures';
import { readPdf, type PdfReadBack } from './pdf';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const PACK_DOCS = join(PROJECT, 'docs', 'pack');
const SCREEN_DOCS = join(PROJECT, 'docs', 'screens');
const DPI = 80;

function page(found: number, what: string): number {
  if (found < 1) throw new Error(`No page of the pack shows ${what}.`);
  return found;
}

function save(pdf: PdfReadBack, at: number, name: string): void {
  writeFileSync(join(PACK_DOCS, name), pdf.renderPng(at, DPI));
  console.log(`docs/pack/${name}: page ${at} of ${pdf.pageCount}`);
}

/**
 * A four-page paper as an analyst's office would send one: a title page with findings and a bar
 * chart, then plain pages. Drawn with pdf-lib at fixed dates, so the picture is the same each run.
 */
async function profilePaper(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fixed = new Date('2007-10-01T09:00:00Z');
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const navy = rgb(0.12, 0.23, 0.37);
  const paragraphs = [
    'Purpose. This profile sets out what is known about knife crime in London in the twelve',
    'months to August 2007, where and when it happens, who is involved, and what the board is',
    'asked to note and decide.',
    '',
    'Key findings. Knife-enabled robbery fell by 9% on the year; serious injury with a knife',
    'rose in five boroughs. Half of victims aged under 20 were hurt within a mile of home, most',
    'between 15:00 and 19:00 on school days. Repeat locations cluster around transport hubs.',
    '',
    'Recommendations. (1) Extend Operation Blunt 2 weapon sweeps to the five rising boroughs;',
    '(2) agree data sharing with A&E departments for injuries not reported to police;',
    '(3) commission a joint problem profile with the London Criminal Justice Board.',
  ];
  const months = ['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'];
  const counts = [11, 14, 10, 15, 17, 12, 13, 16, 18, 15, 12, 13];
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('MIB/2007/114', { x: 470, y: 790, size: 8, font, color: rgb(0.4, 0.4, 0.4) });
    page.drawText(`Page ${n} of ${pages}`, { x: 480, y: 50, size: 8, font });
    if (n > 1) {
      page.drawText(`Knife crime problem profile: annex ${n - 1}`, { x: 56, y: 740, size: 14, font: bold });
      continue;
    }
    page.drawText('Met Intelligence Bureau', { x: 56, y: 760, size: 10, font });
    page.drawText('Knife crime problem profile', { x: 56, y: 730, size: 22, font: bold, color: navy });
    page.drawText('Paper for the Serious Violence Strategy Board, October 2007', {
      x: 56,
      y: 708,
      size: 10,
      font,
    });
    paragraphs.forEach((line, i) => page.drawText(line, { x: 56, y: 660 - i * 15, size: 9, font }));
    page.drawText('Knife-enabled offences by month (hundreds)', { x: 56, y: 430, size: 9, font: bold });
    page.drawLine({ start: { x: 56, y: 200 }, end: { x: 540, y: 200 }, thickness: 0.5 });
    months.forEach((month, i) => {
      const x = 66 + i * 39;
      page.drawRectangle({ x, y: 200, width: 24, height: counts[i] * 11, color: navy });
      page.drawText(month, { x: x + 3, y: 186, size: 7, font });
    });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The demo's pack (as "npm run demo:pack" builds it): cover, contents, dashboard, exceptions, a strand, performance. */
async function demoPages(): Promise<void> {
  const dir = tempDir();
  const store = await openStore(join(dir, 'demo.db'), {
    clock: () => new Date('2007-10-12T09:00:00Z'),
    actor: 'Board Pack demo',
  });
  try {
    await loadDemo(store, { months: 6 });
    const meeting = (await store.meetings.list()).at(-1);
    if (!meeting) throw new Error('The demo data made no meeting.');
    const pdf = readPdf((await buildPack(store, { meetingId: meeting.id, draft: false })).pdf);
    const pages = pdf.pageTexts();
    save(pdf, 1, '01-cover.png');
    save(pdf, page(pageOpeningWith(pages, 'Contents'), 'Contents'), '02-contents.png');
    save(pdf, page(pageOpeningWith(pages, 'Summary dashboard'), 'the dashboard'), '03-dashboard.png');
    save(pdf, page(pageOpeningWith(pages, 'Exceptions'), 'Exceptions'), '04-exceptions.png');
    const strand = pageOpeningWith(pages, 'Rape and Serious Sexual Offences');
    save(pdf, page(strand, 'strand 2'), '05-strand-report.png');
    // The Performance section: its summary's first page, and the first page of its charts.
    const performance = page(pageOpeningWith(pages, 'Performance'), 'Performance');
    save(pdf, performance, '07-performance-summary.png');
    const charts = page(pageOpeningWith(pages, 'Charts'), 'the performance charts');
    save(pdf, charts, '08-performance-charts.png');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tests' pack with hostile text in every script, and with a paper on agenda item 3. */
async function fixturePages(): Promise<void> {
  const fixture = await buildPackFixture(tempDir());
  try {
    const request = { meetingId: fixture.current.id, draft: false };
    const hostile = readPdf((await buildPack(fixture.store, request)).pdf);
    const scripts = hostile.pageTexts().findIndex((p) => p.includes('<script>alert("pack")</script>')) + 1;
    save(hostile, page(scripts, 'the hostile narrative'), '06-long-narrative-and-scripts.png');

    const item = (await fixture.store.meetings.agenda(fixture.current.id)).find((a) => a.position === 3);
    if (!item) throw new Error('The fixture meeting has no third agenda item.');
    await fixture.store.papers.add(
      {
        meetingId: fixture.current.id,
        agendaItemId: item.id,
        fileName: 'Knife crime problem profile.pdf',
        pdf: await profilePaper(4),
      },
      fixture.store.now(),
      'Secretariat',
    );
    const withPaper = readPdf((await buildPack(fixture.store, request)).pdf);
    const first =
      withPaper.pageTexts().findIndex((p) => flat(p).includes('Knife crime problem profile · page 1 of')) + 1;
    save(withPaper, page(first, "the paper's first page"), 'papers.png');
  } finally {
    await fixture.store.close();
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

/** The screens, photographed by the end-to-end tests that visit them. */
function screens(): void {
  const run = spawnSync(
    process.execPath,
    [
      join(PROJECT, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      // Pictures, not timings: a busy machine must not cut a screen short.
      '--testTimeout=300000',
      'tests/e2e/screens.test.ts',
      'tests/e2e/papers.test.ts',
      'tests/e2e/offline.test.ts',
    ],
    { cwd: PROJECT, stdio: 'inherit', env: { ...process.env, BOARD_PACK_SCREENSHOTS: SCREEN_DOCS } },
  );
  if (run.status !== 0) throw new Error('The end-to-end tests that take the screenshots failed (see above).');
  console.log(`docs/screens: retaken`);
}

mkdirSync(PACK_DOCS, { recursive: true });
await demoPages();
await fixturePages();
if (!process.argv.includes('--pack-only')) screens();
