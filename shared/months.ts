// Reporting months ("YYYY-MM") and plan years: pure arithmetic, no Date objects, so results
// never depend on the machine's time zone.
import { z } from 'zod';

export const reportingMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM, for example 2007-09.');
export type ReportingMonth = z.infer<typeof reportingMonthSchema>;

export function isReportingMonth(value: string): boolean {
  return reportingMonthSchema.safeParse(value).success;
}

/** Months since year 0, for comparing and stepping months. */
export function monthIndex(month: ReportingMonth): number {
  return Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1);
}

/** Month labels already written: analysing thousands of series names the same few hundred months. */
const written = new Map<number, ReportingMonth>();

export function monthFromIndex(index: number): ReportingMonth {
  const known = written.get(index);
  if (known !== undefined) return known;
  const year = Math.floor(index / 12);
  const mon = (index % 12) + 1;
  const month = `${String(year).padStart(4, '0')}-${String(mon).padStart(2, '0')}`;
  if (written.size < 100_000) written.set(index, month);
  return month;
}

export function addMonths(month: ReportingMonth, count: number): ReportingMonth {
  return monthFromIndex(monthIndex(month) + count);
}

export function previousMonth(month: ReportingMonth): ReportingMonth {
  return addMonths(month, -1);
}

export function monthsBetween(first: ReportingMonth, last: ReportingMonth): ReportingMonth[] {
  const months: ReportingMonth[] = [];
  for (let i = monthIndex(first); i <= monthIndex(last); i++) months.push(monthFromIndex(i));
  return months;
}

export function isWithin(month: ReportingMonth, first: ReportingMonth, last: ReportingMonth): boolean {
  const i = monthIndex(month);
  return i >= monthIndex(first) && i <= monthIndex(last);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2007-09" → "September 2007", as the board writes it. */
export function monthLabel(month: ReportingMonth): string {
  const [year, mon] = month.split('-').map(Number);
  return `${MONTH_NAMES[mon - 1]} ${year}`;
}

/** Which plan year (1, 2, …) a month falls in, counting from the plan's start month. */
export function planYearOf(month: ReportingMonth, startMonth: ReportingMonth): number {
  return Math.floor((monthIndex(month) - monthIndex(startMonth)) / 12) + 1;
}

/** "2007-10-04" → "4 October 2007". */
export function dateLabel(isoDate: string): string {
  const [year, mon, day] = isoDate.slice(0, 10).split('-').map(Number);
  return `${day} ${MONTH_NAMES[mon - 1]} ${year}`;
}
