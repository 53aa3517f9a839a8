// updates.record and updates.monthSummary: an update recorded in one step (a lead's submitted
// update, or the secretariat recording an accepted one on a lead's behalf), and a month's counts
// by strand and status. The command line needed them first; the screens may call them too.
import { actorOf } from './services';
import type { Handler } from './table';

/**
 * The same save draft → submit → accept the screens take, as one transaction: the same rules
 * (a Red or Amber update needs a narrative; only a submitted update is accepted) and an audit row
 * for each step, and nothing left behind when a step is refused.
 */
export const recordUpdate: Handler<'updates.record'> = async (services, { state, ...update }) => {
  const actor = await actorOf(services);
  const at = services.store.now();
  return await services.store.transaction(async (tx) => {
    await tx.updates.save({ ...update, author: actor, state: 'draft' }, at);
    const submitted = await tx.updates.transition(update.ref, update.month, 'submit', actor, at);
    if (state === 'submitted') return submitted;
    return await tx.updates.transition(update.ref, update.month, 'accept', actor, at);
  });
};

/** The month given, else the latest month with reported updates; null when nothing is reported yet. */
export const monthSummary: Handler<'updates.monthSummary'> = async ({ store }, { month }) => {
  const shown = month ?? (await store.updates.latestReportedMonth());
  if (shown === null) return null;
  await store.plan.assertMonthInPlan(shown);
  return await store.updates.monthSummary(shown);
};
