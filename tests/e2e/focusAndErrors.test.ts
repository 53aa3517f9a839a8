// Keyboard users keep their place: after Accept, Return and "Revise this update" focus lands where
// the work continues and the live region says what happened. Refusals about one field are tied to
// it (aria-invalid, aria-describedby) with the cursor moved there, in the board's own words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppUnderTest } from './harness';

const MONTH = '2007-09';
const STRAND = 3;
let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp({ demoMonths: 6, now: '2007-10-01T09:00:00Z' });
});

afterAll(async () => {
  await app?.close();
});

async function refsIn(state: string): Promise<string[]> {
  return [...(await app.store.updates.working(MONTH, STRAND)).values()]
    .filter((u) => u.state === state)
    .map((u) => u.ref);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return {
      id: e?.id ?? '',
      invalid: e?.getAttribute('aria-invalid') ?? null,
      described: e?.getAttribute('aria-describedby')
        ? (document.getElementById(e.getAttribute('aria-describedby') ?? '')?.textContent ?? '')
        : '',
    };
  });

async function openRow(page: Page, ref: string): Promise<void> {
  await page.click(`[data-testid="updates-grid"] tr[data-ref="${ref}"]`);
  await page.waitForSelector(`[data-testid="update-panel"] h2:has-text("${ref}")`);
}

describe('focus after workflow actions', () => {
  it('returns to the grid after Accept and Return, and to the status after Revise, saying what happened', async () => {
    const { page } = app;
    await app.goto(`#/updates/${STRAND}`);
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${STRAND}"][data-ready="true"]`);
    const [toAccept, toReturn] = await refsIn('submitted');
    const [accepted] = await refsIn('accepted');

    await openRow(page, toAccept);
    await page.click(`button:has-text("Accept ${toAccept}")`);
    await page.waitForSelector(`.notice:has-text("${toAccept} accepted.")`);
    expect((await focused(page)).id).toBe('updates-grid-focus');
    // The grid's keys work at once: j moves to the next row.
    const before = await page.getAttribute('tr[aria-current="true"]', 'data-ref');
    await page.keyboard.press('j');
    expect(await page.getAttribute('tr[aria-current="true"]', 'data-ref')).not.toBe(before);

    await openRow(page, toReturn);
    await page.click('button:has-text("Return with a comment")');
    expect((await focused(page)).id).toBe('return-comment');
    await page.click(`button:has-text("Return ${toReturn}")`);
    expect(await focused(page)).toEqual({
      id: 'return-comment',
      invalid: 'true',
      described: 'Say why the update is being returned, so the strand lead knows what to change.',
    });
    await page.fill('#return-comment', 'Say which boroughs have signed.');
    await page.click(`button:has-text("Return ${toReturn}")`);
    await page.waitForSelector(`.notice:has-text("${toReturn} returned to the strand lead.")`);
    expect((await focused(page)).id).toBe('updates-grid-focus');

    await openRow(page, accepted);
    await page.click('button:has-text("Revise this update")');
    await page.waitForSelector(`.notice:has-text("Revising ${accepted}")`);
    expect(await page.evaluate(() => document.activeElement?.closest('.status-choice') !== null)).toBe(true);
  });
});

describe('errors tied to their fields', () => {
  it('ties the missing date of a new meeting to the date field and moves the cursor there', async () => {
    const { page } = app;
    await app.goto('#/meetings/new');
    await page.waitForSelector('#meeting-when');
    await page.click('button:has-text("Plan meeting")');
    expect(await focused(page)).toEqual({
      id: 'meeting-when',
      invalid: 'true',
      described: 'Give the date and time of the meeting.',
    });
    expect(await page.$('[role="alert"]:has-text("Give the date")')).toBeNull();
  });

  it('ties an empty minute and an empty action to their fields, with no field names in the words', async () => {
    const { page } = app;
    const meeting = (await app.store.meetings.list()).at(-1);
    await app.goto(`#/meetings/${meeting?.id}`);
    await page.waitForSelector('[data-testid="agenda"]');
    const form = page.locator('form.add-minute').first();
    await form.locator('button[type="submit"]').click();
    const minute = await focused(page);
    expect(minute.invalid).toBe('true');
    expect(minute.described).toBe('A minute cannot be empty: write it, then add it.');

    await page.click('button:has-text("Raise action")');
    expect(await focused(page)).toEqual({
      id: 'action-description',
      invalid: 'true',
      described: 'Say what is to be done.',
    });
    expect(await page.textContent('#action-owner-error')).toBe('Name who owns the action.');
    await page.fill('#action-description', 'Circulate the knife crime profile.');
    await page.fill('#action-owner', 'Head of Performance');
    await page.click('button:has-text("Raise action")');
    // An owner who is not on the People roster is asked about first; this one is raised without adding.
    await page.click('button:has-text("Go on without adding")');
    await page.waitForSelector('.notice:has-text("raised for Head of Performance")');
    expect(await page.$('#action-description[aria-invalid="true"]')).toBeNull();
    expect(await page.$('#action-owner-error')).toBeNull();
    const text = await page.textContent('main');
    expect(text).not.toMatch(/\((text|description|owner)\)/);
  });
});
