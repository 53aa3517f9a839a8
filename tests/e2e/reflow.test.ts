// Reflow in Chromium (WCAG 1.4.10 and 1.4.4): every screen at 320×640 CSS px and at 1024×768 with
// demo data. Nothing scrolls sideways, the document never scrolls (only main does), no text field
// is narrower than eight characters, the menu folds behind a button on a narrow window, and axe
// finds nothing serious. With BOARD_PACK_SCREENSHOTS=<folder> set, the main screens are also
// photographed at 1024×768 and at 200% of 1280×720 (640×360 CSS px at device scale 2).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { measureReflow, reflowFaults } from './reflow';

let app: AppUnderTest;
let screens: { name: string; hash: string; ready: string }[];
const shots = process.env.BOARD_PACK_SCREENSHOTS;
const MAIN_SCREENS = ['home', 'updates', 'meeting', 'plan', 'performance', 'performance-indicator'];

beforeAll(async () => {
  app = await openApp({ demoMonths: 6, now: '2007-10-01T09:00:00Z' });
  const meeting = (await app.store.meetings.list()).at(-1);
  if (!meeting) throw new Error('the demo has no meeting');
  screens = [
    { name: 'home', hash: '#/home', ready: '[data-ready="dashboard"]' },
    { name: 'plan', hash: '#/plan', ready: '.objectives-table' },
    { name: 'updates', hash: '#/updates/3', ready: '[data-testid="updates-grid"][data-ready="true"]' },
    { name: 'performance', hash: '#/performance', ready: '[data-ready="performance"]' },
    {
      name: 'performance-indicator',
      hash: '#/performance/KO3',
      ready: '[data-ready="indicator"] [data-testid="figure-grid"][data-ready="true"]',
    },
    { name: 'meetings', hash: '#/meetings', ready: 'h1#meetings-title' },
    { name: 'meeting', hash: `#/meetings/${meeting.id}`, ready: '[data-testid="agenda"]' },
    { name: 'action-log', hash: '#/meetings/actions', ready: '[data-testid="actions-table"]' },
    { name: 'new-meeting', hash: '#/meetings/new', ready: 'h1#new-meeting-title' },
    { name: 'pack', hash: `#/pack/${meeting.id}`, ready: 'h1#pack-title' },
    { name: 'exchange', hash: '#/exchange', ready: '[data-testid="request-form"]' },
    { name: 'files', hash: '#/files', ready: '[data-testid="plan-import"]' },
    { name: 'settings', hash: '#/settings', ready: '#set-board' },
    { name: 'audit', hash: '#/audit', ready: '.audit-table' },
  ];
});

afterAll(async () => {
  await app?.close();
});

async function open(page: Page, screen: { hash: string; ready: string }): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, screen.hash);
  await page.waitForSelector(screen.ready);
}

async function everyScreen(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const screen of screens) {
    await open(page, screen);
    found[screen.name] = [...reflowFaults(await measureReflow(page)), ...(await seriousViolations(page))];
  }
  return found;
}

function expectNoFaults(found: Record<string, string[]>): void {
  for (const [screen, faults] of Object.entries(found))
    expect({ screen, faults }).toEqual({ screen, faults: [] });
}

describe('reflow', () => {
  it('works on every screen at 320×640 CSS px, with the menu behind a Menu button', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 320, height: 640 });
    expectNoFaults(await everyScreen(page));

    await open(page, screens[0]);
    expect(await page.isVisible('nav[aria-label="Main"] a[href="#/plan"]')).toBe(false);
    await page.click('button.menu-button');
    expect(await page.getAttribute('button.menu-button', 'aria-expanded')).toBe('true');
    await page.click('nav[aria-label="Main"] a[href="#/plan"]');
    await page.waitForSelector('.objectives-table');
    expect(await page.isVisible('nav[aria-label="Main"] a[href="#/plan"]')).toBe(false);
    expect(await page.getAttribute('button.menu-button', 'aria-expanded')).toBe('false');
  }, 300_000);

  it('works on every screen at 1024×768, with the menu always shown', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    expectNoFaults(await everyScreen(page));
    expect(await page.isVisible('nav[aria-label="Main"] a[href="#/plan"]')).toBe(true);
    expect(await page.isVisible('button.menu-button')).toBe(false);
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    for (const screen of screens.filter((s) => MAIN_SCREENS.includes(s.name))) {
      await open(page, screen);
      await page.screenshot({ path: join(shots, `${screen.name}-1024.png`) });
    }
  }, 300_000);

  it('works on every screen at 200% zoom of 1280×720, with the headline figures apart', async () => {
    const context = await app.browser.newContext({
      viewport: { width: 640, height: 360 },
      deviceScaleFactor: 2,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    const page = await context.newPage();
    await page.goto(app.bridge.url);
    await page.waitForSelector('nav[aria-label="Main"]', { state: 'attached' });
    expectNoFaults(await everyScreen(page));

    await open(page, screens[0]);
    const boxes = await page.$$eval('[data-testid="key-figures"] .key-figure', (figures) =>
      figures.map((f) => {
        const b = f.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      }),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart).toBe(true);
      }
    if (shots) {
      mkdirSync(shots, { recursive: true });
      for (const screen of screens.filter((s) => MAIN_SCREENS.includes(s.name))) {
        await open(page, screen);
        await page.screenshot({ path: join(shots, `${screen.name}-200.png`) });
      }
    }
    await context.close();
  }, 300_000);
});
