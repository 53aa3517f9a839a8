// Which reporting month the app opens on: a pure choice from the months the contract returns.
import type { MethodOutput } from '../../shared/contract';

type Months = MethodOutput<'months.list'>;

/** Open on today's work: the month the next meeting reports on, else the contract's current month. */
export function openingMonth(months: Months): string {
  const month = months.nextMeetingMonth;
  return month && months.months.some((m) => m.month === month) ? month : months.current;
}
