// Agenda edits are never left out of a pack without a word: leaving the meeting saves them; edits
// that could not be saved are kept, and building the pack asks first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let meetingId: number;

beforeAll(async () => {
  app = await openApp({ demoMonths: 6, now: '2007-10-01T09:00:00Z' });
  const meeting = (await app.store.meetings.list()).at(-1);
  if (!meeting) throw new Error('the demo has no meeting');
  meetingId = meeting.id;
});

afterAll(async () => {
  await app?.close();
});

describe('unsaved agenda edits', () => {
  it('saves them on leaving the meeting and says so', async () => {
    const { page, store } = app;
    await app.goto(`#/meetings/${meetingId}`);
    await page.waitForSelector('[data-testid="agenda"]');
    const first = (await store.meetings.agenda(meetingId))[0];
    await page.fill(`#agenda-i${first.id}-presenter`, 'Deputy Chair');
    await page.click('nav >> text=Home');
    await page.waitForSelector('.notice:has-text("saved as you left the meeting")');
    expect((await store.meetings.agenda(meetingId))[0].presenter).toBe('Deputy Chair');
  });

  it('keeps edits that could not be saved and asks before building the pack without them', async () => {
    const { page, store } = app;
    await app.goto(`#/meetings/${meetingId}`);
    await page.waitForSelector('[data-testid="agenda"]');
    const first = (await store.meetings.agenda(meetingId))[0];
    await page.fill(`#agenda-i${first.id}-title`, '');
    await page.click('nav >> text=Board pack');
    await page.waitForSelector('.notice-error:has-text("Your agenda changes were not saved")');
    expect((await store.meetings.agenda(meetingId))[0].title).toBe(first.title);
    await page.waitForSelector('h1#pack-title');
    await page.click('button:has-text("Build draft")');
    await page.waitForSelector('[data-testid="unsaved-agenda"]');
    expect(await page.textContent('[data-testid="unsaved-agenda"]')).toContain('were not saved');
    expect(await page.$('[data-testid="draft-view"]')).toBeNull();
  });
});
