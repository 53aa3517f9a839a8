// Forms that write, while the shared database cannot be reached, in Chromium against the bridge:
// the save is refused as unreachable, the form keeps what was typed and says it is not saved yet,
// and when the database answers again the form saves it by itself — once, with its audit row.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_PATH } from '../../electron/bridge/shim';
import { SAVE_WAITING_MESSAGE } from '../../renderer/state/saveWhenReachable';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

const EVERY_MS = 300;
const MONTH = '2008-03';
let app: AppUnderTest;

/** The database away or back, and how many times each method reached it while back. */
interface Server {
  away: boolean;
  reached: Record<string, number>;
}

const AWAY = {
  ok: false,
  error: { code: 'unreachable', message: 'The shared database cannot be reached. Nothing was changed.' },
};

let current: Server = { away: false, reached: {} };
let routed = false;

/**
 * A fresh server state for a test. The route is added once for the whole file: removing it and
 * adding another between tests could strand a call the window's poller was waiting on (it asks
 * every 300 ms here), and a poller that never hears back never says the database answered.
 */
async function serve(page: Page): Promise<Server> {
  current = { away: false, reached: {} };
  if (!routed) {
    await page.route(`**${CALL_PATH}`, async (route: Route) => {
      const server = current;
      if (server.away) return route.fulfill({ json: AWAY });
      const { method } = route.request().postDataJSON() as { method: string };
      server.reached[method] = (server.reached[method] ?? 0) + 1;
      return route.continue();
    });
    routed = true;
  }
  return current;
}

