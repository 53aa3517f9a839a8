// Objectives with nothing submitted or accepted for the month, grouped by strand, each strand a
// link to its updates grid so the next step is one click (or Enter) away.
import type { Dashboard } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { hrefFor } from '../../state/route';
import { TableScroll } from '../../components/TableScroll';

export function MissingUpdates({ dashboard }: { dashboard: Dashboard }) {
  const byStrand = new Map<number, Dashboard['missing']>();
  for (const m of dashboard.missing)
    byStrand.set(m.strandNumber, [...(byStrand.get(m.strandNumber) ?? []), m]);
  const titles = new Map(dashboard.strands.map((s) => [s.strandNumber, s.strandTitle]));

  return (
    <div className="card">
      <div className="card-head">
        <h2 id="missing-title">Missing updates</h2>
        <span className="muted small" data-testid="missing-count">
          {dashboard.missing.length} objectives have no update
        </span>
      </div>
      {dashboard.missing.length === 0 ? (
        <EmptyState title="Every objective has an update">
          <p>All strands have reported for this month. Accept any waiting updates, then build the pack.</p>
        </EmptyState>
      ) : (
        <TableScroll label="Objectives with no update">
          <table aria-labelledby="missing-title">
            <thead>
              <tr>
                <th scope="col">Strand</th>
                <th scope="col" className="number">
                  No update
                </th>
                <th scope="col" className="number">
                  Being drafted
                </th>
                <th scope="col">Next step</th>
              </tr>
            </thead>
            <tbody>
              {[...byStrand.entries()].map(([strand, items]) => (
                <tr key={strand}>
                  <th scope="row">
                    {strand}. {titles.get(strand)}
                  </th>
                  <td className="number">{items.length}</td>
                  <td className="number">{items.filter((i) => i.working).length}</td>
                  <td>
                    <a href={hrefFor('updates', strand)}>Record updates for strand {strand}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
