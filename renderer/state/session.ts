// The reporting month being worked on, remembered for this window so a reload lands on it; a new
// window opens on the month the next meeting reports on.
import { create } from 'zustand';
import type { ReportingMonth } from '../../shared/months';

const MONTH_KEY = 'boardPack.month';

function storedMonth(): string | null {
  try {
    return window.sessionStorage.getItem(MONTH_KEY);
  } catch {
    return null;
  }
}

interface SessionState {
  /** null until the months are loaded and one chosen. */
  month: ReportingMonth | null;
  setMonth(month: ReportingMonth): void;
}

export const useSession = create<SessionState>((set) => ({
  month: storedMonth(),
  setMonth(month) {
    try {
      window.sessionStorage.setItem(MONTH_KEY, month);
    } catch {
      // Storage can be full or disabled; the choice then lasts for this window only.
    }
    set({ month });
  },
}));
