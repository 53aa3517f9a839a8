// What the exchange of request and return files keeps: requests issued here (secretariat), returns
// taken in, requests opened at a strand lead's copy, every file taken in, and the state of an
// update a request was issued against. The file format and its rules are electron/exchange/'s.
import { z } from 'zod';
import { importedReturnSchema, type ImportedReturn } from '../../shared/contractOffline';
import { statusSchema } from '../../shared/domain';
import type { Sql } from './sql';

/** The audit action of a request issued: the rejections sent back with a request are those after it. */
export const REQUEST_ISSUE_ACTION = 'exchange.request.issue';

/** Identifies one state of an objective's current update: any save or transition changes it. */
export const updateStampSchema = z.object({
  updateId: z.number().int(),
  revision: z.number().int(),
  state: z.string(),
  savedAt: z.string(),
});
export type UpdateStamp = z.infer<typeof updateStampSchema>;

/** Each asked-for objective's update stamp when the request went out (null: nothing then). */
export const baselineSchema = z.record(z.string(), updateStampSchema.nullable());
export type Baseline = z.infer<typeof baselineSchema>;

/**
 * What a request carried of the strand's indicators: the indicators a return may send figures
 * for, the first month it may correct (the request's month is the last), and each carried
 * figure's current revision then, by "REF@YYYY-MM" (absent: no figure then).
 */
export const figureBaselineSchema = z.object({
  refs: z.array(z.string()),
  from: z.string(),
  revisions: z.record(z.string(), z.number().int()),
});
export type FigureBaseline = z.infer<typeof figureBaselineSchema>;

/**
 * The baseline column as written now, and as written before figures travelled with a request
 * (the objectives' stamps alone): both are read.
 */
const storedBaselineSchema = z.union([
  z.strictObject({ objectives: baselineSchema, figures: figureBaselineSchema.nullable() }),
  baselineSchema.transform((objectives) => ({ objectives, figures: null })),
]);

function baselineText(baseline: Baseline, figures: FigureBaseline | null): string {
  return JSON.stringify({ objectives: baseline, figures });
}

/** A request issued here, with the baseline a return is compared with to find conflicts. */
export interface ExchangeRequest {
  fileId: string;
  strandNumber: number;
  month: string;
  leadName: string;
  leadFingerprint: string | null;
  expiresOn: string;
  issuedAt: string;
  issuedBy: string;
  baseline: Baseline;
  /** The indicators and figures the request carried; null for a request that carried none. */
  figureBaseline: FigureBaseline | null;
  /** SHA-256 of the file as written. */
  sha256: string;
}

/** A request opened at a strand lead's copy; its payload is checked by the exchange's own schema. */
export interface OpenedRequestRecord {
  fileId: string;
  planKey: string;
  strandNumber: number;
  month: string;
  expiresOn: string;
  secretariatFingerprint: string;
  payload: unknown;
  openedAt: string;
  openedBy: string;
}

export type ExchangeFileKind = 'request' | 'return';

export interface SeenFile {
  fileId: string;
  kind: ExchangeFileKind;
  sha256: string;
  takenAt: string;
  takenBy: string;
}

/** An objective's current update for a month, as a return carries it. */
export const savedUpdateSchema = z.object({
  ref: z.string(),
  status: statusSchema,
  narrative: z.string(),
  nextSteps: z.string(),
  risks: z.string(),
  metricActual: z.number().nullable(),
  savedAt: z.string(),
});
export type SavedUpdate = z.infer<typeof savedUpdateSchema>;

/** An audit record as the exchange reads it back (a rejection and its reason). */
export interface AuditRecordSince {
  actor: string;
  entityId: string;
  after: unknown;
}

const json = z.string().transform((text): unknown => JSON.parse(text));

const requestRowSchema = z
  .object({
    file_id: z.string(),
    strand_number: z.number().int(),
    month: z.string(),
    lead_name: z.string(),
    lead_fingerprint: z.string().nullable(),
    expires_on: z.string(),
    issued_at: z.string(),
    issued_by: z.string(),
    baseline_json: json.pipe(storedBaselineSchema),
    sha256: z.string(),
  })
  .transform((row): ExchangeRequest => ({
    fileId: row.file_id,
    strandNumber: row.strand_number,
    month: row.month,
    leadName: row.lead_name,
    leadFingerprint: row.lead_fingerprint,
    expiresOn: row.expires_on,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    baseline: row.baseline_json.objectives,
    figureBaseline: row.baseline_json.figures,
    sha256: row.sha256,
  }));

