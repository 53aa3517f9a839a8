import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../electron/store/store';
import { BackupsRepository, inspectBackup } from '../../electron/store/backups';
import { SHARED_BACKUPS_MESSAGE } from '../../shared/contractSharedDatabase';
import { restoreDatabase } from '../../electron/store/restore';

const WRITER = fileURLToPath(new URL('./backup.writer.ts', import.meta.url));
const stores: Store[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  children.splice(0).forEach((c) => c.kill());
  for (const store of stores.splice(0)) await store.close();
});

async function open(path: string, at = '2007-10-01T09:00:00.000Z'): Promise<Store> {
  const store = await openStore(path, { clock: () => new Date(at) });
  stores.push(store);
  return store;
}

function startWriter(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
}

/** Each saved update was written with its audit record in one transaction: the counts agree. */
function consistent(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const saves = (
      db
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('update.save', 'update.edit')")
        .get() as { n: number }
    ).n;
    const last = db.prepare('SELECT narrative FROM updates ORDER BY saved_at DESC, id DESC LIMIT 1').get() as
      { narrative: string } | undefined;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      saves,
      lastWrite: last ? Number(last.narrative.replace('Write ', '')) : -1,
    };
  } finally {
    db.close();
  }
}

describe('backups and restore', () => {
  it('backs up while another process is writing, and the restored database is consistent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
    const live = join(dir, 'live.db');
    const store = await open(live);
    await startWriter(live);
    const copies: string[] = [];
    for (let i = 0; i < 5; i++) copies.push((await store.backups.backup(join(dir, `copy-${i}.db`))).path);
    children.splice(0).forEach((c) => c.kill());

    const states = copies.map(consistent);
    // The writer kept writing between the copies: each copy caught it at a different point.
    expect(new Set(states.map((s) => s.lastWrite)).size).toBeGreaterThan(1);
    for (const [i, copy] of copies.entries()) {
      expect(inspectBackup(copy).problems).toEqual([]);
      const state = states[i];
      expect(state.integrity).toBe('ok');
      // One audit record per write that reached the copy: never a write without its record.
      expect(state.saves).toBe(state.lastWrite + 1);
    }
    const target = join(dir, 'restored.db');
    const restoredTo = await open(target);
    stores.splice(stores.indexOf(restoredTo), 1);
    await restoredTo.close();
    const result = await restoreDatabase({
      databasePath: target,
      backupPath: copies[4],
      now: new Date('2007-10-02T08:00:00.000Z'),
      actor: 'Secretariat',
    });
    expect(result.previousKeptAt).not.toBeNull();
    expect(existsSync(result.previousKeptAt!)).toBe(true);
    const restored = await open(target);
    expect(await restored.check()).toEqual([]);
    expect((await restored.updates.working('2007-10')).size).toBeGreaterThan(0);
    expect(await restored.audit.list({ text: 'database.restore' })).toHaveLength(1);
  });

  it('keeps the current database as a backup before replacing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
    const path = join(dir, 'board.db');
    const store = await open(path);
    const copy = (await store.backups.backup(join(dir, 'before.db'))).path;
    await store.updates.save(
      {
        ref: '2.E.3',
        month: '2007-10',
        status: 'green',
        narrative: 'Written after the backup',
        author: 'Lead',
        state: 'submitted',
      },
      store.now(),
    );
    await store.close();
    const result = await restoreDatabase({
      databasePath: path,
      backupPath: copy,
      now: new Date('2007-10-02T08:00:00.000Z'),
      actor: 'Secretariat',
      keepFolder: join(dir, 'kept'),
    });
    const restored = await open(path);
    expect(await restored.updates.current('2.E.3', '2007-10')).toBeUndefined();
    const kept = await open(result.previousKeptAt!);
    expect((await kept.updates.current('2.E.3', '2007-10'))?.narrative).toBe('Written after the backup');
  });

  it('refuses to restore a file that is not a sound Board Pack database, leaving the current one alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
    const path = join(dir, 'board.db');
    await (await open(path)).close();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'not a database at all');
    const foreign = join(dir, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    const newer = join(dir, 'newer.db');
    const n = new Database(newer);
    n.pragma('application_id = 1112558385');
    n.pragma('user_version = 999');
    n.exec('CREATE TABLE plan (id INTEGER)');
    n.close();
    const damaged = join(dir, 'damaged.db');
    writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 7)]));
    const cases: [string, RegExp][] = [
      [text, /could not be opened as a database|could not be read/],
      [foreign, /not a Board Pack database/],
      [newer, /newer version of Board Pack \(schema 999/],
      [damaged, /could not be (opened|read)|not a Board Pack database/],
    ];
    for (const [file, message] of cases) {
      await expect(
        restoreDatabase({ databasePath: path, backupPath: file, now: new Date(), actor: 'Secretariat' }),
      ).rejects.toThrow(message);
    }
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    const still = await open(path);
    expect(await still.check()).toEqual([]);
  });

  it('refuses to restore over a database another connection is writing, changing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
    const path = join(dir, 'board.db');
    const store = await open(path);
    const copy = (await store.backups.backup(join(dir, 'copy.db'))).path;
    await store.updates.save(
      {
        ref: '2.E.3',
        month: '2007-10',
        status: 'green',
        narrative: 'Kept',
        author: 'Lead',
        state: 'submitted',
      },
      store.now(),
    );
    const writer = new Database(path);
    writer.pragma('busy_timeout = 0');
    writer.exec('BEGIN IMMEDIATE');
    try {
      await expect(
        restoreDatabase({
          databasePath: path,
          backupPath: copy,
          now: new Date('2007-10-02T08:00:00.000Z'),
          actor: 'Secretariat',
        }),
      ).rejects.toThrow(/board\.db is in use \(is Board Pack open\?\)/);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect((await store.updates.current('2.E.3', '2007-10'))?.narrative).toBe('Kept');
  });

  it('makes one backup a day and keeps only the newest N', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
    const folder = join(dir, 'daily');
    let store = await open(join(dir, 'board.db'), '2007-10-01T09:00:00.000Z');
    await store.backups.configure({ folder, keep: 3 }, 'Secretariat');
    await store.close();
    const results = [];
    for (let day = 1; day <= 5; day++) {
      store = await open(join(dir, 'board.db'), `2007-10-0${day}T09:00:00.000Z`);
      results.push(await store.backups.autoBackup());
      results.push(await store.backups.autoBackup());
      await store.close();
    }
    expect(results.filter((r) => r.created !== null)).toHaveLength(5);
    expect(readdirSync(folder).sort()).toEqual([
      'board-pack-2007-10-03.db',
      'board-pack-2007-10-04.db',
      'board-pack-2007-10-05.db',
    ]);
    expect(results[9].removed).toEqual([]);
    expect(results[8].removed).toEqual([join(folder, 'board-pack-2007-10-02.db')]);
  });
});

