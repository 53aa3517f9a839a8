// Reaching a shared PostgreSQL database from its address (postgres://user@host:port/database?…):
// where it is, how the connection is encrypted, and the checks made once connected. A plan never
// crosses a network unencrypted: TLS is required unless the server is on this machine.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { isLocalHost, type EncryptionKind } from '../../shared/contractSharedDatabase';
import { BoardPackError } from '../../shared/errors';
import { describeServer, isConnectionLoss, notReachedError, postgresFailure } from './postgresErrors';
import { postgresTypes } from './postgresSql';

export interface PostgresOpenOptions {
  /** The password, when it is kept apart from the address (the app keeps it with safeStorage). */
  password?: string;
  /** How long to wait for the server to answer a new connection (10 s unless told). */
  connectTimeoutMs?: number;
  /** How long one statement may go unanswered before the connection counts as lost (30 s). */
  queryTimeoutMs?: number;
  /**
   * How long one statement waits for a row another desk holds (10 s): well inside queryTimeoutMs,
   * so a wait on another desk's save ends as "busy, try again" (55P03), not as a lost connection.
   */
  lockTimeoutMs?: number;
}

export interface PostgresLocation {
  config: pg.ClientConfig;
  /** The server and database as a person would name them, for every sentence; never the password. */
  server: string;
  /** How the connection is protected, for Settings to say. */
  encryption: EncryptionKind;
}

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof SSL_MODES)[number];

function sslModeOf(value: string | null, local: boolean, server: string): SslMode {
  // Unnamed, a remote server's certificate is checked as a browser checks a web site's.
  if (value === null) return local ? 'disable' : 'verify-full';
  const mode = SSL_MODES.find((known) => known === value);
  if (!mode)
    throw new BoardPackError(
      'invalid_input',
      `The address of the shared database at ${server} asks for sslmode=${value}, which is not one of ${SSL_MODES.join(', ')}.`,
    );
  if (!local && (mode === 'disable' || mode === 'allow'))
    throw new BoardPackError(
      'invalid_input',
      `Board Pack does not connect to the shared database at ${server} without encryption (its address says sslmode=${mode}). Use sslmode=verify-full (or require), and ask whoever runs the server for its certificate if it is not signed by a known authority.`,
    );
  return mode;
}

function readPem(path: string, what: string, server: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new BoardPackError(
      'unreadable',
      `The ${what} for the shared database at ${server} cannot be read from ${path}. Check the path in the database address.`,
    );
  }
}

/**
 * pg's TLS options for a libpq sslmode. pg cannot fall back to an unencrypted connection, so
 * allow and prefer connect without TLS to a local server and with it (unchecked) to a remote one,
 * where allow is refused above; require checks nothing unless a root certificate is named, as
 * libpq does; verify-ca checks the chain but not the name; verify-full checks both.
 */
function tlsOptions(
  mode: SslMode,
  local: boolean,
  params: URLSearchParams,
  server: string,
): pg.ClientConfig['ssl'] {
  if (mode === 'disable' || (local && (mode === 'allow' || mode === 'prefer'))) return false;
  const rootCert = params.get('sslrootcert');
  const ca = rootCert && rootCert !== 'system' ? readPem(rootCert, 'root certificate', server) : undefined;
  const certPath = params.get('sslcert');
  const keyPath = params.get('sslkey');
  const client = {
    ...(certPath ? { cert: readPem(certPath, 'client certificate', server) } : {}),
    ...(keyPath ? { key: readPem(keyPath, 'client key', server) } : {}),
  };
  if (mode === 'verify-full') return { rejectUnauthorized: true, ca, ...client };
  if (mode === 'verify-ca' || ((mode === 'require' || mode === 'prefer') && ca))
    return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined, ...client };
  return { rejectUnauthorized: false, ...client };
}

function encryptionOf(ssl: pg.ClientConfig['ssl']): EncryptionKind {
  if (!ssl || ssl === true) return ssl ? 'verified' : 'none';
  if (ssl.rejectUnauthorized === false) return 'unverified';
  return ssl.checkServerIdentity ? 'chain-only' : 'verified';
}

