// Demo data: a deterministic, realistic history of monthly updates and board meetings, so a
// newcomer sees a full pack at once. Written through the repositories (rules and audit apply), in
// one transaction; every row is marked demo = 1 and can be removed again in one go.
import { BoardPackError } from '../../shared/errors';
import { addMonths, monthIndex, monthsBetween, type ReportingMonth } from '../../shared/months';
import type { Store } from '../store/store';
import { writeTransaction } from '../store/writeTransaction';
import { writeDemoMeetings, type DemoMeetingCounts } from './meetings';
import { writeDemoUpdates, type DemoUpdateCounts } from './progress';

export const DEMO_SETTING = 'demo';
export const DEFAULT_DEMO_MONTHS = 6;
export const DEFAULT_DEMO_SEED = 2007;
/** Two past meetings report on the two months before the last, so three months is the least. */
const MIN_DEMO_MONTHS = 3;

export interface DemoOptions {
  months?: number;
  seed?: number;
  actor?: string;
}

export interface DemoSummary {
  seed: number;
  firstMonth: ReportingMonth;
  lastMonth: ReportingMonth;
  months: number;
  updates: DemoUpdateCounts;
  meetings: DemoMeetingCounts['meetings'];
  actions: number;
}

function demoRowCount(store: Store): number {
  const row = store.db
    .prepare(
      `SELECT (SELECT count(*) FROM updates WHERE demo = 1) + (SELECT count(*) FROM meetings WHERE demo = 1)
        + (SELECT count(*) FROM board_actions WHERE demo = 1) AS n`,
    )
    .get() as { n: number };
  return row.n;
}

export function isDemoLoaded(store: Store): boolean {
  return store.getSetting(DEMO_SETTING) !== null || demoRowCount(store) > 0;
}

function demoMonths(store: Store, count: number): ReportingMonth[] {
  const plan = store.plan.summary();
  const planLength = monthIndex(plan.endMonth) - monthIndex(plan.startMonth) + 1;
  if (!Number.isInteger(count) || count < MIN_DEMO_MONTHS || count > planLength) {
    throw new BoardPackError(
      'invalid_input',
      `Demo data covers between ${MIN_DEMO_MONTHS} and ${planLength} months of the plan (${plan.startMonth} to ${plan.endMonth}); ${count} was asked for.`,
    );
  }
  return monthsBetween(plan.startMonth, addMonths(plan.startMonth, count - 1));
}

/** Loads demo updates and meetings; refused if demo data is loaded or real updates exist for those months. */
export function loadDemo(store: Store, options: DemoOptions = {}): DemoSummary {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const actor = options.actor ?? 'Board Pack demo';
  const months = demoMonths(store, options.months ?? DEFAULT_DEMO_MONTHS);
  const first = months[0];
  const last = months[months.length - 1];
  return writeTransaction(store.db, () => {
    if (isDemoLoaded(store)) {
      throw new BoardPackError(
        'conflict',
        'Demo data is already loaded. Remove it first ("demo remove") to load it again.',
      );
    }
    const real = store.db
      .prepare('SELECT count(*) AS n FROM updates WHERE demo = 0 AND month BETWEEN ? AND ?')
      .get(first, last) as { n: number };
    if (real.n > 0) {
      throw new BoardPackError(
        'conflict',
        `This database already has ${real.n} real update${real.n === 1 ? '' : 's'} between ${first} and ${last}; demo data is only loaded into a database without them.`,
      );
    }
    const updates = writeDemoUpdates(store, months, seed);
    const meetings = writeDemoMeetings(store, last, actor);
    const summary: DemoSummary = {
      seed,
      firstMonth: first,
      lastMonth: last,
      months: months.length,
      updates,
      meetings: meetings.meetings,
      actions: meetings.actions,
    };
    store.setSetting(DEMO_SETTING, JSON.stringify(summary), actor);
    store.audit.record(store.now(), actor, 'demo.load', 'demo', DEMO_SETTING, null, summary);
    return summary;
  });
}

export interface DemoRemoval {
  updates: number;
  meetings: number;
  actions: number;
}

/** Deletes every demo row in one transaction with one audit record; refused if a demo meeting has an issued pack. */
export function removeDemo(store: Store, actor: string): DemoRemoval {
  return writeTransaction(store.db, () => {
    if (!isDemoLoaded(store))
      throw new BoardPackError('not_found', 'There is no demo data in this database.');
    const issued = store.db
      .prepare(
        `SELECT m.held_at AS held_at, count(*) AS n FROM issued_packs p JOIN meetings m ON m.id = p.meeting_id
         WHERE m.demo = 1 GROUP BY m.id ORDER BY m.held_at`,
      )
      .all() as { held_at: string; n: number }[];
    if (issued.length > 0) {
      throw new BoardPackError(
        'conflict',
        `A pack has been issued for the demo meeting of ${issued[0].held_at.slice(0, 10)}; issued packs are kept for the record, so the demo data cannot be removed.`,
      );
    }
    const foreign = store.db
      .prepare(
        'SELECT count(*) AS n FROM board_actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.demo = 1 AND a.demo = 0',
      )
      .get() as { n: number };
    if (foreign.n > 0) {
      throw new BoardPackError(
        'conflict',
        `${foreign.n} real actions were raised at demo meetings; move or remove them before removing the demo data.`,
      );
    }
    const before = store.getSetting(DEMO_SETTING);
    // Action notes, minutes and agenda items go with their action or meeting (ON DELETE CASCADE).
    const actions = store.db.prepare('DELETE FROM board_actions WHERE demo = 1').run().changes;
    const meetings = store.db.prepare('DELETE FROM meetings WHERE demo = 1').run().changes;
    const updates = store.db.prepare('DELETE FROM updates WHERE demo = 1').run().changes;
    store.db.prepare('DELETE FROM settings WHERE key = ?').run(DEMO_SETTING);
    const removed: DemoRemoval = { updates, meetings, actions };
    store.audit.record(
      store.now(),
      actor,
      'demo.remove',
      'demo',
      DEMO_SETTING,
      before === null ? null : JSON.parse(before),
      removed,
    );
    return removed;
  });
}
