// The store's rules hold in the store itself, on a real database (a file, or the test server): a
// refused write changes nothing (not even the audit log), accepted updates are frozen, No update is
// derived.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trustKey } from '../../electron/exchange/keys';
import { createRequest } from '../../electron/exchange/request';
import { migrate } from '../../electron/store/migrate';
import type { Store } from '../../electron/store/store';
import { openStore } from '../../electron/store/store';
import {
  dumpStore,
  fixedClock,
  locationOf,
  newStore,
  onStoreDatabase,
  rawDatabase,
  tempDir,
} from '../fixtures/databases';
import { paperPdf } from '../fixtures/paperPdf';
import { generateKeyPair } from './exchange.fixtures';

const AT = '2007-10-02T10:00:00.000Z';
let store: Store;

afterEach(async () => {
  await store?.close();
});

async function green(
  ref: string,
  month = '2007-09',
  state: 'draft' | 'submitted' | 'accepted' = 'submitted',
) {
  return await store.updates.save(
    { ref, month, status: 'green', narrative: 'On track.', author: 'DI Reid', state },
    AT,
  );
}

/** Expects a write to be refused with a code, and the database to be exactly as it was. */
async function expectRefusedUnchanged(write: () => unknown, code: string): Promise<void> {
  const before = await dumpStore(store);
  await expect(Promise.resolve().then(write)).rejects.toThrow(expect.objectContaining({ code }));
  expect(await dumpStore(store)).toBe(before);
}

describe('the store refuses bad updates and changes nothing', () => {
  it('refuses an unknown objective reference', async () => {
    store = await newStore();
    await expectRefusedUnchanged(async () => await green('9.Z.99'), 'not_found');
  });

  it('refuses a month outside the plan period', async () => {
    store = await newStore();
    await expectRefusedUnchanged(async () => await green('2.E.3', '2009-04'), 'outside_plan_period');
    await expectRefusedUnchanged(async () => await green('2.E.3', '2007-03'), 'outside_plan_period');
  });

  it('refuses a Red or Amber update with an empty or blank narrative', async () => {
    store = await newStore();
    for (const status of ['red', 'amber'] as const) {
      for (const narrative of ['', '   \n']) {
        await expectRefusedUnchanged(
          async () =>
            await store.updates.save(
              { ref: '2.E.3', month: '2007-09', status, narrative, author: 'DI Reid', state: 'submitted' },
              AT,
            ),
          'narrative_required',
        );
      }
    }
  });

  it('lets a Red draft be saved before its narrative is written, but not submitted', async () => {
    store = await newStore();
    await store.updates.save(
      { ref: '2.E.3', month: '2007-09', status: 'red', author: 'DI Reid', state: 'draft' },
      AT,
    );
    await expectRefusedUnchanged(
      async () => await store.updates.transition('2.E.3', '2007-09', 'submit', 'DI Reid', AT),
      'narrative_required',
    );
  });
});

