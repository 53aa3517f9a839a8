// Where a search result asked to land once its screen has drawn: an element to focus (a minute,
// an action), or an objective's update on the Monthly updates screen.
import { create } from 'zustand';

interface SearchTargetState {
  /** The id of an element to scroll to and focus, once it is on the page. */
  elementId: string | null;
  /** The objective whose update the Monthly updates screen should open. */
  updateRef: string | null;
  land(target: { elementId?: string; updateRef?: string }): void;
  clear(): void;
}

export const useSearchTarget = create<SearchTargetState>((set) => ({
  elementId: null,
  updateRef: null,
  land(target) {
    set({ elementId: target.elementId ?? null, updateRef: target.updateRef ?? null });
  },
  clear() {
    set({ elementId: null, updateRef: null });
  },
}));
