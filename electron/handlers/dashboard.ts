// dashboard.get and months.list: the month at a glance (counts, movement, what is missing) and
// what is left before the next meeting's pack can be issued.
import type { MovementCounts, PackChecklistItem } from '../../shared/contract';
import type { ReportedStatus } from '../../shared/domain';
import { monthsBetween, previousMonth, type ReportingMonth } from '../../shared/months';
import { movementOf } from '../../shared/status';
import type { Store } from '../store/store';
import { currentMonth } from './currentMonth';
import { issuedPackCount } from './packs';
import { nextMeeting } from './nextMeeting';
import type { Group } from './table';

function emptyMovement(): MovementCounts {
  return { improved: 0, worsened: 0, unchanged: 0, new: 0, no_update: 0 };
}

/** The month's workflow counts: what is not reported yet, waiting for acceptance, still in draft. */
async function monthProgress(store: Store, month: ReportingMonth) {
  const working = await store.updates.working(month);
  const reported = await store.updates.reported(month);
  const objectives = await store.plan.objectives({ month });
  let awaiting = 0;
  let drafts = 0;
  for (const update of working.values()) {
    if (update.state === 'submitted') awaiting += 1;
    if (update.state === 'draft' || update.state === 'returned') drafts += 1;
  }
  const missing = objectives.filter((o) => !reported.has(o.ref));
  return { objectives, working, reported, missing, awaiting, drafts };
}

type MonthProgress = Awaited<ReturnType<typeof monthProgress>>;

async function checklist(
  store: Store,
  meetingId: number,
  progress: MonthProgress,
  issued: number,
): Promise<PackChecklistItem[]> {
  const agenda = (await store.meetings.agenda(meetingId)).length;
  const overdue = (await store.meetings.actions(store.today(), { status: 'overdue' })).length;
  return [
    {
      key: 'missing_updates',
      label: 'Every objective has an update for the month',
      done: progress.missing.length === 0,
      count: progress.missing.length,
    },
    {
      key: 'awaiting_acceptance',
      label: 'Submitted updates accepted or returned',
      done: progress.awaiting === 0,
      count: progress.awaiting,
    },
    {
      key: 'drafts_not_submitted',
      label: 'Drafts submitted by strand leads',
      done: progress.drafts === 0,
      count: progress.drafts,
    },
    { key: 'agenda', label: 'Agenda set', done: agenda > 0, count: agenda },
    { key: 'overdue_actions', label: 'Overdue actions chased', done: overdue === 0, count: overdue },
    { key: 'issued', label: 'Pack issued', done: issued > 0, count: issued },
  ];
}

export const dashboardHandlers: Group<'dashboard' | 'months'> = {
  'dashboard.get': async ({ store }, { month: wanted }) => {
    const month = wanted ?? (await currentMonth(store));
    await store.plan.assertMonthInPlan(month);
    const lastMonth = previousMonth(month);
    const summary = await store.updates.monthSummary(month);
    const progress = await monthProgress(store, month);
    const reportedLastMonth = await store.updates.reported(lastMonth);

    const movement = emptyMovement();
    const byStrand = new Map<number, MovementCounts>();
    for (const objective of progress.objectives) {
      const now: ReportedStatus = progress.reported.get(objective.ref)?.status ?? 'no_update';
      const before: ReportedStatus = reportedLastMonth.get(objective.ref)?.status ?? 'no_update';
      const move = movementOf(before, now);
      movement[move] += 1;
      const strandMovement = byStrand.get(objective.strandNumber) ?? emptyMovement();
      strandMovement[move] += 1;
      byStrand.set(objective.strandNumber, strandMovement);
    }

    const today = store.today();
    const next = await nextMeeting(store);
    const issued = next ? await issuedPackCount(store, next.id) : 0;

    return {
      month,
      previousMonth: lastMonth,
      strands: summary.strands.map((s) => ({
        ...s,
        movement: byStrand.get(s.strandNumber) ?? emptyMovement(),
      })),
      totals: summary.totals,
      total: summary.total,
      movement,
      missing: progress.missing.map((o) => ({
        ref: o.ref,
        strandNumber: o.strandNumber,
        text: o.text,
        working: progress.working.has(o.ref),
      })),
      awaitingAcceptance: progress.awaiting,
      overdueActions: await store.meetings.actions(today, { status: 'overdue' }),
      nextMeeting: next
        ? {
            meeting: next,
            issuedVersions: issued,
            // Usually the dashboard's own month: its progress is worked out once, not twice.
            checklist: await checklist(
              store,
              next.id,
              next.reportingMonth === month ? progress : await monthProgress(store, next.reportingMonth),
              issued,
            ),
          }
        : null,
    };
  },

  'months.list': async ({ store }) => {
    const plan = await store.plan.summary();
    const counts = new Map((await store.updates.reportedCountsByMonth()).map((r) => [r.month, r.count]));
    return {
      months: monthsBetween(plan.startMonth, plan.endMonth).map((month) => ({
        month,
        reported: counts.get(month) ?? 0,
      })),
      current: await currentMonth(store),
      nextMeetingMonth: (await nextMeeting(store))?.reportingMonth ?? null,
      latestReported: await store.updates.latestReportedMonth(),
    };
  },
};
