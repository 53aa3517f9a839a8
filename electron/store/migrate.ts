// Numbered migrations tracked with PRAGMA user_version, each applied in its own transaction.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { writeTransaction } from './writeTransaction';

/** "BPK1" — marks the file as Board Pack's, so another app's SQLite file is never mistaken for ours. */
export const APPLICATION_ID = 0x42504b31;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
}

const MIGRATIONS = loadMigrations();
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1].version;

function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    writeTransaction(db, () => {
      // Another process may have applied it while this one waited for the write lock.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
  return schemaVersion(db);
}
