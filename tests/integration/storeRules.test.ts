// The store's rules hold in the store itself, on a real SQLite file: a refused write changes
// nothing (not even the audit log), accepted updates are frozen, No update is derived.
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/store/migrate';
import type { Store } from '../../electron/store/store';
import { openStore } from '../../electron/store/store';
import { dumpDatabase, fixedClock, newStore, tempDir } from '../fixtures/databases';

const AT = '2007-10-02T10:00:00.000Z';
let store: Store;

afterEach(() => store?.close());

function green(ref: string, month = '2007-09', state: 'draft' | 'submitted' | 'accepted' = 'submitted') {
  return store.updates.save(
    { ref, month, status: 'green', narrative: 'On track.', author: 'DI Reid', state },
    AT,
  );
}

/** Expects a write to be refused with a code, and the database to be exactly as it was. */
function expectRefusedUnchanged(write: () => unknown, code: string): void {
  const before = dumpDatabase(store.path);
  expect(write).toThrow(expect.objectContaining({ code }));
  expect(dumpDatabase(store.path)).toBe(before);
}

describe('the store refuses bad updates and changes nothing', () => {
  it('refuses an unknown objective reference', () => {
    store = newStore();
    expectRefusedUnchanged(() => green('9.Z.99'), 'not_found');
  });

  it('refuses a month outside the plan period', () => {
    store = newStore();
    expectRefusedUnchanged(() => green('2.E.3', '2009-04'), 'outside_plan_period');
    expectRefusedUnchanged(() => green('2.E.3', '2007-03'), 'outside_plan_period');
  });

  it('refuses a Red or Amber update with an empty or blank narrative', () => {
    store = newStore();
    for (const status of ['red', 'amber'] as const) {
      for (const narrative of ['', '   \n']) {
        expectRefusedUnchanged(
          () =>
            store.updates.save(
              { ref: '2.E.3', month: '2007-09', status, narrative, author: 'DI Reid', state: 'submitted' },
              AT,
            ),
          'narrative_required',
        );
      }
    }
  });

  it('lets a Red draft be saved before its narrative is written, but not submitted', () => {
    store = newStore();
    store.updates.save(
      { ref: '2.E.3', month: '2007-09', status: 'red', author: 'DI Reid', state: 'draft' },
      AT,
    );
    expectRefusedUnchanged(
      () => store.updates.transition('2.E.3', '2007-09', 'submit', 'DI Reid', AT),
      'narrative_required',
    );
  });
});

