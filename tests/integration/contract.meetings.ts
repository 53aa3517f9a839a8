// The contract test's rows for minutes that are corrected then approved, attendance from the
// roster and the action tracker (tests/integration/contract.test.ts runs them): each method through
// dispatch on a real store, and each refusal changing nothing.
import { expect } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { boardMeeting, type TestApp } from '../fixtures/appServices';

type Example = { behaviour: string; run: () => Promise<void> };
type MeetingsMethod =
  | 'meetings.removeMinute'
  | 'meetings.approveMinutes'
  | 'meetings.setAttendance'
  | Extract<
      MethodName,
      'actions.edit' | 'actions.note' | 'actions.complete' | 'actions.reopen' | 'actions.remove'
    >;

/** Two meetings, the first with a minute against its second agenda item. */
async function twoMeetings(app: TestApp) {
  const first = await boardMeeting(app, '2007-09-20T10:00', '2007-08');
  const second = await boardMeeting(app, '2007-10-18T10:00', '2007-09');
  const item = (await app.store.meetings.agenda(first.id))[1];
  const minute = await app.call('meetings.addMinute', {
    meetingId: first.id,
    agendaItemId: item.id,
    text: 'The board noted progress on Operation Blunt.',
  });
  return { first, second, minute };
}

/** An action raised at an 18 October meeting, due in November. */
async function raised(app: TestApp) {
  const meeting = await boardMeeting(app, '2007-10-18T10:00', '2007-09');
  return app.call('actions.add', {
    meetingId: meeting.id,
    description: 'Report on the knife crime draft',
    owner: 'Strand 6 lead',
    dueDate: '2007-11-15',
  });
}

