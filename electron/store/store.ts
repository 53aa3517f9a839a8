// One open database and its repositories: the single entry point the handlers, the command line
// and the Electron shell use. The clock is injected so tests and demo data are reproducible.
import { BoardPackError } from '../../shared/errors';
import type { PlanFile } from '../../shared/planFile';
import { loadBuiltInPlan } from './planFile';
import { AuditLog } from './audit';
import { MeetingsRepository } from './meetings';
import { openDatabase, type Db, type OpenOptions } from './open';
import { PapersRepository } from './papers';
import { PlanRepository } from './plan';
import { UpdatesRepository } from './updates';
import { writeTransaction } from './writeTransaction';

export type Clock = () => Date;

export interface StoreOptions extends OpenOptions {
  clock?: Clock;
  /** The plan a fresh database is seeded with; the built-in plan unless given. null seeds nothing. */
  seedPlan?: PlanFile | null;
  /** Who seeds a fresh database (recorded in the audit log). */
  actor?: string;
}

export class Store {
  readonly audit: AuditLog;
  readonly plan: PlanRepository;
  readonly updates: UpdatesRepository;
  readonly meetings: MeetingsRepository;
  readonly papers: PapersRepository;

  constructor(
    readonly db: Db,
    readonly path: string,
    private readonly clock: Clock = () => new Date(),
  ) {
    this.audit = new AuditLog(db);
    this.plan = new PlanRepository(db, this.audit);
    this.updates = new UpdatesRepository(db, this.plan, this.audit);
    this.meetings = new MeetingsRepository(db, this.audit);
    this.papers = new PapersRepository(db, this.audit);
  }

  /** Now as an ISO timestamp, from the injected clock. */
  now(): string {
    return this.clock().toISOString();
  }

  /** Today as YYYY-MM-DD (UTC), for overdue actions. */
  today(): string {
    return this.now().slice(0, 10);
  }

  getSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? row.value : null;
  }

  setSetting(key: string, value: string, actor: string): void {
    writeTransaction(this.db, () => {
      const before = this.getSetting(key);
      this.db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value);
      this.audit.record(this.now(), actor, 'setting.set', 'setting', key, before, value);
    });
  }

  /** SQLite's own integrity and foreign-key checks; an empty list means the file is sound. */
  check(): string[] {
    const problems = (this.db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    const foreign = this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    for (const f of foreign) problems.push(`${f.table} row ${f.rowid} refers to a missing ${f.parent} row`);
    return problems;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating if needed) a database and seeds the built-in plan into a fresh one. */
export function openStore(path: string, options: StoreOptions = {}): Store {
  const db = openDatabase(path, options);
  const store = new Store(db, path, options.clock);
  try {
    if (!store.plan.hasPlan() && options.seedPlan !== null) {
      store.plan.seed(options.seedPlan ?? loadBuiltInPlan(), store.now(), options.actor ?? 'Board Pack');
    }
    return store;
  } catch (error) {
    store.close();
    if (error instanceof BoardPackError) throw error;
    throw error;
  }
}
