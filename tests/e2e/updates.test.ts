// A strand lead's month, in Chromium against the bridge: keyboard-only recording and submission,
// a Red without narrative refused where the person is, and a reload mid-typing that keeps the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../electron/bridge/index';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';

const MONTH = '2008-03';
let app: AppUnderTest;

const grid = (strand: number) => `[data-testid="updates-grid"][data-strand="${strand}"][data-ready="true"]`;
const row = (ref: string) => `[data-testid="updates-grid"] tr[data-ref="${ref}"]`;

async function openStrand(strand: number): Promise<void> {
  await app.goto(`#/updates/${strand}`);
  await app.page.waitForSelector(grid(strand));
}

async function allSaved(): Promise<void> {
  await app.page.waitForSelector('[data-testid="save-state"][data-state="saved"]');
}

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z' });
});

afterAll(async () => {
  await app?.close();
});

describe('monthly updates grid', () => {
  it('lets a strand lead record and submit a whole strand using only the keyboard', async () => {
    const { page, store } = app;
    await openStrand(1);
    const refs = (await store.plan.objectives({ strandNumber: 1, month: MONTH })).map((o) => o.ref);
    expect(refs.length).toBeGreaterThan(3);
    await tabTo(page, '#updates-grid-focus');

    // Green for most, Amber with a narrative for the second, Complete for the last.
    for (let i = 0; i < refs.length; i++) {
      if (i === 1) {
        await page.keyboard.press('a');
        await page.keyboard.press('Enter');
        await page.keyboard.type(
          'Two boroughs have not yet signed the protocol; the lead is meeting them next week.',
        );
        await page.keyboard.press('Tab');
        await page.keyboard.type('Chase the two boroughs.');
        await page.keyboard.press('Escape');
      } else {
        await page.keyboard.press(i === refs.length - 1 ? '1' : 'g');
      }
      await page.keyboard.press('j');
    }
    await allSaved();
    const drafts = await store.updates.working(MONTH, 1);
    expect(drafts.size).toBe(refs.length);
    expect(drafts.get(refs[1])?.status).toBe('amber');
    expect(drafts.get(refs[1])?.nextSteps).toBe('Chase the two boroughs.');

    // Submit each row with s, moving up with k.
    await page.keyboard.press('End');
    for (let i = refs.length - 1; i >= 0; i--) {
      await page.keyboard.press('s');
      await page.waitForFunction(
        (sel) =>
          document
            .querySelector(sel)
            ?.querySelector('[data-testid="row-state"]')
            ?.textContent?.startsWith('Submitted'),
        row(refs[i]),
      );
      await page.keyboard.press('k');
    }
    const reported = await store.updates.reported(MONTH, 1);
    expect([...reported.keys()].sort()).toEqual([...refs].sort());
    expect(reported.get(refs[0])?.status).toBe('green');
    expect(reported.get(refs[refs.length - 1])?.status).toBe('complete');
    expect(reported.get(refs[1])?.narrative).toContain('Two boroughs');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses to submit a Red update without a narrative and says why beside it', async () => {
    const { page, store } = app;
    await openStrand(2);
    const ref = (await store.plan.objectives({ strandNumber: 2, month: MONTH }))[0].ref;
    await tabTo(page, '#updates-grid-focus');
    await page.keyboard.press('Home');
    await page.keyboard.press('r');
    await allSaved();
    await page.keyboard.press('s');
    const message = await page.waitForSelector('[data-testid="workflow"] [role="alert"]');
    expect(await message.textContent()).toContain('needs a narrative');
    expect(await page.textContent(row(ref))).toContain('Needs narrative');
    expect((await store.updates.reported(MONTH, 2)).has(ref)).toBe(false);
    expect((await store.updates.working(MONTH, 2)).get(ref)?.state).toBe('draft');
  });

  it('keeps a half-typed narrative through a reload of the window', async () => {
    const { page, store } = app;
    await openStrand(3);
    const ref = (await store.plan.objectives({ strandNumber: 3, month: MONTH }))[0].ref;
    await tabTo(page, '#updates-grid-focus');
    await page.keyboard.press('Home');
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Referrals fell in February because the ');
    // No waiting for the autosave: reload at once, as a crash or a closed window would.
    await page.reload();
    await page.waitForSelector(grid(3));
    await page.waitForFunction(() =>
      (document.getElementById('narrative') as HTMLTextAreaElement | null)?.value.startsWith(
        'Referrals fell',
      ),
    );
    await allSaved();
    const draft = (await store.updates.working(MONTH, 3)).get(ref);
    expect(draft?.status).toBe('amber');
    expect(draft?.narrative).toBe('Referrals fell in February because the ');
  });

  it('keeps typing that could not be saved, says so, and saves it when the app is back', async () => {
    const { page } = app;
    await openStrand(4);
    const ref = (await app.store.plan.objectives({ strandNumber: 4, month: MONTH }))[0].ref;
    await tabTo(page, '#updates-grid-focus');
    await page.keyboard.press('Home');
    await page.keyboard.press('g');
    await allSaved();

    // The back end goes away: the next save fails and the person is told their text is kept.
    const port = Number(new URL(app.bridge.origin).port);
    await app.bridge.close();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Written while the database was away.');
    const state = await page.waitForSelector('[data-testid="save-state"][data-state="error"]');
    expect(await state.textContent()).toContain('kept on this computer');

    // It comes back (a new start of the app): the kept text is saved without retyping.
    app.bridge = await startBridge({ dbPath: app.dbPath, clock: app.clock, port });
    app.store = app.bridge.services.store;
    await page.goto(app.bridge.url);
    await app.goto('#/updates/4');
    await page.waitForSelector(grid(4));
    await allSaved();
    expect((await app.store.updates.working(MONTH, 4)).get(ref)?.narrative).toBe(
      'Written while the database was away.',
    );
  });
});
