// The PostgreSQL executor of sql.ts over one pg.Client: the store's Connection already lets one
// call or transaction at a time through, so one connection per open store is enough and no pool
// is needed. A connection that drops is replaced on the next call outside a transaction; the
// call or transaction it dropped under fails with the one sentence of postgresErrors.ts.
import pg from 'pg';
import { numberedPlaceholders } from './postgresPlaceholders';
import { isConnectionLoss, postgresFailure, unreachableError } from './postgresErrors';
import { rowId, type Param, type RunResult, type Sql } from './sql';

/** Enough for every statement the repositories write, a few times over; dynamic ones come and go. */
const CACHE_LIMIT = 400;

/**
 * A statement this small is prepared on the server by name, once per connection: the server then
 * parses it once, not at every call (the month summary's planning was a fifth of its time). Bulk
 * statements (a page of a copy, a month of demo updates) vary in length and run once; they are
 * sent unnamed, so the server keeps nothing of them.
 */
const NAMED_MAX_PARAMS = 64;
const NAMED_MAX_LENGTH = 4000;

/** A statement as pg takes it: the text with numbered placeholders, and its name when prepared. */
interface Statement {
  text: string;
  name?: string;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

function safeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new Error(`The database answered ${text}, too large for a number here.`);
  return value;
}

/**
 * The client's own type parsers (not pg's global ones, which every client in the process shares):
 * bigint — every id, count(*) and sum of integers — and numeric as numbers, as SQLite answers them.
 * double precision is a number and bytea a Buffer already.
 */
export function postgresTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, safeNumber);
  types.setTypeParser(NUMERIC_OID, Number);
  return types;
}

export interface PostgresSqlOptions {
  /** Where the database is, as postgresErrors.describeServer names it, for the sentences. */
  server: string;
  /** A new connection, made as the first was, after this one dropped; none: stay unreachable. */
  reconnect?: () => Promise<pg.Client>;
}

export class PostgresSql implements Sql {
  readonly dialect = 'postgres';
  private client: pg.Client | null;
  private lost = false;
  private closed = false;
  private depth = 0;
  private savepoints = 0;
  private readonly texts = new Map<string, Statement>();
  /** Names are never reused: a name the server holds always means the text it was prepared with. */
  private named = 0;

