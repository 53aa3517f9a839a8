// What the screens list: requests issued here and whether they were answered, returns taken in
// and what was decided, and this copy's working-copy mark. Plain objects, ready for IPC.
import type { ImportedReturn, IssuedRequest } from '../../shared/contractOffline';
import type { StoreTx } from '../store/store';
import { workingCopyMark, type WorkingCopyMark } from './records';

export function importedReturns(store: StoreTx): Promise<ImportedReturn[]> {
  return store.exchange.importedReturns();
}

/** Requests issued here, newest first, optionally for one month. */
export async function issuedRequests(store: StoreTx, month?: string): Promise<IssuedRequest[]> {
  const requests = await store.exchange.requests(month || undefined);
  const returns = await store.exchange.importedReturns();
  return requests.map((r) => ({
    fileId: r.fileId,
    strandNumber: r.strandNumber,
    month: r.month,
    leadName: r.leadName,
    leadFingerprint: r.leadFingerprint,
    expiresOn: r.expiresOn,
    issuedAt: r.issuedAt,
    issuedBy: r.issuedBy,
    returns: returns.filter((x) => x.requestId === r.fileId),
  }));
}

/** Null for a full installation; for a strand lead's copy, its plan, strand and secretariat key. */
export function workingCopy(store: StoreTx): Promise<WorkingCopyMark | null> {
  return workingCopyMark(store);
}
