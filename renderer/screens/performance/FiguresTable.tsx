// An indicator's figures as a table, newest month first: the figure (and what it is a ratio of),
// the mean and limits it is judged against, its variation in words, and where it came from.
import { FIGURE_SOURCE_LABELS, type IndicatorDetail } from '../../../shared/contractIndicators';
import { monthLabel } from '../../../shared/months';
import { formatFigure, formatNumber } from '../../../shared/spcWords';
import { TableScroll } from '../../components/TableScroll';
import { VariationWords } from './VariationWords';

export function FiguresTable({ detail }: { detail: IndicatorDetail }) {
  const { indicator } = detail;
  const unit = indicator.unit ?? 'count';
  const per = indicator.per ?? undefined;
  const held = new Map(detail.figures.map((f) => [f.month, f]));
  const months = detail.months.filter((m) => m.value !== null).reverse();
  const limit = (v: number | null) => (v === null ? '—' : formatNumber(v, 2));
  return (
    <section className="card" aria-labelledby="figures-table-title">
      <h2 id="figures-table-title">Figures</h2>
      {months.length === 0 ? (
        <p className="muted">No figures yet. Enter them in the grid below.</p>
      ) : (
        <TableScroll label={`Figures for ${indicator.ref}`}>
          <table className="figures-table" data-testid="figures-table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="number">
                  Figure
                </th>
                <th scope="col">Of</th>
                <th scope="col" className="number">
                  Mean
                </th>
                <th scope="col" className="number">
                  Lower limit
                </th>
                <th scope="col" className="number">
                  Upper limit
                </th>
                <th scope="col">Variation</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => {
                const figure = held.get(m.month);
                const revised =
                  figure && figure.revisions.length > 0 ? ` (revised ${figure.revisions.length}×)` : '';
                return (
                  <tr key={m.month} data-month={m.month}>
                    <th scope="row" className="nowrap">
                      {monthLabel(m.month)}
                    </th>
                    <td className="number">{m.value === null ? '—' : formatFigure(m.value, unit, per)}</td>
                    <td className="small">
                      {figure?.numerator != null && figure.denominator != null
                        ? `${formatNumber(figure.numerator, 2)} of ${formatNumber(figure.denominator, 2)}`
                        : ''}
                    </td>
                    <td className="number">{limit(m.centre)}</td>
                    <td className="number">
                      {limit(m.lower)}
                      {m.trial && m.lower !== null ? ' (trial)' : ''}
                    </td>
                    <td className="number">
                      {limit(m.upper)}
                      {m.trial && m.upper !== null ? ' (trial)' : ''}
                    </td>
                    <td>
                      <VariationWords variation={m.variation} />
                    </td>
                    <td className="small">
                      {figure ? `${FIGURE_SOURCE_LABELS[figure.source]}${revised}` : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
