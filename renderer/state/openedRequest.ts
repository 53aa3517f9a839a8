// The request a lead has just opened, kept so its summary (and the secretariat's fingerprint to
// confirm) is still shown on Monthly updates, where the app goes next.
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract';

export type OpenedRequestSummary = MethodOutput<'exchange.openRequest'>;

interface OpenedRequestState {
  opened: OpenedRequestSummary | null;
  set(opened: OpenedRequestSummary | null): void;
}

export const useOpenedRequest = create<OpenedRequestState>((set) => ({
  opened: null,
  set(opened) {
    set({ opened });
  },
}));
