// plan.*: the strategy, its strands and objectives with this month's status, and plan edits.
import type { ReportedStatus } from '../../shared/domain';
import { actorOf } from './services';
import { currentMonth, currentReportingMonth } from './currentMonth';
import type { Group } from './table';

function matchesTheme(objectiveCode: string, wanted: string): boolean {
  // "P" finds every objective under Prevention, including combined headings such as "RP".
  return wanted.length === 1 ? objectiveCode.includes(wanted) : objectiveCode === wanted;
}

export const planHandlers: Group<'plan'> = {
  'plan.get': async ({ store }) => {
    const seen = new Map<string, string>();
    for (const o of await store.plan.objectives({ includeRetired: true }))
      if (!seen.has(o.themeCode)) seen.set(o.themeCode, o.theme);
    return {
      ...(await store.plan.detail()),
      strands: await store.plan.strands(),
      themes: [...seen].map(([code, theme]) => ({ code, theme })),
    };
  },

  'plan.objectives': async ({ store }, filter) => {
    const month = filter.month ?? (await currentMonth(store));
    const reported = await store.updates.reported(month, filter.strandNumber);
    const words = filter.text?.trim().toLowerCase() ?? '';
    const objectives = (
      await store.plan.objectives({
        strandNumber: filter.strandNumber,
        month,
        includeRetired: filter.includeRetired,
      })
    )
      .map((o) => ({ ...o, status: (reported.get(o.ref)?.status ?? 'no_update') as ReportedStatus }))
      .filter((o) => (filter.themeCode ? matchesTheme(o.themeCode, filter.themeCode) : true))
      .filter((o) => (filter.year ? o.year === filter.year : true))
      .filter((o) => (filter.status ? o.status === filter.status : true))
      .filter((o) =>
        words
          ? [o.ref, o.text, o.targetText ?? '', o.owner ?? ''].some((field) =>
              field.toLowerCase().includes(words),
            )
          : true,
      );
    return { month, objectives };
  },

  'plan.addObjective': async (services, input) =>
    await services.store.plan.addObjective(
      { ...input, startMonth: input.startMonth ?? (await currentReportingMonth(services.store)) },
      services.store.now(),
      await actorOf(services),
    ),

  'plan.rewordObjective': async (services, { ref, ...changes }) =>
    await services.store.plan.rewordObjective(ref, changes, services.store.now(), await actorOf(services)),

  'plan.retireObjective': async (services, { ref, fromMonth }) =>
    await services.store.plan.retireObjective(ref, fromMonth, services.store.now(), await actorOf(services)),

  'plan.unretireObjective': async (services, { ref }) =>
    await services.store.plan.unretireObjective(ref, services.store.now(), await actorOf(services)),

  'plan.deleteObjective': async (services, { ref }) => {
    await services.store.plan.deleteObjective(ref, services.store.now(), await actorOf(services));
    return { deleted: ref };
  },
};
