// Issued packs: frozen PDF bytes with their SHA-256, options, content snapshot and what changed
// since the version before. The table's triggers refuse UPDATE and DELETE; this repository only
// ever inserts, with its audit record in the same transaction.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { issuedPackSchema } from '../../shared/contractSchemas';
import type { AuditLog } from './audit';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';

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

/** A BLOB column: better-sqlite3 answers a Buffer. */
const pdfRowSchema = z.object({ pdf: z.instanceof(Buffer) });

const COLUMNS = `id, meeting_id, version, reporting_month, options_json, sha256, size_bytes, snapshot_json, changes_json, issued_at, issued_by`;

export class PacksRepository {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  /** Issued packs, oldest first; for one meeting when given. */
  list(meetingId?: number): IssuedPackRecord[] {
    const rows =
      meetingId === undefined
        ? this.db.prepare(`SELECT ${COLUMNS} FROM issued_packs ORDER BY meeting_id, version`).all()
        : this.db
            .prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE meeting_id = ? ORDER BY version`)
            .all(meetingId);
    return z.array(issuedPackRowSchema).parse(rows);
  }

  get(id: number): IssuedPackRecord {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE id = ?`).get(id);
    if (!row) throw new BoardPackError('not_found', `There is no issued pack ${id}.`);
    return issuedPackRowSchema.parse(row);
  }

  latest(meetingId: number): IssuedPackRecord | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE meeting_id = ? ORDER BY version DESC LIMIT 1`)
      .get(meetingId);
    return row ? issuedPackRowSchema.parse(row) : null;
  }

  /** The stored bytes exactly as issued. */
  pdf(id: number): Buffer {
    const row = this.db.prepare('SELECT pdf FROM issued_packs WHERE id = ?').get(id);
    if (!row) throw new BoardPackError('not_found', `There is no issued pack ${id}.`);
    return pdfRowSchema.parse(row).pdf;
  }

  bySha256(sha256: string): IssuedPackRecord | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE sha256 = ? ORDER BY id LIMIT 1`)
      .get(sha256);
    return row ? issuedPackRowSchema.parse(row) : null;
  }

  /** Stores a new version; the version must be the next one for the meeting (checked inside the transaction). */
  insert(pack: NewIssuedPack): IssuedPackRecord {
    return writeTransaction(this.db, () => {
      const latest = this.latest(pack.meetingId);
      const expected = (latest?.version ?? 0) + 1;
      if (pack.version !== expected) {
        throw new BoardPackError(
          'conflict',
          `Version ${expected} of this meeting's pack is the next to issue, not ${pack.version}; someone may have issued it meanwhile.`,
        );
      }
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO issued_packs (meeting_id, version, reporting_month, options_json, sha256, size_bytes, pdf, snapshot_json, changes_json, issued_at, issued_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
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
          ).lastInsertRowid,
      );
      const issued = this.get(id);
      const { snapshotJson: _snapshot, ...summary } = issued;
      this.audit.record(pack.issuedAt, pack.issuedBy, 'pack.issue', 'issued_pack', id, null, summary);
      return issued;
    });
  }
}
