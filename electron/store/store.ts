// The data port (port.ts) over one open database: a file (SQLite) or a shared server (PostgreSQL),
// chosen by its location. The repositories are written once over the SQL executor (sql.ts) and
// bound to one connection; what differs between a file and a server (reaching it, checking it,
// copying it, closing it) is the Backend. The clock is injected so tests and demo data are
// reproducible.
import type { SharedServer } from '../../shared/contractSharedDatabase';
import type { PlanFile } from '../../shared/planFile';
import { AuditLog, deskName, systemUser } from './audit';
import { BackupsRepository, checkDatabase } from './backups';
import { bindPort, Connection, retryWhileBusy } from './connection';
import { ExchangeRepository } from './exchange';
import { IndicatorsRepository } from './indicators';
import { seedIndicators } from './indicatorSeed';
import { KeysRepository } from './keys';
import { DemoRepository } from './demo';
import { MeetingsRepository } from './meetings';
import { openDatabase, type Db, type OpenOptions } from './open';
import { postgresLocation } from './postgresConnection';
import { openPostgresAt, type PostgresOpenOptions } from './postgresMigrate';
import type { Sql } from './sql';
import { PacksRepository } from './packs';
import { PapersRepository } from './papers';
import { PeopleRepository } from './people';
import { PlanRepository } from './plan';
import { loadBuiltInPlan } from './planFile';
import type {
  AuditPort,
  BackupsPort,
  ExchangePort,
  IndicatorsPort,
  KeysPort,
  DemoPort,
  MeetingsPort,
  PacksPort,
  PapersPort,
  PeoplePort,
  PlanPort,
  SearchPort,
  SettingsPort,
  Store,
  StoreTx,
  UpdatesPort,
} from './port';
import { SearchRepository } from './search';
import { SettingsRepository } from './settings';
import { SqliteSql } from './sqliteSql';
import { UpdatesRepository } from './updates';

export type { Store, StoreTx } from './port';

export type Clock = () => Date;

export interface StoreOptions extends OpenOptions, PostgresOpenOptions {
  clock?: Clock;
  /** The plan a fresh database is seeded with; the built-in plan unless given. null seeds nothing. */
  seedPlan?: PlanFile | null;
  /** Who seeds a fresh database (recorded in the audit log). */
  actor?: string;
  /** The desk this store's changes are recorded from; this computer and a mark of this run unless given. */
  desk?: string;
}

/** A shared server's address rather than a file's path. */
export function isServerLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/** What differs between a database file and a database server. */
export interface Backend {
  readonly sql: Sql;
  /** A file's path, or a server's address as a person names it (never its password). */
  readonly location: string;
  /** The SQLite handle, for what only a file can do (copy itself, check its pages); null for a server. */
  readonly file: Db | null;
  /** Who the changes are made as: the server's login, or the operating-system user of a file. */
  readonly dbUser: string;
  /** Where a shared database is and how its connection is protected; null for a file. */
  readonly server: SharedServer | null;
  /**
   * Inside a transaction, waits until no other desk is inside one that called it too: a file's
   * write transaction already excludes every other writer; a server's needs a lock of its own.
   */
  exclusive(): Promise<void>;
  check(): Promise<string[]>;
  close(): Promise<void>;
}

function sqliteBackend(db: Db, path: string): Backend {
  return {
    sql: new SqliteSql(db),
    location: path,
    file: db,
    dbUser: systemUser(),
    server: null,
    exclusive: async () => undefined,
    check: async () => checkDatabase(db),
    close: async () => {
      if (db.open) db.close();
    },
  };
}

/** The advisory lock a server's exclusive() takes ("BPK1" as a number, as the schema's application id). */
const EXCLUSIVE_LOCK = 0x42504b31;

async function postgresBackend(address: string, options: PostgresOpenOptions): Promise<Backend> {
  const location = postgresLocation(address, options);
  const sql = await openPostgresAt(location);
  try {
    const user: unknown = await sql.value('SELECT session_user');
    const dbUser = typeof user === 'string' ? user : '';
    const { host, port, database } = location.config;
    return {
      sql,
      location: sql.server,
      file: null,
      dbUser,
      server: {
        name: sql.server,
        host: host ?? '',
        port: port ?? 5432,
        database: database ?? '',
        user: dbUser,
        encryption: location.encryption,
      },
      exclusive: async () => {
        await sql.value('SELECT pg_advisory_xact_lock(?)', EXCLUSIVE_LOCK);
      },
      // The server keeps its own constraints; what is left to ask is that it answers.
      check: async () => ((await sql.value('SELECT 1')) === 1 ? [] : ['The shared database did not answer.']),
      close: () => sql.close(),
    };
  } catch (error) {
    await sql.close();
    throw error;
  }
}

/** The repositories over one database; only code in electron/store/ sees these. */
export class Repositories {
  readonly audit: AuditLog;
  readonly plan: PlanRepository;
  readonly updates: UpdatesRepository;
  readonly meetings: MeetingsRepository;
  readonly papers: PapersRepository;
  readonly packs: PacksRepository;
  readonly people: PeopleRepository;
  readonly settings: SettingsRepository;
  readonly backups: BackupsRepository;
  readonly exchange: ExchangeRepository;
  readonly keys: KeysRepository;
  readonly demo: DemoRepository;
  readonly indicators: IndicatorsRepository;
  readonly search: SearchRepository;
  readonly sql: Sql;

