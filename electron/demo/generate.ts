// Demo data: a deterministic, realistic history of monthly updates and board meetings, so a
// newcomer sees a full pack at once. Written through the repositories (rules and audit apply), in
// one transaction; every row is marked demo = 1 and can be removed again in one go.
import { BoardPackError } from '../../shared/errors';
import { addMonths, monthIndex, monthsBetween, type ReportingMonth } from '../../shared/months';
import type { DemoRemoval } from '../store/demo';
import type { StoreTx } from '../store/port';
import { loadBuiltInPlan } from '../store/planFile';
import { writeDemoIndicatorFigures } from './indicatorFigures';
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
  /** Invented monthly figures for the built-in indicators this database holds, and definition changes. */
  indicatorFigures: number;
  indicatorDefinitionChanges: number;
}

export async function isDemoLoaded(store: StoreTx): Promise<boolean> {
  return (await store.settings.get(DEMO_SETTING)) !== null || (await store.demo.rowCount()) > 0;
}

async function demoMonths(store: StoreTx, count: number): Promise<ReportingMonth[]> {
  const plan = await store.plan.summary();
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
export function loadDemo(store: StoreTx, options: DemoOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const actor = options.actor ?? 'Board Pack demo';
  return store.transaction(async (tx) => {
    const months = await demoMonths(tx, options.months ?? DEFAULT_DEMO_MONTHS);
    const first = months[0];
    const last = months[months.length - 1];
    if (await isDemoLoaded(tx)) {
      throw new BoardPackError(
        'conflict',
        'Demo data is already loaded. Remove it first ("demo remove") to load it again.',
      );
    }
    const real = await tx.demo.realUpdateCount(first, last);
    if (real > 0) {
      throw new BoardPackError(
        'conflict',
        `This database already has ${real} real update${real === 1 ? '' : 's'} between ${first} and ${last}; demo data is only loaded into a database without them.`,
      );
    }
    const updates = await writeDemoUpdates(tx, months, seed);
    const meetings = await writeDemoMeetings(tx, last, actor);
    const indicators = await writeDemoIndicatorFigures(tx, loadBuiltInPlan(), seed, actor);
    const summary: DemoSummary = {
      seed,
      firstMonth: first,
      lastMonth: last,
      months: months.length,
      updates,
      meetings: meetings.meetings,
      actions: meetings.actions,
      indicatorFigures: indicators.figures,
      indicatorDefinitionChanges: indicators.definitionChanges,
    };
    await tx.settings.set({ [DEMO_SETTING]: JSON.stringify(summary) }, actor);
    await tx.audit.record(tx.now(), actor, 'demo.load', 'demo', DEMO_SETTING, null, summary);
    return summary;
  });
}

/** Deletes every demo row in one transaction with one audit record; refused if a demo meeting has an issued pack. */
export function removeDemo(store: StoreTx, actor: string): Promise<DemoRemoval> {
  return store.transaction(async (tx) => {
    if (!(await isDemoLoaded(tx)))
      throw new BoardPackError('not_found', 'There is no demo data in this database.');
    const issued = await tx.demo.meetingsWithIssuedPacks();
    if (issued.length > 0) {
      throw new BoardPackError(
        'conflict',
        `A pack has been issued for the demo meeting of ${issued[0].heldAt.slice(0, 10)}; issued packs are kept for the record, so the demo data cannot be removed.`,
      );
    }
    const foreign = await tx.demo.realActionsAtDemoMeetings();
    if (foreign > 0) {
      throw new BoardPackError(
        'conflict',
        `${foreign} real actions were raised at demo meetings; move or remove them before removing the demo data.`,
      );
    }
    const before = await tx.settings.get(DEMO_SETTING);
    const removed = await tx.demo.removeRows();
    const indicators = await tx.indicators.removeDemo();
    // The removal is recorded once, as demo.remove below, not also as a setting removed.
    await tx.settings.remove(DEMO_SETTING, null);
    await tx.audit.record(
      tx.now(),
      actor,
      'demo.remove',
      'demo',
      DEMO_SETTING,
      before === null ? null : JSON.parse(before),
      {
        ...removed,
        indicatorFigures: indicators.figures,
        indicatorDefinitionChanges: indicators.definitionChanges,
      },
    );
    return removed;
  });
}
