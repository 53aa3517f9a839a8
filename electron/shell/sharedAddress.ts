// Between the connect dialog's fields and a postgres:// address: the address the store opens and
// database.json keeps (never with a password in it), and the fields a remembered or given address
// fills the dialog with.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import {
  DEFAULT_PORT,
  isLocalHost,
  sharedServerFieldsSchema,
  type SharedServerFields,
  type TlsChoice,
} from '../../shared/contractSharedDatabase';

/**
 * The address for the fields: the user, server, port and database, the encryption as sslmode, and
 * a CA certificate file as sslrootcert (the store reads it to verify the server's certificate).
 */
export function sharedAddress(fields: SharedServerFields): string {
  const socket = fields.host.startsWith('/');
  const bare = fields.host.replace(/^\[(.*)\]$/, '$1');
  const host = socket ? 'localhost' : bare.includes(':') ? `[${bare}]` : bare;
  const params = new URLSearchParams();
  // A unix socket's folder cannot stand in the host part of a URL; libpq takes it as host=.
  if (socket) params.set('host', fields.host);
  params.set('sslmode', fields.tls);
  if (fields.caFile && fields.tls === 'verify-full') params.set('sslrootcert', fields.caFile);
  return `postgres://${encodeURIComponent(fields.user)}@${host}:${fields.port}/${encodeURIComponent(fields.database)}?${params.toString()}`;
}

/** The address as it may be written down: any password in it removed. */
export function withoutPassword(address: string): string {
  try {
    const url = new URL(address);
    url.password = '';
    url.searchParams.delete('password');
    return url.toString();
  } catch {
    return address;
  }
}

function tlsOf(sslmode: string | null, local: boolean): TlsChoice {
  if (sslmode === 'require' || sslmode === 'prefer') return local ? 'disable' : 'require';
  if (sslmode === 'disable' || sslmode === 'allow') return local ? 'disable' : 'verify-full';
  if (sslmode === null) return local ? 'disable' : 'verify-full';
  // verify-ca and verify-full: the dialog's one checking choice.
  return 'verify-full';
}

/** Who pg connects as when an address names nobody: the operating-system user, as libpq does. */
function systemUserName(): string {
  try {
    return process.env.PGUSER || userInfo().username;
  } catch {
    return '';
  }
}

/** The dialog's fields for an address, or null for one the dialog cannot show. */
export function fieldsOfAddress(address: string): SharedServerFields | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const params = url.searchParams;
  const host =
    params.get('host') ?? (decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, '$1') || 'localhost');
  const tls = tlsOf(params.get('sslmode'), isLocalHost(host));
  // 'system' is libpq's word for this computer's own authorities: no file. A relative path is
  // taken from where the app runs, as the store reads it.
  const rootCert = params.get('sslrootcert');
  const caFile = tls === 'verify-full' && rootCert && rootCert !== 'system' ? resolve(rootCert) : '';
  const parsed = sharedServerFieldsSchema.safeParse({
    host,
    port: Number(params.get('port') ?? (url.port || DEFAULT_PORT)),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    user: decodeURIComponent(url.username) || params.get('user') || systemUserName(),
    tls,
    caFile,
  });
  return parsed.success ? parsed.data : null;
}

/** True when the dialog's fields name the same server, database, user and encryption as these. */
export function sameServer(a: SharedServerFields, b: SharedServerFields): boolean {
  return (
    a.host.toLowerCase() === b.host.toLowerCase() &&
    a.port === b.port &&
    a.database === b.database &&
    a.user === b.user &&
    a.tls === b.tls &&
    a.caFile === b.caFile
  );
}
