// The plan and the meetings, in Chromium against the bridge on a fresh database: the plan is edited
// (add, reword, retire after asking, un-retire) and a meeting is planned, its agenda reordered from the keyboard (surviving
// a reload before it is saved), minuted, and an action raised that the action log shows as overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';

let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z' });
});

afterAll(async () => {
  await app?.close();
});

describe('plan', () => {
  it('adds an objective from this month, rewords it, retires it after asking, and un-retires it', async () => {
    const { page, store } = app;
    const before = (await store.plan.objectives({ strandNumber: 2 })).length;
    await app.goto('#/plan');
    await page.waitForSelector('.objectives-table');
    await page.click('button:has-text("Add an objective")');
    await page.selectOption('#add-strand', '2');
    await page.selectOption('#add-theme', 'E');
    await page.fill('#add-text', 'Audit every rape investigation file at 28 days.');
    await page.selectOption('#add-year', 'Year 2');
    await page.click('button:has-text("Add objective")');
    await page.waitForSelector('.notice-success');
    const added = (await store.plan.objectives({ strandNumber: 2 })).find((o) =>
      o.text.startsWith('Audit every rape'),
    );
    expect(added).toBeDefined();
    expect(added?.year).toBe('Year 2');
    expect((await store.plan.objectives({ strandNumber: 2 })).length).toBe(before + 1);
    const ref = added?.ref ?? '';
    // Added in March 2008, it is not "No update" in February.
    expect(added?.startMonth).toBe('2008-03');
    expect(
      (await store.plan.objectives({ strandNumber: 2, month: '2008-02' })).some((o) => o.ref === ref),
    ).toBe(false);

    await page.fill('#objective-search', ref);
    await page.click(`button:has-text("Reword ${ref}")`);
    await page.fill(
      `#reword-${ref.replace(/\./g, '\\.')}-text`,
      'Audit every rape investigation file at 28 and 56 days.',
    );
    await page.click('button:has-text("Save wording")');
    await page.waitForFunction(() =>
      document.querySelector('.objectives-table')?.textContent?.includes('28 and 56 days'),
    );
    expect((await store.plan.objective(ref)).text).toBe(
      'Audit every rape investigation file at 28 and 56 days.',
    );

    await page.click(`button:has-text("Retire ${ref}")`);
    await page.selectOption(`#retire-${ref.replace(/\./g, '\\.')}-month`, '2008-06');
    await page.click(`form button:has-text("Retire ${ref}")`);
    await page.waitForSelector('[role="alertdialog"]:has-text("Retire")');
    expect((await store.plan.objective(ref)).retired).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Yes, retire ${ref}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('.notice-success')?.textContent?.includes('retired'),
    );
    expect((await store.plan.objective(ref)).retired).toBe(true);
    expect(
      (await store.plan.objectives({ strandNumber: 2, month: '2008-05' })).some((o) => o.ref === ref),
    ).toBe(true);
    expect(
      (await store.plan.objectives({ strandNumber: 2, month: '2008-06' })).some((o) => o.ref === ref),
    ).toBe(false);
    expect((await store.audit.list({ entity: 'objective' }))[0].action).toBe('objective.retire');

    await page.check('text=Show retired objectives');
    await page.click(`button:has-text("Un-retire ${ref}")`);
    await page.waitForFunction(() =>
      document.querySelector('.notice-success')?.textContent?.includes('un-retired'),
    );
    expect(await store.plan.objective(ref)).toMatchObject({ retired: false, retiredFrom: null });
    expect((await store.audit.list({ entity: 'objective' }))[0].action).toBe('objective.unretire');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('meetings', () => {
  it('plans a meeting from the standing agenda, reorders it by keyboard, minutes it and raises an action', async () => {
    const { page, store } = app;
    await app.goto('#/meetings');
    await page.waitForSelector('text=No meetings yet');
    await page.click('a:has-text("Plan the first meeting")');
    await page.fill('#meeting-when', '2008-04-17T10:00');
    await page.fill('#meeting-place', 'New Scotland Yard');
    await page.click('button:has-text("Plan meeting")');
    await page.waitForSelector('[data-testid="agenda"]');
    const [meeting] = await store.meetings.list();
    expect(meeting.heldAt).toBe('2008-04-17T10:00');
    const standing = (await store.plan.detail()).standingAgenda;
    expect((await store.meetings.agenda(meeting.id)).map((a) => a.title)).toEqual(standing);

    // Move the first item down one place with the keyboard, then save.
    const firstId = (await store.meetings.agenda(meeting.id))[0].id;
    await tabTo(page, `#agenda-i${firstId}-down`, 120);
    await page.keyboard.press('Enter');
    // Leaving before saving loses nothing: a reload brings the unsaved order back.
    await page.reload();
    await page.waitForSelector('[data-testid="agenda"] .callout');
    expect((await store.meetings.agenda(meeting.id))[0].id).toBe(firstId);
    await page.click('button:has-text("Save agenda")');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="agenda"]')?.textContent?.includes('not saved yet') === false,
    );
    expect((await store.meetings.agenda(meeting.id)).map((a) => a.title)).toEqual([
      standing[1],
      standing[0],
      ...standing.slice(2),
    ]);

    const item = (await store.meetings.agenda(meeting.id))[0];
    await page.selectOption(`#minute-${item.id}-kind`, 'decision');
    await page.fill(`#minute-${item.id}-text`, 'The board agreed the revised reporting template.');
    await page.click(`button:has-text("Add to item 1")`);
    await page.waitForSelector('.minute-list .decision');
    expect(await store.meetings.minutes(meeting.id)).toMatchObject([
      { kind: 'decision', agendaItemId: item.id },
    ]);

    await page.fill('#action-description', 'Circulate the template to strand leads.');
    await page.fill('#action-owner', 'Board secretariat');
    await page.fill('#action-due', '2008-03-01');
    await page.click('button:has-text("Raise action")');
    // A name not on the roster is asked about, and so is a due date before the meeting.
    await page.click('button:has-text("Go on without adding")');
    await page.waitForSelector('[role="alertdialog"]:has-text("before the meeting that raised the action")');
    expect(await store.meetings.actions(store.today())).toEqual([]);
    await page.click('button:has-text("Keep this date and raise")');
    await page.waitForSelector('[data-testid="actions-table"]');
    const [action] = await store.meetings.actions(store.today());
    expect(action).toMatchObject({ owner: 'Board secretariat', shownStatus: 'overdue' });
    expect(await seriousViolations(page)).toEqual([]);

    await app.goto('#/meetings/actions');
    await page.selectOption('#actions-status', 'overdue');
    await page.waitForSelector(`[data-testid="actions-table"] >> text=${action.ref}`);
    expect(await page.textContent('[data-testid="actions-table"]')).toContain('Overdue');
  });
});