describe('update revisions', () => {
  it('edits a draft in place, keeping one revision', async () => {
    store = await newStore();
    const first = await green('2.E.3', '2007-09', 'draft');
    const second = await store.updates.save(
      {
        ref: '2.E.3',
        month: '2007-09',
        status: 'amber',
        narrative: 'Slipping.',
        author: 'DI Reid',
        state: 'draft',
      },
      AT,
    );
    expect(second.id).toBe(first.id);
    expect(second.revision).toBe(1);
    expect(await store.updates.history('2.E.3')).toHaveLength(1);
  });

  it('changes an accepted update only by a new revision, keeping the accepted one as it was', async () => {
    store = await newStore();
    const accepted = await green('2.E.3', '2007-09', 'accepted');
    const before = await dumpStore(store);
    await expect(
      onStoreDatabase(store, (raw) =>
        raw.run("UPDATE updates SET narrative = 'rewritten' WHERE id = ?", accepted.id),
      ),
    ).rejects.toThrow(/changed only by a new revision/);
    expect(await dumpStore(store)).toBe(before);
    const corrected = await store.updates.save(
      {
        ref: '2.E.3',
        month: '2007-09',
        status: 'amber',
        narrative: 'Corrected.',
        author: 'Secretariat',
        state: 'accepted',
      },
      AT,
    );
    expect(corrected.revision).toBe(2);
    const history = await store.updates.history('2.E.3', '2007-09');
    expect(history.map((u) => [u.revision, u.status, u.narrative])).toEqual([
      [2, 'amber', 'Corrected.'],
      [1, 'green', 'On track.'],
    ]);
  });

  it('needs a comment to return an update, and a returned update is not what the board sees', async () => {
    store = await newStore();
    await green('2.E.3');
    await expectRefusedUnchanged(
      async () => await store.updates.transition('2.E.3', '2007-09', 'return', 'Secretariat', AT, '  '),
      'invalid_input',
    );
    const returned = await store.updates.transition(
      '2.E.3',
      '2007-09',
      'return',
      'Secretariat',
      AT,
      'Say who owns the recovery plan.',
    );
    expect(returned.state).toBe('returned');
    expect(returned.comment).toBe('Say who owns the recovery plan.');
    expect((await store.updates.reported('2007-09')).has('2.E.3')).toBe(false);
  });
});

describe('No update', () => {
  it('is derived from the absence of a reported update, never stored', async () => {
    store = await newStore();
    await green('2.E.3');
    await store.updates.save(
      { ref: '2.E.4', month: '2007-09', status: 'green', author: 'DI Reid', state: 'draft' },
      AT,
    );
    const summary = await store.updates.monthSummary('2007-09');
    const objectives = (await store.plan.objectives()).length;
    expect(summary.total).toBe(objectives);
    expect(summary.totals.green).toBe(1);
    expect(summary.totals.no_update).toBe(objectives - 1);
    await expect(
      onStoreDatabase(store, (raw) =>
        raw.run(
          "INSERT INTO updates (objective_id, month, revision, is_current, status, author, created_at, saved_at, state) VALUES (1, '2007-09', 9, 0, 'no_update', 'x', 'x', 'x', 'draft')",
        ),
      ),
    ).rejects.toThrow(/CHECK|check constraint/);
  });

  it("does not carry last month's status into a month with no update", async () => {
    store = await newStore();
    await green('2.E.3', '2007-08');
    expect((await store.updates.reported('2007-09')).has('2.E.3')).toBe(false);
    expect((await store.updates.monthSummary('2007-09')).totals.green).toBe(0);
  });
});

