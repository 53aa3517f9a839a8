// An objective's status month by month, from its revisions: the strip beside the revision list and
// in each strand report. The rule is the store's (updates.is_reported): a month shows its latest
// submitted or accepted revision; a draft or a returned revision is not yet what the board sees.
import type { ReportedStatus, Status, WorkflowState } from './domain';
import type { ReportingMonth } from './months';

export interface StripRevision {
  month: ReportingMonth;
  revision: number;
  status: Status;
  state: WorkflowState;
}

/** Each month's reported status, in the order of `months`; No update where none is reported. */
export function monthlyStatuses(
  revisions: readonly StripRevision[],
  months: readonly ReportingMonth[],
): { month: ReportingMonth; status: ReportedStatus }[] {
  const latest = new Map<ReportingMonth, StripRevision>();
  for (const r of revisions) {
    if (r.state !== 'submitted' && r.state !== 'accepted') continue;
    const seen = latest.get(r.month);
    if (!seen || r.revision > seen.revision) latest.set(r.month, r);
  }
  return months.map((month) => ({ month, status: latest.get(month)?.status ?? 'no_update' }));
}

/** One letter per status for the strip; No update has none (it is drawn as a hollow box). */
export const STATUS_STRIP_LETTERS: Record<ReportedStatus, string> = {
  complete: 'C',
  green: 'G',
  amber: 'A',
  red: 'R',
  not_started: 'N',
  no_update: '',
};
