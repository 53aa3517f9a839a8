// Unsaved agenda edits, copied to this window's session storage, so leaving the screen (or a
// reload) before "Save agenda" loses nothing. They come back with the agenda version they started
// from, so if another desk saved the agenda meanwhile the save shows both versions to choose from
// rather than writing over theirs; the pack screen can ask before building from the saved agenda.
import type { PackSection } from '../../shared/contract';

export type AgendaDraftItem = {
  id?: number;
  key: string;
  title: string;
  presenter: string;
  minutesAllotted: number;
  packSection: PackSection | null;
};

/** Edits kept for a meeting, and the agendaVersion they started from. */
export interface KeptAgenda {
  items: AgendaDraftItem[];
  baseVersion: number;
}

const AGENDA_KEY = 'boardPack.unsavedAgenda.';

export function keepAgenda(meetingId: number, baseVersion: number, items: AgendaDraftItem[]): void {
  try {
    const kept: KeptAgenda = { items, baseVersion };
    window.sessionStorage.setItem(AGENDA_KEY + meetingId, JSON.stringify(kept));
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

/** The edits kept for a meeting; null when there are none (or none this version can read). */
export function unsavedAgenda(meetingId: number): KeptAgenda | null {
  try {
    const raw = window.sessionStorage.getItem(AGENDA_KEY + meetingId);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<KeptAgenda>;
    if (!Array.isArray(kept.items) || typeof kept.baseVersion !== 'number') return null;
    return { items: kept.items, baseVersion: kept.baseVersion };
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
