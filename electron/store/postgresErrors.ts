// What a person is told when the shared PostgreSQL database refuses or cannot be reached, in one
// place, and the one mapping that lets a repository recognise a refused constraint by the same
// code on either backend (SQLite's, since that is what the repositories were written against).
import { BoardPackError } from '../../shared/errors';

/** A PostgreSQL error's SQLSTATE (five characters), or a Node socket error's code. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function constraintOf(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('constraint' in error)) return '';
  const name = (error as { constraint: unknown }).constraint;
  return typeof name === 'string' ? name : '';
}

/**
 * SQLite's extended code for a constraint the database refused, from either backend's error:
 * SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY, _FOREIGNKEY, _CHECK, _NOTNULL or _TRIGGER (a trigger
 * that refuses a change, such as the append-only audit log). Undefined for anything else.
 * A repository that branches on a refused constraint compares this, never error.code.
 */
export function constraintCode(error: unknown): string | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  if (code.startsWith('SQLITE_CONSTRAINT')) return code;
  switch (code) {
    case '23505':
      // PostgreSQL names a primary key's index <table>_pkey unless told otherwise.
      return constraintOf(error).endsWith('_pkey')
        ? 'SQLITE_CONSTRAINT_PRIMARYKEY'
        : 'SQLITE_CONSTRAINT_UNIQUE';
    case '23503':
      return 'SQLITE_CONSTRAINT_FOREIGNKEY';
    case '23514':
      return 'SQLITE_CONSTRAINT_CHECK';
    case '23502':
      return 'SQLITE_CONSTRAINT_NOTNULL';
    // RAISE EXCEPTION in the migrations' trigger functions (raise_exception).
    case 'P0001':
      return 'SQLITE_CONSTRAINT_TRIGGER';
    default:
      return undefined;
  }
}

/** Socket failures Node reports while connecting to or talking with a server. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * True when the error says the connection is gone or was never made: a socket failure, an SQLSTATE
 * of class 08 (connection exception), the server shutting the session down (57P01 when an
 * administrator ends it, 57P02 a crash, 57P03 still starting), or pg's own words for a socket that
 * closed under it (pg gives those no code).
 */
export function isConnectionLoss(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (SOCKET_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)))
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|not queryable|timeout expired|Connection ended|Query read timeout/i.test(
    message,
  );
}

/** Node's codes for a server certificate that could not be trusted. */
const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;

/** A TLS refusal in words, or undefined when the error is not one. */
function tlsFailure(error: unknown, server: string): BoardPackError | undefined {
  const code = codeOf(error) ?? '';
  if (CERTIFICATE_CODE.test(code))
    return new BoardPackError(
      'unreachable',
      `The shared database at ${server} did not prove it is the server it claims to be (its certificate was refused: ${code}), so Board Pack did not connect. Ask whoever runs the server for its root certificate and name it in the address with sslrootcert=.`,
    );
  const message = error instanceof Error ? error.message : '';
  if (/does not support SSL/i.test(message))
    return new BoardPackError(
      'unreachable',
      `The shared database at ${server} does not accept encrypted connections, and Board Pack reaches a server on another machine only encrypted. Ask whoever runs the server to turn on TLS (ssl = on).`,
    );
  return undefined;
}

/** Where the database is, as a person would name it: host (and port when not the default) and database. */
export function describeServer(host: string, port: number, database: string): string {
  const where = host.startsWith('/')
    ? `the local server (${host})`
    : port === 5432
      ? host
      : `${host}:${port}`;
  return `${where}/${database}`;
}

/**
 * The one sentence for a server that cannot be reached or a connection lost mid-work. Nothing was
 * committed from the interrupted change (PostgreSQL rolls back a transaction whose connection
 * drops), and the screens keep what the person typed until it is saved.
 */
export function unreachableError(server: string): BoardPackError {
  return new BoardPackError(
    'unreachable',
    `The shared database at ${server} cannot be reached (the server or the network is down). Nothing you typed is lost: it stays on screen, and you can save it again when the server answers.`,
  );
}

/**
 * The sentence for a server that did not answer when a desk first connected: nothing was open yet,
 * so nothing typed is at stake, and the address itself may be what is wrong.
 */
export function notReachedError(server: string): BoardPackError {
  return new BoardPackError(
    'unreachable',
    `The shared database at ${server} cannot be reached: the server or the network is down, or the server's name or port is wrong.`,
  );
}

/** pg's own words when the server asks for a password and it has none (it gives them no code). */
const NO_PASSWORD = /client password must be a (non-empty )?string|Password must be a string/i;

/**
 * A BoardPackError for a PostgreSQL refusal a person can act on, or undefined for anything else
 * (constraint violations stay as they are, for constraintCode and the repositories' own words).
 */
export function postgresFailure(error: unknown, server: string): BoardPackError | undefined {
  if (error instanceof BoardPackError) return error;
  const tls = tlsFailure(error, server);
  if (tls) return tls;
  if (isConnectionLoss(error)) return unreachableError(server);
  if (error instanceof Error && NO_PASSWORD.test(error.message))
    return new BoardPackError(
      'access_refused',
      `The shared database at ${server} asks for a password, and none was given. Enter it, or ask whoever runs the server for access.`,
    );
  const code = codeOf(error);
  if (code === undefined) return undefined;
  // 53100 disk_full, 53200 out_of_memory: the server, not this desk, is out of room.
  if (code === '53100' || code === '53200')
    return new BoardPackError(
      'disk_full',
      `The shared database at ${server} is out of space, so nothing was saved. Nothing was changed; ask whoever runs the server to free some space.`,
    );
  // 25006 read_only_sql_transaction: a standby, or a database set read-only.
  if (code === '25006')
    return new BoardPackError(
      'read_only',
      `The shared database at ${server} is read-only (a standby copy, or set read-only), so nothing was saved. Nothing was changed.`,
    );
  // 28000 invalid_authorization_specification, 28P01 invalid_password.
  if (code === '28000' || code === '28P01')
    return new BoardPackError(
      'access_refused',
      `The shared database at ${server} refused the user name or password. Check them, or ask whoever runs the server for access.`,
    );
  // 42501 insufficient_privilege.
  if (code === '42501')
    return new BoardPackError(
      'read_only',
      `Your database user may not make this change in the shared database at ${server}. Nothing was changed; ask whoever runs the server for write access.`,
    );
  if (code === '3D000')
    return new BoardPackError(
      'not_found',
      `There is no database at ${server}. Ask whoever runs the server to create it (the README says how).`,
    );
  // 53300 too_many_connections: every connection the server allows is taken.
  if (code === '53300')
    return new BoardPackError(
      'busy',
      `The shared database at ${server} has no connection free (too many desks or programs are connected). Nothing was changed; try again in a moment, or ask whoever runs the server to allow more connections.`,
    );
  // 55P03 lock_not_available: a statement waited lock_timeout (postgresConnection.ts) for a row
  // another desk's transaction holds (a long save, a pack being issued).
  if (code === '55P03')
    return new BoardPackError(
      'busy',
      `Another desk is in the middle of changing the same thing at ${server}, so this change waited and was not saved. Nothing was changed; try again in a moment.`,
    );
  // 40001 serialization_failure, 40P01 deadlock_detected.
  if (code === '40001' || code === '40P01')
    return new BoardPackError(
      'busy',
      `Another desk was saving the same thing at the same moment, so this change was not saved. Nothing was changed; try again.`,
    );
  return undefined;
}