describe('update revisions', () => {
  it('edits a draft in place, keeping one revision', () => {
    store = newStore();
    const first = green('2.E.3', '2007-09', 'draft');
    const second = store.updates.save(
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
    expect(store.updates.history('2.E.3')).toHaveLength(1);
  });

  it('changes an accepted update only by a new revision, keeping the accepted one as it was', () => {
    store = newStore();
    const accepted = green('2.E.3', '2007-09', 'accepted');
    const before = dumpDatabase(store.path);
    expect(() =>
      store.db.prepare("UPDATE updates SET narrative = 'rewritten' WHERE id = ?").run(accepted.id),
    ).toThrow(/changed only by a new revision/);
    expect(dumpDatabase(store.path)).toBe(before);
    const corrected = store.updates.save(
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
    const history = store.updates.history('2.E.3', '2007-09');
    expect(history.map((u) => [u.revision, u.status, u.narrative])).toEqual([
      [2, 'amber', 'Corrected.'],
      [1, 'green', 'On track.'],
    ]);
  });

  it('needs a comment to return an update, and a returned update is not what the board sees', () => {
    store = newStore();
    green('2.E.3');
    expectRefusedUnchanged(
      () => store.updates.transition('2.E.3', '2007-09', 'return', 'Secretariat', AT, '  '),
      'invalid_input',
    );
    const returned = store.updates.transition(
      '2.E.3',
      '2007-09',
      'return',
      'Secretariat',
      AT,
      'Say who owns the recovery plan.',
    );
    expect(returned.state).toBe('returned');
    expect(returned.comment).toBe('Say who owns the recovery plan.');
    expect(store.updates.reported('2007-09').has('2.E.3')).toBe(false);
  });
});

describe('No update', () => {
  it('is derived from the absence of a reported update, never stored', () => {
    store = newStore();
    green('2.E.3');
    store.updates.save(
      { ref: '2.E.4', month: '2007-09', status: 'green', author: 'DI Reid', state: 'draft' },
      AT,
    );
    const summary = store.updates.monthSummary('2007-09');
    const objectives = store.plan.objectives().length;
    expect(summary.total).toBe(objectives);
    expect(summary.totals.green).toBe(1);
    expect(summary.totals.no_update).toBe(objectives - 1);
    expect(() =>
      store.db
        .prepare(
          "INSERT INTO updates (objective_id, month, revision, is_current, status, author, created_at, saved_at, state) VALUES (1, '2007-09', 9, 0, 'no_update', 'x', 'x', 'x', 'draft')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it("does not carry last month's status into a month with no update", () => {
    store = newStore();
    green('2.E.3', '2007-08');
    expect(store.updates.reported('2007-09').has('2.E.3')).toBe(false);
    expect(store.updates.monthSummary('2007-09').totals.green).toBe(0);
  });
});

describe('the audit log', () => {
  it('writes one audit row with each change', () => {
    store = newStore();
    const before = store.audit.count();
    green('2.E.3');
    expect(store.audit.count()).toBe(before + 1);
    const [entry] = store.audit.list({ entity: 'update', limit: 1 });
    expect(entry.entityId).toBe('2.E.3@2007-09');
    expect(entry.actor).toBe('DI Reid');
  });

  it('keeps neither the change nor its audit row when the transaction fails', () => {
    store = newStore();
    const before = dumpDatabase(store.path);
    expect(() =>
      store.db.transaction(() => {
        green('2.E.3');
        throw new Error('power cut');
      })(),
    ).toThrow('power cut');
    expect(dumpDatabase(store.path)).toBe(before);
  });

  it('keeps no change when its audit row cannot be written', () => {
    store = newStore();
    store.db.exec(
      "CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END",
    );
    const before = dumpDatabase(store.path);
    expect(() => green('2.E.3')).toThrow('audit unavailable');
    expect(dumpDatabase(store.path)).toBe(before);
  });

  it('refuses to be edited or deleted', () => {
    store = newStore();
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(
      /append-only/,
    );
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('migrations', () => {
  it('are idempotent: migrating again and reopening change nothing', () => {
    const dir = tempDir();
    store = newStore(dir);
    green('2.E.3');
    const version = store.db.pragma('user_version', { simple: true });
    expect(migrate(store.db)).toBe(version);
    const path = store.path;
    store.close();
    const before = dumpDatabase(path);
    store = openStore(path, { clock: fixedClock() });
    store.close();
    expect(dumpDatabase(path)).toBe(before);
  });
});

describe('retiring and deleting objectives', () => {
  it('takes no updates for a retired objective from its retirement month, but keeps earlier ones', () => {
    store = newStore();
    green('2.E.3', '2007-08');
    store.plan.retireObjective('2.E.3', '2007-09', AT, 'Secretariat');
    expectRefusedUnchanged(() => green('2.E.3', '2007-09'), 'invalid_input');
    expect(store.updates.history('2.E.3')).toHaveLength(1);
    const live = store.plan.objectives({ month: '2007-09' }).length;
    expect(store.updates.monthSummary('2007-09').total).toBe(live);
    expect(store.updates.monthSummary('2007-08').total).toBe(live + 1);
    expectRefusedUnchanged(
      () => store.plan.retireObjective('2.E.3', '2007-10', AT, 'Secretariat'),
      'conflict',
    );
  });

  it('refuses to delete an objective that has updates, and says to retire it', () => {
    store = newStore();
    green('2.E.3');
    expectRefusedUnchanged(() => store.plan.deleteObjective('2.E.3', AT, 'Secretariat'), 'conflict');
  });

  it('deletes an objective that has never had an update, with an audit row', () => {
    store = newStore();
    const before = store.audit.count();
    store.plan.deleteObjective('2.E.3', AT, 'Secretariat');
    expect(() => store.plan.objective('2.E.3')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(store.audit.count()).toBe(before + 1);
  });
});
