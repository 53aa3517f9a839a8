// Demo data: reproducible byte for byte, realistic enough to fill a pack, clearly marked, and
// removable in one go.
import { describe, expect, it } from 'vitest';
import { isDemoLoaded, loadDemo, removeDemo } from '../../electron/demo/generate';
import type { Store } from '../../electron/store/store';
import { countRowsIn, dumpStore, newStore, onStoreDatabase, tempDir } from '../fixtures/databases';

const DEMO_MONTHS = ['2007-04', '2007-05', '2007-06', '2007-07', '2007-08', '2007-09'];

function count(store: Store, sql: string, ...params: string[]): Promise<number> {
  return countRowsIn(store, sql, ...params);
}

describe('demo data', () => {
  it('is identical, byte for byte, in two fresh databases', async () => {
    // Made at one desk: each audit row names its desk, which otherwise differs from run to run.
    const desk = 'DEMO-DESK/000000';
    const first = await newStore(tempDir(), { desk });
    const second = await newStore(tempDir(), { desk });
    await loadDemo(first);
    await loadDemo(second);
    expect(await dumpStore(first)).toBe(await dumpStore(second));
    await first.close();
    await second.close();
  });

  it('differs with another seed', async () => {
    const first = await newStore();
    const second = await newStore();
    await loadDemo(first, { seed: 1 });
    await loadDemo(second, { seed: 2 });
    const statuses = (store: Store) =>
      onStoreDatabase(store, (db) =>
        db.all('SELECT status, narrative FROM updates ORDER BY objective_id, month, revision'),
      );
    expect(await statuses(first)).not.toEqual(await statuses(second));
    await first.close();
    await second.close();
  });

  it('fills six months from the plan start with mixed statuses and a few missing updates each month', async () => {
    const store = await newStore();
    const loaded = await loadDemo(store);
    expect([loaded.firstMonth, loaded.lastMonth]).toEqual(['2007-04', '2007-09']);
    expect(await store.updates.reportedMonths()).toEqual(DEMO_MONTHS);
    for (const month of DEMO_MONTHS) {
      const { totals, total } = await store.updates.monthSummary(month);
      expect(totals.no_update / total).toBeGreaterThanOrEqual(0.05);
      expect(totals.no_update / total).toBeLessThanOrEqual(0.09);
      expect(totals.green).toBeGreaterThan(totals.amber);
      expect(totals.amber).toBeGreaterThan(totals.red);
    }
    const september = (await store.updates.monthSummary('2007-09')).totals;
    for (const status of ['red', 'amber', 'green', 'complete', 'not_started'] as const)
      expect(september[status]).toBeGreaterThan(0);
    expect((await store.updates.monthSummary('2007-04')).totals.complete).toBe(0);
    await store.close();
  });

  it('gives every Red and Amber update a narrative, and metric actuals where a target is stated', async () => {
    const store = await newStore();
    await loadDemo(store);
    expect(
      await count(
        store,
        "SELECT count(*) AS n FROM updates WHERE status IN ('red', 'amber') AND length(trim(narrative)) < 40",
      ),
    ).toBe(0);
    const targeted = (await store.plan.objectives()).filter((o) => o.targetValue !== null);
    expect(targeted.length).toBeGreaterThan(0);
    const september = [...(await store.updates.reported('2007-09')).values()];
    const withActual = targeted.filter((o) =>
      september.some((u) => u.ref === o.ref && u.metricActual !== null),
    );
    expect(withActual.length).toBeGreaterThan(0);
    await store.close();
  });

  it('accepts earlier months and leaves a few submitted, draft or returned in the last month', async () => {
    const store = await newStore();
    await loadDemo(store);
    expect(
      await count(
        store,
        "SELECT count(*) AS n FROM updates WHERE is_current = 1 AND state <> 'accepted' AND month < '2007-09'",
      ),
    ).toBe(0);
    expect(
      await count(
        store,
        "SELECT count(*) AS n FROM updates WHERE is_current = 1 AND state = 'submitted' AND month = '2007-09'",
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        store,
        "SELECT count(*) AS n FROM updates WHERE is_current = 1 AND state = 'returned' AND month = '2007-09'",
      ),
    ).toBe(1);
    await store.close();
  });

  it('holds two past meetings with minutes and actions, and the next meeting reporting on the last month', async () => {
    const store = await newStore();
    await loadDemo(store);
    const meetings = await store.meetings.list();
    expect(meetings.map((m) => [m.heldAt, m.reportingMonth])).toEqual([
      ['2007-08-16T10:00', '2007-07'],
      ['2007-09-20T10:00', '2007-08'],
      ['2007-10-18T10:00', '2007-09'],
    ]);
    expect(meetings[0].chairs).toEqual((await store.plan.detail()).chairs);
    expect(meetings[0].apologies.length).toBeGreaterThan(0);
    const standing = (await store.plan.detail()).standingAgenda;
    for (const meeting of meetings) {
      const agenda = await store.meetings.agenda(meeting.id);
      expect(agenda.map((a) => a.title)).toEqual(standing);
      expect(agenda.every((a) => a.presenter && a.minutesAllotted > 0)).toBe(true);
      expect(agenda.some((a) => a.packSection !== null)).toBe(true);
    }
    expect((await store.meetings.minutes(meetings[0].id)).some((m) => m.kind === 'decision')).toBe(true);
    expect(await store.meetings.minutes(meetings[2].id)).toEqual([]);
    const actions = await store.meetings.actions('2007-10-18');
    expect(actions.filter((a) => a.shownStatus === 'overdue')).toHaveLength(1);
    expect(actions.some((a) => a.shownStatus === 'open')).toBe(true);
    expect(actions.some((a) => a.completedOn !== null && a.completedOn > '2007-09-20')).toBe(true);
    await store.close();
  });

  it('marks every row it writes as demo and records what was loaded', async () => {
    const store = await newStore();
    await loadDemo(store);
    expect(await count(store, 'SELECT count(*) AS n FROM updates WHERE demo = 0')).toBe(0);
    expect(await count(store, 'SELECT count(*) AS n FROM meetings WHERE demo = 0')).toBe(0);
    expect(await count(store, 'SELECT count(*) AS n FROM board_actions WHERE demo = 0')).toBe(0);
    expect(JSON.parse((await store.settings.get('demo')) ?? 'null')).toMatchObject({
      seed: 2007,
      firstMonth: '2007-04',
      lastMonth: '2007-09',
    });
    expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({
      action: 'demo.load',
      after: { lastMonth: '2007-09' },
    });
    await store.close();
  });

  it('covers 24 months when asked', async () => {
    const store = await newStore();
    await loadDemo(store, { months: 24 });
    expect(await store.updates.reportedMonths()).toHaveLength(24);
    expect((await store.meetings.forMonth('2009-03'))?.heldAt).toBe('2009-04-16T10:00');
    await store.close();
  });

  it('is refused when already loaded, or when real updates exist for those months, changing nothing', async () => {
    const store = await newStore();
    await loadDemo(store);
    let before = await dumpStore(store);
    await expect(loadDemo(store)).rejects.toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/already loaded/) }),
    );
    expect(await dumpStore(store)).toBe(before);
    await store.close();

    const real = await newStore();
    await real.updates.save(
      { ref: '2.E.3', month: '2007-06', status: 'green', author: 'DI Reid', state: 'accepted' },
      '2007-07-03T09:00:00.000Z',
    );
    before = await dumpStore(real);
    await expect(loadDemo(real)).rejects.toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/1 real update between/) }),
    );
    expect(await dumpStore(real)).toBe(before);
    await real.close();
  });
});

