// Updates the secretariat rejected when taking in a return, with the reason it gave: the next
// request to that strand carries them, so the lead's copy shows each one as returned, with why.
import { z } from 'zod';
import type { StoreTx } from '../store/store';

export const REJECT_ACTION = 'exchange.update.reject';

/** What a request carries for an objective whose last update from the lead was rejected. */
export const returnedUpdateSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  reason: z.string().trim().min(1).max(2_000),
  by: z.string().trim().min(1).max(200),
});
export type ReturnedUpdate = z.infer<typeof returnedUpdateSchema>;

const recordedSchema = z.object({ strand: z.number().int(), month: z.string(), reason: z.string() });

/**
 * Rejections recorded (in the audit log, with their reasons) for a strand since the last request
 * to it went out, the latest for each objective. The audit record is the rejection's one record.
 */
export async function rejectionsSinceLastRequest(
  store: StoreTx,
  strandNumber: number,
): Promise<Map<string, ReturnedUpdate>> {
  const records = await store.exchange.auditSinceLastRequest(strandNumber, REJECT_ACTION);
  const found = new Map<string, ReturnedUpdate>();
  for (const record of records) {
    const parsed = recordedSchema.safeParse(record.after);
    if (!parsed.success || parsed.data.strand !== strandNumber || !parsed.data.reason.trim()) continue;
    const ref = record.entityId.split('@')[0];
    found.set(ref, { month: parsed.data.month, reason: parsed.data.reason.trim(), by: record.actor });
  }
  return found;
}
