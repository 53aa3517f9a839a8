// What every screen needs to know about the open database: the plan, the settings (who is
// working, the board's name and marking) and the reporting months. Loaded once, refreshed on demand.
import { create } from 'zustand';
import type { MethodOutput, PlanDetail, Settings } from '../../shared/contract';
import { call } from '../api';
import { useSession } from './session';
import { messageOf } from './notices';

type Months = MethodOutput<'months.list'>;
type Meetings = MethodOutput<'meetings.list'>;

/**
 * Open on today's work: the month reported on by the first meeting from this month on whose pack
 * is not issued yet (the pack being prepared), else the contract's current month.
 */
export function openingMonth(months: Months, meetings: Meetings): string {
  const preparing = [...meetings]
    .sort((a, b) => a.heldAt.localeCompare(b.heldAt))
    .find((m) => m.issuedVersions === 0 && m.heldAt.slice(0, 7) >= months.current);
  const month = preparing?.reportingMonth;
  return month && months.months.some((m) => m.month === month) ? month : months.current;
}

interface AppState {
  plan: PlanDetail | null;
  settings: Settings | null;
  months: Months | null;
  loadError: string | null;
  load(): Promise<void>;
  setSettings(settings: Settings): void;
}

export const useApp = create<AppState>((set) => ({
  plan: null,
  settings: null,
  months: null,
  loadError: null,
  async load() {
    try {
      const [plan, settings, months, meetings] = await Promise.all([
        call('plan.get'),
        call('settings.get'),
        call('months.list'),
        call('meetings.list'),
      ]);
      const session = useSession.getState();
      const known = months.months.some((m) => m.month === session.month);
      if (!known) session.setMonth(openingMonth(months, meetings));
      set({ plan, settings, months, loadError: null });
    } catch (error) {
      set({ loadError: messageOf(error) });
    }
  },
  setSettings(settings) {
    set({ settings });
  },
}));
