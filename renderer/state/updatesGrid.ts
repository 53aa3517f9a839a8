// The updates grid for one strand and month: the rows from the handler, which row is active, and
// the server's latest answer for each row after a save or a workflow step.
import { create } from 'zustand';
import type { Update } from '../../shared/domain';
import type { UpdatesGrid } from '../../shared/contract';
import { call } from '../api';
import { messageOf } from './notices';

interface GridState {
  grid: UpdatesGrid | null;
  key: string | null;
  error: string | null;
  active: number;
  load(strandNumber: number, month: string): Promise<void>;
  reload(): Promise<void>;
  setActive(index: number): void;
  patchWorking(update: Update): void;
}

/** The grid being fetched, so the strand select and the address change ask only once. */
let inFlight: string | null = null;

export const useUpdatesGrid = create<GridState>((set, get) => ({
  grid: null,
  key: null,
  error: null,
  active: 0,
  async load(strandNumber, month) {
    const key = `${strandNumber}@${month}`;
    const same = get().key === key;
    if (inFlight === key) return;
    inFlight = key;
    // The previous strand stays on screen until the new one arrives: one swap, no empty flash.
    set({ key, error: null });
    try {
      const grid = await call('updates.grid', { strandNumber, month }).finally(() => {
        if (inFlight === key) inFlight = null;
      });
      if (get().key !== key) return;
      set({ grid, ...(same ? {} : { active: 0 }) });
    } catch (error) {
      if (get().key !== key) return;
      set({ error: messageOf(error) });
    }
  },
  async reload() {
    const grid = get().grid;
    if (grid) await get().load(grid.strand.number, grid.month);
  },
  setActive(index) {
    const rows = get().grid?.rows.length ?? 0;
    if (rows === 0) return;
    set({ active: Math.max(0, Math.min(rows - 1, index)) });
  },
  patchWorking(update) {
    const grid = get().grid;
    if (!grid || grid.month !== update.month) return;
    const rows = grid.rows.map((row) =>
      row.objective.ref === update.ref ? { ...row, working: update } : row,
    );
    set({ grid: { ...grid, rows } });
  },
}));
