// Before building: what in the month is not ready yet, so the secretariat knows what the pack
// will show as "No update" and can chase it first.
import type { MethodOutput } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { hrefFor } from '../../state/route';
import { useResource } from '../../state/resource';

type Meeting = MethodOutput<'meetings.list'>[number];

export function PackReadiness({ meeting }: { meeting: Meeting }) {
  const month = meeting.reportingMonth;
  const dashboard = useResource(`dashboard:${month}`, () => call('dashboard.get', { month }));
  const d = dashboard.data;
  if (!d) return null;
  const drafts = d.missing.filter((m) => m.working).length;
  if (d.missing.length === 0) {
    return (
      <p className="verify-ok">Every objective has a submitted or accepted update for {monthLabel(month)}.</p>
    );
  }
  return (
    <div className="callout" data-testid="pack-readiness">
      <p>
        <strong>{d.missing.length} objectives</strong> have no submitted update for {monthLabel(month)} and
        will print as &ldquo;No update&rdquo;
        {drafts > 0 ? ` (${drafts} of them are drafts not yet submitted)` : ''}.
      </p>
      <a href={hrefFor('home')}>See which strands are missing updates</a>
    </div>
  );
}