function decoded(text: string): string {
  return decodeURIComponent(text);
}

/** Reads a postgres:// or postgresql:// address into pg's settings; refuses, before any traffic, what it must. */
export function postgresLocation(address: string, options: PostgresOpenOptions = {}): PostgresLocation {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new BoardPackError('invalid_input', 'The shared database address is not a postgres:// address.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new BoardPackError('invalid_input', 'The shared database address must start with postgres://.');
  const params = url.searchParams;
  const host = params.get('host') ?? (decoded(url.hostname).replace(/^\[(.*)\]$/, '$1') || 'localhost');
  const port = Number(params.get('port') ?? (url.port || 5432));
  const database = decoded(url.pathname.replace(/^\//, ''));
  const server = describeServer(host, port, database || '(no database named)');
  if (!database)
    throw new BoardPackError(
      'invalid_input',
      `The shared database address names no database: add it after the server, as in postgres://user@${host}/board_pack.`,
    );
  const local = isLocalHost(host);
  const mode = sslModeOf(params.get('sslmode'), local, server);
  const connectTimeout = params.get('connect_timeout');
  const ssl = tlsOptions(mode, local, params, server);
  const config: pg.ClientConfig = {
    host,
    port,
    database,
    user: decoded(url.username) || params.get('user') || undefined,
    // Left undefined, pg reads PGPASSWORD or the user's .pgpass file, as libpq does.
    password: options.password ?? (decoded(url.password) || params.get('password') || undefined),
    ssl,
    types: postgresTypes(),
    application_name: params.get('application_name') ?? 'Board Pack',
    connectionTimeoutMillis: connectTimeout
      ? Number(connectTimeout) * 1000
      : (options.connectTimeoutMs ?? 10_000),
    query_timeout: options.queryTimeoutMs ?? 30_000,
    lock_timeout: options.lockTimeoutMs ?? 10_000,
    // A desk left open overnight notices a server that went away, rather than hanging on it.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  return { config, server, encryption: encryptionOf(ssl) };
}

/** Settings and features the migrations and repositories rely on, checked once per connection. */
async function assertServerFits(client: pg.Client, server: string): Promise<void> {
  const settings = await client.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('server_encoding', 'server_version_num', 'standard_conforming_strings')",
  );
  const setting = (name: string) => settings.rows.find((row) => row.name === name)?.setting ?? '';
  if (Number(setting('server_version_num')) < 130000)
    throw new BoardPackError(
      'not_a_database',
      `The shared database at ${server} runs a PostgreSQL older than version 13, which Board Pack cannot use. Ask whoever runs the server for version 13 or later.`,
    );
  // normalize() (the search index folds accents with it) needs UTF8, and so does every plan name.
  if (setting('server_encoding') !== 'UTF8')
    throw new BoardPackError(
      'not_a_database',
      `The shared database at ${server} stores text as ${setting('server_encoding')}, not UTF8. Ask for a database created with ENCODING 'UTF8' (the README says how).`,
    );
  if (setting('standard_conforming_strings') !== 'on')
    throw new BoardPackError(
      'not_a_database',
      `The shared database at ${server} has standard_conforming_strings off; Board Pack needs it on (the default).`,
    );
}

/**
 * A connected client for the location, checked; every failure in the one sentence of
 * postgresErrors.ts. Opening, a server that does not answer was never reached (the address may be
 * wrong); reconnecting after a drop, it is the connection lost mid-work.
 */
export async function connectPostgres(
  location: PostgresLocation,
  when: 'opening' | 'reconnecting' = 'reconnecting',
): Promise<pg.Client> {
  const client = new pg.Client(location.config);
  // Until the executor listens, a socket failure must not end the process as an unheard 'error'.
  const unheard = () => undefined;
  client.on('error', unheard);
  try {
    await client.connect();
    await assertServerFits(client, location.server);
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    if (when === 'opening' && isConnectionLoss(error)) throw notReachedError(location.server);
    throw postgresFailure(error, location.server) ?? error;
  } finally {
    client.off('error', unheard);
  }
}