describe('the audit log', () => {
  it('writes one audit row with each change', async () => {
    store = await newStore();
    const before = await store.audit.count();
    await green('2.E.3');
    expect(await store.audit.count()).toBe(before + 1);
    const [entry] = await store.audit.list({ entity: 'update', limit: 1 });
    expect(entry.entityId).toBe('2.E.3@2007-09');
    expect(entry.actor).toBe('DI Reid');
  });

  it('keeps neither the change nor its audit row when the transaction fails', async () => {
    store = await newStore();
    const before = await dumpStore(store);
    await expect(
      store.transaction(async (tx) => {
        await tx.updates.save(
          {
            ref: '2.E.3',
            month: '2007-09',
            status: 'green',
            narrative: 'On track.',
            author: 'DI Reid',
            state: 'submitted',
          },
          AT,
        );
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await dumpStore(store)).toBe(before);
  });

  it('keeps no change when its audit row cannot be written', async () => {
    store = await newStore();
    await onStoreDatabase(store, (raw) =>
      raw.exec(
        raw.dialect === 'postgres'
          ? "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION board_pack_refuse('audit unavailable')"
          : "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END",
      ),
    );
    const before = await dumpStore(store);
    await expect(green('2.E.3')).rejects.toThrow('audit unavailable');
    expect(await dumpStore(store)).toBe(before);
  });

  it('refuses to be edited or deleted', async () => {
    store = await newStore();
    await onStoreDatabase(store, async (raw) => {
      await expect(raw.run("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(/append-only/);
      await expect(raw.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    });
  });

  it('finds a removed paper by its title, in the entry that removed it as well as the one that added it', async () => {
    store = await newStore();
    const meeting = await boardMeeting(['Apologies', 'Knife crime problem profile']);
    const [, item] = await store.meetings.agenda(meeting.id);
    const paper = await store.papers.add(
      {
        meetingId: meeting.id,
        agendaItemId: item.id,
        fileName: 'profile.pdf',
        pdf: await paperPdf('Profile', 2),
        title: 'Borough knife crime profile',
      },
      AT,
      'Secretariat',
    );
    await store.papers.remove(paper.id, AT, 'Secretariat');
    const found = await store.audit.list({ text: 'Borough knife crime profile' });
    expect(found.map((e) => [e.action, e.entityId])).toEqual([
      ['paper.remove', String(paper.id)],
      ['paper.add', String(paper.id)],
    ]);
    expect(found[0].after).toBeNull();
  });

  it('finds the agenda change that took an item off by the item’s title', async () => {
    store = await newStore();
    const meeting = await boardMeeting(['Apologies', 'Night-time economy review']);
    const [kept] = await store.meetings.agenda(meeting.id);
    await store.meetings.setAgenda(
      meeting.id,
      [{ id: kept.id, title: kept.title, presenter: 'Chair', minutesAllotted: 5 }],
      AT,
      'Secretariat',
    );
    const found = await store.audit.list({ text: 'Night-time economy review' });
    expect(found.map((e) => e.action)).toEqual(['agenda.set', 'agenda.set']);
    expect(JSON.stringify(found[0].after)).not.toContain('Night-time economy review');
    expect(JSON.stringify(found[0].before)).toContain('Night-time economy review');
  });

  it('takes % and _ in the words as themselves, not as wildcards', async () => {
    store = await newStore();
    const s = store;
    await s.transaction(async (tx) => {
      await tx.audit.record(AT, 'Secretariat', 'setting.set', 'setting', 'k1', null, {
        v: 'cut by 50% in year one',
      });
      await tx.audit.record(AT, 'Secretariat', 'setting.set', 'setting', 'k2', null, {
        v: 'cut by 50 in year one',
      });
      await tx.audit.record(AT, 'Secretariat', 'setting.set', 'setting', 'k3', null, { v: 'plan_b' });
      await tx.audit.record(AT, 'Secretariat', 'setting.set', 'setting', 'k4', null, { v: 'planxb' });
    });
    expect((await s.audit.list({ text: '50% in year' })).map((e) => e.entityId)).toEqual(['k1']);
    expect((await s.audit.list({ text: 'plan_b' })).map((e) => e.entityId)).toEqual(['k3']);
  });

  it('filters to trusted keys, or to exchange requests, and shows those entries only', async () => {
    const dir = tempDir();
    store = await newStore(dir);
    await green('2.E.3');
    const lead = generateKeyPair();
    await trustKey(
      store,
      { fingerprint: lead.fingerprint, name: 'DCS Lead', strandNumber: 2 },
      'Secretariat',
    );
    await createRequest(store, {
      strandNumber: 2,
      month: '2007-10',
      out: join(dir, 'r.bpreq'),
      actor: 'Secretariat',
    });

    const keys = await store.audit.list({ entity: 'trusted_key' });
    expect(keys.map((e) => [e.action, e.entityId])).toEqual([['key.trust', lead.fingerprint]]);
    const requests = await store.audit.list({ entity: 'exchange_request' });
    expect(requests.map((e) => e.action)).toEqual(['exchange.request.issue']);
    expect((await store.audit.list({ entity: 'installation_key' })).map((e) => e.action)).toEqual([
      'key.create',
    ]);
    expect((await store.audit.list({ entity: 'update' })).map((e) => e.action)).toEqual(['update.save']);
  });
});

/** A board meeting in October 2007 whose agenda is the titles given. */
async function boardMeeting(titles: string[]) {
  const meeting = await store.meetings.create(
    { title: 'Serious Violence Strategy Board', heldAt: '2007-10-18T10:00', reportingMonth: '2007-10' },
    AT,
    'Secretariat',
  );
  await store.meetings.setAgenda(
    meeting.id,
    titles.map((title) => ({ title, presenter: 'Chair', minutesAllotted: 10 })),
    AT,
    'Secretariat',
  );
  return meeting;
}

describe('migrations', () => {
  it('are idempotent: migrating again and reopening change nothing', async () => {
    const dir = tempDir();
    store = await newStore(dir);
    await green('2.E.3');
    const version = await store.settings.schemaVersion();
    if (!store.shared) {
      const raw = rawDatabase(store.path);
      expect(migrate(raw)).toBe(version);
      raw.close();
    }
    // On the server, reopening is migrating again: openPostgres migrates every time it connects.
    const location = await locationOf(store);
    const before = await dumpStore(store);
    await store.close();
    store = await openStore(location, { clock: fixedClock() });
    expect(await store.settings.schemaVersion()).toBe(version);
    expect(await dumpStore(store)).toBe(before);
  });
});

/** An objective added to strand 4 that reports from `startMonth`, as the Plan screen adds one. */
async function addStrandFourObjective(startMonth: string) {
  return await store.plan.addObjective(
    {
      strandNumber: 4,
      theme: 'Enforcement',
      themeCode: 'E',
      text: 'Review every knife-crime arrest within 48 hours',
      year: 'Year 1',
      startMonth,
    },
    AT,
    'Secretariat',
  );
}

describe("an objective's start month", () => {
  it('does not count a new objective as No update in the months before it starts', async () => {
    store = await newStore();
    const strandFour = async (month: string) =>
      (await store.updates.monthSummary(month)).strands.find((s) => s.strandNumber === 4)!;
    const may = await strandFour('2007-05');
    const october = await strandFour('2007-10');

    const added = await addStrandFourObjective('2007-10');

    expect(await strandFour('2007-05')).toEqual(may);
    expect((await strandFour('2007-09')).total).toBe(october.total);
    expect((await strandFour('2007-10')).total).toBe(october.total + 1);
    expect((await strandFour('2007-10')).counts.no_update).toBe(october.counts.no_update + 1);
    const refs = async (month: string) =>
      (await store.plan.objectives({ strandNumber: 4, month })).map((o) => o.ref);
    expect(await refs('2007-09')).not.toContain(added.ref);
    expect(await refs('2007-10')).toContain(added.ref);
  });

  it('takes no update for a month before an objective starts, and takes one from then', async () => {
    store = await newStore();
    const added = await addStrandFourObjective('2007-10');
    await expectRefusedUnchanged(async () => await green(added.ref, '2007-09'), 'invalid_input');
    expect((await green(added.ref, '2007-10')).month).toBe('2007-10');
  });

  it('asks a strand lead about a new objective only from its start month', async () => {
    const dir = tempDir();
    store = await newStore(dir);
    const strandFour = (await store.plan.objectives({ strandNumber: 4, month: '2007-09' })).length;
    await addStrandFourObjective('2007-10');
    const request = async (month: string) =>
      await createRequest(store, {
        strandNumber: 4,
        month,
        out: join(dir, `${month}.bpreq`),
        actor: 'Secretariat',
      });
    expect((await request('2007-09')).objectives).toBe(strandFour);
    expect((await request('2007-10')).objectives).toBe(strandFour + 1);
  });

  it('refuses a start month outside the plan period', async () => {
    store = await newStore();
    await expectRefusedUnchanged(async () => await addStrandFourObjective('2010-01'), 'outside_plan_period');
  });

  it('starts the built-in plan objectives at the plan start month', async () => {
    store = await newStore();
    const starts = new Set((await store.plan.objectives()).map((o) => o.startMonth));
    expect([...starts]).toEqual([(await store.plan.summary()).startMonth]);
  });
});

describe('retiring and deleting objectives', () => {
  it('takes no updates for a retired objective from its retirement month, but keeps earlier ones', async () => {
    store = await newStore();
    await green('2.E.3', '2007-08');
    await store.plan.retireObjective('2.E.3', '2007-09', AT, 'Secretariat');
    await expectRefusedUnchanged(async () => await green('2.E.3', '2007-09'), 'invalid_input');
    expect(await store.updates.history('2.E.3')).toHaveLength(1);
    const live = (await store.plan.objectives({ month: '2007-09' })).length;
    expect((await store.updates.monthSummary('2007-09')).total).toBe(live);
    expect((await store.updates.monthSummary('2007-08')).total).toBe(live + 1);
    await expectRefusedUnchanged(
      async () => await store.plan.retireObjective('2.E.3', '2007-10', AT, 'Secretariat'),
      'conflict',
    );
  });

  it('refuses to retire an objective from a month before it starts', async () => {
    store = await newStore();
    const added = await addStrandFourObjective('2007-10');
    await expectRefusedUnchanged(
      async () => await store.plan.retireObjective(added.ref, '2007-09', AT, 'Secretariat'),
      'invalid_input',
    );
  });

  it('un-retires an objective: it reports again from its start month, with an audit row', async () => {
    store = await newStore();
    const live = (await store.updates.monthSummary('2007-11')).total;
    await store.plan.retireObjective('2.E.3', '2007-11', AT, 'Secretariat');
    expect((await store.updates.monthSummary('2007-11')).total).toBe(live - 1);
    const before = await store.audit.count();

    const back = await store.plan.unretireObjective('2.E.3', AT, 'Secretariat');

    expect(back).toMatchObject({ retired: false, retiredFrom: null, startMonth: '2007-04' });
    expect((await store.updates.monthSummary('2007-11')).total).toBe(live);
    expect((await green('2.E.3', '2007-11')).ref).toBe('2.E.3');
    expect(await store.audit.count()).toBe(before + 2);
    expect((await store.audit.list({ entity: 'objective' }))[0]).toMatchObject({
      action: 'objective.unretire',
      entityId: '2.E.3',
    });
    await expectRefusedUnchanged(
      async () => await store.plan.unretireObjective('2.E.3', AT, 'Secretariat'),
      'conflict',
    );
  });

  it('refuses to delete an objective that has updates, and says to retire it', async () => {
    store = await newStore();
    await green('2.E.3');
    await expectRefusedUnchanged(
      async () => await store.plan.deleteObjective('2.E.3', AT, 'Secretariat'),
      'conflict',
    );
  });

  it('deletes an objective that has never had an update, with an audit row', async () => {
    store = await newStore();
    const before = await store.audit.count();
    await store.plan.deleteObjective('2.E.3', AT, 'Secretariat');
    await expect(store.plan.objective('2.E.3')).rejects.toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(await store.audit.count()).toBe(before + 1);
  });
});

describe("many objectives' first updates for a month at once (the demo's history)", () => {
  const RETURN_WHY = 'Say when the recovery plan is agreed.';
  const written = (s: Store) =>
    onStoreDatabase(s, async (db) => ({
      updates: await db.all('SELECT * FROM updates ORDER BY id'),
      audit: await db.all(
        "SELECT at, actor, action, entity, entity_id, before_json, after_json FROM audit_log WHERE entity = 'update' ORDER BY id",
      ),
    }));

  it('writes the rows and audit records that saving and reviewing them one by one writes', async () => {
    const lead = { month: '2007-09', narrative: 'Slipping: two posts vacant.', author: 'DI Reid' } as const;
    const oneByOne = await newStore();
    store = oneByOne;
    await oneByOne.updates.save({ ...lead, ref: '2.E.3', status: 'green', state: 'submitted' }, AT);
    await oneByOne.updates.save({ ...lead, ref: '2.E.4', status: 'amber', state: 'submitted' }, AT);
    await oneByOne.updates.save(
      { ...lead, ref: '2.E.5', status: 'red', state: 'draft', metricActual: 12.5 },
      AT,
    );
    await oneByOne.updates.save({ ...lead, ref: '2.E.6', status: 'green', state: 'submitted' }, AT);
    await oneByOne.updates.transition('2.E.3', '2007-09', 'accept', 'Anna Price', '2007-10-05T10:00:00.000Z');
    await oneByOne.updates.transition(
      '2.E.4',
      '2007-09',
      'return',
      'Anna Price',
      '2007-10-05T10:01:00.000Z',
      RETURN_WHY,
    );
    const expected = await written(oneByOne);
    await oneByOne.close();

    store = await newStore();
    await store.updates.writeFirstRevisions('2007-09', [
      {
        ...lead,
        ref: '2.E.3',
        status: 'green',
        state: 'submitted',
        at: AT,
        review: { action: 'accept', actor: 'Anna Price', at: '2007-10-05T10:00:00.000Z' },
      },
      {
        ...lead,
        ref: '2.E.4',
        status: 'amber',
        state: 'submitted',
        at: AT,
        review: {
          action: 'return',
          actor: 'Anna Price',
          at: '2007-10-05T10:01:00.000Z',
          comment: RETURN_WHY,
        },
      },
      { ...lead, ref: '2.E.5', status: 'red', state: 'draft', metricActual: 12.5, at: AT },
      { ...lead, ref: '2.E.6', status: 'green', state: 'submitted', at: AT },
    ]);
    expect(await written(store)).toEqual(expected);
    expect(expected.updates).toHaveLength(4);
    expect(expected.audit).toHaveLength(6);
    expect([...(await store.updates.reported('2007-09')).keys()].sort()).toEqual(['2.E.3', '2.E.6']);
  });

  it('writes none of them when one is refused, and says which', async () => {
    store = await newStore();
    const before = await dumpStore(store);
    const batch = (ref: string, status: 'green' | 'red', narrative: string) => ({
      ref,
      status,
      narrative,
      author: 'DI Reid',
      state: 'submitted' as const,
      at: AT,
    });
    await expect(
      store.updates.writeFirstRevisions('2007-09', [
        batch('2.E.3', 'green', 'On track.'),
        batch('2.E.4', 'red', '  '),
      ]),
    ).rejects.toMatchObject({
      code: 'narrative_required',
      message: expect.stringMatching(/^2\.E\.4 is Red/),
    });
    await expect(
      store.updates.writeFirstRevisions('2007-09', [
        batch('2.E.3', 'green', 'On track.'),
        {
          ...batch('2.E.4', 'green', 'On track.'),
          state: 'draft',
          review: { action: 'accept', actor: 'A', at: AT },
        },
      ]),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/2\.E\.4 in 2007-09 is draft/),
    });
    await expect(
      store.updates.writeFirstRevisions('2007-09', [batch('9.Z.9', 'green', 'On track.')]),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await dumpStore(store)).toBe(before);
  });

  it('writes none of them when an objective already has an update for the month', async () => {
    store = await newStore();
    await green('2.E.4');
    const before = await dumpStore(store);
    await expect(
      store.updates.writeFirstRevisions('2007-09', [
        { ref: '2.E.3', status: 'green', author: 'DI Reid', state: 'submitted', at: AT },
        { ref: '2.E.4', status: 'green', author: 'DI Reid', state: 'submitted', at: AT },
      ]),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already has an update for 2007-09/),
    });
    expect(await dumpStore(store)).toBe(before);
  });
});
