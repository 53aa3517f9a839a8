// Movement since last month across all strands: how many objectives improved, worsened and so on.
import type { Dashboard } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { MOVEMENT_LABELS, MOVEMENT_MARKS, type Movement } from '../../../shared/status';

const ORDER: Movement[] = ['worsened', 'improved', 'unchanged', 'new', 'no_update'];

export function MovementSummary({ dashboard }: { dashboard: Dashboard }) {
  return (
    <div className="card">
      <h2>Movement since {monthLabel(dashboard.previousMonth)}</h2>
      <dl className="movement-list" data-testid="movement">
        {ORDER.map((m) => (
          <div key={m} className={`movement-item movement-${m}`}>
            <dt>
              <span aria-hidden="true">{MOVEMENT_MARKS[m]} </span>
              {MOVEMENT_LABELS[m]}
            </dt>
            <dd>{dashboard.movement[m]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
