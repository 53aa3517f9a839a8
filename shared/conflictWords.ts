// The sentences that refuse a change another desk made first: who made theirs, when, and at which
// desk, taken from the audit row of that change. Pure, so the wording is tested on its own.
import { dateLabel } from './months';

/** Who made a change, when and from where: an audit row's actor, at and desk. */
export interface ChangeMade {
  actor: string;
  at: string;
  desk: string;
}

/** "SVB-LAPTOP" from the desk "SVB-LAPTOP/3f9a2c": the mark tells runs of the app apart, not people. */
export function deskLabel(desk: string): string {
  return desk.split('/')[0].trim();
}

/** The day (YYYY-MM-DD) and time (HH:MM) of an ISO timestamp in a time zone (the machine's when none). */
function localParts(iso: string, timeZone?: string): { day: string; time: string } | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/**
 * "at 14:02" for a change made on the day of `now`, "on 4 October 2007 at 14:02" for an earlier
 * one. The store words it on the desk itself, so the time is the one on the person's own clock.
 */
export function whenWords(at: string, now: string, timeZone?: string): string {
  const then = localParts(at, timeZone);
  if (!then) return '';
  const today = localParts(now, timeZone);
  return today?.day === then.day ? `at ${then.time}` : `on ${dateLabel(then.day)} at ${then.time}`;
}

function madeWhere(desk: string): string {
  const label = deskLabel(desk);
  return label ? ` on ${label}` : '';
}

/** What the person can do about a refused save: both versions are on screen to choose from. */
export const CHOOSE_A_VERSION = 'Your version is kept on screen: choose which to keep.';

/** What the person can do about a refused workflow step: look at what the other desk did first. */
export const LOOK_FIRST = 'Their version is on screen now: look at it before you try again.';

/**
 * Why a save was refused: "Jo Bloggs changed this update at 14:02 on SVB-LAPTOP since you opened
 * it. …". `what` names the record ("this update", "this agenda", "action A2007-10/1").
 */
export function editConflictSentence(
  what: string,
  change: ChangeMade | null,
  now: string,
  options: { advice?: string; timeZone?: string } = {},
): string {
  const advice = options.advice ?? CHOOSE_A_VERSION;
  if (!change) return `Someone else changed ${what} since you opened it. ${advice}`;
  const who = change.actor.trim() || 'Someone else';
  const when = whenWords(change.at, now, options.timeZone);
  return `${who} changed ${what}${when ? ` ${when}` : ''}${madeWhere(change.desk)} since you opened it. ${advice}`;
}

/** Why issuing a pack was refused: another desk issued that version (or a later one) first. */
export function packIssuedSentence(
  issued: { version: number; issuedAt: string; issuedBy: string; desk: string },
  now: string,
  timeZone?: string,
): string {
  const when = whenWords(issued.issuedAt, now, timeZone);
  return (
    `Version ${issued.version} of this pack was issued${when ? ` ${when}` : ''}${madeWhere(issued.desk)} ` +
    `by ${issued.issuedBy}; build again to issue version ${issued.version + 1}.`
  );
}
