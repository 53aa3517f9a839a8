// The month's exceptions as a few large numbers: what the board will ask about first.
import type { Dashboard } from '../../../shared/contract';
import { hrefFor } from '../../state/route';

export function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const figures = [
    { key: 'red', label: 'Red', value: dashboard.totals.red ?? 0, swatch: 'red' },
    { key: 'amber', label: 'Amber', value: dashboard.totals.amber ?? 0, swatch: 'amber' },
    { key: 'worsened', label: 'Worsened', value: dashboard.movement.worsened },
    { key: 'missing', label: 'No update', value: dashboard.missing.length },
    { key: 'awaiting', label: 'To accept', value: dashboard.awaitingAcceptance },
    { key: 'overdue', label: 'Overdue actions', value: dashboard.overdueActions.length },
  ];
  return (
    <div className="card">
      <div className="card-head">
        <h2 id="figures-title">This month</h2>
        <a className="small" href={hrefFor('plan')}>
          Find objectives
        </a>
      </div>
      <dl className="key-figures" aria-labelledby="figures-title" data-testid="key-figures">
        {figures.map((f) => (
          <div
            key={f.key}
            className={`key-figure${f.value > 0 && f.key !== 'awaiting' ? ' key-figure-attention' : ''}`}
          >
            <dt>
              {f.swatch && (
                <span className={`status status-${f.swatch}`}>
                  <span className="status-swatch" aria-hidden="true" />
                </span>
              )}
              {f.label}
            </dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