export function meetingsExamples(app: () => TestApp): { [M in MeetingsMethod]: Example } {
  return {
    'meetings.removeMinute': {
      behaviour: 'removes a minute, audited with what it said',
      run: async () => {
        const { first, minute } = await twoMeetings(app());
        await app().call('meetings.removeMinute', { minuteId: minute.id });
        expect((await app().call('meetings.get', { id: first.id })).minutes).toEqual([]);
        const [entry] = await app().store.audit.list({ entity: 'meeting' });
        expect(entry.action).toBe('minute.remove');
      },
    },
    'meetings.approveMinutes': {
      behaviour:
        'records approval at the next meeting, after which the minutes are locked and refusals change nothing',
      run: async () => {
        const { first, second, minute } = await twoMeetings(app());
        const approval = await app().call('meetings.approveMinutes', {
          meetingId: first.id,
          approvedBy: 'Commander Violent Crime Directorate',
          corrections: 'Item 2: "Blunt 2" for "Blunt".',
        });
        expect(approval).toMatchObject({ approvedAtMeetingId: second.id, approvedOn: '2007-10-18' });
        const detail = await app().call('meetings.get', { id: second.id });
        expect(detail.previousApproval?.approvedBy).toBe('Commander Violent Crime Directorate');
        const before = await app().call('meetings.get', { id: first.id });
        const edit = await app().refusal('meetings.editMinute', { minuteId: minute.id, text: 'Changed.' });
        expect(edit).toMatchObject({ code: 'conflict' });
        expect(edit.message).toMatch(/approved on 18 October 2007 .* locked/);
        expect((await app().refusal('meetings.removeMinute', { minuteId: minute.id })).code).toBe('conflict');
        expect(
          (await app().refusal('meetings.addMinute', { meetingId: first.id, text: 'Late addition.' })).code,
        ).toBe('conflict');
        expect(
          (await app().refusal('meetings.approveMinutes', { meetingId: first.id, approvedBy: 'X' })).code,
        ).toBe('conflict');
        expect(await app().call('meetings.get', { id: first.id })).toEqual(before);
        const last = await app().refusal('meetings.approveMinutes', {
          meetingId: second.id,
          approvedBy: 'Chair',
        });
        expect(last.message).toMatch(/next meeting, and none is recorded yet/);
      },
    },
    'meetings.setAttendance': {
      behaviour: 'keeps each person in one state, with deputies and visitors, and refuses a person in two',
      run: async () => {
        const meeting = await boardMeeting(app());
        const set = await app().call('meetings.setAttendance', {
          meetingId: meeting.id,
          members: ['Head of Performance'],
          apologies: ['Borough Commander Lambeth'],
          absent: ['MPA member'],
          represented: [
            { member: 'Detective Chief Superintendent Violent Crime Directorate', deputy: 'DI Jones' },
          ],
          visitors: ['Home Office observer'],
        });
        expect(set).toMatchObject({ absent: ['MPA member'], visitors: ['Home Office observer'] });
        const refusal = await app().refusal('meetings.setAttendance', {
          meetingId: meeting.id,
          members: ['Head of Performance'],
          apologies: ['head of performance'],
        });
        expect(refusal).toMatchObject({ code: 'invalid_input' });
        expect(refusal.message).toMatch(/Head of Performance is listed as present and sent apologies/);
        expect((await app().call('meetings.get', { id: meeting.id })).meeting).toEqual(set);
      },
    },
    'actions.edit': {
      behaviour:
        'reassigns and redates an action, noting each, and asks before a due date earlier than the meeting',
      run: async () => {
        const action = await raised(app());
        const early = await app().refusal('actions.edit', { ref: action.ref, dueDate: '2007-10-01' });
        expect(early.code).toBe('needs_confirmation');
        expect(early.message).toMatch(/1 October 2007, is before the meeting .*18 October 2007/);
        expect((await app().store.meetings.action(action.ref)).dueDate).toBe('2007-11-15');
        const edited = await app().call('actions.edit', {
          ref: action.ref,
          owner: 'Strand 2 lead',
          dueDate: '2007-10-01',
          confirmEarlyDue: true,
        });
        expect(edited).toMatchObject({
          owner: 'Strand 2 lead',
          dueDate: '2007-10-01',
          shownStatus: 'overdue',
        });
        expect(edited.updates.map((u) => [u.kind, u.text])).toEqual([
          ['reassigned', 'Reassigned from Strand 6 lead to Strand 2 lead.'],
          ['edited', 'Due date 15 November 2007 changed to 1 October 2007.'],
        ]);
        const [entry] = await app().store.audit.list({ entity: 'board_action' });
        expect(entry).toMatchObject({ action: 'action.edit' });
      },
    },
    'actions.note': {
      behaviour: 'adds dated progress notes, by whom, in order',
      run: async () => {
        const action = await raised(app());
        await app().call('actions.note', { ref: action.ref, text: 'Draft delayed.' });
        const noted = await app().call('actions.note', { ref: action.ref, text: 'Draft with the chair.' });
        expect(noted.updates.map((u) => [u.at, u.author, u.text])).toEqual([
          ['2007-10-15T09:00:00.000Z', 'Secretariat', 'Draft delayed.'],
          ['2007-10-15T09:00:00.000Z', 'Secretariat', 'Draft with the chair.'],
        ]);
        expect((await app().refusal('actions.note', { ref: action.ref, text: ' ' })).code).toBe(
          'invalid_input',
        );
      },
    },
    'actions.complete': {
      behaviour: 'completes an action with its closing note',
      run: async () => {
        const action = await raised(app());
        await app().call('actions.note', { ref: action.ref, text: 'Draft delayed.' });
        const done = await app().call('actions.complete', {
          ref: action.ref,
          note: 'Report circulated on 12 October.',
        });
        expect(done).toMatchObject({ shownStatus: 'complete', completedOn: '2007-10-15' });
        expect(done.closingNote).toBe('Report circulated on 12 October.');
        expect((await app().refusal('actions.complete', { ref: action.ref, note: 'Again.' })).code).toBe(
          'conflict',
        );
      },
    },
    'actions.reopen': {
      behaviour: 'reopens a completed action, noting why, and drops its closing note',
      run: async () => {
        const action = await raised(app());
        await app().call('actions.complete', { ref: action.ref, note: 'Done.' });
        const open = await app().call('actions.reopen', { ref: action.ref, note: 'Figures were wrong.' });
        expect(open).toMatchObject({ status: 'open', completedOn: null, closingNote: null });
        expect(open.updates.at(-1)).toMatchObject({ kind: 'reopened', text: 'Figures were wrong.' });
      },
    },
    'actions.remove': {
      behaviour:
        'takes an action off the log with a reason, keeping its record; a removed action cannot be changed',
      run: async () => {
        const action = await raised(app());
        const removed = await app().call('actions.remove', { ref: action.ref, reason: 'Raised twice.' });
        expect(removed).toMatchObject({ removedOn: '2007-10-15', removedReason: 'Raised twice.' });
        expect(await app().call('actions.list')).toEqual([]);
        const refusal = await app().refusal('actions.note', { ref: action.ref, text: 'Anything.' });
        expect(refusal.message).toMatch(/was removed from the log on 15 October 2007 \(Raised twice.\)/);
        expect((await app().refusal('actions.remove', { ref: action.ref, reason: '' })).code).toBe(
          'invalid_input',
        );
      },
    },
  };
}