  constructor(
    readonly backend: Backend,
    readonly clock: Clock,
    desk: string = deskName(),
  ) {
    const now = () => clock().toISOString();
    const sql = (this.sql = backend.sql);
    this.audit = new AuditLog(sql, { desk, dbUser: backend.dbUser });
    this.plan = new PlanRepository(sql, this.audit);
    this.updates = new UpdatesRepository(sql, this.plan, this.audit);
    this.meetings = new MeetingsRepository(sql, this.audit);
    this.papers = new PapersRepository(sql, this.audit);
    this.packs = new PacksRepository(sql, this.audit);
    this.people = new PeopleRepository(sql, this.audit);
    this.settings = new SettingsRepository(sql, this.audit, now);
    this.backups = new BackupsRepository(backend.file, backend.location, this.settings, clock);
    this.exchange = new ExchangeRepository(sql);
    this.keys = new KeysRepository(sql);
    this.demo = new DemoRepository(sql);
    this.indicators = new IndicatorsRepository(sql, this.audit);
    this.search = new SearchRepository(sql);
  }
}

type Invoke = Connection['call'];

/** The ports of one set of repositories, every call made through invoke. */
class BoundTx implements StoreTx {
  readonly plan: PlanPort;
  readonly updates: UpdatesPort;
  readonly meetings: MeetingsPort;
  readonly papers: PapersPort;
  readonly packs: PacksPort;
  readonly people: PeoplePort;
  readonly settings: SettingsPort;
  readonly audit: AuditPort;
  readonly backups: BackupsPort;
  readonly exchange: ExchangePort;
  readonly keys: KeysPort;
  readonly demo: DemoPort;
  readonly indicators: IndicatorsPort;
  readonly search: SearchPort;

  constructor(
    protected readonly repositories: Repositories,
    protected readonly connection: Connection,
    invoke: Invoke,
  ) {
    this.plan = bindPort<PlanPort>(repositories.plan, invoke);
    this.updates = bindPort<UpdatesPort>(repositories.updates, invoke);
    this.meetings = bindPort<MeetingsPort>(repositories.meetings, invoke);
    this.papers = bindPort<PapersPort>(repositories.papers, invoke);
    this.packs = bindPort<PacksPort>(repositories.packs, invoke);
    this.people = bindPort<PeoplePort>(repositories.people, invoke);
    this.settings = bindPort<SettingsPort>(repositories.settings, invoke);
    this.audit = bindPort<AuditPort>(repositories.audit, invoke);
    this.backups = bindPort<BackupsPort>(repositories.backups, invoke);
    this.exchange = bindPort<ExchangePort>(repositories.exchange, invoke);
    this.keys = bindPort<KeysPort>(repositories.keys, invoke);
    this.demo = bindPort<DemoPort>(repositories.demo, invoke);
    this.indicators = bindPort<IndicatorsPort>(repositories.indicators, invoke);
    this.search = bindPort<SearchPort>(repositories.search, invoke);
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.connection.transaction(() => work(this.inside()));
  }

  protected inside(): StoreTx {
    return this;
  }

  now(): string {
    return this.repositories.clock().toISOString();
  }

  today(): string {
    return this.now().slice(0, 10);
  }
}

export class SqlStore extends BoundTx implements Store {
  private readonly tx: StoreTx;

  constructor(repositories: Repositories, connection: Connection) {
    super(repositories, connection, connection.call);
    this.tx = new BoundTx(repositories, connection, connection.callInside);
  }

  protected override inside(): StoreTx {
    return this.tx;
  }

  get path(): string {
    return this.repositories.backend.location;
  }

  /** True for a shared database on a server, false for a file. */
  get shared(): boolean {
    return this.repositories.backend.file === null;
  }

  get server(): SharedServer | null {
    return this.repositories.backend.server;
  }

  /** The repositories and their executor, for code inside electron/store/ (backups, restore, copy). */
  get internals(): Repositories {
    return this.repositories;
  }

  check(): Promise<string[]> {
    return this.connection.call(() => this.repositories.backend.check());
  }

  close(): Promise<void> {
    return this.repositories.backend.close();
  }
}

/**
 * Opens a database and seeds the built-in plan into a fresh one: a file path opens (creating if
 * needed) an SQLite file; a postgres:// address connects to a shared server and brings its schema
 * up to date.
 */
export async function openStore(location: string, options: StoreOptions = {}): Promise<SqlStore> {
  const backend = isServerLocation(location)
    ? await postgresBackend(location, options)
    : sqliteBackend(await retryWhileBusy(() => openDatabase(location, options)), location);
  const repositories = new Repositories(backend, options.clock ?? (() => new Date()), options.desk);
  const store = new SqlStore(repositories, new Connection(repositories.sql));
  try {
    if (options.seedPlan !== null) {
      const plan = options.seedPlan ?? loadBuiltInPlan();
      const actor = options.actor ?? 'Board Pack';
      await store.transaction(async (tx) => {
        // Two desks opening a fresh shared database at once: the second waits here, then finds the plan.
        await backend.exclusive();
        if (!(await tx.plan.hasPlan())) await tx.plan.seed(plan, tx.now(), actor);
        await seedIndicators(tx, plan, actor);
      });
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
