// Last month's update beside this month's, so the lead writes on from where the board left off.
import type { GridRow } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { StatusBadge } from '../../components/StatusBadge';

export function LastMonth({ row, previousMonth }: { row: GridRow; previousMonth: string }) {
  return (
    <section className="last-month" aria-label={`Last month, ${monthLabel(previousMonth)}`}>
      <h3>
        {monthLabel(previousMonth)}: <StatusBadge status={row.lastMonthStatus} />
      </h3>
      {row.lastMonth?.narrative ? (
        <p>{row.lastMonth.narrative}</p>
      ) : (
        <p className="muted">No narrative last month.</p>
      )}
      {row.lastMonth?.nextSteps && (
        <p className="small">
          <strong>Next steps then:</strong> {row.lastMonth.nextSteps}
        </p>
      )}
    </section>
  );
}
