// The figures grid of one strand or key outcome: the months × indicators from the handler, the
// refusal tied to each cell, and a count of saves so the chart and the list beside it reload. A
// figure the shared database could not take stays in its cell and is saved when it answers.
import { create } from 'zustand';
import type { IndicatorGrid } from '../../shared/contractIndicators';
import type { ReportingMonth } from '../../shared/months';
import { call } from '../api';
import { messageOf } from './notices';
import { forgetWhenReachable } from './connection';
import { waitForDatabase } from './saveWhenReachable';
import type { TypedFigure } from '../screens/performance/figureInput';

export interface GridGroup {
  kind: 'strand' | 'outcome';
  number: number;
}

export const cellKey = (ref: string, month: ReportingMonth) => `${ref}@${month}`;

interface FigureGridState {
  grid: IndicatorGrid | null;
  key: string | null;
  loadError: string | null;
  /** Refusals by cell (ref@month), in words. */
  errors: Record<string, string>;
  saving: Record<string, boolean>;
  /** Cells whose figure waits for the shared database to answer: kept as typed, not refused. */
  waiting: Record<string, boolean>;
  /** Goes up with every figure saved: what shows the analysis reloads on it. */
  saves: number;
  load(group: GridGroup, lastMonth: ReportingMonth): Promise<void>;
  refuse(ref: string, month: ReportingMonth, message: string | null): void;
  save(ref: string, month: ReportingMonth, figure: TypedFigure): Promise<boolean>;
}

export const useFigureGrid = create<FigureGridState>((set, get) => {
  function setWaiting(at: string, waiting: boolean): void {
    const cells = { ...get().waiting };
    if (waiting) cells[at] = true;
    else delete cells[at];
    set({ waiting: cells });
  }

  return {
    grid: null,
    key: null,
    loadError: null,
    errors: {},
    saving: {},
    waiting: {},
    saves: 0,
    async load(group, lastMonth) {
      const key = `${group.kind}${group.number}@${lastMonth}`;
      if (get().key !== key) set({ key, errors: {}, loadError: null });
      try {
        const filter = group.kind === 'strand' ? { strandNumber: group.number } : { outcome: group.number };
        const grid = await call('indicators.grid', { ...filter, lastMonth, months: 12 });
        if (get().key === key) set({ grid });
      } catch (error) {
        if (get().key === key) set({ loadError: messageOf(error) });
      }
    },
    refuse(ref, month, message) {
      const errors = { ...get().errors };
      if (message === null) delete errors[cellKey(ref, month)];
      else errors[cellKey(ref, month)] = message;
      set({ errors });
    },
    async save(ref, month, figure) {
      const at = cellKey(ref, month);
      set({ saving: { ...get().saving, [at]: true } });
      try {
        await call('indicators.setFigure', { ref, month, ...figure });
        forgetWhenReachable(`figure:${at}`);
        setWaiting(at, false);
        get().refuse(ref, month, null);
        set({ grid: withCell(get().grid, ref, month, figure), saves: get().saves + 1 });
        return true;
      } catch (error) {
        const waiting = waitForDatabase(`figure:${at}`, error, () => void get().save(ref, month, figure));
        setWaiting(at, waiting !== null);
        get().refuse(ref, month, waiting ?? messageOf(error));
        return false;
      } finally {
        const saving = { ...get().saving };
        delete saving[at];
        set({ saving });
      }
    },
  };
});

/** The grid with one cell replaced by what was saved, so the cell shows it without a reload. */
function withCell(
  grid: IndicatorGrid | null,
  ref: string,
  month: ReportingMonth,
  figure: TypedFigure,
): IndicatorGrid | null {
  if (!grid) return grid;
  const col = grid.months.indexOf(month);
  if (col < 0) return grid;
  const rows = grid.rows.map((row) => {
    if (row.indicator.ref !== ref) return row;
    const cells = [...row.cells];
    cells[col] = { ...figure, note: cells[col]?.note ?? '', source: 'typed' };
    return { ...row, cells };
  });
  return { ...grid, rows };
}
