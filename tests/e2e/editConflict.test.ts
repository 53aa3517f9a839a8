// Two desks on one record, in Chromium against the bridge: the screen opens an update (an agenda,
// an action), another desk (a second store on the same file) saves it behind the screen's back, the
// person's save is refused; both versions are shown, nothing of theirs is overwritten, and "Keep
// mine" saves the person's over theirs ("Use theirs" puts theirs in the fields); a pack version
// issued first on the other desk is refused in words. With
// BOARD_PACK_SCREENSHOTS=<folder> set, each comparison is photographed at 1366×768 and 1024×768.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePack, listIssuedPacks } from '../../electron/pack/index';
import { openStore, type Store } from '../../electron/store/store';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';

const MONTH = '2008-03';
const shots = process.env.BOARD_PACK_SCREENSHOTS;
let app: AppUnderTest;
let laptop: Store;

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z' });
  laptop = await openStore(app.dbPath, { clock: app.clock, desk: 'SVB-LAPTOP/bbbbbb' });
});

afterAll(async () => {
  await laptop?.close();
  await app?.close();
});

/** A meeting of the board with its standing agenda's first two items, made on the screen's desk. */
async function meeting() {
  return app.store.meetings.create(
    { title: 'Serious Violence Strategy Board', heldAt: '2008-04-03T10:00', reportingMonth: '2008-03' },
    app.store.now(),
    'Secretariat',
    ['Apologies', 'Minutes and actions of the last meeting'],
  );
}

