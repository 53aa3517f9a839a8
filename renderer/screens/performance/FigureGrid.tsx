// The figures grid of a strand or key outcome: a month per row, an indicator per column. Tab moves
// across a month's indicators, Enter and ↑ ↓ between months, ← → at the edge of a figure between
// indicators; leaving a cell saves it. A refusal is written under the grid, tied to its cell.
import { useCallback, useEffect, useRef } from 'react';
import { monthLabel, type ReportingMonth } from '../../../shared/months';
import { UNIT_LABELS } from '../../../shared/indicator';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { TableScroll } from '../../components/TableScroll';
import { cellKey, useFigureGrid, type GridGroup } from '../../state/figureGrid';
import { FigureCell, type Move } from './FigureCell';

interface Props {
  group: GridGroup;
  groupTitle: string;
  lastMonth: ReportingMonth;
}

const safeId = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '_');

export function FigureGrid({ group, groupTitle, lastMonth }: Props) {
  const { grid, key, loadError, errors, load } = useFigureGrid();
  const tableRef = useRef<HTMLTableElement>(null);
  const { kind, number } = group;
  useEffect(() => {
    void load({ kind, number }, lastMonth);
  }, [kind, number, lastMonth, load]);
  const ready = !!grid && key === `${kind}${number}@${lastMonth}`;

  const onMove = useCallback((row: number, col: number, move: Move) => {
    const [r, c] =
      move === 'up'
        ? [row - 1, col]
        : move === 'down'
          ? [row + 1, col]
          : [row, col + (move === 'left' ? -1 : 1)];
    tableRef.current
      ?.querySelector<HTMLInputElement>(`.figure-cell[data-row="${r}"][data-col="${c}"] input`)
      ?.focus();
  }, []);

  if (loadError) return <ErrorMessage text={loadError} />;
  if (!ready || !grid) return <Loading what="the figures grid" />;
  if (grid.rows.length === 0)
    return <p className="muted">{groupTitle} has no indicator that is counted month by month.</p>;

  const refused = grid.rows.flatMap((row) =>
    grid.months.flatMap((month) => {
      const message = errors[cellKey(row.indicator.ref, month)];
      return message ? [{ ref: row.indicator.ref, month, message }] : [];
    }),
  );
  const gridId = `figures-${group.kind}-${group.number}`;
  return (
    <div className="figure-grid" data-testid="figure-grid" data-ready="true">
      <p className="small" id={`${gridId}-help`}>
        Type a figure and press Tab for the next indicator or Enter for the next month; ↑ ↓ move between
        months, Esc puts the saved figure back. For a percentage or a rate, type numerator/denominator
        (45/120).
      </p>
      <TableScroll label={`Figures for ${groupTitle}`}>
        <table ref={tableRef} aria-describedby={`${gridId}-help`}>
          <caption className="visually-hidden">
            Figures for {groupTitle}, {monthLabel(grid.months[0])} to{' '}
            {monthLabel(grid.months.at(-1) ?? lastMonth)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {grid.rows.map((row) => (
                <th scope="col" key={row.indicator.ref} id={`${gridId}-c-${safeId(row.indicator.ref)}`}>
                  <span className="ref">{row.indicator.ref}</span>{' '}
                  <span className="clamp figure-grid-title">{row.indicator.title}</span>{' '}
                  <span className="small muted">({UNIT_LABELS[row.indicator.unit ?? 'count']})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.months.map((month, r) => (
              <tr key={month}>
                <th scope="row" id={`${gridId}-r-${month}`} className="nowrap">
                  {monthLabel(month)}
                </th>
                {grid.rows.map((row, c) => (
                  <td key={row.indicator.ref} data-row-cell={`${r}:${c}`}>
                    <GridCell row={row} r={r} c={c} month={month} gridId={gridId} onMove={onMove} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul className="figure-errors" aria-live="polite" data-testid="figure-errors">
        {refused.map((e) => (
          <li
            key={cellKey(e.ref, e.month)}
            id={`${gridId}-e-${safeId(e.ref)}-${e.month}`}
            className="field-error"
          >
            {e.ref}, {monthLabel(e.month)}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface GridCellProps {
  row: Parameters<typeof FigureCell>[0]['row'];
  r: number;
  c: number;
  month: ReportingMonth;
  gridId: string;
  onMove(row: number, col: number, move: Move): void;
}

/** Places a cell in the grid: its coordinates for arrow keys, its label from both headers. */
function GridCell({ row, r, c, month, gridId, onMove }: GridCellProps) {
  const ref = safeId(row.indicator.ref);
  return (
    <span className="figure-cell" data-row={r} data-col={c}>
      <FigureCell
        row={row}
        at={r}
        month={month}
        labelledBy={`${gridId}-c-${ref} ${gridId}-r-${month}`}
        errorId={`${gridId}-e-${ref}-${month}`}
        onMove={(move) => onMove(r, c, move)}
      />
    </span>
  );
}
