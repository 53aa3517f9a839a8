// A month's chase, by keyboard, in Chromium against the bridge (issue 16, parts 2, 7 and 8): Home's
// chase list with an email text per lead and the request files for every owing strand, then an
// unchanged objective and a whole strand carried forward on Monthly updates, with the status strip.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInstallationKey, trustKey } from '../../electron/exchange/keys';
import { openStore } from '../../electron/store/store';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';
import { measureReflow, reflowFaults } from './reflow';

const MONTH = '2008-03';
let app: AppUnderTest;
let strandOne: string[];

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z' });
  const { store } = app;
  await store.meetings.create(
    {
      title: 'Serious Violence Strategy Board',
      heldAt: '2008-04-10T10:00',
      place: 'New Scotland Yard',
      reportingMonth: MONTH,
      chairs: [],
      members: [],
      attendees: [],
      apologies: [],
    },
    store.now(),
    'Secretariat',
  );
  strandOne = (await store.plan.objectives({ strandNumber: 1, month: MONTH })).map((o) => o.ref);
  for (const ref of strandOne.slice(0, 3))
    await store.updates.save(
      { ref, month: '2008-02', status: 'green', narrative: 'On track.', author: 'Lead', state: 'accepted' },
      store.now(),
    );
  // Strand 2's lead has a key the secretariat trusts; no other lead has.
  const lead = await openStore(join(app.dbPath, '..', 'lead.db'), { clock: app.clock, seedPlan: null });
  const key = await ensureInstallationKey(lead, 'DCS Two');
  await lead.close();
  await trustKey(
    store,
    { fingerprint: key.fingerprint, name: 'DCS Two', strandNumber: 2, publicKey: key.publicKey },
    'Secretariat',
  );
  // The app opened before these rows were written: it loads them afresh, as after a restart.
  await app.page.reload();
});

afterAll(async () => {
  await app?.close();
});

describe('a month’s chase', () => {
  it('shows who owes what with an email text per lead, and makes every owing strand’s request by keyboard', async () => {
    const { page } = app;
    await app.goto('#/home');
    await page.waitForSelector('[data-testid="chase-list"]');
    expect(await page.textContent('[data-testid="chase-list"]')).toContain(
      'The pack must be issued 5 days before the meeting on 10 April 2008.',
    );
    const href = await page.getAttribute(
      '[data-testid="chase-list"] tbody tr:nth-child(2) a[href^="mailto:"]',
      'href',
    );
    const body = decodeURIComponent(/body=([^&]*)/.exec(href ?? '')?.[1] ?? '');
    expect(body).toContain('its pack must be issued by 5 April 2008');
    expect(body).toMatch(/- 2\.\w+\.1 /);

    await tabTo(page, '.chase-requests button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="chase-made"]');
    const made = await page.textContent('[data-testid="chase-made"]');
    expect(made).toContain('Save strand-2-2008-03.bpreq');
    expect(await page.textContent('[data-testid="chase-skipped"]')).toContain(
      'No key is trusted for the lead of strand 1 yet.',
    );
    expect((await app.store.exchange.requests(MONTH)).map((r) => r.strandNumber)).toEqual([2]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reflows Home with the chase list at 1024×768 and at 200%', async () => {
    const { page } = app;
    for (const size of [
      { width: 1024, height: 768 },
      { width: 640, height: 360 },
    ]) {
      await page.setViewportSize(size);
      await app.goto('#/home');
      await page.waitForSelector('[data-testid="chase-list"]');
      expect(reflowFaults(await measureReflow(page))).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('carries an unchanged objective forward, then the rest of the strand, by keyboard', async () => {
    const { page, store } = app;
    await app.goto('#/updates/1');
    await page.waitForSelector('[data-testid="updates-grid"][data-strand="1"][data-ready="true"]');
    await page.waitForSelector('[data-testid="status-strip"]');
    await tabTo(page, '.carry-forward button');
    expect(await page.textContent('.carry-forward button')).toBe('No change since February 2008');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    const carried = await store.updates.current(strandOne[0], MONTH);
    expect(carried).toMatchObject({
      status: 'green',
      state: 'draft',
      narrative: 'No change since February 2008.',
    });

    await tabTo(page, '.toolbar-actions button:nth-of-type(3)');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="carry-skipped"]');
    const working = await store.updates.working(MONTH, 1);
    expect([...working.keys()].sort()).toEqual(strandOne.slice(0, 3).sort());
    expect(await page.textContent('[data-testid="carry-skipped"] summary')).toBe(
      `Not carried forward (${strandOne.length - 2})`,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
