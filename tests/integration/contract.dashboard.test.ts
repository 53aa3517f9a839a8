// The dashboard's "before the pack can be issued" checklist is about the next meeting's reporting
// month, whichever month is on screen, and counts only what is really outstanding.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/generate';
import { acceptedUpdate, boardMeeting, openTestApp, type TestApp } from '../fixtures/appServices';

let app: TestApp;
afterEach(() => app?.close());

describe('the dashboard’s next meeting', () => {
  it('counts what is left for the meeting’s own month, not the month on screen', async () => {
    app = await openTestApp();
    await boardMeeting(app, '2007-11-05T10:00', '2007-10');
    await acceptedUpdate(app, '1.E.1', '2007-10', 'green');
    await app.call('updates.saveDraft', {
      ref: '1.E.2',
      month: '2007-10',
      status: 'amber',
      narrative: 'Slipping.',
    });
    await app.call('updates.submit', { ref: '1.E.2', month: '2007-10' });
    const september = await app.call('dashboard.get', { month: '2007-09' });
    const october = await app.call('dashboard.get', { month: '2007-10' });
    expect(september.missing).toHaveLength(september.total);
    expect(september.nextMeeting?.checklist).toEqual(october.nextMeeting?.checklist);
    const items = Object.fromEntries(october.nextMeeting!.checklist.map((c) => [c.key, c.count]));
    expect(items.missing_updates).toBe(october.total - 2);
    expect(items.awaiting_acceptance).toBe(1);
    expect(items.drafts_not_submitted).toBe(0);
  });

  it('is none when no meeting is ahead', async () => {
    app = await openTestApp();
    await boardMeeting(app, '2007-09-03T10:00', '2007-08');
    expect((await app.call('dashboard.get')).nextMeeting).toBeNull();
  });

  it('is the demo’s meeting not yet held, years later, and the app opens on the month it reports on', async () => {
    app = await openTestApp('2026-12-06T09:00:00.000Z');
    await loadDemo(app.store, { months: 6 });
    const next = (await app.call('dashboard.get')).nextMeeting;
    expect(next?.meeting.heldAt).toBe('2007-10-18T10:00');
    expect(next?.meeting.reportingMonth).toBe('2007-09');
    expect((await app.call('months.list')).nextMeetingMonth).toBe('2007-09');
  });
});
