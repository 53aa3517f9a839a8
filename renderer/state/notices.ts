// Messages for the person: a short confirmation or a plain-words error, announced by a live
// region. Errors that belong to a field are shown beside that field instead.
import { create } from 'zustand';
import { UNEXPECTED } from './messages';
import { ApiError } from '../api';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

interface NoticeState {
  notices: Notice[];
  show(tone: Notice['tone'], text: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  show(tone, text) {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.slice(-2), { id, tone, text }] }));
    if (tone !== 'error') window.setTimeout(() => useNotices.getState().dismiss(id), 6000);
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
}));

/** The sentence to show for a failed call: the handler's own sentence, never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return UNEXPECTED;
}

export function showError(error: unknown): void {
  useNotices.getState().show('error', messageOf(error));
}
