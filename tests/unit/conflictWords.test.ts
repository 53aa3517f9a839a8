// The sentences that refuse a change another desk made first name who, when (on the desk's own
// clock) and which desk, and say what the person can do.
import { describe, expect, it } from 'vitest';
import {
  deskLabel,
  editConflictSentence,
  LOOK_FIRST,
  packIssuedSentence,
  whenWords,
} from '../../shared/conflictWords';

const JO = { actor: 'Jo Bloggs', at: '2008-06-10T13:02:30.000Z', desk: 'SVB-LAPTOP/3f9a2c' };

describe('the words of an edit conflict', () => {
  it('names who changed the record, at what time on their clock and at which desk', () => {
    expect(
      editConflictSentence('this update', JO, '2008-06-10T13:05:00.000Z', { timeZone: 'Europe/London' }),
    ).toBe(
      'Jo Bloggs changed this update at 14:02 on SVB-LAPTOP since you opened it. Your version is kept on screen: choose which to keep.',
    );
    expect(
      editConflictSentence('this update', JO, '2008-06-10T13:05:00.000Z', { timeZone: 'UTC' }),
    ).toContain('at 13:02 on SVB-LAPTOP');
  });

  it('gives the date as well when the change was made on an earlier day', () => {
    expect(whenWords(JO.at, '2008-06-11T08:00:00.000Z', 'Europe/London')).toBe('on 10 June 2008 at 14:02');
    // Just after midnight in London is still the day before in UTC: the day is the desk's own.
    expect(whenWords('2008-06-10T23:30:00.000Z', '2008-06-11T00:10:00.000Z', 'Europe/London')).toBe(
      'at 00:30',
    );
  });

  it('leaves out the desk when the change was made before desks were recorded', () => {
    expect(
      editConflictSentence('action A2008-05/2', { ...JO, desk: '' }, '2008-06-10T14:00:00Z', {
        timeZone: 'UTC',
        advice: LOOK_FIRST,
      }),
    ).toBe(
      'Jo Bloggs changed action A2008-05/2 at 13:02 since you opened it. Their version is on screen now: look at it before you try again.',
    );
    expect(deskLabel('SVB-LAPTOP/3f9a2c')).toBe('SVB-LAPTOP');
  });

  it('says someone else changed it when no audit row names the change', () => {
    expect(editConflictSentence('this agenda', null, '2008-06-10T14:00:00Z')).toBe(
      'Someone else changed this agenda since you opened it. Your version is kept on screen: choose which to keep.',
    );
  });
});

describe('the words of a pack issued first by another desk', () => {
  it('names the version, when and where it was issued, by whom, and the version to build next', () => {
    expect(
      packIssuedSentence(
        { version: 3, issuedAt: '2008-06-10T13:05:00.000Z', issuedBy: 'Jo Bloggs', desk: JO.desk },
        '2008-06-10T13:06:00.000Z',
        'Europe/London',
      ),
    ).toBe(
      'Version 3 of this pack was issued at 14:05 on SVB-LAPTOP by Jo Bloggs; build again to issue version 4.',
    );
  });
});
