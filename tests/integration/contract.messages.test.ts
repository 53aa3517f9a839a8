// Refusals read as sentences for a person: the contract's own messages carry no internal field
// name after them; zod's generic wording still names the field for a program calling it wrongly.
import { afterEach, describe, expect, it } from 'vitest';
import { boardMeeting, openTestApp, type TestApp } from '../fixtures/appServices';

let app: TestApp;
afterEach(() => app?.close());

describe('refusal messages', () => {
  it('says "A minute cannot be empty." and "An action needs a description." with no field id after them', async () => {
    app = await openTestApp();
    const meeting = await boardMeeting(app, '2007-11-05T10:00', '2007-10');
    expect((await app.refusal('meetings.addMinute', { meetingId: meeting.id, text: '  ' })).message).toBe(
      'A minute cannot be empty.',
    );
    expect(
      (await app.refusal('actions.add', { meetingId: meeting.id, description: '', owner: 'Chair' })).message,
    ).toBe('An action needs a description.');
  });

  it('names the field when the message is zod’s own wording', async () => {
    app = await openTestApp();
    const refused = await app.raw('meetings.addMinute', { meetingId: 1 });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/\(text\)$/) } });
  });
});
