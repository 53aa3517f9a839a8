// Issued packs: frozen PDF bytes with their SHA-256, options, content snapshot and what changed
// since the version before. The table's triggers refuse UPDATE and DELETE; this repository only
// ever inserts, with its audit record in the same transaction.
import { BoardPackError } from '../../shared/errors';
import type { AuditLog } from './audit';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';
import type { Synchronous } from './connection';
import type { PacksPort } from './port';

export interface IssuedPackRecord {
  id: number;
  meetingId: number;
  version: number;
  reportingMonth: string;
  optionsJson: string;
  sha256: string;
  sizeBytes: number;
  snapshotJson: string;
  changesJson: string;
  issuedAt: string;
  issuedBy: string;
}

export type NewIssuedPack = Omit<IssuedPackRecord, 'id' | 'sizeBytes'> & { pdf: Buffer };

interface IssuedPackRow {
  id: number;
  meeting_id: number;
  version: number;
  reporting_month: string;
  options_json: string;
  sha256: string;
  size_bytes: number;
  snapshot_json: string;
  changes_json: string;
  issued_at: string;
  issued_by: string;
}

const COLUMNS = `id, meeting_id, version, reporting_month, options_json, sha256, size_bytes, snapshot_json, changes_json, issued_at, issued_by`;

function toRecord(row: IssuedPackRow): IssuedPackRecord {
  return {
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
  };
}

export class PacksRepository implements Synchronous<PacksPort> {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  /** Issued packs, oldest first; for one meeting when given. */
  list(meetingId?: number): IssuedPackRecord[] {
    const rows = (
      meetingId === undefined
        ? this.db.prepare(`SELECT ${COLUMNS} FROM issued_packs ORDER BY meeting_id, version`).all()
        : this.db
            .prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE meeting_id = ? ORDER BY version`)
            .all(meetingId)
    ) as IssuedPackRow[];
    return rows.map(toRecord);
  }

  get(id: number): IssuedPackRecord {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE id = ?`).get(id) as
      IssuedPackRow | undefined;
    if (!row) throw new BoardPackError('not_found', `There is no issued pack ${id}.`);
    return toRecord(row);
  }

  latest(meetingId: number): IssuedPackRecord | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE meeting_id = ? ORDER BY version DESC LIMIT 1`)
      .get(meetingId) as IssuedPackRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** The stored bytes exactly as issued. */
  pdf(id: number): Buffer {
    const row = this.db.prepare('SELECT pdf FROM issued_packs WHERE id = ?').get(id) as
      { pdf: Buffer } | undefined;
    if (!row) throw new BoardPackError('not_found', `There is no issued pack ${id}.`);
    return row.pdf;
  }

  bySha256(sha256: string): IssuedPackRecord | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM issued_packs WHERE sha256 = ? ORDER BY id LIMIT 1`)
      .get(sha256) as IssuedPackRow | undefined;
    return row ? toRecord(row) : null;
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
