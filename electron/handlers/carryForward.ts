// updates.carryForward, updates.carryForwardStrand and updates.statusStrip: recording "No change
// since last month" as a new draft (so it still goes through submit and accept), and an objective's
// reported status month by month for the strip beside its revision list.
import { BoardPackError } from '../../shared/errors';
import type { Update } from '../../shared/domain';
import { monthLabel, monthsBetween, previousMonth, type ReportingMonth } from '../../shared/months';
import { monthlyStatuses } from '../../shared/statusStrip';
import type { StoreTx } from '../store/store';
import { actorOf } from './services';
import type { HandlerTable } from './table';

export function noChangeSince(lastMonth: ReportingMonth): string {
  return `No change since ${monthLabel(lastMonth)}.`;
}

/** Why an objective cannot be carried forward into the month, in words; null when it can. */
async function whyNotCarried(
  store: StoreTx,
  ref: string,
  month: ReportingMonth,
  last: Update | undefined,
): Promise<string | null> {
  const current = await store.updates.current(ref, month);
  if (current)
    return `${ref} already has an update for ${monthLabel(month)} (${current.state}, revision ${current.revision}); edit that instead.`;
  if (!last)
    return `${ref} has no update for ${monthLabel(previousMonth(month))} to carry forward; write this month's update instead.`;
  return null;
}

/**
 * Last month's reported status, next steps and risks as a new draft revision for this month. The
 * metric actual is not carried: a figure is measured each month, never assumed. Last month's own
 * revisions are not touched.
 */
async function carry(
  store: StoreTx,
  last: Update,
  month: ReportingMonth,
  author: string,
  at: string,
  narrative?: string,
): Promise<Update> {
  return await store.updates.save(
    {
      ref: last.ref,
      month,
      status: last.status,
      narrative: narrative ?? noChangeSince(last.month),
      nextSteps: last.nextSteps,
      risks: last.risks,
      metricActual: null,
      author,
      state: 'draft',
    },
    at,
  );
}

export const carryForwardHandlers: Pick<
  HandlerTable,
  'updates.carryForward' | 'updates.carryForwardStrand' | 'updates.statusStrip'
> = {
  'updates.carryForward': async (services, { ref, month, narrative }) => {
    const { store } = services;
    await store.plan.assertMonthInPlan(month);
    const objective = await store.plan.objective(ref);
    const last = (await store.updates.reported(previousMonth(month), objective.strandNumber)).get(ref);
    const reason = await whyNotCarried(store, ref, month, last);
    if (reason || !last) throw new BoardPackError('conflict', reason ?? '');
    return await carry(store, last, month, await actorOf(services), store.now(), narrative);
  },

  'updates.carryForwardStrand': async (services, { strandNumber, month }) => {
    const { store } = services;
    await store.plan.assertMonthInPlan(month);
    await store.plan.strand(strandNumber);
    const actor = await actorOf(services);
    const at = store.now();
    return await store.transaction(async (tx) => {
      const lastMonth = await tx.updates.reported(previousMonth(month), strandNumber);
      const carried: Update[] = [];
      const skipped: { ref: string; reason: string }[] = [];
      for (const objective of await tx.plan.objectives({ strandNumber, month })) {
        const last = lastMonth.get(objective.ref);
        const reason = await whyNotCarried(tx, objective.ref, month, last);
        if (reason || !last) skipped.push({ ref: objective.ref, reason: reason ?? '' });
        else carried.push(await carry(tx, last, month, actor, at));
      }
      return { month, carried, skipped };
    });
  },

  'updates.statusStrip': async ({ store }, { ref, to }) => {
    await store.plan.assertMonthInPlan(to);
    const plan = await store.plan.summary();
    const objective = await store.plan.objective(ref);
    const from = objective.startMonth > plan.startMonth ? objective.startMonth : plan.startMonth;
    const months = from <= to ? monthsBetween(from, to) : [];
    return { ref: objective.ref, months: monthlyStatuses(await store.updates.history(ref), months) };
  },
};
