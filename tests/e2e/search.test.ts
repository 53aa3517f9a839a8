// One search in the header, in Chromium against the bridge: Ctrl+K puts the cursor in the field,
// the results come grouped by kind with the words marked, and the keyboard opens an update
// narrative (on Monthly updates, in its month, the cursor in its narrative) and a minute (on its
// meeting, focused). axe finds nothing serious with the results open, and the header reflows at
// 1024×768 and at 200% zoom of 1280×720.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { activeElementId } from './keyboard';
import { measureReflow, reflowFaults } from './reflow';

let app: AppUnderTest;
let meetingId: number;
let minuteId: number;
// With BOARD_PACK_SCREENSHOTS=<folder> set, the open results are photographed at both sizes.
const shots = process.env.BOARD_PACK_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });

beforeAll(async () => {
  app = await openApp({ now: '2007-10-01T09:00:00Z' });
  const { store } = app;
  const at = store.now();
  await store.updates.save(
    {
      ref: '2.E.3',
      month: '2007-08',
      status: 'green',
      narrative: 'Zephyr patrols began in Lambeth with the multi-agency team.',
      author: 'DCS Lead',
      state: 'submitted',
    },
    at,
  );
  const meeting = await store.meetings.create(
    { title: 'Serious Violence Strategy Board', heldAt: '2007-10-18T10:00', reportingMonth: '2007-09' },
    at,
    'Secretariat',
  );
  meetingId = meeting.id;
  minuteId = (
    await store.meetings.addMinute(
      meetingId,
      null,
      'minute',
      'The board thanked the Zéphyr review team.',
      at,
      'S',
    )
  ).id;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** The open results lie inside the window and the document does not scroll either way. */
async function resultsInsideWindow(page: Page): Promise<boolean> {
  await page.focus('#header-search-input');
  await page.waitForSelector('#search-group-minute');
  return page.$eval('.header-search-results', (panel) => {
    const box = panel.getBoundingClientRect();
    const root = document.documentElement;
    const inside = box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
    return inside && root.scrollWidth <= innerWidth && root.scrollHeight <= innerHeight;
  });
}

async function searchFor(words: string): Promise<void> {
  const { page } = app;
  await page.keyboard.press('Control+k');
  expect(await activeElementId(page)).toBe('header-search-input');
  await page.fill('#header-search-input', words);
  await page.waitForSelector('#search-group-minute');
}

describe('the header search', () => {
  it('finds an update narrative and a minute, grouped, with the words marked, and opens each by keyboard', async () => {
    const { page } = app;
    await app.goto('#/home');
    await searchFor('zephyr');
    const groups = await page.$$eval('.header-search-results h2', (hs) => hs.map((h) => h.textContent));
    expect(groups).toEqual(['Update narratives and next steps 1', 'Minutes 1']);
    expect(await page.$$eval('.header-search-results mark', (ms) => ms.map((m) => m.textContent))).toEqual([
      'Zephyr',
      'Zéphyr',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // A submitted update cannot be typed in: its heading has the focus, its narrative is shown.
    await page.waitForFunction(() => document.activeElement?.id === 'editor-title');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/updates/2');
    expect(await page.inputValue('#narrative')).toContain('Zephyr patrols');
    expect(await page.inputValue('#reporting-month')).toBe('2007-08');

    await page.keyboard.press('Control+k');
    await page.waitForSelector('#search-group-minute');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, `minute-${minuteId}`);
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/meetings/${meetingId}`);
  }, 120_000);

  it('answers quotes and operators with "Nothing found", never an error', async () => {
    const { page } = app;
    await page.keyboard.press('Control+k');
    await page.fill('#header-search-input', '" NEAR( *');
    await page.waitForSelector('text=Nothing found for');
    expect(await page.isVisible('.header-search-results .error-message')).toBe(false);
    await page.keyboard.press('Escape');
  }, 60_000);

  it('reflows at 1024×768 and at 200% zoom of 1280×720 with the results open', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.goto('#/home');
    await searchFor('zephyr');
    expect(reflowFaults(await measureReflow(page))).toEqual([]);
    expect(await resultsInsideWindow(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'search-1024.png') });

    const context = await app.browser.newContext({
      viewport: { width: 640, height: 360 },
      deviceScaleFactor: 2,
    });
    const zoomed = await context.newPage();
    await zoomed.goto(app.bridge.url);
    await zoomed.waitForSelector('nav[aria-label="Main"]', { state: 'attached' });
    await zoomed.keyboard.press('Control+k');
    await zoomed.fill('#header-search-input', 'zephyr');
    await zoomed.waitForSelector('#search-group-minute');
    expect(reflowFaults(await measureReflow(zoomed))).toEqual([]);
    expect(await resultsInsideWindow(zoomed)).toBe(true);
    expect(await seriousViolations(zoomed)).toEqual([]);
    if (shots) await zoomed.screenshot({ path: join(shots, 'search-200.png') });
    await context.close();
  }, 120_000);
});
