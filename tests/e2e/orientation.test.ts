// Where am I: the demo opened years after its dates opens Home on the month its next meeting (18
// October 2007) reports on, September 2007; the window title names the screen and the meeting or
// month; a meeting's page is headed by the meeting; each minute's "Kind" select has its own label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp({ demoMonths: 6, now: '2026-12-06T09:00:00Z' });
});

afterAll(async () => {
  await app?.close();
});

describe('orientation', () => {
  it('opens Home on the month the next meeting reports on, naming it in the window title', async () => {
    const { page } = app;
    await page.waitForSelector('[data-ready="dashboard"]');
    expect(await page.inputValue('#reporting-month')).toBe('2007-09');
    expect(await page.textContent('h1')).toBe('September 2007');
    expect(await page.textContent('[data-testid="next-meeting"]')).toContain('18 October 2007');
    expect(await page.title()).toBe('Home: September 2007 – Board Pack');
  });

  it('heads a meeting’s page and the window with the meeting, and labels each Kind select apart', async () => {
    const { page } = app;
    const meeting = (await app.store.meetings.list()).at(-1);
    await app.goto(`#/meetings/${meeting?.id}`);
    await page.waitForSelector('[data-testid="agenda"]');
    expect(await page.textContent('h1')).toBe('Serious Violence Strategy Board: meeting of 18 October 2007');
    expect(await page.title()).toBe('Meeting of 18 October 2007 – Board Pack');
    const kinds = await page.$$eval('select[id$="-kind"]', (selects) =>
      selects.map((s) => (s as HTMLSelectElement).labels?.[0]?.textContent ?? ''),
    );
    expect(kinds.length).toBeGreaterThan(1);
    expect(new Set(kinds).size).toBe(kinds.length);

    await app.goto('#/updates/3');
    await page.waitForSelector('[data-testid="updates-grid"][data-ready="true"]');
    expect(await page.title()).toBe('Monthly updates: strand 3, September 2007 – Board Pack');
  });
});
