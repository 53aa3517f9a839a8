// Which reporting month the app opens on, shared by the months list, the dashboard and the plan.
import { isWithin, type ReportingMonth } from '../../shared/months';
import type { Store } from '../store/store';
import { nextMeeting } from './nextMeeting';

/** This month when it is inside the plan period; otherwise the latest reported month, else the plan's first. */
export async function currentMonth(store: Store): Promise<ReportingMonth> {
  const plan = await store.plan.summary();
  const thisMonth = store.today().slice(0, 7);
  if (isWithin(thisMonth, plan.startMonth, plan.endMonth)) return thisMonth;
  return (await store.updates.latestReportedMonth()) ?? plan.startMonth;
}

/**
 * The month the secretariat is reporting on: the one the next meeting reports on, else the month
 * the app opens on. A new objective starts here, so it is never "No update" in a month gone by.
 */
export async function currentReportingMonth(store: Store): Promise<ReportingMonth> {
  const plan = await store.plan.summary();
  const meetingMonth = (await nextMeeting(store))?.reportingMonth;
  if (meetingMonth && isWithin(meetingMonth, plan.startMonth, plan.endMonth)) return meetingMonth;
  return await currentMonth(store);
}
