// Every indicator, grouped by key outcome and strand: a sparkline, the latest figure, its variation
// and the target's assurance in words and marks. A measure that is not counted shows its note.
import { memo, startTransition, useEffect, useState } from 'react';
import type { IndicatorListItem } from '../../../shared/contractIndicators';
import { monthLabel } from '../../../shared/months';
import { formatFigure } from '../../../shared/spcWords';
import { TableScroll } from '../../components/TableScroll';
import { hrefFor } from '../../state/route';
import type { IndicatorGroup } from './groups';
import { ListSparkline } from './ListSparkline';
import { AssuranceWords, VariationWords } from './VariationWords';

/** Rows drawn in the first frame; the rest follow straight after, in a render that gives way to input. */
const FIRST_ROWS = 40;

/** Each group with its first rows, up to `limit` rows in all; groups past the limit are left out. */
function drawnGroups<T>(groups: IndicatorGroup<T>[], limit: number): IndicatorGroup<T>[] {
  const drawn: IndicatorGroup<T>[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    drawn.push(group.items.length <= left ? group : { ...group, items: group.items.slice(0, left) });
    left -= group.items.length;
  }
  return drawn;
}

/**
 * Hundreds of indicators are thousands of elements: the first screenful is drawn at once and the
 * rest in the next render, which React interrupts for a key press or a click. `key` the list by
 * what it shows, so that other data is drawn the same way.
 */
export function IndicatorList({ groups }: { groups: IndicatorGroup<IndicatorListItem>[] }) {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const complete = limit >= groups.reduce((n, g) => n + g.items.length, 0);
  useEffect(() => {
    if (!complete) startTransition(() => setLimit(Number.MAX_SAFE_INTEGER));
  }, [complete]);
  return (
    <div
      className="indicator-groups"
      data-testid="indicator-list"
      data-complete={complete ? 'true' : 'false'}
    >
      {drawnGroups(groups, limit).map((group) => (
        <section key={group.id} className="card indicator-group" aria-labelledby={`group-${group.id}`}>
          <div className="card-head">
            <h2 id={`group-${group.id}`}>{group.title}</h2>
            {group.grid && (
              <a
                className="small"
                href={hrefFor('performance', 'figures', group.grid.kind, group.grid.number)}
              >
                Enter figures<span className="visually-hidden"> for {group.title}</span>
              </a>
            )}
          </div>
          <TableScroll label={`Indicators: ${group.title}`}>
            <table className="indicator-table">
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Last 24 months</th>
                  <th scope="col">Latest</th>
                  <th scope="col">Variation</th>
                  <th scope="col">Assurance</th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((item) => (
                  <IndicatorRow key={item.indicator.ref} item={item} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </div>
  );
}

const IndicatorRow = memo(function IndicatorRow({ item }: { item: IndicatorListItem }) {
  const { indicator, latest } = item;
  const name = (
    <th scope="row" className="indicator-name">
      <a href={hrefFor('performance', indicator.ref)}>
        <span className="ref">{indicator.ref}</span> {indicator.title}
      </a>
      {indicator.retiredFrom && (
        <span className="pill row-flag">Retired from {monthLabel(indicator.retiredFrom)}</span>
      )}
    </th>
  );
  if (!indicator.countable || indicator.unit === null)
    return (
      <tr data-ref={indicator.ref}>
        {name}
        <td colSpan={4} className="small">
          <span className="muted">Not counted month by month.</span> {indicator.notes.join(' ')}
        </td>
      </tr>
    );
  return (
    <tr data-ref={indicator.ref}>
      {name}
      <td>
        <ListSparkline values={item.sparkline} variation={latest?.variation ?? null} />
      </td>
      <td className="nowrap">
        {latest ? (
          <>
            {formatFigure(latest.value, indicator.unit, indicator.per ?? undefined)}{' '}
            <span className="small muted">{monthLabel(latest.month)}</span>
          </>
        ) : (
          <span className="muted">No figure</span>
        )}
      </td>
      <td>
        <VariationWords variation={latest?.variation ?? null} />
      </td>
      <td>
        <AssuranceWords assurance={item.assurance} hasTarget={indicator.target !== null} />
      </td>
    </tr>
  );
});