const returnRowSchema = z
  .object({
    file_id: z.string(),
    request_id: z.string(),
    strand_number: z.number().int(),
    month: z.string(),
    author: z.string(),
    fingerprint: z.string(),
    decisions_json: json.pipe(importedReturnSchema.shape.decisions),
    imported_at: z.string(),
    imported_by: z.string(),
  })
  .transform((row): ImportedReturn => ({
    fileId: row.file_id,
    requestId: row.request_id,
    strandNumber: row.strand_number,
    month: row.month,
    author: row.author,
    fingerprint: row.fingerprint,
    decisions: row.decisions_json,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  }));

const inboxRowSchema = z
  .object({
    file_id: z.string(),
    plan_key: z.string(),
    strand_number: z.number().int(),
    month: z.string(),
    expires_on: z.string(),
    secretariat_fingerprint: z.string(),
    payload_json: json,
    opened_at: z.string(),
    opened_by: z.string(),
  })
  .transform((row): OpenedRequestRecord => ({
    fileId: row.file_id,
    planKey: row.plan_key,
    strandNumber: row.strand_number,
    month: row.month,
    expiresOn: row.expires_on,
    secretariatFingerprint: row.secretariat_fingerprint,
    payload: row.payload_json,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
  }));

const seenRowSchema = z
  .object({
    file_id: z.string(),
    kind: z.enum(['request', 'return']),
    sha256: z.string(),
    taken_at: z.string(),
    taken_by: z.string(),
  })
  .transform((row): SeenFile => ({
    fileId: row.file_id,
    kind: row.kind,
    sha256: row.sha256,
    takenAt: row.taken_at,
    takenBy: row.taken_by,
  }));

const stampRowSchema = z
  .object({ id: z.number().int(), revision: z.number().int(), state: z.string(), saved_at: z.string() })
  .transform((row): UpdateStamp => ({
    updateId: row.id,
    revision: row.revision,
    state: row.state,
    savedAt: row.saved_at,
  }));

const savedUpdateRowSchema = z
  .object({
    ref: z.string(),
    status: statusSchema,
    narrative: z.string(),
    next_steps: z.string(),
    risks: z.string(),
    metric_actual: z.number().nullable(),
    saved_at: z.string(),
  })
  .transform((row): SavedUpdate => ({
    ref: row.ref,
    status: row.status,
    narrative: row.narrative,
    nextSteps: row.next_steps,
    risks: row.risks,
    metricActual: row.metric_actual,
    savedAt: row.saved_at,
  }));

const auditRowSchema = z
  .object({ actor: z.string(), entity_id: z.string(), after_json: json.nullable() })
  .transform((row): AuditRecordSince => ({
    actor: row.actor,
    entityId: row.entity_id,
    after: row.after_json,
  }));

const REQUEST_COLUMNS = `file_id, strand_number, month, lead_name, lead_fingerprint, expires_on, issued_at, issued_by,
  baseline_json, sha256`;

