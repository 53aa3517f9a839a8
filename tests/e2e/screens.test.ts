// Every screen with demo data: the dashboard's counts match the database, and axe-core finds no
// serious or critical violation anywhere; a meeting's details are saved without touching its
// attendance. With BOARD_PACK_SCREENSHOTS=<folder> set, each screen is also photographed at
// 1366×768 for docs/screens, and the meeting's details form at 1024×768 and 200% as well.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportedStatus } from '../../shared/domain';
import { movementOf, STATUS_ORDER } from '../../shared/status';
import { previousMonth } from '../../shared/months';
import { dispatch } from '../../electron/handlers/index';
import { paperPdf } from '../fixtures/paperPdf';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

let app: AppUnderTest;
const shots = process.env.BOARD_PACK_SCREENSHOTS;

beforeAll(async () => {
  app = await openApp({ demoMonths: 12, now: '2008-04-03T09:00:00Z' });
  // One paper on the next meeting's performance item, so the meeting and pack screens show papers.
  const meeting = (await app.store.meetings.list()).at(-1);
  const performance = meeting && (await app.store.meetings.agenda(meeting.id)).find((a) => a.position === 3);
  if (!meeting || !performance) throw new Error('the demo has no meeting with a third agenda item');
  const attached = await dispatch(app.bridge.services, 'papers.add', {
    meetingId: meeting.id,
    agendaItemId: performance.id,
    title: 'Knife crime problem profile',
    fileName: 'Knife crime problem profile March 2008.pdf',
    pdfBase64: (await paperPdf('Knife crime problem profile', 4)).toString('base64'),
  });
  if (!attached.ok) throw new Error(attached.error.message);
});

afterAll(async () => {
  await app?.close();
});

async function photograph(name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await app.page.screenshot({ path: join(shots, `${name}.png`) });
}

/** Opens a screen, waits for what marks it as drawn, checks it with axe and photographs it. */
async function visit(name: string, hash: string, ready: string): Promise<string[]> {
  await app.goto(hash);
  await app.page.waitForSelector(ready);
  await app.page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await photograph(name);
  return seriousViolations(app.page);
}

