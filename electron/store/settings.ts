// Named settings of this database (user name, backup folder, demo marker …): a key and a text each.
// Several keys set together are one transaction with one audit row, so a screen that saves a group
// of settings leaves one record of it.
import type { AuditLog } from './audit';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';

export class SettingsRepository {
  private readonly select;
  private readonly upsert;
  private readonly delete;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => string,
  ) {
    this.select = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.delete = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  get(key: string): string | null {
    const value: unknown = this.select.get(key);
    return typeof value === 'string' ? value : null;
  }

  /**
   * Sets the keys in one transaction with one audit row. shown, when given, is what the audit row
   * records before and after (a group's own view, such as the backup folder and keep count).
   */
  set(values: Record<string, string>, actor: string, auditId?: string, shown?: () => unknown): void {
    const keys = Object.keys(values).sort();
    if (!keys.length) return;
    writeTransaction(this.db, () => {
      const view = () => (shown ? shown() : Object.fromEntries(keys.map((key) => [key, this.get(key)])));
      const single = keys.length === 1 && auditId === undefined && !shown;
      const before = single ? this.get(keys[0]) : view();
      for (const key of keys) this.upsert.run(key, values[key]);
      const after = single ? values[keys[0]] : view();
      this.audit.record(
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
  remove(key: string, actor: string | null): void {
    writeTransaction(this.db, () => {
      const before = this.get(key);
      if (before === null) return;
      this.delete.run(key);
      if (actor !== null)
        this.audit.record(this.now(), actor, 'setting.remove', 'setting', key, before, null);
    });
  }

  schemaVersion(): number {
    const version: unknown = this.db.pragma('user_version', { simple: true });
    return typeof version === 'number' ? version : 0;
  }
}
