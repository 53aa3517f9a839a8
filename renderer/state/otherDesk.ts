// The quiet notice a screen shows when another desk changed what the person is editing: who and
// when, from the audit log, and a way to see the other version. One at a time: the latest.
import { create } from 'zustand';
import type { AuditEntity } from '../../shared/auditEntities';
import type { AuditEntry } from '../../shared/contract';
import { call } from '../api';

export interface OtherVersion {
  /** Field name and its value in the other desk's version, in the order the form shows them. */
  lines: [string, string][];
  /** Takes the other desk's version in place of what the person typed. */
  use(): void;
}

export interface OtherDeskNotice {
  /** The screen part that raised it, so it can replace or take back its own notice. */
  source: string;
  /** What was changed: one thing ("1.E.2") or a kind of record ("People"); null when unknown. */
  what: string | null;
  by: string | null;
  /** The change's time (ISO), shown as HH:MM on this computer's clock. */
  at: string | null;
  /** Shows the other desk's version by reading the screen again (when there is no `other`). */
  show?(): void;
  /** The other desk's version of the one thing, shown beside the person's on request. */
  other?: OtherVersion;
}

interface OtherDeskState {
  notice: OtherDeskNotice | null;
  raise(notice: OtherDeskNotice): void;
  /** Takes back a notice, only if it is still `source`'s. */
  clear(source: string): void;
}

export const useOtherDesk = create<OtherDeskState>((set, get) => ({
  notice: null,
  raise(notice) {
    set({ notice });
  },
  clear(source) {
    if (get().notice?.source === source) set({ notice: null });
  },
}));

/** The latest audit entry among these kinds of record (or for one record, by its audit id). */
export async function latestChange(
  entities: readonly AuditEntity[],
  entityId?: string,
): Promise<AuditEntry | null> {
  const found = await Promise.all(
    entities.map(async (entity) => {
      // The search matches within the audit id too ("1.E.1@…" inside "11.E.1@…"): keep exact ones.
      const entries = await call('audit.list', { entity, limit: entityId ? 20 : 1, text: entityId });
      return entries.find((e) => entityId === undefined || e.entityId === entityId) ?? null;
    }),
  );
  return found.reduce<AuditEntry | null>((a, b) => (b && (!a || b.id > a.id) ? b : a), null);
}

/** "09:41", on this computer's clock. */
export function clockTime(at: string): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
