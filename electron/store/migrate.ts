// Numbered migrations tracked with PRAGMA user_version, each applied in its own transaction.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { BoardPackError } from '../../shared/errors';
import { writeTransaction } from './writeTransaction';
import { foreignKeyCheckRowsSchema, pragmaNumberSchema } from './rowSchemas';

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
  return pragmaNumberSchema.parse(db.pragma('user_version', { simple: true }));
}

/**
 * Applies the pending migrations in order, each in its own write transaction. SQLite changes a
 * table's constraints only by rebuilding it, and with foreign keys on, dropping the old table would
 * delete or orphan its children (ON DELETE CASCADE); the pragma cannot change inside a transaction,
 * so it is off while migrating, as SQLite's documentation says, and foreign_key_check must find
 * nothing before each migration commits.
 */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return current;
  const foreignKeys = pragmaNumberSchema.parse(db.pragma('foreign_keys', { simple: true }));
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      writeTransaction(db, () => {
        // Another process may have applied it while this one waited for the write lock.
        if (schemaVersion(db) >= migration.version) return;
        db.exec(migration.sql);
        assertForeignKeysHold(db, migration);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.version}`);
      });
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return schemaVersion(db);
}

function assertForeignKeysHold(db: Database.Database, migration: Migration): void {
  const broken = foreignKeyCheckRowsSchema.parse(db.pragma('foreign_key_check'));
  if (broken.length === 0) return;
  const first = broken[0];
  throw new BoardPackError(
    'unreadable',
    `The database could not be upgraded (${migration.name}): ${broken.length} row(s) refer to missing rows, the first in ${first.table} (row ${first.rowid}, to ${first.parent}). Nothing was changed.`,
  );
}
