// The store reads every row through a zod row schema: flags come back as booleans, JSON lists as
// lists, and a row that does not fit its schema is refused rather than passed on half-read. The
// store's write inputs are the contract's schemas, so their sentences are what a person reads.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/store/store';
import { newStore, onStoreDatabase } from '../fixtures/databases';

const AT = '2007-10-02T10:00:00.000Z';
let store: Store;

afterEach(async () => {
  await store?.close();
});

const september = {
  title: 'Serious Violence Strategy Board',
  heldAt: '2007-09-20T10:00',
  reportingMonth: '2007-09',
  chairs: ['Chair'],
  apologies: ['DCS Lead'],
};

describe('meetings read back through their row schemas', () => {
  it('gives lists as lists and the demo flag as a boolean', async () => {
    store = await newStore();
    const created = await store.meetings.create({ ...september, demo: true }, AT, 'Secretariat', [
      'Apologies',
    ]);
    expect(await store.meetings.get(created.id)).toEqual({
      id: created.id,
      title: 'Serious Violence Strategy Board',
      heldAt: '2007-09-20T10:00',
      place: '',
      reportingMonth: '2007-09',
      chairs: ['Chair'],
      members: [],
      attendees: [],
      apologies: ['DCS Lead'],
      absent: [],
      represented: [],
      visitors: [],
      demo: true,
      agendaVersion: 1,
    });
    const [item] = await store.meetings.agenda(created.id);
    expect(item).toMatchObject({
      position: 1,
      title: 'Apologies',
      packSection: null,
      minutesAllotted: 0,
      agendaVersion: 1,
    });
    const action = await store.meetings.addAction(
      { meetingId: created.id, description: 'Report back', owner: 'Chair', dueDate: '2007-10-01' },
      AT,
      'Secretariat',
    );
    expect(action).toMatchObject({ ref: 'A2007-09/1', status: 'open', demo: false, updates: [], version: 1 });
    const [shown] = await store.meetings.actions('2007-10-02', { meetingId: created.id });
    expect(shown.shownStatus).toBe('overdue');
  });

  it('edits a minute found by its own id, and says so when there is none', async () => {
    store = await newStore();
    const { id } = await store.meetings.create(september, AT, 'Secretariat');
    const minute = await store.meetings.addMinute(id, null, 'decision', ' Agreed. ', AT, 'Secretariat');
    expect(minute).toMatchObject({ meetingId: id, position: 1, kind: 'decision', text: 'Agreed.' });
    expect(await store.meetings.editMinute(minute.id, 'Agreed in full.', AT, 'Secretariat')).toMatchObject({
      id: minute.id,
      text: 'Agreed in full.',
    });
    await expect(store.meetings.editMinute(minute.id + 1, 'x', AT, 'Secretariat')).rejects.toThrow(
      `There is no minute ${minute.id + 1}.`,
    );
  });

  it('refuses a row that does not fit its schema instead of passing it on', async () => {
    store = await newStore();
    const { id } = await store.meetings.create(september, AT, 'Secretariat');
    await onStoreDatabase(store, (raw) =>
      raw.run(`UPDATE meetings SET chairs_json = '{"name":"Chair"}' WHERE id = ?`, id),
    );
    await expect(store.meetings.get(id)).rejects.toThrow(/expected array/);
  });
});

describe("the store's meeting inputs are the contract's, with its sentences", () => {
  it.each([
    [{ ...september, title: '  ' }, 'A meeting needs a title.'],
    [{ ...september, heldAt: '20 September 2007' }, 'The meeting time is written YYYY-MM-DDTHH:MM.'],
    [{ ...september, chairs: ['Chair', ' '] }, 'A name cannot be empty.'],
    [{ ...september, reportingMonth: '2007-13' }, 'A month is written YYYY-MM, for example 2007-09.'],
  ])('refuses %j with a sentence', async (input, sentence) => {
    store = await newStore();
    await expect(store.meetings.create(input, AT, 'Secretariat')).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_input', message: sentence }),
    );
  });

  it('refuses an action without an owner, or an agenda item without a title, in words', async () => {
    store = await newStore();
    const { id } = await store.meetings.create(september, AT, 'Secretariat');
    await expect(
      store.meetings.addAction({ meetingId: id, description: 'Report back', owner: ' ' }, AT, 'Secretariat'),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_input', message: 'An action needs an owner.' }),
    );
    await expect(store.meetings.setAgenda(id, [{ title: '' }], AT, 'Secretariat')).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_input', message: 'An agenda item needs a title.' }),
    );
  });
});

describe('other aggregates read back through their row schemas', () => {
  it('gives an objective its notes as a list and its flags as booleans', async () => {
    store = await newStore();
    const [objective] = await store.plan.objectives();
    expect(Array.isArray(objective.notes)).toBe(true);
    expect(typeof objective.repeated).toBe('boolean');
    expect(objective.retired).toBe(false);
    await onStoreDatabase(store, (raw) =>
      raw.run(`UPDATE objectives SET notes_json = '"a note"' WHERE ref = ?`, objective.ref),
    );
    await expect(store.plan.objective(objective.ref)).rejects.toThrow(/expected array/);
  });

  it('gives a person their retired flag as a boolean and an audit entry its records parsed', async () => {
    store = await newStore();
    const person = await store.people.save(
      { name: 'DI Reid', role: 'strand_lead', strandNumber: 2, email: '', retired: true },
      AT,
      'Secretariat',
    );
    expect(person).toMatchObject({ name: 'DI Reid', strandNumber: 2, retired: true });
    const [entry] = await store.audit.list({ entity: 'person' });
    expect(entry).toMatchObject({
      action: 'person.add',
      entityId: String(person.id),
      before: null,
      after: person,
    });
  });

  it('counts a month by strand and status, No update included', async () => {
    store = await newStore();
    await store.updates.save(
      {
        ref: '1.E.1',
        month: '2007-09',
        status: 'green',
        narrative: 'On track.',
        author: 'DI Reid',
        state: 'submitted',
      },
      AT,
    );
    const summary = await store.updates.monthSummary('2007-09');
    expect(summary.totals.green).toBe(1);
    expect(summary.totals.no_update).toBe(summary.total - 1);
    expect(await store.updates.reportedMonths()).toEqual(['2007-09']);
    expect(await store.updates.latestReportedMonth()).toBe('2007-09');
    expect((await store.updates.reported('2007-09')).get('1.E.1')).toMatchObject({
      status: 'green',
      demo: false,
    });
  });
});
