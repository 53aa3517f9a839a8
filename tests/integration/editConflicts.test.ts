// Two desks on one database, a file or (in store-postgres) one on the test server: two stores, each
// with its own connection and desk name, read the same version of an update, an agenda or an
// action; the first save wins, the second is refused with a sentence naming who changed it, when
// and where, and nothing of it is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHOOSE_A_VERSION, LOOK_FIRST } from '../../shared/conflictWords';
import { BoardPackError } from '../../shared/errors';
import { openStore, type Store } from '../../electron/store/store';
import { countRowsIn, newDatabaseLocation, tempDir } from '../fixtures/databases';

const AT = '2007-10-15T13:02:00.000Z';
const REF = '2.E.3';
const MONTH = '2007-10';
const JO_AT_LAPTOP = (what: string, advice = CHOOSE_A_VERSION) =>
  new RegExp(`^Jo Bloggs changed ${what} at \\d\\d:\\d\\d on SVB-LAPTOP since you opened it\\. ${advice}$`);

let location: string;
let secretariat: Store;
let laptop: Store;

beforeEach(async () => {
  location = await newDatabaseLocation(tempDir(), 'board.db');
  const clock = () => new Date(AT);
  secretariat = await openStore(location, { clock, desk: 'SVB-DESK-1/aaaaaa' });
  laptop = await openStore(location, { clock, desk: 'SVB-LAPTOP/bbbbbb' });
});

afterEach(async () => {
  await secretariat?.close();
  await laptop?.close();
});

