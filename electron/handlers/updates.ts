// updates.*: the monthly grid for one strand, autosaved drafts, and the submit / accept / return
// workflow with each objective's revision history.
import { previousMonth } from '../../shared/months';
import { actorOf } from './services';
import type { Group } from './table';

export const updatesHandlers: Group<'updates'> = {
  'updates.grid': ({ store }, { strandNumber, month }) => {
    store.plan.assertMonthInPlan(month);
    const strand = store.plan.strand(strandNumber);
    const lastMonth = previousMonth(month);
    const working = store.updates.working(month, strandNumber);
    const reported = store.updates.reported(month, strandNumber);
    const reportedLastMonth = store.updates.reported(lastMonth, strandNumber);
    // Only the fields the grid shows travel (see gridRowSchema); picked here rather than left to
    // the output check's stripping, so the reply is small without relying on it.
    const rows = store.plan.objectives({ strandNumber, month }).map((objective) => {
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

  'updates.saveDraft': (services, input) =>
    services.store.updates.save(
      { ...input, author: actorOf(services), state: 'draft' },
      services.store.now(),
    ),

  'updates.submit': (services, { ref, month }) =>
    services.store.updates.transition(ref, month, 'submit', actorOf(services), services.store.now()),

  'updates.accept': (services, { ref, month }) =>
    services.store.updates.transition(ref, month, 'accept', actorOf(services), services.store.now()),

  'updates.return': (services, { ref, month, comment }) =>
    services.store.updates.transition(ref, month, 'return', actorOf(services), services.store.now(), comment),

  'updates.history': ({ store }, { ref, month }) => store.updates.history(ref, month),
};
