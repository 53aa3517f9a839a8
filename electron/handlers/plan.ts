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
  'plan.get': ({ store }) => {
    const seen = new Map<string, string>();
    for (const o of store.plan.objectives({ includeRetired: true }))
      if (!seen.has(o.themeCode)) seen.set(o.themeCode, o.theme);
    return {
      ...store.plan.detail(),
      strands: store.plan.strands(),
      themes: [...seen].map(([code, theme]) => ({ code, theme })),
    };
  },

  'plan.objectives': ({ store }, filter) => {
    const month = filter.month ?? currentMonth(store);
    const reported = store.updates.reported(month, filter.strandNumber);
    const words = filter.text?.trim().toLowerCase() ?? '';
    const objectives = store.plan
      .objectives({ strandNumber: filter.strandNumber, month, includeRetired: filter.includeRetired })
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

  'plan.addObjective': (services, input) =>
    services.store.plan.addObjective(
      { ...input, startMonth: input.startMonth ?? currentReportingMonth(services.store) },
      services.store.now(),
      actorOf(services),
    ),

  'plan.rewordObjective': (services, { ref, ...changes }) =>
    services.store.plan.rewordObjective(ref, changes, services.store.now(), actorOf(services)),

  'plan.retireObjective': (services, { ref, fromMonth }) =>
    services.store.plan.retireObjective(ref, fromMonth, services.store.now(), actorOf(services)),

  'plan.unretireObjective': (services, { ref }) =>
    services.store.plan.unretireObjective(ref, services.store.now(), actorOf(services)),

  'plan.deleteObjective': (services, { ref }) => {
    services.store.plan.deleteObjective(ref, services.store.now(), actorOf(services));
    return { deleted: ref };
  },
};
