// Small shared reads for the exchange: the stamp of an update (to see later changes as
// conflicts), files already taken in, and the working-copy mark of a strand lead's database.
import type { Store } from '../store/store';

/** Identifies one state of an objective's current update: any save or transition changes it. */
export interface UpdateStamp {
  updateId: number;
  revision: number;
  state: string;
  savedAt: string;
}

export function currentStamp(store: Store, ref: string, month: string): UpdateStamp | null {
  const row = store.db
    .prepare(
      `SELECT u.id, u.revision, u.state, u.saved_at FROM updates u JOIN objectives o ON o.id = u.objective_id
       WHERE o.ref = ? AND u.month = ? AND u.is_current = 1`,
    )
    .get(ref, month) as { id: number; revision: number; state: string; saved_at: string } | undefined;
  return row ? { updateId: row.id, revision: row.revision, state: row.state, savedAt: row.saved_at } : null;
}

export function sameStamp(a: UpdateStamp | null, b: UpdateStamp | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.updateId === b.updateId && a.revision === b.revision && a.state === b.state && a.savedAt === b.savedAt
  );
}

export interface SeenFile {
  fileId: string;
  kind: 'request' | 'return';
  takenAt: string;
  takenBy: string;
}

export function seenFile(store: Store, fileId: string): SeenFile | null {
  const row = store.db
    .prepare('SELECT file_id, kind, taken_at, taken_by FROM exchange_files_seen WHERE file_id = ?')
    .get(fileId) as
    { file_id: string; kind: 'request' | 'return'; taken_at: string; taken_by: string } | undefined;
  return row ? { fileId: row.file_id, kind: row.kind, takenAt: row.taken_at, takenBy: row.taken_by } : null;
}

export function recordSeen(
  store: Store,
  fileId: string,
  kind: 'request' | 'return',
  sha256: string,
  at: string,
  actor: string,
): void {
  store.db
    .prepare(
      'INSERT INTO exchange_files_seen (file_id, kind, sha256, taken_at, taken_by) VALUES (?, ?, ?, ?, ?)',
    )
    .run(fileId, kind, sha256, at, actor);
}

/** Setting that marks a database as a strand lead's working copy, seeded from a request. */
export const WORKING_COPY_SETTING = 'exchange.working_copy';

export interface WorkingCopyMark {
  planId: string;
  strandNumbers: number[];
  seededFromRequest: string;
  secretariatFingerprint: string;
}

export function workingCopyMark(store: Store): WorkingCopyMark | null {
  const value = store.getSetting(WORKING_COPY_SETTING);
  return value ? (JSON.parse(value) as WorkingCopyMark) : null;
}

/** "2007-10-04T09:30:00.000Z" → "2007-10-04 09:30 UTC", for messages. */
export function whenLabel(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
