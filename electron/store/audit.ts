// The append-only audit log. Writers call record() inside the same transaction as their change,
// so a change and its record are saved together or not at all.
import { randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { z } from 'zod';
import type { AuditEntity } from '../../shared/auditEntities';
import type { ChangeMade } from '../../shared/conflictWords';
import type { AuditEntry, AuditFilter } from '../../shared/contractSchemas';
import type { Sql } from './sql';
import { countRowSchema, jsonColumn } from './rowSchemas';

export type { AuditEntry, AuditFilter };

/** A record's before or after: JSON text, or NULL for nothing (a thing made, or removed). */
const recordColumn = jsonColumn(z.unknown()).nullable();

const auditRowSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entity_id: z.string(),
    before_json: recordColumn,
    after_json: recordColumn,
    desk: z.string(),
    db_user: z.string(),
  })
  .transform((row): AuditEntry => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json,
    after: row.after_json,
    desk: row.desk,
    dbUser: row.db_user,
  }));

/**
 * Where this store's changes are made from: the desk (the computer's name and a mark of this run
 * of the app, so a desk can tell its own changes from another's) and the database user.
 */
export interface AuditSession {
  desk: string;
  dbUser: string;
}

/** This computer's name with a mark of this run: "SVB-LAPTOP/3f9a2c". */
export function deskName(): string {
  return `${hostname() || 'desk'}/${randomBytes(3).toString('hex')}`;
}

/** The operating-system user, the database user of a file (SQLite has no users of its own). */
export function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

const INSERT = `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, desk, db_user)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** One audit record, as record() takes it, for recordMany. */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  entity: AuditEntity;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

/** Rows per multi-row INSERT: 9 parameters each stays far inside either database's limit. */
const ROWS_PER_INSERT = 500;

function recordJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

const changeMadeRowSchema = z.object({ actor: z.string(), at: z.string(), desk: z.string() });

export class AuditLog {
  constructor(
    private readonly sql: Sql,
    readonly session: AuditSession = { desk: '', dbUser: '' },
  ) {}

  async record(
    at: string,
    actor: string,
    action: string,
    entity: AuditEntity,
    entityId: string | number,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await this.sql.run(
      INSERT,
      at,
      actor,
      action,
      entity,
      String(entityId),
      recordJson(before),
      recordJson(after),
      this.session.desk,
      this.session.dbUser,
    );
  }

  /**
   * Many records in the order given, as record() would write them one by one, in a few multi-row
   * INSERTs (a round trip each to a server, rather than one per record): for a bulk write such as
   * the demo's history. The caller's transaction holds them with the change they record.
   */
  async recordMany(records: readonly AuditRecord[]): Promise<void> {
    for (let from = 0; from < records.length; from += ROWS_PER_INSERT) {
      const chunk = records.slice(from, from + ROWS_PER_INSERT);
      const params = chunk.flatMap((r) => [
        r.at,
        r.actor,
        r.action,
        r.entity,
        String(r.entityId),
        recordJson(r.before),
        recordJson(r.after),
        this.session.desk,
        this.session.dbUser,
      ]);
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      await this.sql.run(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, desk, db_user) VALUES ${values}`,
        ...params,
      );
    }
  }

  async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.entity) {
      where.push('entity = ?');
      params.push(filter.entity);
    }
    if (filter.actor) {
      where.push('actor = ?');
      params.push(filter.actor);
    }
    if (filter.text) {
      // The before record too: a removed thing's after is empty, and its last entry should be
      // found by the same words as its earlier ones. % and _ are the searcher's own characters,
      // not LIKE's wildcards.
      where.push(
        "(lower(action) LIKE ? ESCAPE '\\' OR lower(entity_id) LIKE ? ESCAPE '\\' OR lower(coalesce(after_json, '')) LIKE ? ESCAPE '\\' OR lower(coalesce(before_json, '')) LIKE ? ESCAPE '\\')",
      );
      // ASCII lower-cased on both sides (lower() folds only ASCII in SQLite and in PostgreSQL's "C"
      // collation): SQLite's LIKE ignored ASCII case, PostgreSQL's does not.
      const like = `%${filter.text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like, like);
    }
    if (filter.beforeId) {
      where.push('id < ?');
      params.push(filter.beforeId);
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    params.push(Math.min(filter.limit ?? 200, 1000));
    return z.array(auditRowSchema).parse(await this.sql.all(sql, ...params));
  }

  /**
   * What other desks (and other runs of the app) changed after audit entry `since`: the last entry's
   * id and the kinds of record changed, so a screen showing them can read them again.
   */
  async changesSince(since: number): Promise<{ last: number; entities: string[] }> {
    const last = Number((await this.sql.value('SELECT coalesce(max(id), 0) FROM audit_log')) ?? 0);
    if (last <= since) return { last, entities: [] };
    const entities = await this.sql.column(
      'SELECT DISTINCT entity FROM audit_log WHERE id > ? AND desk <> ? ORDER BY entity',
      since,
      this.session.desk,
    );
    return { last, entities: z.array(z.string()).parse(entities) };
  }

  /**
   * Who made the latest change recorded for a record, when and at which desk; only changes of the
   * kinds named, when named (a meeting's entries hold its agenda's changes among others).
   */
  async latestChange(
    entity: AuditEntity,
    entityId: string | number,
    actions: readonly string[] = [],
  ): Promise<ChangeMade | null> {
    const ofKind = actions.length ? ` AND action IN (${actions.map(() => '?').join(', ')})` : '';
    const row = await this.sql.get(
      `SELECT actor, at, desk FROM audit_log WHERE entity = ? AND entity_id = ?${ofKind} ORDER BY id DESC LIMIT 1`,
      entity,
      String(entityId),
      ...actions,
    );
    return row === undefined ? null : changeMadeRowSchema.parse(row);
  }

  async count(): Promise<number> {
    return countRowSchema.parse(await this.sql.get('SELECT count(*) AS n FROM audit_log')).n;
  }
}
