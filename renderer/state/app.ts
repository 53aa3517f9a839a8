// What every screen needs to know about the open database: the plan, the settings (who is
// working, the board's name and marking) and the reporting months. Loaded once, refreshed on demand.
import { create } from 'zustand';
import type { MethodOutput, PlanDetail, Settings } from '../../shared/contract';
import { call } from '../api';
import { useSession } from './session';
import { messageOf } from './notices';
import { openingMonth } from './openingMonth';

type Months = MethodOutput<'months.list'>;
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
