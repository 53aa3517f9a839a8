// updates.*: the monthly grid for one strand, autosaved drafts, and the submit / accept / return
// workflow with each objective's revision history.
import { previousMonth } from '../../shared/months';
import { carryForwardHandlers } from './carryForward';
import { actorOf } from './services';
import type { Group } from './table';
import { monthSummary, recordUpdate } from './updatesRecord';

export const updatesHandlers: Group<'updates'> = {
  'updates.grid': async ({ store }, { strandNumber, month }) => {
    await store.plan.assertMonthInPlan(month);
    const strand = await store.plan.strand(strandNumber);
    const lastMonth = previousMonth(month);
    const working = await store.updates.working(month, strandNumber);
    const reported = await store.updates.reported(month, strandNumber);
    const reportedLastMonth = await store.updates.reported(lastMonth, strandNumber);
    // Only the fields the grid shows travel (see gridRowSchema); picked here rather than left to
    // the output check's stripping, so the reply is small without relying on it.
    const rows = (await store.plan.objectives({ strandNumber, month })).map((objective) => {
      const { ref, text, theme, themeCode, year, targetText, targetValue } = objective;
      const last = reportedLastMonth.get(ref) ?? null;
      return {
        objective: { ref, text, theme, themeCode, year, targetText, targetValue },
        working: working.get(ref) ?? null,
        reportedStatus: reported.get(ref)?.status ?? 'no_update',
        lastMonthStatus: last?.status ?? 'no_update',
        lastMonth: last && { narrative: last.narrative, nextSteps: last.nextSteps },
      } as const;
    });
    return { strand, month, previousMonth: lastMonth, rows };
  },

  'updates.saveDraft': async (services, input) =>
    await services.store.updates.save(
      { ...input, author: await actorOf(services), state: 'draft' },
      services.store.now(),
    ),

  'updates.submit': async (services, { ref, month, baseVersion }) =>
    await services.store.updates.transition(
      ref,
      month,
      'submit',
      await actorOf(services),
      services.store.now(),
      '',
      baseVersion,
    ),

  'updates.accept': async (services, { ref, month, baseVersion }) =>
    await services.store.updates.transition(
      ref,
      month,
      'accept',
      await actorOf(services),
      services.store.now(),
      '',
      baseVersion,
    ),

  'updates.return': async (services, { ref, month, comment, baseVersion }) =>
    await services.store.updates.transition(
      ref,
      month,
      'return',
      await actorOf(services),
      services.store.now(),
      comment,
      baseVersion,
    ),

  'updates.record': recordUpdate,

  'updates.monthSummary': monthSummary,

  'updates.history': async ({ store }, { ref, month }) => await store.updates.history(ref, month),

  ...carryForwardHandlers,
};
