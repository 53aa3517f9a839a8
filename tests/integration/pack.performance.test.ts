// The pack's Performance section, on a real database and read back from the real PDF: every
// indicator with figures, its variation and assurance in words, the indicator exceptions, the same
// bytes on a rebuild, and a pack without figures exactly as it was before indicators existed.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMonths, monthsBetween } from '../../shared/months';
import { buildPack, issuePack, PACK_SECTIONS } from '../../electron/pack/index';
import type { Store, StoreTx } from '../../electron/store/store';
import { readPdf } from '../support/pdf';
import { flat, meeting, MONTH, packStore, pageOpeningWith, tempDir } from './pack.fixtures';

const FIRST = '2005-10';

async function figure(store: StoreTx, ref: string, month: string, value: number, of?: [number, number]) {
  await store.indicators.setFigure(
    {
      ref,
      month,
      value,
      numerator: of?.[0] ?? null,
      denominator: of?.[1] ?? null,
      note: '',
      source: 'typed',
      author: 'Performance analyst',
    },
    store.now(),
  );
}

/**
 * KO1 (a count, lower is better) steady for two years, then far above its limits this month:
 * concern. S6.M1 (a percentage, target 85%) steady near 60%: its target will consistently fail.
 * KO5 (a percentage) with what was counted, its definition changed in March 2007.
 */
async function withFigures(store: Store): Promise<void> {
  const months = monthsBetween(FIRST, addMonths(MONTH, -1));
  await store.transaction(async (tx) => {
    for (const [i, month] of months.entries()) {
      await figure(tx, 'KO1', month, 100 + (i % 4) * 2);
      const detected = 58 + (i % 5);
      await figure(tx, 'S6.M1', month, detected, [detected, 100]);
      await figure(tx, 'KO5', month, 25 + (i % 3), [25 + (i % 3), 100]);
    }
    await figure(tx, 'KO1', MONTH, 200);
    await figure(tx, 'S6.M1', MONTH, 60, [60, 100]);
    await figure(tx, 'KO5', MONTH, 26, [26, 100]);
  });
  await store.indicators.addBreak('KO5', '2007-03', 'Counting rule changed', store.now(), 'Secretariat');
}

/** The text of the pages from the section's opening to the next section's. */
function sectionText(pages: string[], title: string, next: string): string {
  const from = pageOpeningWith(pages, title);
  const to = pageOpeningWith(pages, next);
  expect(from).toBeGreaterThan(0);
  return flat(pages.slice(from - 1, to > from ? to - 1 : undefined).join('\n'));
}

describe('the Performance section', () => {
  let dir: string;
  let store: Store;
  let meetingId: number;

  beforeEach(async () => {
    dir = tempDir();
    store = await packStore(dir);
    meetingId = (await meeting(store, '2007-10-18T10:00', MONTH)).id;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every countable indicator with its variation and assurance in words, and charts it', async () => {
    await withFigures(store);
    const built = await buildPack(store, { meetingId, draft: false });
    const pdf = readPdf(built.pdf);
    const pages = pdf.pageTexts();
    const section = sectionText(pages, 'Performance', 'Strand reports');
    const countable = (await store.indicators.list()).filter((i) => i.countable);
    for (const indicator of countable) expect(section).toContain(indicator.ref);
    expect(section).toMatch(/KO1 Reduce the incidence of Homicide .*Special cause: concern/);
    expect(section).toContain('Will consistently fail the target');
    expect(section).toContain('Common cause');
    // The definition change falls inside the year compared, and the table says so.
    expect(section).toContain('† definition changed Mar 2007');
    expect(section).toContain('No figures for September 2007 or before.');
    // The measures the plan states no figure for are listed with why, not charted.
    expect(section).toContain('Measures not counted month by month');
    expect(section).toContain('KO7');
    // Each chart's sentence, as the screen's text alternative says it.
    expect(section).toContain(
      'Reduce the incidence of Homicide: 200 in September 2007, above the upper limit: concern.',
    );
    expect(section).toContain('Rebased March 2007: definition changed.');
    const outline = pdf.outline().map((e) => e.title);
    expect(outline).toContain('Performance');
    expect(outline).toContain('Key outcome 1: Reduce the incidence of Homicide');
    const contents = flat(pages[pageOpeningWith(pages, 'Contents') - 1]);
    expect(contents).toContain('Performance');
    const agenda = flat(pages[pageOpeningWith(pages, 'Agenda') - 1]);
    expect(agenda).toMatch(/Performance: indicators and SPC charts \d+/);
  });

  it('lists the indicators showing concern and the targets that will consistently fail under Exceptions', async () => {
    await withFigures(store);
    const pages = readPdf((await buildPack(store, { meetingId, draft: false })).pdf).pageTexts();
    const exceptions = sectionText(pages, 'Exceptions', 'Performance');
    expect(exceptions).toMatch(/Indicators showing special cause for concern \(1\).*KO1/);
    expect(exceptions).toMatch(/Targets that will consistently fail \(1\).*S6\.M1/);
  });

  it('gives the same bytes when built again from the same data', async () => {
    await withFigures(store);
    const first = await buildPack(store, { meetingId, draft: false });
    const again = await buildPack(store, { meetingId, draft: false });
    expect(again.sha256).toBe(first.sha256);
    expect(first.pdf.equals(again.pdf)).toBe(true);
  });

  it('leaves a pack without figures as it was: no Performance section, the same bytes', async () => {
    const before = PACK_SECTIONS.filter((s) => s !== 'performance');
    const asBefore = await buildPack(store, { meetingId, draft: false, sections: before });
    const byDefault = await buildPack(store, { meetingId, draft: false });
    expect(byDefault.sha256).toBe(asBefore.sha256);
    const pages = readPdf(byDefault.pdf).pageTexts();
    expect(pageOpeningWith(pages, 'Performance')).toBe(0);
    expect(flat(pages.join('\n'))).not.toContain('special cause');
  });

  it('says which figures were revised when a pack is issued again', async () => {
    await withFigures(store);
    await issuePack(store, { meetingId }, 'Secretariat');
    await figure(store, 'KO1', '2007-06', 150);
    const v2 = await issuePack(store, { meetingId }, 'Secretariat');
    expect(v2.changes).toContain('KO1: figures revised for June 2007');
  });
});
