// Status counts per strand for the month, as a table with a stacked bar in each row.
import type { ReportedStatus } from '../../../shared/domain';
import type { Dashboard } from '../../../shared/contract';
import { STATUS_ORDER } from '../../../shared/status';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusBar, StatusLegend } from '../../components/StatusBar';
import { hrefFor } from '../../state/route';
import { TableScroll } from '../../components/TableScroll';

function count(counts: Partial<Record<ReportedStatus, number>>, status: ReportedStatus): number {
  return counts[status] ?? 0;
}

export function StrandCountsTable({ dashboard }: { dashboard: Dashboard }) {
  return (
    <div className="card">
      <div className="card-head">
        <h2 id="counts-title">Status by strand</h2>
        <span className="muted small">{dashboard.total} objectives</span>
      </div>
      <TableScroll label="Status by strand">
        <table aria-labelledby="counts-title" className="counts-table" data-testid="strand-counts">
          <thead>
            <tr>
              <th scope="col">Strand</th>
              {STATUS_ORDER.map((s) => (
                <th key={s} scope="col" className="number">
                  <StatusBadge status={s} />
                </th>
              ))}
              <th scope="col" className="number">
                Total
              </th>
              <th scope="col" className="number">
                <span aria-hidden="true">▼ </span>Worsened
              </th>
              <th scope="col">
                <span className="visually-hidden">Bar</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.strands.map((s) => (
              <tr key={s.strandNumber} data-strand={s.strandNumber}>
                <th scope="row">
                  <a href={hrefFor('updates', s.strandNumber)}>
                    {s.strandNumber}. {s.strandTitle}
                  </a>
                </th>
                {STATUS_ORDER.map((status) => (
                  <td key={status} className="number" data-status={status}>
                    {count(s.counts, status)}
                  </td>
                ))}
                <td className="number">{s.total}</td>
                <td
                  className={`number${s.movement.worsened > 0 ? ' worsened-cell' : ''}`}
                  data-movement="worsened"
                >
                  {s.movement.worsened}
                </td>
                <td className="bar-cell">
                  <StatusBar counts={s.counts} total={s.total} label={`Strand ${s.strandNumber}`} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-strand="total">
              <th scope="row">All strands</th>
              {STATUS_ORDER.map((status) => (
                <td key={status} className="number" data-status={status}>
                  {count(dashboard.totals, status)}
                </td>
              ))}
              <td className="number">{dashboard.total}</td>
              <td className="number" data-movement="worsened">
                {dashboard.movement.worsened}
              </td>
              <td className="bar-cell">
                <StatusBar counts={dashboard.totals} total={dashboard.total} label="All strands" />
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <StatusLegend />
    </div>
  );
}
