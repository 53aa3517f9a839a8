// The desktop app connecting to a shared database on the run's real PostgreSQL server, under Node
// through the session and the contract as the connect dialog reaches them, with a fake SecretKeeper
// for Electron's safeStorage: the store moves to the server, the password is kept sealed (never in
// plain text) and opens the server again at the next start; a computer that cannot keep it safely
// keeps nothing and says so; a refused password, a closed port and an unencrypted remote address
// leave the open database as it was.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PASSWORD_NOT_KEPT_MESSAGE, type CallResult } from '../../shared/contract';
import { DatabaseSession, type DatabaseSessionOptions } from '../../electron/shell/databaseSession';
import { scheduledBackup } from '../../electron/shell/scheduledBackup';
import { startSession, startupChoice } from '../../electron/shell/startupDatabase';
import { BACKUP_SCHEDULE_SETTING } from '../../electron/handlers/services';
import { openStore } from '../../electron/store/store';
import { fixedClock } from '../fixtures/databases';
import { newPostgresDatabase } from '../fixtures/postgres';
import { closedPort, fakeKeeper, type FakeKeeper } from '../fixtures/secretKeeper';

interface ServerDetails {
  /** The address with the password, for the test's own look at the server. */
  address: string;
  fields: { host: string; port: number; database: string; user: string; tls: 'disable' };
  password: string;
  /** How every sentence names it: host:port/database. */
  name: string;
}

async function sharedDatabase(): Promise<ServerDetails> {
  const address = await newPostgresDatabase({ migrated: true });
  const url = new URL(address);
  const database = url.pathname.slice(1);
  return {
    address,
    fields: { host: url.hostname, port: Number(url.port), database, user: url.username, tls: 'disable' },
    password: decodeURIComponent(url.password),
    name: `${url.hostname}:${url.port}/${database}`,
  };
}

const sessions: DatabaseSession[] = [];
const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };

beforeAll(() => {
  // Nothing from this machine's own PostgreSQL set-up may supply a password the test did not give.
  delete process.env.PGPASSWORD;
  process.env.PGPASSFILE = '/nonexistent/board-pack-test-pgpass';
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  vi.restoreAllMocks();
});

function desk(keeper: FakeKeeper = fakeKeeper()) {
  const dir = mkdtempSync(join(tmpdir(), 'board-pack-connect-'));
  const options: DatabaseSessionOptions = {
    door: 'electron',
    clock: fixedClock('2007-10-15T09:00:00.000Z'),
    log: () => undefined,
    memory: { file: join(dir, 'database.json'), keeper },
  };
  return { dir, file: join(dir, 'board.db'), memoryFile: join(dir, 'database.json'), keeper, options };
}

async function started(location: string, options: DatabaseSessionOptions): Promise<DatabaseSession> {
  const session = await DatabaseSession.start(location, options);
  sessions.push(session);
  return session;
}