describe('backups of a database on a server', () => {
  it('refuses every copy, and the backups folder, pointing to pg_dump and changing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
    const store = await openStore(join(dir, 'board.db'), {
      clock: () => new Date('2007-10-01T09:00:00.000Z'),
    });
    stores.push(store);
    const { settings, audit } = store.internals;
    // A server database has no file to copy: its repository is given no SQLite handle.
    const backups = new BackupsRepository(
      null,
      'postgres://desk@server/board',
      settings,
      store.internals.clock,
    );
    const auditRows = await audit.count();
    const refusal = {
      code: 'read_only',
      message: expect.stringMatching(/pg_dump by whoever runs the server.*Nothing was changed\.$/),
    };
    const folder = join(dir, 'daily');

    await expect(backups.backup(join(dir, 'copy.db'))).rejects.toMatchObject(refusal);
    await expect(backups.autoBackup()).rejects.toMatchObject(refusal);
    await expect(backups.folder()).rejects.toMatchObject(refusal);
    await expect(backups.configure({ folder, keep: 3 }, 'Secretariat')).rejects.toMatchObject(refusal);

    expect(readdirSync(dir).sort()).toEqual(['board.db', 'board.db-shm', 'board.db-wal']);
    expect(await settings.get('backup.folder')).toBeNull();
    expect(await audit.count()).toBe(auditRows);
  });

  it('says there are no Board Pack backups of it (pg_dump makes them), with no folder, and protects no folder', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'bp-backup-')), 'board.db'));
    stores.push(store);
    const { settings } = store.internals;
    const backups = new BackupsRepository(
      null,
      'postgres://desk@server/board',
      settings,
      store.internals.clock,
    );
    await settings.set(
      { 'backup.folder': '/srv/old-file-backups' },
      'Secretariat',
      'backup',
      async () => null,
    );

    expect(await backups.settings()).toEqual({ folder: '', keep: 14, noBackups: SHARED_BACKUPS_MESSAGE });
    expect(SHARED_BACKUPS_MESSAGE).toContain('pg_dump');
    // No backups folder: a file written for the person may go anywhere but the database.
    expect((await backups.protectedFiles()).backupsFolder).toBeUndefined();
  });
});