/** With BOARD_PACK_SCREENSHOTS=<folder>: the form waiting, in view, at 1366×768 and 1024×768. */
async function photograph(page: Page, name: string, shown: string): Promise<void> {
  const shots = process.env.BOARD_PACK_SCREENSHOTS;
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.locator(shown).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, `${name}.png`) });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.locator(shown).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, `${name}-1024.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z', changesEveryMs: EVERY_MS });
});

afterAll(async () => {
  await app?.close();
});

describe('a form saved while the shared database cannot be reached', () => {
  it('keeps the meeting’s details as typed and saves them once when the database answers', async () => {
    const { page, store } = app;
    const meeting = await store.meetings.create(
      { title: 'Strategy Board', heldAt: '2008-04-10T10:00', reportingMonth: MONTH, place: 'Room 1' },
      '2008-03-20T09:00:00Z',
      'Test',
    );
    const server = await serve(page);
    await app.goto(`#/meetings/${meeting.id}`);
    await page.click('summary:has-text("Details and attendance")');
    await page.fill('#meeting-place', 'Room 2, Empress State Building');
    const auditBefore = (await store.audit.list({ entity: 'meeting' })).length;

    server.away = true;
    await page.click('button:has-text("Save details")');
    const refusal = page.locator('form[aria-label="Meeting details"] .error-message');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(SAVE_WAITING_MESSAGE);
    await page.locator('[data-testid="unreachable-banner"]').waitFor();
    // Several asks of the poller go unanswered: the field keeps the typing, nothing is written.
    await page.waitForTimeout(EVERY_MS * 6);
    expect(await page.inputValue('#meeting-place')).toBe('Room 2, Empress State Building');
    expect((await store.meetings.get(meeting.id)).place).toBe('Room 1');
    expect(await seriousViolations(page)).toEqual([]);
    await photograph(page, 'unreachable-meeting', 'form[aria-label="Meeting details"]');

    server.away = false;
    await page.locator('[data-testid="unreachable-banner"]').waitFor({ state: 'detached', timeout: 10_000 });
    await expect
      .poll(async () => (await store.meetings.get(meeting.id)).place, { timeout: 5000 })
      .toBe('Room 2, Empress State Building');
    await page.waitForSelector('text=Meeting details saved.');
    expect(await refusal.count()).toBe(0);
    expect(await page.inputValue('#meeting-place')).toBe('Room 2, Empress State Building');
    // Once: later answers of the database do not save it again.
    await page.waitForTimeout(EVERY_MS * 6);
    expect(server.reached['meetings.update']).toBe(1);
    const rows = (await store.audit.list({ entity: 'meeting' })).filter((a) => a.action === 'meeting.update');
    expect((await store.audit.list({ entity: 'meeting' })).length).toBe(auditBefore + 1);
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ place: 'Room 2, Empress State Building' });
  });

  it('keeps the agenda as edited, also when the person leaves the meeting, and saves it once when the database answers', async () => {
    const { page, store } = app;
    const meeting = await store.meetings.create(
      { title: 'Strategy Board', heldAt: '2008-05-08T10:00', reportingMonth: MONTH },
      '2008-03-20T09:00:00Z',
      'Test',
      ['Apologies', 'Minutes and actions of the last meeting'],
    );
    const [apologies] = await store.meetings.agenda(meeting.id);
    const server = await serve(page);
    await app.goto(`#/meetings/${meeting.id}`);
    await page.waitForSelector('[data-testid="agenda"]');
    const presenter = `#agenda-i${apologies.id}-presenter`;
    await page.fill(presenter, 'Deputy Chair');
    const agendaRows = async () =>
      (await store.audit.list({ entity: 'meeting' })).filter(
        (a) => a.action === 'agenda.set' && a.entityId === String(meeting.id),
      );

    server.away = true;
    await page.getByRole('button', { name: 'Save agenda' }).click();
    const refusal = page.locator('[data-testid="agenda"] .error-message');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(SAVE_WAITING_MESSAGE);
    expect(await page.inputValue(presenter)).toBe('Deputy Chair');
    // Leaving the meeting while the save waits does not send it a second time.
    await app.goto('#/meetings');
    await page.waitForTimeout(EVERY_MS * 6);
    expect((await store.meetings.agenda(meeting.id))[0].presenter).not.toBe('Deputy Chair');

    server.away = false;
    await expect
      .poll(async () => (await store.meetings.agenda(meeting.id))[0].presenter, { timeout: 10_000 })
      .toBe('Deputy Chair');
    await page.waitForTimeout(EVERY_MS * 6);
    expect(server.reached['meetings.setAgenda']).toBe(1);
    expect(await agendaRows()).toHaveLength(1);
  });

  it('keeps an action being raised as typed and raises it once when the database answers', async () => {
    const { page, store } = app;
    const meeting = await store.meetings.create(
      { title: 'Strategy Board', heldAt: '2008-06-12T10:00', reportingMonth: MONTH },
      '2008-03-20T09:00:00Z',
      'Test',
    );
    const [owner] = (await store.people.list()).filter((p) => !p.retired);
    const server = await serve(page);
    await app.goto(`#/meetings/${meeting.id}`);
    await page.fill('#action-description', 'Map knife crime hot spots against stop and search');
    await page.fill('#action-owner', owner.name);

    server.away = true;
    await page.click('form[aria-label="Raise an action"] button[type="submit"]');
    await page.waitForSelector(`form[aria-label="Raise an action"] >> text=${SAVE_WAITING_MESSAGE}`);
    await page.waitForTimeout(EVERY_MS * 6);
    expect(await page.inputValue('#action-description')).toBe(
      'Map knife crime hot spots against stop and search',
    );
    expect(await store.meetings.actions('2008-03-20', { meetingId: meeting.id })).toEqual([]);

    server.away = false;
    await expect
      .poll(async () => (await store.meetings.actions('2008-03-20', { meetingId: meeting.id })).length, {
        timeout: 10_000,
      })
      .toBe(1);
    await page.waitForTimeout(EVERY_MS * 6);
    expect(server.reached['actions.add']).toBe(1);
    const [action] = await store.meetings.actions('2008-03-20', { meetingId: meeting.id });
    expect(action).toMatchObject({
      description: 'Map knife crime hot spots against stop and search',
      owner: owner.name,
    });
    await expect.poll(() => page.inputValue('#action-description')).toBe('');
  });

  it('keeps a person typed in Settings and adds them once when the database answers', async () => {
    const { page, store } = app;
    const server = await serve(page);
    await app.goto('#/settings');
    await page.fill('#person-name', 'Priya Raman');
    await page.selectOption('#person-role', 'officer');
    const before = (await store.audit.list({ entity: 'person' })).length;

    server.away = true;
    await page.click('button:has-text("Add person")');
    await page.waitForSelector(`text=${SAVE_WAITING_MESSAGE}`);
    await page.waitForTimeout(EVERY_MS * 6);
    expect(await page.inputValue('#person-name')).toBe('Priya Raman');
    expect((await store.people.list()).map((p) => p.name)).not.toContain('Priya Raman');

    // The person goes on typing while the database is away: what is saved is what the form holds.
    await page.fill('#person-name', 'Priya Raman-Shah');
    server.away = false;
    await expect
      .poll(async () => (await store.people.list()).map((p) => p.name), { timeout: 10_000 })
      .toContain('Priya Raman-Shah');
    await page.waitForTimeout(EVERY_MS * 6);
    expect(server.reached['people.save']).toBe(1);
    expect((await store.people.list()).filter((p) => p.name.startsWith('Priya'))).toHaveLength(1);
    const rows = await store.audit.list({ entity: 'person' });
    expect(rows.length).toBe(before + 1);
    expect(rows.filter((a) => JSON.stringify(a.after).includes('Priya'))).toHaveLength(1);
    expect(JSON.stringify(rows.find((a) => JSON.stringify(a.after).includes('Priya'))?.after)).toContain(
      'Priya Raman-Shah',
    );
    // Saved, the form is cleared for the next person, as after any save.
    await expect.poll(() => page.inputValue('#person-name')).toBe('');
  });

  it('keeps an indicator’s edited title and saves it once when the database answers', async () => {
    const { page, store } = app;
    const server = await serve(page);
    await app.goto('#/performance/KO1');
    await page.waitForSelector('[data-ready="indicator"]');
    await page.getByRole('button', { name: 'Edit indicator' }).click();
    const title = '#edit-KO1-name';
    await page.fill(title, 'Homicides recorded in the month');
    const before = (await store.audit.list({ entity: 'indicator' })).length;

    server.away = true;
    await page.click('button:has-text("Save indicator")');
    await page.waitForSelector(`text=${SAVE_WAITING_MESSAGE}`);
    await page.waitForTimeout(EVERY_MS * 6);
    expect(await page.inputValue(title)).toBe('Homicides recorded in the month');
    expect((await store.indicators.get('KO1')).title).not.toBe('Homicides recorded in the month');

    server.away = false;
    await expect
      .poll(async () => (await store.indicators.get('KO1')).title, { timeout: 10_000 })
      .toBe('Homicides recorded in the month');
    await page.waitForTimeout(EVERY_MS * 6);
    expect(server.reached['indicators.edit']).toBe(1);
    expect((await store.audit.list({ entity: 'indicator' })).length).toBe(before + 1);
  });

  it('keeps a figure typed in the grid and saves it once when the database answers', async () => {
    const { page, store } = app;
    const server = await serve(page);
    await app.goto('#/performance/S6.M1');
    await page.waitForSelector('[data-ready="indicator"] [data-testid="figure-grid"][data-ready="true"]');
    const input = `input.figure-input[data-ref="S6.M1"][data-month="${MONTH}"]`;
    const before = (await store.audit.list({ entity: 'indicator' })).length;

    server.away = true;
    await page.fill(input, '42/60');
    await page.press(input, 'Enter');
    const refusal = page.locator('[data-testid="figure-errors"] li');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(`S6.M1, March 2008: ${SAVE_WAITING_MESSAGE}`);
    await page.waitForTimeout(EVERY_MS * 6);
    expect(await page.inputValue(input)).toBe('42/60');
    expect(await store.indicators.currentFigures({ refs: ['S6.M1'], from: MONTH })).toEqual([]);
    // Waiting, not wrong: described by the sentence, but not marked invalid.
    expect(await page.getAttribute(input, 'aria-invalid')).toBeNull();
    expect(await page.getAttribute(input, 'data-saving')).toBe('waiting');
    expect(await page.getAttribute(input, 'aria-describedby')).toBe(await refusal.getAttribute('id'));
    await photograph(page, 'unreachable-figure', '[data-testid="figure-errors"]');

    server.away = false;
    await expect
      .poll(async () => (await store.indicators.currentFigures({ refs: ['S6.M1'], from: MONTH })).length, {
        timeout: 10_000,
      })
      .toBe(1);
    await refusal.waitFor({ state: 'detached' });
    await page.waitForTimeout(EVERY_MS * 6);
    expect(server.reached['indicators.setFigure']).toBe(1);
    const [figure] = await store.indicators.currentFigures({ refs: ['S6.M1'], from: MONTH });
    expect(figure).toMatchObject({ numerator: 42, denominator: 60 });
    expect((await store.audit.list({ entity: 'indicator' })).length).toBe(before + 1);
    expect(await page.inputValue(input)).toBe('42/60');
  });
});