async function photograph(name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const { page } = app;
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await page.locator('[data-testid="edit-conflict"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('an update changed on another desk while it is open', () => {
  it('shows both versions when the save is refused, keeps theirs in the database, and saves mine as version 3 on "Keep mine"', async () => {
    const { page, store } = app;
    const ref = (await store.plan.objectives({ strandNumber: 1, month: MONTH }))[0].ref;
    const author = 'DI Karen Holt (Jigsaw)';
    await store.updates.save(
      { ref, month: MONTH, status: 'green', narrative: 'Started the ViSOR audit.', author, state: 'draft' },
      store.now(),
    );
    await app.goto('#/updates/1');
    await page.waitForSelector('[data-testid="updates-grid"][data-strand="1"][data-ready="true"]');
    await tabTo(page, '#updates-grid-focus');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    expect(await page.inputValue('#narrative')).toBe('Started the ViSOR audit.');

    // Behind the screen's back, the laptop saves the same update from the version the screen read.
    const theirs = await laptop.updates.save(
      {
        ref,
        month: MONTH,
        status: 'amber',
        narrative: 'Two boroughs have not sent their ViSOR returns; chased by the DCI.',
        author: 'Jo Bloggs',
        state: 'draft',
        baseVersion: 1,
      },
      laptop.now(),
    );
    expect(theirs.version).toBe(2);

    await page.fill('#narrative', 'The ViSOR audit is complete in all 32 boroughs.');
    const conflict = page.locator('[data-testid="edit-conflict"]');
    await conflict.waitFor();
    const said = await conflict.textContent();
    expect(said).toMatch(/Jo Bloggs changed this update at \d\d:\d\d on SVB-LAPTOP since you opened it\./);
    expect(await conflict.locator('td[data-side="theirs"]').allTextContents()).toContain(
      'Two boroughs have not sent their ViSOR returns; chased by the DCI.',
    );
    expect(await conflict.locator('td[data-side="mine"]').allTextContents()).toContain(
      'The ViSOR audit is complete in all 32 boroughs.',
    );
    // Mine is still in the field, theirs is still what the database holds, and autosave has stopped.
    expect(await page.inputValue('#narrative')).toBe('The ViSOR audit is complete in all 32 boroughs.');
    await page.fill('#narrative', 'The ViSOR audit is complete in all 32 boroughs; report to the board.');
    await page.waitForTimeout(800);
    expect(await store.updates.current(ref, MONTH)).toMatchObject({ version: 2, author: 'Jo Bloggs' });
    expect(await page.getAttribute('[data-testid="save-state"]', 'data-state')).toBe('conflict');

    expect(await seriousViolations(page)).toEqual([]);
    await photograph('edit-conflict');

    await conflict.getByRole('button', { name: /Keep mine/ }).click();
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]');
    await conflict.waitFor({ state: 'detached' });
    expect(await store.updates.current(ref, MONTH)).toMatchObject({
      narrative: 'The ViSOR audit is complete in all 32 boroughs; report to the board.',
      status: 'green',
      version: 3,
    });
  });

  it('shows both agendas when the agenda was saved on another desk, and saves mine as agenda version 3 on "Keep mine"', async () => {
    const { page, store } = app;
    const { id } = await meeting();
    const [apologies] = await store.meetings.agenda(id);
    await app.goto(`#/meetings/${id}`);
    await page.waitForSelector('[data-testid="agenda"]');
    await page.fill(`#agenda-i${apologies.id}-presenter`, 'Deputy Chair');

    const theirs = await laptop.meetings.setAgenda(
      id,
      [...(await laptop.meetings.agenda(id)), { title: 'Knife crime problem profile', presenter: 'MIB' }],
      laptop.now(),
      'Jo Bloggs',
      1,
    );
    expect(theirs[0].agendaVersion).toBe(2);
    await page.click('button:has-text("Save agenda")');
    const conflict = page.locator('[data-testid="edit-conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Jo Bloggs changed this agenda at \d\d:\d\d on SVB-LAPTOP/);
    expect(await conflict.locator('td[data-side="theirs"]').allTextContents()).toContain(
      'Knife crime problem profile · MIB · 0 min',
    );
    expect((await store.meetings.agenda(id)).map((a) => a.title)).toHaveLength(3);
    expect(await seriousViolations(page)).toEqual([]);
    await photograph('edit-conflict-agenda');

    await conflict.getByRole('button', { name: /Keep mine/ }).click();
    await page.waitForSelector('.notice-success:has-text("Agenda saved")');
    const saved = await store.meetings.agenda(id);
    expect(saved.map((a) => [a.title, a.presenter, a.agendaVersion])).toEqual([
      ['Apologies', 'Deputy Chair', 3],
      ['Minutes and actions of the last meeting', '', 3],
    ]);
  });

  it('shows both versions of an action changed on another desk, and puts theirs in the fields on "Use theirs"', async () => {
    const { page, store } = app;
    const { id } = await meeting();
    const action = await store.meetings.addAction(
      { meetingId: id, description: 'Report on knife arches', owner: 'DCS Lead', dueDate: '2008-05-01' },
      store.now(),
      'Secretariat',
    );
    const field = `#${action.ref.replace(/[^A-Za-z0-9]/g, '-')}`;
    await app.goto(`#/meetings/${id}`);
    await page.click(`button:has-text("Update action ${action.ref}")`);
    await page.fill(`${field}-description`, 'Report on knife arches at stations');

    await laptop.meetings.editAction(
      action.ref,
      { owner: 'Head of Performance', baseVersion: 1 },
      laptop.now(),
      'Jo Bloggs',
    );
    await page.click(`button:has-text("Save changes to ${action.ref}")`);
    // The owner is not on this fresh database's roster: go on without adding them.
    await page.click('button:has-text("Go on without adding")');
    const conflict = page.locator('[data-testid="edit-conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(
      new RegExp(`Jo Bloggs changed action ${action.ref} at \\d\\d:\\d\\d on SVB-LAPTOP`),
    );
    expect(await store.meetings.action(action.ref)).toMatchObject({
      description: 'Report on knife arches',
      owner: 'Head of Performance',
      version: 2,
    });
    expect(await seriousViolations(page)).toEqual([]);
    await photograph('edit-conflict-action');

    await conflict.getByRole('button', { name: /Use theirs/ }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.inputValue(`${field}-owner`)).toBe('Head of Performance');
    expect(await page.inputValue(`${field}-description`)).toBe('Report on knife arches');
    expect((await store.meetings.action(action.ref)).version).toBe(2);
  });

  it('refuses issuing a version of the pack the other desk issued first, in words, and offers the next version', async () => {
    const { page, store } = app;
    const { id } = await meeting();
    await app.goto(`#/pack/${id}`);
    await page.click('button:has-text("Build draft")');
    await page.waitForSelector('[data-testid="draft-view"] iframe', { timeout: 60_000 });
    await page.click('button:has-text("Issue this pack")');
    await page.waitForSelector('[data-testid="confirm-issue"]');

    await issuePack(laptop, { meetingId: id, sections: ['cover'], version: 1 }, 'Jo Bloggs');
    await page.click('[data-testid="confirm-issue"] button:has-text("Issue version 1")');
    const refused = page.locator('[role="alert"]:has-text("build again")');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(
      /^Version 1 of this pack was issued at \d\d:\d\d on SVB-LAPTOP by Jo Bloggs; build again to issue version 2\.$/,
    );
    await page.waitForSelector('h2:has-text("Reissue (version 2)")');
    expect(await page.$('[data-testid="draft-view"]')).toBeNull();
    expect((await listIssuedPacks(store, id)).map((p) => [p.version, p.issuedBy])).toEqual([
      [1, 'Jo Bloggs'],
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'edit-conflict-pack-1366.png') });
  });
});
