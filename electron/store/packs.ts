// Issued packs: frozen PDF bytes with their SHA-256, options, content snapshot and what changed
// since the version before. The table's triggers refuse UPDATE and DELETE; this repository only
// ever inserts, with its audit record in the same transaction.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { issuedPackSchema } from '../../shared/contractSchemas';
import { packIssuedSentence } from '../../shared/conflictWords';
import type { AuditLog } from './audit';
import { isUniqueViolation } from './databaseErrors';
import type { Sql } from './sql';

/**
 * An issued pack as the store keeps it: the contract's issued pack's details, with its options,
 * content snapshot and changes as the JSON text they were issued with (the pack reads them; the
 * snapshot is compared byte for byte).
 */
export const issuedPackRecordSchema = issuedPackSchema
  .pick({
    id: true,
    meetingId: true,
    version: true,
    reportingMonth: true,
    sha256: true,
    sizeBytes: true,
    issuedAt: true,
    issuedBy: true,
  })
  .extend({ optionsJson: z.string(), snapshotJson: z.string(), changesJson: z.string() });
export type IssuedPackRecord = z.infer<typeof issuedPackRecordSchema>;

export type NewIssuedPack = Omit<IssuedPackRecord, 'id' | 'sizeBytes'> & { pdf: Buffer };

const issuedPackRowSchema = z
  .object({
    id: z.number().int(),
    meeting_id: z.number().int(),
    version: z.number().int(),
    reporting_month: issuedPackSchema.shape.reportingMonth,
    options_json: z.string(),
    sha256: z.string(),
    size_bytes: z.number().int(),
    snapshot_json: z.string(),
    changes_json: z.string(),
    issued_at: z.string(),
    issued_by: z.string(),
  })
  .transform((row): IssuedPackRecord => ({
    id: row.id,
    meetingId: row.meeting_id,
    version: row.version,
    reportingMonth: row.reporting_month,
    optionsJson: row.options_json,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    snapshotJson: row.snapshot_json,
    changesJson: row.changes_json,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
  }));

/** A BLOB column (bytea in PostgreSQL): both drivers answer a Buffer. */
const pdfRowSchema = z.object({ pdf: z.instanceof(Buffer) });

const COLUMNS = `id, meeting_id, version, reporting_month, options_json, sha256, size_bytes, snapshot_json, changes_json, issued_at, issued_by`;

const INSERT = `INSERT INTO issued_packs (meeting_id, version, reporting_month, options_json, sha256, size_bytes, pdf, snapshot_json, changes_json, issued_at, issued_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export class PacksRepository {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditLog,
  ) {}

  /** Issued packs, oldest first; for one meeting when given. */
  async list(meetingId?: number): Promise<IssuedPackRecord[]> {
    const rows =
      meetingId === undefined
        ? await this.sql.all(`SELECT ${COLUMNS} FROM issued_packs ORDER BY meeting_id, version`)
        : await this.sql.all(
            `SELECT ${COLUMNS} FROM issued_packs WHERE meeting_id = ? ORDER BY version`,
            meetingId,
          );
    return z.array(issuedPackRowSchema).parse(rows);
  }

  async get(id: number): Promise<IssuedPackRecord> {
    const row = await this.sql.get(`SELECT ${COLUMNS} FROM issued_packs WHERE id = ?`, id);
    if (!row) throw new BoardPackError('not_found', `There is no issued pack ${id}.`);
    return issuedPackRowSchema.parse(row);
  }

  async latest(meetingId: number): Promise<IssuedPackRecord | null> {
    const row = await this.sql.get(
      `SELECT ${COLUMNS} FROM issued_packs WHERE meeting_id = ? ORDER BY version DESC LIMIT 1`,
      meetingId,
    );
    return row ? issuedPackRowSchema.parse(row) : null;
  }

  /** The stored bytes exactly as issued. */
  async pdf(id: number): Promise<Buffer> {
    const row = await this.sql.get('SELECT pdf FROM issued_packs WHERE id = ?', id);
    if (!row) throw new BoardPackError('not_found', `There is no issued pack ${id}.`);
    return pdfRowSchema.parse(row).pdf;
  }

  async bySha256(sha256: string): Promise<IssuedPackRecord | null> {
    const row = await this.sql.get(
      `SELECT ${COLUMNS} FROM issued_packs WHERE sha256 = ? ORDER BY id LIMIT 1`,
      sha256,
    );
    return row ? issuedPackRowSchema.parse(row) : null;
  }

  /**
   * Refuses, in words, issuing `version` of a meeting's pack when it is not the next one: another
   * desk issued it (or a later one) first, so the person builds again to see what they would issue.
   */
  async assertNextVersion(meetingId: number, version: number, at: string): Promise<void> {
    const latest = await this.latest(meetingId);
    const next = (latest?.version ?? 0) + 1;
    if (version === next) return;
    if (latest && version <= latest.version) throw await this.issuedFirst(latest, at);
    throw new BoardPackError(
      'invalid_input',
      `Version ${next} of this pack is the next to issue, not ${version}.`,
    );
  }

  /**
   * Stores a new version. The UNIQUE (meeting_id, version) constraint decides between two desks
   * issuing the same version at once (one file serialises them; a server lets both build it): the
   * second is refused in words, and the savepoint keeps its failed insert from spoiling the rest.
   */
  async insert(pack: NewIssuedPack): Promise<IssuedPackRecord> {
    return this.sql.transaction(async () => {
      const latest = await this.latest(pack.meetingId);
      if (pack.version > (latest?.version ?? 0) + 1) {
        throw new BoardPackError(
          'invalid_input',
          `Version ${(latest?.version ?? 0) + 1} of this meeting's pack is the next to issue, not ${pack.version}.`,
        );
      }
      let id: number;
      try {
        id = await this.sql.transaction(() =>
          this.sql.insert(
            INSERT,
            pack.meetingId,
            pack.version,
            pack.reportingMonth,
            pack.optionsJson,
            pack.sha256,
            pack.pdf.length,
            pack.pdf,
            pack.snapshotJson,
            pack.changesJson,
            pack.issuedAt,
            pack.issuedBy,
          ),
        );
      } catch (error) {
        const issued = isUniqueViolation(error) ? await this.latest(pack.meetingId) : null;
        if (!issued) throw error;
        throw await this.issuedFirst(issued, pack.issuedAt);
      }
      const issued = await this.get(id);
      const { snapshotJson: _snapshot, ...summary } = issued;
      await this.audit.record(pack.issuedAt, pack.issuedBy, 'pack.issue', 'issued_pack', id, null, summary);
      return issued;
    });
  }

  /** "Version 3 of this pack was issued at 14:05 on SVB-LAPTOP by Jo Bloggs; build again …" */
  private async issuedFirst(issued: IssuedPackRecord, at: string): Promise<BoardPackError> {
    const change = await this.audit.latestChange('issued_pack', issued.id, ['pack.issue']);
    return new BoardPackError(
      'edit_conflict',
      packIssuedSentence({ ...issued, desk: change?.desk ?? '' }, at),
    );
  }
}
