// Dates and timestamps that name a real day and time: the YYYY-MM-DD and ISO shapes alone let
// "2099-02-30" and "2007-13-45T99:99Z" through. Used where a file or a person supplies a date.
import { isoDateSchema, isoTimestampSchema } from './domain';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a YYYY-MM-DD that is a day on the calendar, from year 1 (no "0000-00-00"). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** True for an ISO timestamp (UTC, "Z") whose day is real and whose time is within 00:00–23:59:59. */
export function isCalendarTimestamp(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z$/.exec(text);
  if (!match || !isCalendarDate(match[1])) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4] ?? '0'].map(Number);
  return hours <= 23 && minutes <= 59 && seconds <= 59;
}

export const calendarDateSchema = isoDateSchema.refine(isCalendarDate, 'That is not a date on the calendar.');

export const calendarTimestampSchema = isoTimestampSchema.refine(
  isCalendarTimestamp,
  'That is not a real date and time.',
);
