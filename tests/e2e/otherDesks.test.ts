// Two desks on one database, in Chromium against the bridge: the bridge's window is one desk and a
// second store opened on the same file is another. A change made at the other desk shows on the
// open screen within seconds; a person typing an update keeps every word while the other desk's
// version is offered beside it; and a database that stops answering raises one banner, keeps the
// typing, and saves it when the database answers again.
import Database from 'better-sqlite3';
import { hostname, userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/store/store';
import { CALL_PATH } from '../../electron/bridge/shim';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

const MONTH = '2008-03';
const EVERY_MS = 300;
let app: AppUnderTest;
let otherDesk: Store;

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z', changesEveryMs: EVERY_MS });
  otherDesk = await openStore(app.dbPath, { clock: app.clock });
});

afterAll(async () => {
  await otherDesk?.close();
  await app?.close();
});

const narrative = '#narrative';

async function openStrandOne(): Promise<string> {
  const { page, store } = app;
  await app.goto('#/updates/1');
  await page.waitForSelector('[data-testid="updates-grid"][data-strand="1"][data-ready="true"]');
  const [first] = await store.plan.objectives({ strandNumber: 1, month: MONTH });
  return first.ref;
}

describe('several desks on one database', () => {
  it('shows a meeting another desk planned on the open meetings list within seconds', async () => {
    const { page } = app;
    await app.goto('#/meetings');
    await page.waitForSelector('#meetings-title');
    await otherDesk.meetings.create(
      { title: 'Extraordinary Strategy Board', heldAt: '2008-04-02T14:00', reportingMonth: '2008-03' },
      otherDesk.now(),
      'Desk B secretary',
    );
    const started = Date.now();
    await page.waitForSelector('text=Extraordinary Strategy Board', { timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(5000);
    // A silent reload: no notice, the list simply has the meeting.
    expect(await page.$('[data-testid="other-desk-notice"]')).toBeNull();
  });

  it('keeps what the person is typing in an update when another desk changes it, and offers the other version', async () => {
    const { page, store } = app;
    const ref = await openStrandOne();
    await page.click('.status-option.status-green');
    await page.click(narrative);
    await page.keyboard.type('Borough teams trained; the protocol is signed in 28 of 32 boroughs.');
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]');

    // The other desk changes the same update while the cursor is still in the narrative.
    await otherDesk.updates.save(
      {
        ref,
        month: MONTH,
        status: 'amber',
        narrative: 'Four boroughs have not signed.',
        author: 'Dana Lee',
        state: 'draft',
      },
      otherDesk.now(),
    );
    const notice = page.locator('[data-testid="other-desk-notice"]');
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toContain(`${ref}: changed on another desk by Dana Lee at 09:00`);
    expect(await page.inputValue(narrative)).toBe(
      'Borough teams trained; the protocol is signed in 28 of 32 boroughs.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('narrative');
    // More typing goes on where it was.
    await page.keyboard.type(' Training continues.');
    expect(await page.inputValue(narrative)).toMatch(/32 boroughs\. Training continues\.$/);

    await page.getByRole('button', { name: 'Show the other version' }).click();
    expect(await page.locator('.other-version').textContent()).toContain('Four boroughs have not signed.');
    expect(await seriousViolations(page)).toEqual([]);

    // Taking it puts the other desk's words, already saved, in the fields; this desk's unsaved
    // typing goes (its autosave could not have written over theirs: the save names its version).
    await page.getByRole('button', { name: 'Use this version instead of mine' }).click();
    expect(await page.inputValue(narrative)).toBe('Four boroughs have not signed.');
    expect(await page.isChecked('.status-option.status-amber input')).toBe(true);
    await expect
      .poll(async () => (await store.updates.current(ref, MONTH))?.narrative, { timeout: 5000 })
      .toBe('Four boroughs have not signed.');
    expect((await store.updates.current(ref, MONTH))?.status).toBe('amber');
    expect(await page.$('[data-testid="other-desk-notice"]')).toBeNull();
  });

  it('raises one banner while the database cannot be reached, keeps the typing, and saves it once it answers', async () => {
    const { page, store } = app;
    const ref = await openStrandOne();
    // The database away: every call answers as a server that cannot be reached would.
    const away = {
      ok: false,
      error: { code: 'unreachable', message: 'The shared database cannot be reached. Nothing was changed.' },
    };
    await page.route(`**${CALL_PATH}`, (route) => route.fulfill({ json: away }));
    await page.click(narrative);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Written while the server was away.');
    const banner = page.locator('[data-testid="unreachable-banner"]');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.textContent()).toBe(
      'The shared database cannot be reached. Nothing you typed is lost: it is kept here and saved when the database answers again.',
    );
    expect(
      await page
        .locator('[role="alert"]:has-text("shared database cannot be reached. Nothing you typed")')
        .count(),
    ).toBe(1);
    expect(await page.inputValue(narrative)).toBe('Written while the server was away.');
    expect((await store.updates.current(ref, MONTH))?.narrative).not.toBe(
      'Written while the server was away.',
    );

    // It answers again: the poller's next ask lowers the banner and the waiting autosave goes in.
    await page.unroute(`**${CALL_PATH}`);
    await banner.waitFor({ state: 'detached', timeout: 5000 });
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 5000 });
    expect((await store.updates.current(ref, MONTH))?.narrative).toBe('Written while the server was away.');
    expect(await page.inputValue(narrative)).toBe('Written while the server was away.');
  });

  it('asks one at a time, and not at all while the window is hidden', async () => {
    const { page } = app;
    await app.goto('#/home');
    let asking = 0;
    let most = 0;
    let asks = 0;
    // Each ask answered slowly (longer than the interval): a second never starts before it ends.
    await page.route(`**${CALL_PATH}`, async (route) => {
      if ((route.request().postDataJSON() as { method: string }).method !== 'app.changes')
        return route.continue();
      asks++;
      asking++;
      most = Math.max(most, asking);
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS * 3));
      asking--;
      return route.continue();
    });
    await page.waitForTimeout(EVERY_MS * 10);
    expect(asks).toBeGreaterThan(1);
    expect(most).toBe(1);

    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await page.waitForTimeout(EVERY_MS * 4);
    const whileHidden = asks;
    await page.waitForTimeout(EVERY_MS * 5);
    expect(asks).toBe(whileHidden);
    await setVisibility('visible');
    await expect.poll(() => asks, { timeout: 3000 }).toBeGreaterThan(whileHidden);
    // An ask still held by the slow handler is let through before the route goes (unrouted under
    // it, its continue found the request already handled: an unhandled error after the test).
    await page.unrouteAll({ behavior: 'wait' });
  });

  it('names the desk and database user of each change in the audit log, and nothing for older entries', async () => {
    const { page } = app;
    // An entry as written before schema 9, which knew no desks.
    const raw = new Database(app.dbPath);
    raw
      .prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
         VALUES ('2008-03-20T08:00:00.000Z', 'Older copy', 'setting.set', 'setting', 'userName', NULL, '"Older copy"')`,
      )
      .run();
    raw.close();
    await otherDesk.people.save(
      { name: 'DCI Ada Byron', role: 'member', strandNumber: null, email: '', retired: false },
      otherDesk.now(),
      'Dana Lee',
    );
    await app.goto('#/audit');
    const row = (actor: string) => page.locator('.audit-table tbody tr', { hasText: actor }).first();
    await page.waitForSelector('.audit-table tbody tr:has-text("Person added")');
    // The computer without the run's mark; the words before each are for screen readers.
    expect(await row('Dana Lee').locator('.audit-desk').textContent()).toBe(
      `at desk ${hostname()} · as database user ${userInfo().username}`,
    );
    expect(await row('Older copy').locator('.audit-desk').count()).toBe(0);
  });
});
