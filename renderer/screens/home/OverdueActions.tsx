// Board actions past their due date and still open.
import type { Dashboard } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { hrefFor } from '../../state/route';
import { TableScroll } from '../../components/TableScroll';

export function OverdueActions({ dashboard }: { dashboard: Dashboard }) {
  const overdue = dashboard.overdueActions;
  return (
    <div className="card">
      <div className="card-head">
        <h2 id="overdue-title">Overdue actions</h2>
        <a href={hrefFor('meetings', 'actions')} className="small">
          Action log
        </a>
      </div>
      {overdue.length === 0 ? (
        <p className="muted">No board action is overdue.</p>
      ) : (
        <TableScroll label="Overdue actions">
          <table aria-labelledby="overdue-title">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((a) => (
                <tr key={a.ref}>
                  <td>
                    <span className="ref">{a.ref}</span> {a.description}
                  </td>
                  <td>{a.owner}</td>
                  <td className="nowrap">{a.dueDate ? dateLabel(a.dueDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