const INSERT_REQUEST = `INSERT INTO exchange_requests (file_id, strand_number, month, lead_name, lead_fingerprint,
  expires_on, issued_at, issued_by, baseline_json, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_RETURN = `INSERT INTO exchange_returns (file_id, request_id, strand_number, month, author, fingerprint,
  decisions_json, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_INBOX = `INSERT INTO exchange_inbox (file_id, plan_key, strand_number, month, expires_on,
  secretariat_fingerprint, payload_json, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const STAMP = `SELECT u.id, u.revision, u.state, u.saved_at FROM updates u JOIN objectives o ON o.id = u.objective_id
  WHERE o.ref = ? AND u.month = ? AND u.is_current = 1`;
const SAVED = `SELECT o.ref, u.status, u.narrative, u.next_steps, u.risks, u.metric_actual, u.saved_at
  FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.month = ? AND u.is_current = 1
  ORDER BY o.ref`;
// By the audit log's order, not by time: a request and a rejection can share a timestamp.
const LAST_REQUEST_AUDIT = `SELECT max(a.id) AS id FROM audit_log a JOIN exchange_requests r ON r.file_id = a.entity_id
  WHERE a.action = ? AND r.strand_number = ?`;
const AUDIT_SINCE =
  'SELECT actor, entity_id, after_json FROM audit_log WHERE action = ? AND id > ? ORDER BY id';

export class ExchangeRepository {
  /**
   * What breaks a tie between rows taken in at the same instant. These tables are keyed by file id,
   * so SQLite's rowid is the only record of the order they were written in, and it is kept there;
   * PostgreSQL has no rowid, so ties go by file id, which at least answers the same order each time.
   */
  private readonly takenOrder: string;

  constructor(private readonly sql: Sql) {
    this.takenOrder = sql.dialect === 'postgres' ? 'file_id' : 'rowid';
  }

  async request(fileId: string): Promise<ExchangeRequest | null> {
    const row: unknown = await this.sql.get(
      `SELECT ${REQUEST_COLUMNS} FROM exchange_requests WHERE file_id = ?`,
      fileId,
    );
    return row === undefined ? null : requestRowSchema.parse(row);
  }

  async requests(month?: string): Promise<ExchangeRequest[]> {
    const order = `ORDER BY issued_at DESC, ${this.takenOrder} DESC`;
    const rows =
      month === undefined
        ? await this.sql.all(`SELECT ${REQUEST_COLUMNS} FROM exchange_requests ${order}`)
        : await this.sql.all(
            `SELECT ${REQUEST_COLUMNS} FROM exchange_requests WHERE month = ? ${order}`,
            month,
          );
    return rows.map((row) => requestRowSchema.parse(row));
  }

  async recordRequest(request: ExchangeRequest): Promise<void> {
    await this.sql.run(
      INSERT_REQUEST,
      request.fileId,
      request.strandNumber,
      request.month,
      request.leadName,
      request.leadFingerprint,
      request.expiresOn,
      request.issuedAt,
      request.issuedBy,
      baselineText(request.baseline, request.figureBaseline),
      request.sha256,
    );
  }

  async setBaseline(fileId: string, baseline: Baseline, figures: FigureBaseline | null): Promise<void> {
    await this.sql.run(
      'UPDATE exchange_requests SET baseline_json = ? WHERE file_id = ?',
      baselineText(baseline, figures),
      fileId,
    );
  }

  async importedReturns(): Promise<ImportedReturn[]> {
    const rows = await this.sql.all(
      `SELECT file_id, request_id, strand_number, month, author, fingerprint, decisions_json, imported_at, imported_by
       FROM exchange_returns ORDER BY imported_at, ${this.takenOrder}`,
    );
    return rows.map((row) => returnRowSchema.parse(row));
  }

  async recordReturn(imported: ImportedReturn): Promise<void> {
    await this.sql.run(
      INSERT_RETURN,
      imported.fileId,
      imported.requestId,
      imported.strandNumber,
      imported.month,
      imported.author,
      imported.fingerprint,
      JSON.stringify(imported.decisions),
      imported.importedAt,
      imported.importedBy,
    );
  }

  async openedRequests(): Promise<OpenedRequestRecord[]> {
    const rows = await this.sql.all(
      `SELECT file_id, plan_key, strand_number, month, expires_on, secretariat_fingerprint, payload_json, opened_at, opened_by
       FROM exchange_inbox ORDER BY opened_at DESC, ${this.takenOrder} DESC`,
    );
    return rows.map((row) => inboxRowSchema.parse(row));
  }

  async recordOpened(opened: OpenedRequestRecord): Promise<void> {
    await this.sql.run(
      INSERT_INBOX,
      opened.fileId,
      opened.planKey,
      opened.strandNumber,
      opened.month,
      opened.expiresOn,
      opened.secretariatFingerprint,
      JSON.stringify(opened.payload),
      opened.openedAt,
      opened.openedBy,
    );
  }

  async seenFile(fileId: string): Promise<SeenFile | null> {
    const row: unknown = await this.sql.get(
      'SELECT file_id, kind, sha256, taken_at, taken_by FROM exchange_files_seen WHERE file_id = ?',
      fileId,
    );
    return row === undefined ? null : seenRowSchema.parse(row);
  }

  async recordSeen(file: SeenFile): Promise<void> {
    await this.sql.run(
      'INSERT INTO exchange_files_seen (file_id, kind, sha256, taken_at, taken_by) VALUES (?, ?, ?, ?, ?)',
      file.fileId,
      file.kind,
      file.sha256,
      file.takenAt,
      file.takenBy,
    );
  }

  async currentStamp(ref: string, month: string): Promise<UpdateStamp | null> {
    const row: unknown = await this.sql.get(STAMP, ref, month);
    return row === undefined ? null : stampRowSchema.parse(row);
  }

  async savedUpdates(month: string): Promise<SavedUpdate[]> {
    return (await this.sql.all(SAVED, month)).map((row) => savedUpdateRowSchema.parse(row));
  }

  async auditSinceLastRequest(strandNumber: number, action: string): Promise<AuditRecordSince[]> {
    const last: unknown = await this.sql.value(LAST_REQUEST_AUDIT, REQUEST_ISSUE_ACTION, strandNumber);
    const since = typeof last === 'number' ? last : 0;
    return (await this.sql.all(AUDIT_SINCE, action, since)).map((row) => auditRowSchema.parse(row));
  }
}