/** The refusal a save ended with; fails the test when it was not refused. */
async function refusal(saving: Promise<unknown>): Promise<BoardPackError> {
  const error: unknown = await saving.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BoardPackError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

const auditRows = (entity: string, entityId: string) =>
  countRowsIn(
    secretariat,
    'SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ?',
    entity,
    entityId,
  );

function draft(narrative: string, author: string, baseVersion?: number) {
  return {
    ref: REF,
    month: MONTH,
    status: 'amber' as const,
    narrative,
    author,
    state: 'draft' as const,
    baseVersion,
  };
}

describe("two desks saving the same objective's update", () => {
  it('keeps the first save of a draft and refuses the second with who, when and where, writing nothing', async () => {
    await secretariat.updates.save(draft('Started.', 'Secretariat'), AT);
    const seen = await secretariat.updates.current(REF, MONTH);
    expect(seen?.version).toBe(1);
    expect((await laptop.updates.current(REF, MONTH))?.version).toBe(1);
    const auditBefore = await auditRows('update', `${REF}@${MONTH}`);

    const first = await laptop.updates.save(draft('Two boroughs are behind.', 'Jo Bloggs', 1), AT);
    expect(first.version).toBe(2);
    const refused = await refusal(secretariat.updates.save(draft('All on track.', 'Secretariat', 1), AT));

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(JO_AT_LAPTOP('this update'));
    expect(refused.current).toEqual(first);
    expect(await secretariat.updates.current(REF, MONTH)).toMatchObject({
      narrative: 'Two boroughs are behind.',
      author: 'Jo Bloggs',
      version: 2,
    });
    expect(await auditRows('update', `${REF}@${MONTH}`)).toBe(auditBefore + 1);
    expect(
      await countRowsIn(secretariat, "SELECT count(*) FROM audit_log WHERE desk = 'SVB-LAPTOP/bbbbbb'"),
    ).toBe(1);

    // Keeping mine is saving again from the version now held: it goes through as version 3.
    const mine = await secretariat.updates.save(draft('All on track.', 'Secretariat', 2), AT);
    expect(mine).toMatchObject({ narrative: 'All on track.', version: 3, revision: 1 });
  });

  it('refuses a second new revision of an accepted update, keeping one revision and its count', async () => {
    await secretariat.updates.save({ ...draft('Done.', 'Secretariat'), status: 'green' }, AT);
    await secretariat.updates.transition(REF, MONTH, 'submit', 'Secretariat', AT);
    const accepted = await secretariat.updates.transition(REF, MONTH, 'accept', 'Secretariat', AT);
    expect(accepted).toMatchObject({ state: 'accepted', version: 3, revision: 1 });

    const revised = await laptop.updates.save(draft('Slipped after all.', 'Jo Bloggs', 3), AT);
    expect(revised).toMatchObject({ revision: 2, version: 4, state: 'draft' });
    const refused = await refusal(secretariat.updates.save(draft('Still done.', 'Secretariat', 3), AT));

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(JO_AT_LAPTOP('this update'));
    expect(
      (await secretariat.updates.history(REF, MONTH)).map((u) => [u.revision, u.version, u.narrative]),
    ).toEqual([
      [2, 4, 'Slipped after all.'],
      [1, 3, 'Done.'],
    ]);
  });

  it("refuses the second desk's first update of an objective when the first desk wrote one meanwhile", async () => {
    expect(await laptop.updates.current(REF, MONTH)).toBeUndefined();
    await laptop.updates.save(draft('First word.', 'Jo Bloggs', 0), AT);
    const refused = await refusal(
      secretariat.updates.save(draft('Another first word.', 'Secretariat', 0), AT),
    );
    expect(refused.code).toBe('edit_conflict');
    expect((await secretariat.updates.history(REF, MONTH)).map((u) => u.narrative)).toEqual(['First word.']);
  });

  it('refuses accepting an update the other desk returned meanwhile', async () => {
    await secretariat.updates.save({ ...draft('Done.', 'Secretariat'), status: 'green' }, AT);
    const submitted = await secretariat.updates.transition(REF, MONTH, 'submit', 'Secretariat', AT);
    await laptop.updates.transition(
      REF,
      MONTH,
      'return',
      'Jo Bloggs',
      AT,
      'Say which boroughs.',
      submitted.version,
    );
    const refused = await refusal(
      secretariat.updates.transition(REF, MONTH, 'accept', 'Secretariat', AT, '', submitted.version),
    );
    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(JO_AT_LAPTOP('this update', LOOK_FIRST));
    expect(await secretariat.updates.current(REF, MONTH)).toMatchObject({ state: 'returned' });
  });

  it('saves over the other desk when no base version is named, as the command line does', async () => {
    await secretariat.updates.save(draft('Started.', 'Secretariat'), AT);
    await laptop.updates.save(draft('Laptop words.', 'Jo Bloggs', 1), AT);
    const saved = await secretariat.updates.save(draft('Command line words.', 'Secretariat'), AT);
    expect(saved).toMatchObject({ narrative: 'Command line words.', version: 3 });
  });
});

describe("two desks saving the same meeting's agenda", () => {
  it('keeps the first agenda and refuses the second with who, when and where, writing nothing', async () => {
    const meeting = await secretariat.meetings.create(
      { title: 'Serious Violence Strategy Board', heldAt: '2007-11-05T10:00', reportingMonth: MONTH },
      AT,
      'Secretariat',
      ['Apologies', 'Minutes of the last meeting'],
    );
    const seen = await secretariat.meetings.agenda(meeting.id);
    expect(seen.map((a) => a.agendaVersion)).toEqual([1, 1]);
    expect((await laptop.meetings.get(meeting.id)).agendaVersion).toBe(1);

    const first = await laptop.meetings.setAgenda(
      meeting.id,
      [...seen, { title: 'Knife crime problem profile', presenter: 'MIB' }],
      AT,
      'Jo Bloggs',
      1,
    );
    expect(first.map((a) => a.agendaVersion)).toEqual([2, 2, 2]);
    const refused = await refusal(
      secretariat.meetings.setAgenda(meeting.id, [seen[1], seen[0]], AT, 'Secretariat', 1),
    );

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(JO_AT_LAPTOP('this agenda'));
    expect(refused.current).toEqual(first);
    expect((await secretariat.meetings.agenda(meeting.id)).map((a) => a.title)).toEqual([
      'Apologies',
      'Minutes of the last meeting',
      'Knife crime problem profile',
    ]);
    expect(
      await countRowsIn(
        secretariat,
        "SELECT count(*) FROM audit_log WHERE action = 'agenda.set' AND entity_id = ?",
        String(meeting.id),
      ),
    ).toBe(1);
  });
});

describe('two desks changing the same board action', () => {
  async function raised() {
    const meeting = await secretariat.meetings.create(
      { title: 'Serious Violence Strategy Board', heldAt: '2007-10-04T10:00', reportingMonth: '2007-09' },
      AT,
      'Secretariat',
    );
    return secretariat.meetings.addAction(
      {
        meetingId: meeting.id,
        description: 'Report on knife arches',
        owner: 'DCS Lead',
        dueDate: '2007-11-01',
      },
      AT,
      'Secretariat',
    );
  }

  it('keeps the first edit and refuses the second with who, when and where, writing nothing', async () => {
    const action = await raised();
    expect(action.version).toBe(1);
    expect((await laptop.meetings.action(action.ref)).version).toBe(1);

    const first = await laptop.meetings.editAction(
      action.ref,
      { owner: 'Head of Performance', baseVersion: 1 },
      AT,
      'Jo Bloggs',
    );
    expect(first.version).toBe(2);
    const refused = await refusal(
      secretariat.meetings.editAction(
        action.ref,
        { description: 'Report on knife arches at stations', baseVersion: 1 },
        AT,
        'Secretariat',
      ),
    );

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(JO_AT_LAPTOP(`action ${action.ref}`));
    expect(refused.current).toMatchObject({ ...first, shownStatus: 'open' });
    expect(await secretariat.meetings.action(action.ref)).toMatchObject({
      description: 'Report on knife arches',
      owner: 'Head of Performance',
      version: 2,
    });
    expect(await auditRows('board_action', action.ref)).toBe(2);
  });

  it('refuses a note, a completion or a removal started from a version the other desk has moved on', async () => {
    const action = await raised();
    await laptop.meetings.addNote(action.ref, 'Chased the owner.', AT, 'Jo Bloggs', 1);
    for (const stale of [
      secretariat.meetings.addNote(action.ref, 'Spoke to the owner.', AT, 'Secretariat', 1),
      secretariat.meetings.completeAction(action.ref, 'Arches bought.', '2007-10-15', AT, 'Secretariat', 1),
      secretariat.meetings.removeAction(action.ref, 'Overtaken.', '2007-10-15', AT, 'Secretariat', 1),
      secretariat.meetings.updateAction(
        action.ref,
        { status: 'complete', on: '2007-10-15', baseVersion: 1 },
        AT,
        'Secretariat',
      ),
    ])
      expect((await refusal(stale)).code).toBe('edit_conflict');
    expect(await secretariat.meetings.action(action.ref)).toMatchObject({
      status: 'open',
      removedOn: null,
      version: 2,
      updates: [{ text: 'Chased the owner.', author: 'Jo Bloggs' }],
    });
  });
});
