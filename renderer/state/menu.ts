// Whether the navigation is open on a narrow window, where it folds behind the header's Menu button.
import { create } from 'zustand';

interface MenuState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useMenu = create<MenuState>((set) => ({
  open: false,
  setOpen(open) {
    set({ open });
  },
}));