function value<T>(result: CallResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('connecting the desktop app to a shared database', () => {
  it('opens the server the dialog names, and lets the file go only once it has', async () => {
    const server = await sharedDatabase();
    const here = desk();
    const session = await started(here.file, here.options);
    const fileStore = session.services.store;

    const connected = await session.answer('sharedDatabase.connect', {
      ...server.fields,
      password: server.password,
    });
    expect(value(connected)).toEqual({
      server: server.name,
      user: server.fields.user,
      passwordKept: true,
      notice: null,
    });
    expect(session.services.store.shared).toBe(true);
    await expect(fileStore.plan.hasPlan()).rejects.toThrow(/not open/);
    expect(value(await session.answer('settings.get', {}))).toMatchObject({
      databasePath: server.name,
      backupFolder: '',
      sharedDatabase: {
        name: server.name,
        host: server.fields.host,
        port: server.fields.port,
        database: server.fields.database,
        user: server.fields.user,
        encryption: 'none',
      },
    });

    // What the desk changes now is on the server, as another desk's store sees it.
    await session.answer('settings.update', { boardName: 'Board of the shared plan' });
    const other = await openStore(server.address);
    try {
      expect((await other.plan.summary()).boardName).toBe('Board of the shared plan');
    } finally {
      await other.close();
    }
  });

  it('keeps the password sealed, never in plain text, and opens the server with it at the next start', async () => {
    const server = await sharedDatabase();
    const here = desk();
    const session = await started(here.file, here.options);
    value(await session.answer('sharedDatabase.connect', { ...server.fields, password: server.password }));
    await session.answer('settings.update', { boardName: 'Remembered board' });
    await session.close();

    const bytes = readFileSync(here.memoryFile);
    for (const form of [
      server.password,
      Buffer.from(server.password).toString('base64'),
      Buffer.from(server.password).toString('hex'),
    ])
      expect(bytes.includes(form)).toBe(false);
    const record = JSON.parse(bytes.toString('utf8')) as {
      server: { address: string; sealedPassword: string };
    };
    expect(new URL(record.server.address).password).toBe('');
    expect(here.keeper.open(Buffer.from(record.server.sealedPassword, 'base64'))).toBe(server.password);

    const choice = startupChoice(here.options, {});
    expect(choice).toMatchObject({ kind: 'server', password: server.password });
    const outcome = await startSession(choice, here.options);
    if (outcome.kind !== 'open') throw outcome.error;
    sessions.push(outcome.session);
    expect(outcome.session.path).toBe(server.name);
    expect((await outcome.session.services.store.plan.summary()).boardName).toBe('Remembered board');
  });

  it('asks for the password at start when the one kept can no longer be read, and answers only the dialog meanwhile', async () => {
    const server = await sharedDatabase();
    const before = desk();
    const session = await started(before.file, before.options);
    value(await session.answer('sharedDatabase.connect', { ...server.fields, password: server.password }));
    // A new keyring: the same database.json, a keeper that cannot open what the old one sealed.
    const options = { ...before.options, memory: { file: before.memoryFile, keeper: fakeKeeper() } };

    const outcome = await startSession(startupChoice(options, {}), options);
    if (outcome.kind !== 'open') throw outcome.error;
    const waiting = outcome.session;
    sessions.push(waiting);
    expect(waiting.isOpen).toBe(false);
    expect(await waiting.answer('plan.get', {})).toMatchObject({ ok: false, error: { code: 'no_database' } });
    expect(value(await waiting.answer('sharedDatabase.state', {}))).toEqual({
      offered: true,
      databaseOpen: false,
      keepsPasswords: true,
      server: { ...server.fields, caFile: '' },
      reason: `The password kept on this computer can no longer be read. The shared database at ${server.name} asks for a password, and none was given. Enter it, or ask whoever runs the server for access.`,
    });
    value(await waiting.answer('sharedDatabase.connect', { ...server.fields, password: server.password }));
    expect(waiting.isOpen).toBe(true);
    expect(value(await waiting.answer('plan.get', {}))).toMatchObject({ strands: expect.any(Array) });
  });

  it('does not keep the password where this computer cannot keep it safely, and says so', async () => {
    const server = await sharedDatabase();
    const here = desk(fakeKeeper({ available: false }));
    const session = await started(here.file, here.options);
    expect(value(await session.answer('sharedDatabase.state', {}))).toMatchObject({ keepsPasswords: false });

    const connected = value(
      await session.answer('sharedDatabase.connect', { ...server.fields, password: server.password }),
    );
    expect(connected).toMatchObject({ passwordKept: false, notice: PASSWORD_NOT_KEPT_MESSAGE });
    expect(here.keeper.sealedCount).toBe(0);
    const bytes = readFileSync(here.memoryFile, 'utf8');
    expect(bytes).not.toContain(server.password);
    expect(JSON.parse(bytes)).toEqual({ server: { address: expect.any(String) } });

    // The next start asks for it, in the dialog, with the server filled in.
    const outcome = await startSession(startupChoice(here.options, {}), here.options);
    if (outcome.kind !== 'open') throw outcome.error;
    sessions.push(outcome.session);
    expect(outcome.session.isOpen).toBe(false);
    expect(value(await outcome.session.answer('sharedDatabase.state', {}))).toMatchObject({
      server: server.fields,
      reason: expect.stringContaining('asks for a password, and none was given'),
    });
  });

  it('says the server refused the user name or password, and keeps the open database', async () => {
    const server = await sharedDatabase();
    const here = desk();
    const session = await started(here.file, here.options);
    const refused = await session.answer('sharedDatabase.connect', {
      ...server.fields,
      password: 'not-the-password',
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'access_refused',
        message: `The shared database at ${server.name} refused the user name or password. Check them, or ask whoever runs the server for access.`,
      },
    });
    expect(session.path).toBe(here.file);
    expect(await session.services.store.plan.hasPlan()).toBe(true);
    expect(existsSync(here.memoryFile)).toBe(false);
  });

  it('says a server that does not answer cannot be reached, at start as from the dialog, and opens no file in its place', async () => {
    const port = await closedPort();
    const here = desk();
    const session = await started(here.file, here.options);
    const fields = { host: '127.0.0.1', port, database: 'board_pack', user: 'secretariat', tls: 'disable' };
    const sentence = `The shared database at 127.0.0.1:${port}/board_pack cannot be reached: the server or the network is down, or the server's name or port is wrong.`;
    expect(await session.answer('sharedDatabase.connect', { ...fields, password: 'pw' })).toEqual({
      ok: false,
      error: { code: 'unreachable', message: sentence },
    });
    expect(session.path).toBe(here.file);

    const address = `postgres://secretariat@127.0.0.1:${port}/board_pack?sslmode=disable`;
    const outcome = await startSession(
      startupChoice(here.options, { BOARD_PACK_DATABASE: address }),
      here.options,
    );
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.error).toMatchObject({
      code: 'unreachable',
      message: sentence,
    });
  });

  it('refuses an unencrypted connection to another computer before making any connection', async () => {
    const connect = vi.spyOn(pg.Client.prototype, 'connect');
    const here = desk();
    const session = await started(here.file, here.options);
    const remote = {
      host: 'db.example.org',
      port: 5432,
      database: 'board_pack',
      user: 'secretariat',
      password: 'pw',
      caFile: '',
    };
    expect(await session.answer('sharedDatabase.connect', { ...remote, tls: 'disable' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('only encrypted') },
    });
    // Past the dialog's schema, the address itself is refused by the store, still before any traffic.
    await expect(session.connectShared({ ...remote, tls: 'disable' })).rejects.toThrow(
      /does not connect to the shared database at db\.example\.org\/board_pack without encryption/,
    );
    expect(connect).not.toHaveBeenCalled();
    expect(session.path).toBe(here.file);
  });

  it('opens the shared database $BOARD_PACK_DATABASE names, its password from PGPASSWORD', async () => {
    const server = await sharedDatabase();
    const here = desk();
    const withoutPassword = new URL(server.address);
    withoutPassword.password = '';
    const choice = startupChoice(here.options, { BOARD_PACK_DATABASE: withoutPassword.toString() });
    expect(choice).toMatchObject({ kind: 'server', password: undefined });
    process.env.PGPASSWORD = server.password;
    try {
      const outcome = await startSession(choice, here.options);
      if (outcome.kind !== 'open') throw outcome.error;
      sessions.push(outcome.session);
      expect(outcome.session.services.store.shared).toBe(true);
    } finally {
      delete process.env.PGPASSWORD;
    }
  });

  it('makes no scheduled backup of a shared database, whatever the schedule says', async () => {
    const server = await sharedDatabase();
    const store = await openStore(server.address);
    try {
      await store.settings.set({ [BACKUP_SCHEDULE_SETTING]: 'daily' }, 'Secretariat');
      expect(await scheduledBackup(store)).toBeNull();
    } finally {
      await store.close();
    }
  });
});
