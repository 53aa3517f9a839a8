// Through the contract, as every door calls it: a save from a version another desk has moved on is
// refused with edit_conflict, a sentence, and the record as it is now in the method's output shape.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardActionSchema } from '../../shared/contract';
import { updateSchema } from '../../shared/domain';
import { openStore, type Store } from '../../electron/store/store';
import { APP_NOW, boardMeeting, openTestApp, type TestApp } from '../fixtures/appServices';
import { locationOf } from '../fixtures/databases';

const REF = '2.E.3';
const MONTH = '2007-10';
const BY_JO = (what: string) =>
  new RegExp(`^Jo Bloggs changed ${what} at \\d\\d:\\d\\d on SVB-LAPTOP since you opened it\\.`);

let app: TestApp;
let laptop: Store;

beforeEach(async () => {
  app = await openTestApp();
  laptop = await openStore(await locationOf(app.store), {
    clock: () => new Date(APP_NOW),
    desk: 'SVB-LAPTOP/bbbbbb',
  });
});

afterEach(async () => {
  await laptop?.close();
  await app?.close();
});

describe('an edit conflict through the contract', () => {
  it('refuses updates.saveDraft from an old version, carrying the update as it is now', async () => {
    const opened = await app.call('updates.saveDraft', {
      ref: REF,
      month: MONTH,
      status: 'green',
      narrative: 'Begun.',
    });
    expect(opened.version).toBe(1);
    const theirs = await laptop.updates.save(
      {
        ref: REF,
        month: MONTH,
        status: 'red',
        narrative: 'Funding withdrawn.',
        author: 'Jo Bloggs',
        state: 'draft',
        baseVersion: 1,
      },
      APP_NOW,
    );

    const refused = await app.refusal('updates.saveDraft', {
      ref: REF,
      month: MONTH,
      status: 'green',
      narrative: 'On track.',
      baseVersion: opened.version,
    });

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(BY_JO('this update'));
    expect(updateSchema.parse(refused.current)).toEqual(theirs);
    expect(app.logged).toEqual([]);
    // Keep mine: the same save from the version now held.
    const mine = await app.call('updates.saveDraft', {
      ref: REF,
      month: MONTH,
      status: 'green',
      narrative: 'On track.',
      baseVersion: theirs.version,
    });
    expect(mine).toMatchObject({ narrative: 'On track.', version: 3 });
  });

  it('refuses accepting an update from an old version, carrying the update as it is now', async () => {
    await app.call('updates.saveDraft', { ref: REF, month: MONTH, status: 'green', narrative: 'Begun.' });
    const submitted = await app.call('updates.submit', { ref: REF, month: MONTH, baseVersion: 1 });
    const returned = await laptop.updates.transition(
      REF,
      MONTH,
      'return',
      'Jo Bloggs',
      APP_NOW,
      'Which boroughs?',
    );
    const refused = await app.refusal('updates.accept', {
      ref: REF,
      month: MONTH,
      baseVersion: submitted.version,
    });
    expect(refused).toMatchObject({
      code: 'edit_conflict',
      current: { state: 'returned', version: returned.version },
    });
  });

  it('refuses meetings.setAgenda from an old version, carrying the agenda as it is now', async () => {
    const meeting = await boardMeeting(app);
    expect(meeting.agendaVersion).toBe(1);
    const seen = (await app.call('meetings.get', { id: meeting.id })).agenda;
    const theirs = await laptop.meetings.setAgenda(meeting.id, seen.slice(1), APP_NOW, 'Jo Bloggs', 1);

    const refused = await app.refusal('meetings.setAgenda', {
      meetingId: meeting.id,
      items: [...seen].reverse(),
      baseVersion: 1,
    });

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(BY_JO('this agenda'));
    expect(refused.current).toEqual(theirs);
    expect((await app.call('meetings.get', { id: meeting.id })).meeting.agendaVersion).toBe(2);
  });

  it('refuses actions.edit from an old version, carrying the action as the tracker shows it', async () => {
    const meeting = await boardMeeting(app);
    const action = await app.call('actions.add', {
      meetingId: meeting.id,
      description: 'Report on knife arches',
      owner: 'DCS Lead',
      dueDate: '2007-12-01',
    });
    await laptop.meetings.editAction(action.ref, { owner: 'Head of Performance' }, APP_NOW, 'Jo Bloggs');

    const refused = await app.refusal('actions.edit', {
      ref: action.ref,
      description: 'Report on knife arches at stations',
      baseVersion: action.version,
    });

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(BY_JO(`action ${action.ref}`));
    expect(boardActionSchema.parse(refused.current)).toMatchObject({
      owner: 'Head of Performance',
      description: 'Report on knife arches',
      shownStatus: 'open',
      version: 2,
    });
  });

  it('refuses packs.issue of a version another desk issued, in words', async () => {
    const meeting = await boardMeeting(app);
    await app.call('packs.issue', { meetingId: meeting.id, sections: ['cover'], version: 1 });
    const refused = await app.refusal('packs.issue', {
      meetingId: meeting.id,
      sections: ['cover'],
      version: 1,
    });
    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(
      /^Version 1 of this pack was issued at \d\d:\d\d on [^ ]+ by Secretariat; build again to issue version 2\.$/,
    );
    expect(refused.current).toBeUndefined();
  });
});