describe('screens', () => {
  it('shows the same status counts per strand on the dashboard as the database holds', async () => {
    const { page, store } = app;
    await app.goto('#/home');
    await page.waitForSelector('[data-ready="dashboard"]');
    const month = await page.inputValue('#reporting-month');
    const summary = await store.updates.monthSummary(month);
    const shown = await page.$$eval('[data-testid="strand-counts"] tr[data-strand]', (rows) =>
      rows.map((row) => ({
        strand: row.getAttribute('data-strand'),
        counts: Object.fromEntries(
          [...row.querySelectorAll('td[data-status]')].map((td) => [
            td.getAttribute('data-status'),
            Number(td.textContent),
          ]),
        ),
      })),
    );
    const expected = [
      ...summary.strands.map((s) => ({ strand: String(s.strandNumber), counts: s.counts })),
      { strand: 'total', counts: summary.totals },
    ].map((e) => ({
      strand: e.strand,
      counts: Object.fromEntries(STATUS_ORDER.map((s: ReportedStatus) => [s, e.counts[s]])),
    }));
    expect(shown).toEqual(expected);
    expect(summary.totals.no_update).toBeLessThan(summary.total);

    // Worsened since last month, per strand, from the reported updates of both months.
    const now = await store.updates.reported(month);
    const before = await store.updates.reported(previousMonth(month));
    const worsened = new Map<string, number>();
    for (const objective of await store.plan.objectives({ month })) {
      const move = movementOf(
        before.get(objective.ref)?.status ?? 'no_update',
        now.get(objective.ref)?.status ?? 'no_update',
      );
      if (move !== 'worsened') continue;
      for (const key of [String(objective.strandNumber), 'total'])
        worsened.set(key, (worsened.get(key) ?? 0) + 1);
    }
    const shownWorsened = await page.$$eval('[data-testid="strand-counts"] tr[data-strand]', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-strand'),
        Number(row.querySelector('[data-movement="worsened"]')?.textContent),
      ]),
    );
    expect(shownWorsened).toEqual(expected.map((e) => [e.strand, worsened.get(e.strand) ?? 0]));
    expect(worsened.get('total')).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="missing-count"]')).toContain(
      String(summary.totals.no_update),
    );
  });

  it('passes axe with no serious or critical violations on every screen', async () => {
    const meeting = (await app.store.meetings.list()).at(-1);
    expect(meeting).toBeDefined();
    const found: Record<string, string[]> = {
      home: await visit('home', '#/home', '[data-ready="dashboard"]'),
      updates: await visit(
        'updates',
        '#/updates/3',
        '[data-testid="updates-grid"][data-strand="3"][data-ready="true"]',
      ),
      performance: await visit('performance', '#/performance', '[data-ready="performance"]'),
      indicator: await visit(
        'performance-indicator',
        '#/performance/KO3',
        '[data-ready="indicator"] [data-testid="figure-grid"][data-ready="true"]',
      ),
      plan: await visit('plan', '#/plan', '.objectives-table'),
      strategy: await (async () => {
        await app.page.click('#tab-strategy');
        await app.page.waitForSelector('.strategy');
        await photograph('plan-strategy');
        return seriousViolations(app.page);
      })(),
      meetings: await visit('meetings', '#/meetings', 'h1#meetings-title'),
      meeting: await visit('meeting', `#/meetings/${meeting?.id}`, '[data-testid="agenda"]'),
      actions: await visit('action-log', '#/meetings/actions', '[data-testid="actions-table"]'),
      newMeeting: await visit('new-meeting', '#/meetings/new', 'h1#new-meeting-title'),
      pack: await (async () => {
        await app.goto(`#/pack/${meeting?.id}`);
        await app.page.click('button:has-text("Build draft")');
        await app.page.waitForSelector('[data-testid="draft-view"] iframe');
        // Photographed from the top, so the readiness lines (missing updates, papers) show above the
        // built draft; the pack's own pages are in docs/pack.
        return visit('pack', `#/pack/${meeting?.id}`, '[data-testid="draft-view"] iframe');
      })(),
      settings: await visit('settings', '#/settings', '#set-board'),
      audit: await visit('audit', '#/audit', '.audit-table'),
    };
    for (const [screen, violations] of Object.entries(found))
      expect({ screen, violations }).toEqual({ screen, violations: [] });
  });
});

describe("a meeting's details", () => {
  it('are saved without touching its attendance, and read at 1366×768, 1024×768 and 200%', async () => {
    const { page, store } = app;
    const meeting = (await store.meetings.list()).at(-1);
    if (!meeting) throw new Error('the demo has no meeting');
    const before = await store.meetings.get(meeting.id);
    expect(before.attendees.length + before.members.length).toBeGreaterThan(0);
    await app.goto(`#/meetings/${meeting.id}`);
    await page.waitForSelector('[data-testid="agenda"]');
    await page.click('#main details.card summary');
    await page.fill('#meeting-place', 'New Scotland Yard, Room 1016');
    await page.click('button:has-text("Save details")');
    await page.waitForSelector('text=Meeting details saved.');
    const after = await store.meetings.get(meeting.id);
    expect(after.place).toBe('New Scotland Yard, Room 1016');
    for (const list of [
      'chairs',
      'members',
      'attendees',
      'apologies',
      'absent',
      'represented',
      'visitors',
    ] as const)
      expect({ list, value: after[list] }).toEqual({ list, value: before[list] });
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    await page.locator('#meeting-place').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'meeting-details.png') });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.locator('#meeting-place').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'meeting-details-1024.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    const context = await app.browser.newContext({
      viewport: { width: 640, height: 360 },
      deviceScaleFactor: 2,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    const zoomed = await context.newPage();
    await zoomed.goto(`${app.bridge.url}#/meetings/${meeting.id}`);
    await zoomed.waitForSelector('[data-testid="agenda"]');
    await zoomed.click('#main details.card summary');
    await zoomed.evaluate(() => {
      const main = document.getElementById('main');
      const card = document.querySelector('#main details.card');
      if (main && card instanceof HTMLElement) main.scrollTo(0, card.offsetTop - 8);
    });
    await zoomed.screenshot({ path: join(shots, 'meeting-details-200.png') });
    await context.close();
  });
});
