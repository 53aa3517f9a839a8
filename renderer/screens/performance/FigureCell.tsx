// One cell of the figures grid: a text field that saves its figure through indicators.setFigure
// when the person leaves it (Tab, Enter, an arrow, a click elsewhere), and shows its refusal's words.
import { memo, useEffect, useState, type KeyboardEvent } from 'react';
import type { IndicatorGrid } from '../../../shared/contractIndicators';
import type { ReportingMonth } from '../../../shared/months';
import { formatFigure } from '../../../shared/spcWords';
import { cellKey, useFigureGrid } from '../../state/figureGrid';
import { cellText, readFigure } from './figureInput';

type Row = IndicatorGrid['rows'][number];

export type Move = 'up' | 'down' | 'left' | 'right';

interface Props {
  row: Row;
  /** The month's place in the grid's months. */
  at: number;
  month: ReportingMonth;
  labelledBy: string;
  errorId: string;
  onMove(move: Move): void;
}

const RETIRED_WORDS = 'Retired: takes no figure';

export const FigureCell = memo(function FigureCell({ row, at, month, labelledBy, errorId, onMove }: Props) {
  const { indicator } = row;
  const cell = row.cells[at];
  const held = cellText(cell);
  const [text, setText] = useState(held);
  const error = useFigureGrid((s) => s.errors[cellKey(indicator.ref, month)] ?? null);
  const saving = useFigureGrid((s) => s.saving[cellKey(indicator.ref, month)] ?? false);
  // A figure waiting for the shared database is said under the grid, but it is not a wrong one.
  const waiting = useFigureGrid((s) => s.waiting[cellKey(indicator.ref, month)] ?? false);
  const invalid = error !== null && !waiting;
  useEffect(() => setText(held), [held]);

  if (indicator.retiredFrom !== null && indicator.retiredFrom <= month)
    return <span className="muted small">{RETIRED_WORDS}</span>;

  function commit() {
    const grid = useFigureGrid.getState();
    if (text.trim() === held) return;
    if (text.trim() === '') {
      if (cell === null) grid.refuse(indicator.ref, month, null);
      else
        grid.refuse(indicator.ref, month, 'A saved figure is not removed here: type the corrected figure.');
      return;
    }
    const read = readFigure(text, indicator.unit ?? 'count', indicator.per);
    if (!read.ok) grid.refuse(indicator.ref, month, read.message);
    else void grid.save(indicator.ref, month, read.figure);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let move: Move | null = null;
    if (event.key === 'Enter') move = event.shiftKey ? 'up' : 'down';
    else if (event.key === 'ArrowUp') move = 'up';
    else if (event.key === 'ArrowDown') move = 'down';
    else if (event.key === 'ArrowLeft' && (atStart || allSelected)) move = 'left';
    else if (event.key === 'ArrowRight' && (atEnd || allSelected)) move = 'right';
    else if (event.key === 'Escape') {
      setText(held);
      useFigureGrid.getState().refuse(indicator.ref, month, null);
      return;
    }
    if (move === null) return;
    event.preventDefault();
    commit();
    onMove(move);
  }

  const ratio = cell !== null && cell.numerator !== null && indicator.unit !== null;
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className={invalid ? 'figure-input field-invalid' : 'figure-input'}
        value={text}
        aria-labelledby={labelledBy}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-ref={indicator.ref}
        data-month={month}
        data-saving={saving ? 'true' : waiting ? 'waiting' : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        onFocus={(e) => e.currentTarget.select()}
      />
      {ratio && cell && indicator.unit && (
        <span className="figure-ratio small muted">
          = {formatFigure(cell.value, indicator.unit, indicator.per ?? undefined)}
        </span>
      )}
    </>
  );
});
