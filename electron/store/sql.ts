// The one way the repositories reach their database: SQL text with ? placeholders, answered
// asynchronously. Two executors implement it — SQLite through better-sqlite3 (sqliteSql.ts) and
// PostgreSQL through pg (postgresSql.ts) — so every repository, its rules and its statements are
// written once. A statement that must differ between the two asks `dialect`; keep those few and
// say why beside them.

export type Dialect = 'sqlite' | 'postgres';

/** A value bound to a ? placeholder. Flags are 0 and 1, as SQLite keeps them, in both dialects. */
export type Param = string | number | bigint | Buffer | null;

export interface RunResult {
  /** Rows inserted, changed or deleted by the statement. */
  changes: number;
}

export interface Sql {
  readonly dialect: Dialect;
  /** Every row, each an object keyed by column name. */
  all(sql: string, ...params: Param[]): Promise<unknown[]>;
  /** The first row, or undefined when there is none. */
  get(sql: string, ...params: Param[]): Promise<unknown>;
  /** Every row as the list of its column values, in the SELECT's order. */
  rows(sql: string, ...params: Param[]): Promise<unknown[][]>;
  /** The first column of every row. */
  column(sql: string, ...params: Param[]): Promise<unknown[]>;
  /** The first column of the first row, or undefined when there is no row. */
  value(sql: string, ...params: Param[]): Promise<unknown>;
  /** A statement that answers no rows (INSERT, UPDATE, DELETE). */
  run(sql: string, ...params: Param[]): Promise<RunResult>;
  /** An INSERT into a table whose key is an integer `id`: the new row's id. */
  insert(sql: string, ...params: Param[]): Promise<number>;
  /** Statements without parameters, run as one script (a migration, a schema change). */
  exec(sql: string): Promise<void>;
  /**
   * Runs work as one write transaction, or as a savepoint of the one already running: all of it
   * is kept, or none of it. The caller (the store's Connection) makes sure nothing else uses the
   * executor meanwhile.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** True while a transaction is open on this executor. */
  readonly inTransaction: boolean;
}

/** The new id an INSERT answered, checked: a row id is a positive safe integer. */
export function rowId(value: unknown): number {
  const id = typeof value === 'bigint' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0)
    throw new Error(`An insert answered ${String(value)} as its new row id.`);
  return id;
}