  constructor(
    client: pg.Client,
    private readonly options: PostgresSqlOptions,
  ) {
    this.client = this.watch(client);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** The server's name for the sentences. */
  get server(): string {
    return this.options.server;
  }

  /** A dropped connection is reported by pg as an 'error' event; unheard, it would end the process. */
  private watch(client: pg.Client): pg.Client {
    const drop = () => {
      if (this.client === client) this.lost = true;
    };
    client.on('error', drop);
    client.on('end', drop);
    return client;
  }

  private text(sql: string, params: Param[], suffix = ''): Statement {
    const key = suffix ? `${sql}\u0000${suffix}` : sql;
    let statement = this.texts.get(key);
    if (statement === undefined) {
      if (this.texts.size >= CACHE_LIMIT) this.texts.clear();
      const text = numberedPlaceholders(suffix ? sql.trimEnd().replace(/;$/, '') : sql) + suffix;
      const small = params.length <= NAMED_MAX_PARAMS && text.length <= NAMED_MAX_LENGTH;
      statement = small ? { text, name: `bp_${++this.named}` } : { text };
      this.texts.set(key, statement);
    }
    return statement;
  }

  /** The live connection, a new one when the last dropped outside a transaction. */
  private async connection(): Promise<pg.Client> {
    if (this.client && !this.lost) return this.client;
    if (this.closed) throw new Error('The shared database was used after its store was closed.');
    // The transaction died with its connection: its remaining statements must not run elsewhere.
    if (this.depth > 0 || !this.options.reconnect) throw unreachableError(this.server);
    this.discard();
    try {
      this.client = this.watch(await this.options.reconnect());
      this.lost = false;
      return this.client;
    } catch (error) {
      throw postgresFailure(error, this.server) ?? error;
    }
  }

  private discard(): void {
    const client = this.client;
    this.client = null;
    this.lost = true;
    // Ending a socket that already failed may fail again; that says nothing new.
    if (client) client.end().catch(() => undefined);
  }

  private failure(error: unknown): unknown {
    if (this.lost || isConnectionLoss(error)) {
      this.discard();
      return unreachableError(this.server);
    }
    return postgresFailure(error, this.server) ?? error;
  }

  private async query(
    statement: Statement | string,
    values: Param[] | undefined,
    rowMode?: 'array',
  ): Promise<pg.QueryResult> {
    const client = await this.connection();
    const { text, name } = typeof statement === 'string' ? { text: statement, name: undefined } : statement;
    try {
      return rowMode
        ? await client.query({ text, name, values, rowMode })
        : await client.query({ text, name, values });
    } catch (error) {
      throw this.failure(error);
    }
  }

  async all(sql: string, ...params: Param[]): Promise<unknown[]> {
    return (await this.query(this.text(sql, params), params)).rows;
  }

  async get(sql: string, ...params: Param[]): Promise<unknown> {
    return (await this.query(this.text(sql, params), params)).rows[0];
  }

  async rows(sql: string, ...params: Param[]): Promise<unknown[][]> {
    return (await this.query(this.text(sql, params), params, 'array')).rows;
  }

  async column(sql: string, ...params: Param[]): Promise<unknown[]> {
    const rows: unknown[][] = (await this.query(this.text(sql, params), params, 'array')).rows;
    return rows.map((row) => row[0]);
  }

  async value(sql: string, ...params: Param[]): Promise<unknown> {
    const rows: unknown[][] = (await this.query(this.text(sql, params), params, 'array')).rows;
    return rows[0]?.[0];
  }

  async run(sql: string, ...params: Param[]): Promise<RunResult> {
    return { changes: (await this.query(this.text(sql, params), params)).rowCount ?? 0 };
  }

  async insert(sql: string, ...params: Param[]): Promise<number> {
    const rows: unknown[][] = (await this.query(this.text(sql, params, ' RETURNING id'), params, 'array'))
      .rows;
    return rowId(rows[0]?.[0]);
  }

  /** Without parameters pg uses the simple protocol, which runs a whole script in one round trip. */
  async exec(sql: string): Promise<void> {
    await this.query(sql, undefined);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return this.savepoint(work);
    await this.query('BEGIN', undefined);
    this.depth = 1;
    try {
      const result = await work();
      await this.query('COMMIT', undefined);
      return result;
    } catch (error) {
      // A failed COMMIT has already ended the transaction, and ROLLBACK then only warns.
      if (!this.lost) await this.quietly('ROLLBACK');
      throw error;
    } finally {
      this.depth = 0;
    }
  }

  private async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    await this.query(`SAVEPOINT ${name}`, undefined);
    this.depth++;
    try {
      const result = await work();
      await this.query(`RELEASE ${name}`, undefined);
      return result;
    } catch (error) {
      if (!this.lost) {
        await this.quietly(`ROLLBACK TO ${name}`);
        await this.quietly(`RELEASE ${name}`);
      }
      throw error;
    } finally {
      this.depth--;
    }
  }

  /**
   * Undoes after a failure; the failure is what the caller hears about. An undo that fails leaves
   * the session in a state nobody knows, so the connection is dropped (the server then rolls back
   * whatever it held) and the next call outside a transaction makes a new one.
   */
  private async quietly(statement: string): Promise<void> {
    try {
      await this.query(statement, undefined);
    } catch {
      if (!this.lost) this.discard();
    }
  }

  /** Ends the connection; the store is closed. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.lost = true;
    this.closed = true;
    if (client) await client.end();
  }
}