describe('removing demo data', () => {
  it('deletes demo updates, meetings, minutes, agenda and actions, keeps real updates, and audits it', async () => {
    const store = await newStore();
    await store.updates.save(
      { ref: '2.E.3', month: '2008-01', status: 'green', author: 'DI Reid', state: 'accepted' },
      '2008-02-03T09:00:00.000Z',
    );
    await loadDemo(store);
    const removed = await removeDemo(store, 'Anna Price');
    expect(removed.meetings).toBe(3);
    expect(removed.actions).toBe(6);
    for (const table of ['meetings', 'agenda_items', 'minutes', 'board_actions', 'board_action_updates']) {
      expect(await count(store, `SELECT count(*) AS n FROM ${table}`)).toBe(0);
    }
    expect(await count(store, 'SELECT count(*) AS n FROM updates')).toBe(1);
    expect(await store.updates.reportedMonths()).toEqual(['2008-01']);
    expect(await isDemoLoaded(store)).toBe(false);
    expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({
      action: 'demo.remove',
      actor: 'Anna Price',
    });
    await store.close();
  });

  it('is refused, changing nothing, when a demo meeting has an issued pack', async () => {
    const store = await newStore();
    await loadDemo(store);
    const meeting = (await store.meetings.list())[1];
    await onStoreDatabase(store, (db) =>
      db.run(
        `INSERT INTO issued_packs (meeting_id, version, reporting_month, options_json, sha256, size_bytes, pdf, issued_at, issued_by)
         VALUES (?, 1, ?, '{}', ?, 3, ?, '2007-09-14T12:00:00.000Z', 'Anna Price')`,
        meeting.id,
        meeting.reportingMonth,
        'a'.repeat(64),
        Buffer.from('255044', 'hex'),
      ),
    );
    const before = await dumpStore(store);
    await expect(removeDemo(store, 'Anna Price')).rejects.toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(/issued for the demo meeting of 2007-09-20/),
      }),
    );
    expect(await dumpStore(store)).toBe(before);
    await store.close();
  });
});
