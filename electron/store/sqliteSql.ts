// The SQLite executor of sql.ts over one better-sqlite3 handle. better-sqlite3 answers at once, so
// each method is a resolved promise around a synchronous call; statements are prepared once and
// kept, as the repositories used to keep them themselves.
import type Database from 'better-sqlite3';
import { retryWhileBusy } from './connection';
import { rowId, type Param, type RunResult, type Sql } from './sql';

type Db = Database.Database;
type Statement = Database.Statement<Param[], unknown>;

/** Enough for every statement the repositories write, a few times over; dynamic ones come and go. */
const CACHE_LIMIT = 400;

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite';
  private readonly objects = new Map<string, Statement>();
  private readonly arrays = new Map<string, Statement>();
  private readonly firsts = new Map<string, Statement>();
  private savepoints = 0;

  constructor(readonly db: Db) {}

  private statement(
    cache: Map<string, Statement>,
    sql: string,
    mode: (s: Statement) => Statement,
  ): Statement {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      statement = mode(this.db.prepare<Param[], unknown>(sql));
      cache.set(sql, statement);
    }
    return statement;
  }

  private plain(sql: string): Statement {
    return this.statement(this.objects, sql, (s) => s);
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  async all(sql: string, ...params: Param[]): Promise<unknown[]> {
    return this.plain(sql).all(...params);
  }

  async get(sql: string, ...params: Param[]): Promise<unknown> {
    return this.plain(sql).get(...params);
  }

  async rows(sql: string, ...params: Param[]): Promise<unknown[][]> {
    return this.statement(this.arrays, sql, (s) => s.raw(true)).all(...params) as unknown[][];
  }

  async column(sql: string, ...params: Param[]): Promise<unknown[]> {
    return this.statement(this.firsts, sql, (s) => s.pluck(true)).all(...params);
  }

  async value(sql: string, ...params: Param[]): Promise<unknown> {
    return this.statement(this.firsts, sql, (s) => s.pluck(true)).get(...params);
  }

  async run(sql: string, ...params: Param[]): Promise<RunResult> {
    return { changes: this.plain(sql).run(...params).changes };
  }

  async insert(sql: string, ...params: Param[]): Promise<number> {
    return rowId(this.plain(sql).run(...params).lastInsertRowid);
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  /** BEGIN IMMEDIATE takes the write lock at once, so a second writer waits instead of failing later. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return this.savepoint(work);
    await retryWhileBusy(() => this.db.exec('BEGIN IMMEDIATE'));
    try {
      const result = await work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (this.db.inTransaction) {
        this.db.exec(`ROLLBACK TO ${name}`);
        this.db.exec(`RELEASE ${name}`);
      }
      throw error;
    }
  }
}
