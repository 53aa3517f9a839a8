// What every screen needs to know about the open database: the plan, the settings (who is
// working, the board's name and marking) and the reporting months. Loaded once, refreshed on demand.
import { create } from 'zustand';
import type { MethodOutput, PlanDetail, Settings } from '../../shared/contract';
import { ApiError, call } from '../api';
import { useSession } from './session';
import { messageOf, showError } from './notices';
import { openingMonth } from './openingMonth';
import { resumeChanges } from './changesPoller';

type Months = MethodOutput<'months.list'>;
interface AppState {
  plan: PlanDetail | null;
  settings: Settings | null;
  months: Months | null;
  /** On a strand lead's working copy (made from a request), the strands it answers for. */
  leadStrands: number[] | null;
  loadError: string | null;
  /** True while the desktop app waits at start-up for the shared database's password: no database is open. */
  awaitingDatabase: boolean;
  load(): Promise<void>;
  setSettings(settings: Settings): void;
}

/**
 * The strands a lead's copy answers for: those of the working copy made from a request, else those
 * of the requests it has opened, latest first. A secretariat's copy issues requests and opens none.
 */
export function leadStrandsOf(overview: MethodOutput<'exchange.overview'>): number[] | null {
  if (overview.workingCopy) return overview.workingCopy.strandNumbers;
  const opened = [...overview.openedRequests].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const strands = [...new Set(opened.map((r) => r.strandNumber))];
  return strands.length ? strands : null;
}

export const useApp = create<AppState>((set, get) => ({
  plan: null,
  settings: null,
  months: null,
  leadStrands: null,
  loadError: null,
  awaitingDatabase: false,
  async load() {
    try {
      const [plan, settings, months, exchange] = await Promise.all([
        call('plan.get'),
        call('settings.get'),
        call('months.list'),
        call('exchange.overview'),
      ]);
      const session = useSession.getState();
      const known = months.months.some((m) => m.month === session.month);
      if (!known) session.setMonth(openingMonth(months));
      set({
        plan,
        settings,
        months,
        leadStrands: leadStrandsOf(exchange),
        loadError: null,
        awaitingDatabase: false,
      });
      resumeChanges();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'no_database') {
        set({ awaitingDatabase: true });
        return;
      }
      // A screen already drawn stays, with what the person typed in it: a failed read again
      // (another desk's change, the server away) is said where it happens, not by blanking it.
      if (get().plan && get().settings) {
        if (!(error instanceof ApiError && error.code === 'unreachable')) showError(error);
        return;
      }
      set({ loadError: messageOf(error) });
    }
  },
  setSettings(settings) {
    set({ settings });
  },
}));
