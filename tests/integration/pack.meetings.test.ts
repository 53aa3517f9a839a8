// The pack's minutes and action log after issue 16: approved minutes say so, and an action closed
// since the last meeting shows its closing note instead of its last progress note.
import { afterEach, expect, it } from 'vitest';
import { boardMeeting, openTestApp, type TestApp } from '../fixtures/appServices';
import { readPdf } from '../support/pdf';

let app: TestApp;
afterEach(() => app?.close());

it('says the minutes were approved, and shows a completed action’s closing note, not “Latest: … delayed”', async () => {
  app = await openTestApp('2007-10-15T09:00:00.000Z');
  const september = await boardMeeting(app, '2007-09-20T10:00', '2007-08');
  const october = await boardMeeting(app, '2007-10-18T10:00', '2007-09');
  await app.call('meetings.addMinute', { meetingId: september.id, text: 'The board noted progress.' });
  const action = await app.call('actions.add', {
    meetingId: september.id,
    description: 'Report on the knife crime draft',
    owner: 'Strand 6 lead',
    dueDate: '2007-10-10',
  });
  await app.call('actions.note', { ref: action.ref, text: 'Draft delayed.' });
  await app.call('actions.complete', { ref: action.ref, note: 'Report circulated to members.' });
  await app.call('meetings.approveMinutes', {
    meetingId: september.id,
    approvedBy: 'Commander VCD',
    corrections: 'Item 3 reworded.',
  });
  const draft = await app.call('packs.buildDraft', {
    meetingId: october.id,
    sections: ['minutes', 'actions'],
  });
  const text = readPdf(Buffer.from(draft.pdfBase64, 'base64')).pageTexts().join('\n').replace(/\s+/g, ' ');
  expect(text).toMatch(/Approved on 18 October 2007 by Commander VCD\. Corrections noted: Item 3 reworded\./);
  expect(text).toMatch(/Closed: Report circulated to members\./);
  expect(text).not.toMatch(/Draft delayed/);
});
