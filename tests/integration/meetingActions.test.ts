// A meeting's actions are read by its index on board_actions(meeting_id), not by loading the whole
// action log: the meeting screen shows its own actions and no other meeting's.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/store/store';
import { newStore } from '../fixtures/databases';

const AT = '2007-10-02T10:00:00.000Z';
let store: Store;
afterEach(() => store?.close());

async function meetingWithActions(heldAt: string, owners: string[]): Promise<number> {
  const { id } = await store.meetings.create(
    { title: 'Serious Violence Strategy Board', heldAt, reportingMonth: '2007-09' },
    AT,
    'Secretariat',
  );
  for (const owner of owners)
    await store.meetings.addAction(
      // Due on 1 October: before the October meeting, so kept only as confirmed.
      {
        meetingId: id,
        description: `Report back (${owner})`,
        owner,
        dueDate: '2007-10-01',
        confirmEarlyDue: true,
      },
      AT,
      'Secretariat',
    );
  return id;
}

describe("a meeting's actions", () => {
  it('are its own, with their shown status, and no other meeting’s', async () => {
    store = await newStore();
    const september = await meetingWithActions('2007-09-20T10:00', ['Chair', 'Head of Performance']);
    const october = await meetingWithActions('2007-10-18T10:00', ['DCS Lead']);

    const shown = await store.meetings.actions('2007-10-02', { meetingId: september });

    expect(shown.map((a) => [a.owner, a.meetingId, a.shownStatus])).toEqual([
      ['Chair', september, 'overdue'],
      ['Head of Performance', september, 'overdue'],
    ]);
    expect((await store.meetings.actions('2007-10-02', { meetingId: october })).map((a) => a.owner)).toEqual([
      'DCS Lead',
    ]);
    expect(await store.meetings.actions('2007-10-02')).toHaveLength(3);
  });
});
