// Minutes corrected then approved, and an action reassigned and completed with a closing note, by
// keyboard in Chromium against the bridge; axe finds nothing serious on either screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';

let app: AppUnderTest;
let september = 0;
let october = 0;

beforeAll(async () => {
  app = await openApp({ now: '2007-10-20T09:00:00Z' });
  const { store } = app;
  const at = store.now();
  const agenda = (await store.plan.detail()).standingAgenda;
  const chairs = ['Commander Violent Crime Directorate (VCD)'];
  const board = { title: 'Serious Violence Strategy Board', chairs };
  september = (
    await store.meetings.create(
      { ...board, heldAt: '2007-09-20T10:00', reportingMonth: '2007-08' },
      at,
      'Secretariat',
      agenda,
    )
  ).id;
  october = (
    await store.meetings.create(
      { ...board, heldAt: '2007-10-18T10:00', reportingMonth: '2007-09' },
      at,
      'Secretariat',
      agenda,
    )
  ).id;
  const [apologies] = await store.meetings.agenda(september);
  await store.meetings.addMinute(
    september,
    apologies.id,
    'minute',
    'Apologies from DCS Lead.',
    at,
    'Secretariat',
  );
  const action = await store.meetings.addAction(
    {
      meetingId: september,
      description: 'Report on the knife crime draft',
      owner: 'Strand 6 lead',
      dueDate: '2007-11-15',
    },
    at,
    'Secretariat',
  );
  await store.meetings.addNote(action.ref, 'Draft delayed.', at, 'Secretariat');
});

afterAll(async () => {
  await app?.close();
});

describe('minutes', () => {
  it('are corrected, then approved at the next meeting, after which they are locked', async () => {
    const { page, store } = app;
    await app.goto(`#/meetings/${september}`);
    await page.waitForSelector('[data-testid="agenda"]');
    await page.focus('button:has-text("Correct minute 1.1")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#minute-edit-1');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Apologies from DCS Lead and DI Reid.');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice-success:has-text("was corrected")');
    expect((await store.meetings.minutes(september)).map((m) => m.text)).toEqual([
      'Apologies from DCS Lead and DI Reid.',
    ]);

    await app.goto(`#/meetings/${october}`);
    await page.waitForSelector('#approve-by');
    expect(await seriousViolations(page)).toEqual([]);
    await page.focus('#approve-by');
    await tabTo(page, '#approve-corrections');
    await page.keyboard.type('DI Reid added to the apologies.');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice-success:has-text("approved and now locked")');
    expect(await store.meetings.approval(september)).toMatchObject({
      approvedBy: 'Commander Violent Crime Directorate (VCD)',
      approvedOn: '2007-10-18',
      corrections: 'DI Reid added to the apologies.',
    });
    await page.waitForSelector('.minutes-approval:has-text("were approved on 18 October 2007")');

    await app.goto(`#/meetings/${september}`);
    await page.waitForSelector('.minutes-locked:has-text("Approved on 18 October 2007")');
    expect(await page.locator('button:has-text("Correct minute")').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('an action', () => {
  it('is reassigned to someone new to the roster after asking, then completed with a closing note', async () => {
    const { page, store } = app;
    await app.goto('#/meetings/actions');
    await page.waitForSelector('[data-testid="actions-table"]');
    await page.focus('button:has-text("Update action A2007-09/1")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#A2007-09-1-owner');
    await page.focus('#A2007-09-1-owner');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('DI Jones');
    await tabTo(page, 'button[type="submit"]:has(.visually-hidden)');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role="alertdialog"]:has-text("DI Jones is not on the roster")');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add DI Jones to the roster');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice-success:has-text("Action A2007-09/1 saved")');
    expect((await store.meetings.action('A2007-09/1')).owner).toBe('DI Jones');
    expect((await store.people.list()).find((p) => p.name === 'DI Jones')?.role).toBe('officer');
    expect(await seriousViolations(page)).toEqual([]);

    await page.focus('#A2007-09-1-closing');
    await page.keyboard.type('Report circulated to members on 19 October.');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice-success:has-text("Action A2007-09/1 completed")');
    const done = await store.meetings.action('A2007-09/1');
    expect(done).toMatchObject({
      status: 'complete',
      closingNote: 'Report circulated to members on 19 October.',
    });
    expect(done.updates.map((u) => u.kind)).toEqual(['note', 'reassigned', 'closing']);
    const row = page.locator('[data-testid="actions-table"] tbody tr').first();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="actions-table"]')
        ?.textContent?.includes('Closed: Report circulated'),
    );
    expect(await row.textContent()).not.toContain('Draft delayed');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
