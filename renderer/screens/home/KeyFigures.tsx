// The month's exceptions as a few large numbers: what the board will ask about first.
import type { Dashboard } from '../../../shared/contract';
import { hrefFor } from '../../state/route';

/** `concerns`: indicators whose figure this month is special cause for concern (null while loading). */
export function KeyFigures({
  dashboard,
  concerns = null,
}: {
  dashboard: Dashboard;
  concerns?: number | null;
}) {
  const figures: { key: string; label: string; value: number; swatch?: string; href?: string }[] = [
    { key: 'red', label: 'Red', value: dashboard.totals.red ?? 0, swatch: 'red' },
    { key: 'amber', label: 'Amber', value: dashboard.totals.amber ?? 0, swatch: 'amber' },
    { key: 'worsened', label: 'Worsened', value: dashboard.movement.worsened },
    { key: 'missing', label: 'No update', value: dashboard.missing.length },
    { key: 'awaiting', label: 'To accept', value: dashboard.awaitingAcceptance },
    { key: 'overdue', label: 'Overdue actions', value: dashboard.overdueActions.length },
    ...(concerns === null
      ? []
      : [{ key: 'concern', label: 'Indicators: concern', value: concerns, href: hrefFor('performance') }]),
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
            <dd data-figure={f.key}>
              {f.href ? (
                <a href={f.href}>
                  {f.value}
                  <span className="visually-hidden">
                    {f.value === 1 ? ' indicator' : ' indicators'} with special cause for concern: see
                    Performance
                  </span>
                </a>
              ) : (
                f.value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
