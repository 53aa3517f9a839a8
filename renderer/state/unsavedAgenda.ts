// Unsaved agenda edits, copied to this window's session storage, so leaving the screen (or a
// reload) before "Save agenda" loses nothing; they come back while the saved agenda is unchanged,
// and the pack screen can ask before building a pack from the saved agenda.
import type { AgendaItem, PackSection } from '../../shared/contract';

export type AgendaDraftItem = {
  id?: number;
  key: string;
  title: string;
  presenter: string;
  minutesAllotted: number;
  packSection: PackSection | null;
};

const AGENDA_KEY = 'boardPack.unsavedAgenda.';

export function keepAgenda(meetingId: number, base: AgendaItem[], items: AgendaDraftItem[]): void {
  try {
    window.sessionStorage.setItem(AGENDA_KEY + meetingId, JSON.stringify({ base, items }));
  } catch {
    // Storage full or disabled: the "not saved yet" line still says so.
  }
}

export function forgetAgenda(meetingId: number): void {
  try {
    window.sessionStorage.removeItem(AGENDA_KEY + meetingId);
  } catch {
    // Nothing to forget.
  }
}

export function unsavedAgenda(meetingId: number, base: AgendaItem[]): AgendaDraftItem[] | null {
  try {
    const raw = window.sessionStorage.getItem(AGENDA_KEY + meetingId);
    if (!raw) return null;
    const kept = JSON.parse(raw) as { base: AgendaItem[]; items: AgendaDraftItem[] };
    return JSON.stringify(kept.base) === JSON.stringify(base) ? kept.items : null;
  } catch {
    return null;
  }
}

/** Whether this window holds agenda edits for the meeting that were never saved. */
export function hasUnsavedAgenda(meetingId: number): boolean {
  try {
    return window.sessionStorage.getItem(AGENDA_KEY + meetingId) !== null;
  } catch {
    return false;
  }
}
