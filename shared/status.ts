// The board's status rules as pure functions: words and colours, RAG order, movement between
// months, "No update" and overdue actions. Everything derived is computed here, never stored.
import type { BoardActionShownStatus, BoardActionStatus, ReportedStatus, Status } from './domain';

export const STATUS_LABELS: Record<ReportedStatus, string> = {
  complete: 'Complete',
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  not_started: 'Not started',
  no_update: 'No update',
};

/** What each status means, as the board's guidance puts it. */
export const STATUS_MEANINGS: Record<ReportedStatus, string> = {
  complete: 'Delivered',
  green: 'On track',
  amber: 'At risk, mitigation in hand',
  red: 'Off track, board attention needed',
  not_started: 'Not yet started',
  no_update: 'No update received this month',
};

/** Fill colours; always shown beside the word so a greyscale print stays unambiguous. */
export const STATUS_COLOURS: Record<ReportedStatus, string> = {
  complete: '#1f5fa8',
  green: '#2e7d32',
  amber: '#e0a100',
  red: '#c62828',
  not_started: '#8a8f98',
  no_update: '#ffffff',
};

/** Order for tables and stacked bars: the worst first, so the eye lands on what needs attention. */
export const STATUS_ORDER: readonly ReportedStatus[] = [
  'red',
  'amber',
  'green',
  'complete',
  'not_started',
  'no_update',
];

/** Key used to type a status in the updates grid (1–5) and its letter. */
export const STATUS_KEYS: Record<Status, { digit: string; letter: string }> = {
  complete: { digit: '1', letter: 'c' },
  green: { digit: '2', letter: 'g' },
  amber: { digit: '3', letter: 'a' },
  red: { digit: '4', letter: 'r' },
  not_started: { digit: '5', letter: 'n' },
};

export function needsNarrative(status: Status): boolean {
  return status === 'red' || status === 'amber';
}

/** Progress rank, higher is better. Not started ranks with Amber: not begun is a concern, not off track. */
const PROGRESS_RANK: Record<Status, number> = {
  red: 0,
  not_started: 1,
  amber: 1,
  green: 2,
  complete: 3,
};

export type Movement = 'improved' | 'worsened' | 'unchanged' | 'new' | 'no_update';

export const MOVEMENT_LABELS: Record<Movement, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  unchanged: 'Unchanged',
  new: 'New',
  no_update: 'No update',
};

/** Movement mark printed beside the status: arrows read in greyscale and in any font we ship. */
export const MOVEMENT_MARKS: Record<Movement, string> = {
  improved: '▲',
  worsened: '▼',
  unchanged: '=',
  new: '+',
  no_update: '–',
};

/**
 * Movement of an objective from last month to this month. No update this month is its own
 * movement (never read as "unchanged"); a status with no status last month is "new".
 */
export function movementOf(previous: ReportedStatus, current: ReportedStatus): Movement {
  if (current === 'no_update') return 'no_update';
  if (previous === 'no_update') return 'new';
  const delta = PROGRESS_RANK[current] - PROGRESS_RANK[previous];
  if (delta > 0) return 'improved';
  if (delta < 0) return 'worsened';
  return 'unchanged';
}

/** An open action whose due date has passed on the given day is overdue. Dates are YYYY-MM-DD. */
export function boardActionShownStatus(
  status: BoardActionStatus,
  dueDate: string | null,
  today: string,
): BoardActionShownStatus {
  if (status === 'complete') return 'complete';
  if (dueDate !== null && dueDate < today) return 'overdue';
  return 'open';
}

export function isStatus(value: string): value is Status {
  return (['complete', 'green', 'amber', 'red', 'not_started'] as string[]).includes(value);
}

/** Accepts what a person types: "Red", "r", "4", "not started", "Not-Started". */
export function parseStatus(input: string): Status | null {
  const cleaned = input
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (isStatus(cleaned)) return cleaned;
  for (const [status, keys] of Object.entries(STATUS_KEYS) as [Status, { digit: string; letter: string }][]) {
    if (cleaned === keys.digit || cleaned === keys.letter) return status;
  }
  return null;
}
