// Which reporting month the app opens on when none is remembered: a pure choice from the months
// and meetings the contract returns.
import type { MethodOutput } from '../../shared/contract';

type Months = MethodOutput<'months.list'>;
type Meetings = MethodOutput<'meetings.list'>;

/**
 * Open on today's work: the month reported on by the first meeting from this month on whose pack
 * is not issued yet (the pack being prepared), else the contract's current month.
 */
export function openingMonth(months: Months, meetings: Meetings): string {
  const preparing = [...meetings]
    .sort((a, b) => a.heldAt.localeCompare(b.heldAt))
    .find((m) => m.issuedVersions === 0 && m.heldAt.slice(0, 7) >= months.current);
  const month = preparing?.reportingMonth;
  return month && months.months.some((m) => m.month === month) ? month : months.current;
}
