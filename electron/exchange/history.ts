// What the screens list: requests issued here and whether they were answered, returns taken in
// and what was decided, and this copy's working-copy mark. Plain objects, ready for IPC.
import type { Store } from '../store/store';
import { workingCopyMark, type WorkingCopyMark } from './records';
import type { ReturnDecision } from './importReturn';

export interface IssuedRequest {
  fileId: string;
  strandNumber: number;
  month: string;
  leadName: string;
  leadFingerprint: string | null;
  expiresOn: string;
  issuedAt: string;
  issuedBy: string;
  /** Returns imported for this request, oldest first. */
  returns: ImportedReturn[];
}

export interface ImportedReturn {
  fileId: string;
  requestId: string;
  strandNumber: number;
  month: string;
  author: string;
  fingerprint: string;
  decisions: Record<string, ReturnDecision>;
  importedAt: string;
  importedBy: string;
}

interface ReturnRow {
  file_id: string;
  request_id: string;
  strand_number: number;
  month: string;
  author: string;
  fingerprint: string;
  decisions_json: string;
  imported_at: string;
  imported_by: string;
}

export function importedReturns(store: Store): ImportedReturn[] {
  const rows = store.db
    .prepare('SELECT * FROM exchange_returns ORDER BY imported_at, rowid')
    .all() as ReturnRow[];
  return rows.map((r) => ({
    fileId: r.file_id,
    requestId: r.request_id,
    strandNumber: r.strand_number,
    month: r.month,
    author: r.author,
    fingerprint: r.fingerprint,
    decisions: JSON.parse(r.decisions_json) as Record<string, ReturnDecision>,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
  }));
}

/** Requests issued here, newest first, optionally for one month. */
export function issuedRequests(store: Store, month?: string): IssuedRequest[] {
  const rows = store.db
    .prepare(
      `SELECT file_id, strand_number, month, lead_name, lead_fingerprint, expires_on, issued_at, issued_by
       FROM exchange_requests ${month ? 'WHERE month = ?' : ''} ORDER BY issued_at DESC, rowid DESC`,
    )
    .all(...(month ? [month] : [])) as {
    file_id: string;
    strand_number: number;
    month: string;
    lead_name: string;
    lead_fingerprint: string | null;
    expires_on: string;
    issued_at: string;
    issued_by: string;
  }[];
  const returns = importedReturns(store);
  return rows.map((r) => ({
    fileId: r.file_id,
    strandNumber: r.strand_number,
    month: r.month,
    leadName: r.lead_name,
    leadFingerprint: r.lead_fingerprint,
    expiresOn: r.expires_on,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    returns: returns.filter((x) => x.requestId === r.file_id),
  }));
}

/** Null for a full installation; for a strand lead's copy, its plan, strand and secretariat key. */
export function workingCopy(store: Store): WorkingCopyMark | null {
  return workingCopyMark(store);
}
