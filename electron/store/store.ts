// The SQLite implementation of the data port (port.ts): one open database file, its repositories
// bound to one connection, and the transactions over it. The clock is injected so tests and demo
// data are reproducible.
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

export interface StoreOptions extends OpenOptions {
  clock?: Clock;
  /** The plan a fresh database is seeded with; the built-in plan unless given. null seeds nothing. */
  seedPlan?: PlanFile | null;
  /** Who seeds a fresh database (recorded in the audit log). */
  actor?: string;
  /** The desk this store's changes are recorded from; this computer and a mark of this run unless given. */
  desk?: string;
}

/** The synchronous repositories over one database; only code in electron/store/ sees these. */
export class SqliteRepositories {
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

  readonly sql: SqliteSql;

  constructor(
    readonly db: Db,
    readonly path: string,
    readonly clock: Clock,
    desk: string = deskName(),
  ) {
    const now = () => clock().toISOString();
    const sql = (this.sql = new SqliteSql(db));
    this.audit = new AuditLog(sql, { desk, dbUser: systemUser() });
    this.plan = new PlanRepository(sql, this.audit);
    this.updates = new UpdatesRepository(sql, this.plan, this.audit);
    this.meetings = new MeetingsRepository(sql, this.audit);
    this.papers = new PapersRepository(sql, this.audit);
    this.packs = new PacksRepository(sql, this.audit);
    this.people = new PeopleRepository(sql, this.audit);
    this.settings = new SettingsRepository(sql, this.audit, now);
    this.backups = new BackupsRepository(db, path, this.settings, clock);
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
    protected readonly repositories: SqliteRepositories,
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

export class SqliteStore extends BoundTx implements Store {
  private readonly tx: StoreTx;

  constructor(repositories: SqliteRepositories, connection: Connection) {
    super(repositories, connection, connection.call);
    this.tx = new BoundTx(repositories, connection, connection.callInside);
  }

  protected override inside(): StoreTx {
    return this.tx;
  }

  get path(): string {
    return this.repositories.path;
  }

  /** The synchronous repositories, for code inside electron/store/ (backups, restore, leftovers). */
  get sqlite(): SqliteRepositories {
    return this.repositories;
  }

  check(): Promise<string[]> {
    return this.connection.call(() => checkDatabase(this.repositories.db));
  }

  async close(): Promise<void> {
    if (this.repositories.db.open) this.repositories.db.close();
  }
}

/** Opens (creating if needed) a database and seeds the built-in plan into a fresh one. */
export async function openStore(path: string, options: StoreOptions = {}): Promise<SqliteStore> {
  const db = await retryWhileBusy(() => openDatabase(path, options));
  const repositories = new SqliteRepositories(db, path, options.clock ?? (() => new Date()), options.desk);
  const store = new SqliteStore(repositories, new Connection(repositories.sql));
  try {
    if (options.seedPlan !== null && !(await store.plan.hasPlan())) {
      await store.plan.seed(
        options.seedPlan ?? loadBuiltInPlan(),
        store.now(),
        options.actor ?? 'Board Pack',
      );
    }
    if (options.seedPlan !== null)
      await seedIndicators(store, options.seedPlan ?? loadBuiltInPlan(), options.actor ?? 'Board Pack');
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
