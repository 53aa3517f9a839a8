// Small shared reads for the exchange: the stamp of an update (to see later changes as
// conflicts), files already taken in, and the working-copy mark of a strand lead's database.
import { z } from 'zod';
import type { StoreTx } from '../store/store';
import type { ExchangeFileKind, SeenFile, UpdateStamp } from '../store/exchange';

export function currentStamp(store: StoreTx, ref: string, month: string): Promise<UpdateStamp | null> {
  return store.exchange.currentStamp(ref, month);
}

export function sameStamp(a: UpdateStamp | null, b: UpdateStamp | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.updateId === b.updateId && a.revision === b.revision && a.state === b.state && a.savedAt === b.savedAt
  );
}

export function seenFile(store: StoreTx, fileId: string): Promise<SeenFile | null> {
  return store.exchange.seenFile(fileId);
}

export function recordSeen(
  store: StoreTx,
  fileId: string,
  kind: ExchangeFileKind,
  sha256: string,
  at: string,
  actor: string,
): Promise<void> {
  return store.exchange.recordSeen({ fileId, kind, sha256, takenAt: at, takenBy: actor });
}

/** Setting that marks a database as a strand lead's working copy, seeded from a request. */
export const WORKING_COPY_SETTING = 'exchange.working_copy';

export const workingCopyMarkSchema = z.object({
  planId: z.string(),
  strandNumbers: z.array(z.number().int()),
  seededFromRequest: z.string(),
  secretariatFingerprint: z.string(),
});
export type WorkingCopyMark = z.infer<typeof workingCopyMarkSchema>;

export async function workingCopyMark(store: StoreTx): Promise<WorkingCopyMark | null> {
  const value = await store.settings.get(WORKING_COPY_SETTING);
  return value ? workingCopyMarkSchema.parse(JSON.parse(value)) : null;
}

/** "2007-10-04T09:30:00.000Z" → "2007-10-04 09:30 UTC", for messages. */
export function whenLabel(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
