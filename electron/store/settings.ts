// Named settings of this database (user name, backup folder, demo marker …): a key and a text each.
// Several keys set together are one transaction with one audit row, so a screen that saves a group
// of settings leaves one record of it.
import type { AuditLog } from './audit';
import type { Sql } from './sql';

const UPSERT =
  'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

export class SettingsRepository {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditLog,
    private readonly now: () => string,
  ) {}

  async get(key: string): Promise<string | null> {
    const value: unknown = await this.sql.value('SELECT value FROM settings WHERE key = ?', key);
    return typeof value === 'string' ? value : null;
  }

  /**
   * Sets the keys in one transaction with one audit row. shown, when given, is what the audit row
   * records before and after (a group's own view, such as the backup folder and keep count).
   */
  async set(
    values: Record<string, string>,
    actor: string,
    auditId?: string,
    shown?: () => Promise<unknown>,
  ): Promise<void> {
    const keys = Object.keys(values).sort();
    if (!keys.length) return;
    await this.sql.transaction(async () => {
      const view = async () => {
        if (shown) return shown();
        const pairs: [string, string | null][] = [];
        for (const key of keys) pairs.push([key, await this.get(key)]);
        return Object.fromEntries(pairs);
      };
      const single = keys.length === 1 && auditId === undefined && !shown;
      const before = single ? await this.get(keys[0]) : await view();
      for (const key of keys) await this.sql.run(UPSERT, key, values[key]);
      const after = single ? values[keys[0]] : await view();
      await this.audit.record(
        this.now(),
        actor,
        'setting.set',
        'setting',
        auditId ?? keys.join(','),
        before,
        after,
      );
    });
  }

  /** Removes a key; actor null when the caller records the removal in its own audit row. */
  async remove(key: string, actor: string | null): Promise<void> {
    await this.sql.transaction(async () => {
      const before = await this.get(key);
      if (before === null) return;
      await this.sql.run('DELETE FROM settings WHERE key = ?', key);
      if (actor !== null)
        await this.audit.record(this.now(), actor, 'setting.remove', 'setting', key, before, null);
    });
  }

  async schemaVersion(): Promise<number> {
    // SQLite keeps it in the file's header; PostgreSQL in a table of its own (postgresMigrate.ts).
    const version: unknown = await this.sql.value(
      this.sql.dialect === 'sqlite' ? 'PRAGMA user_version' : 'SELECT version FROM board_pack_schema',
    );
    return typeof version === 'number' ? version : 0;
  }
}
