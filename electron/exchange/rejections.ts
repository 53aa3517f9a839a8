// Updates the secretariat rejected when taking in a return, with the reason it gave: the next
// request to that strand carries them, so the lead's copy shows each one as returned, with why.
import { z } from 'zod';
import type { Store } from '../store/store';

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
export function rejectionsSinceLastRequest(store: Store, strandNumber: number): Map<string, ReturnedUpdate> {
  // By the audit log's order, not by time: a request and a rejection can share a timestamp.
  const last = store.db
    .prepare(
      `SELECT max(a.id) AS id FROM audit_log a JOIN exchange_requests r ON r.file_id = a.entity_id
       WHERE a.action = 'exchange.request.issue' AND r.strand_number = ?`,
    )
    .get(strandNumber) as { id: number | null };
  const rows = store.db
    .prepare('SELECT actor, entity_id, after_json FROM audit_log WHERE action = ? AND id > ? ORDER BY id')
    .all(REJECT_ACTION, last.id ?? 0) as { actor: string; entity_id: string; after_json: string | null }[];
  const found = new Map<string, ReturnedUpdate>();
  for (const row of rows) {
    const parsed = recordedSchema.safeParse(row.after_json ? JSON.parse(row.after_json) : null);
    if (!parsed.success || parsed.data.strand !== strandNumber || !parsed.data.reason.trim()) continue;
    const ref = row.entity_id.split('@')[0];
    found.set(ref, { month: parsed.data.month, reason: parsed.data.reason.trim(), by: row.actor });
  }
  return found;
}
