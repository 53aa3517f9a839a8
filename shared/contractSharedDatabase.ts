// Connecting the desktop app to a shared database on a PostgreSQL server: the connect dialog's
// fields and their refusals (the screens check them by the same schema before sending), where an
// open shared database is and how its connection is protected, and what the dialog starts from.
import './zodWithoutEval';
import { z } from 'zod';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for a server reached without crossing a network: this computer's loopback or a unix socket's folder. */
export function isLocalHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  return LOCAL_HOSTS.has(name) || name.startsWith('/');
}

/** A host name, an IPv4 or IPv6 address (brackets optional), or the folder of a local server's socket. */
const HOST_PATTERN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?|\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?|\/\S*)$/;

const PORT_MESSAGE = 'The port is a number from 1 to 65535.';

/** How the connection is encrypted: the dialog offers no unencrypted choice for another computer. */
export const TLS_CHOICES = ['verify-full', 'require', 'disable'] as const;
export type TlsChoice = (typeof TLS_CHOICES)[number];

export const TLS_CHOICE_LABELS: Record<TlsChoice, string> = {
  'verify-full': 'Verify the server’s certificate',
  require: 'Encrypt without verifying',
  disable: 'No encryption (the server is on this computer)',
};

export const DEFAULT_PORT = 5432;

/** Every refusal of the CA certificate file starts so: the dialog shows it beside that field. */
export const CA_FILE_REFUSAL_START = 'The CA certificate file';

export function isCaFileRefusal(message: string): boolean {
  return message.startsWith(CA_FILE_REFUSAL_START);
}

/** A full path on this computer: /… on Linux and macOS, C:\… or \\server\… on Windows. */
function isFullPath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** Where the server is and who connects, without the password: what the dialog fills in from memory. */
export const sharedServerFieldsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Say which server the shared database is on.')
    .max(255, 'The server’s name is too long.')
    .regex(HOST_PATTERN, 'The server is a name such as db.example.org or an address such as 10.0.0.5.'),
  port: z
    .number({ error: PORT_MESSAGE })
    .int(PORT_MESSAGE)
    .min(1, PORT_MESSAGE)
    .max(65535, PORT_MESSAGE)
    .default(DEFAULT_PORT),
  database: z
    .string()
    .trim()
    .min(1, 'Say which database on the server holds the plan.')
    .max(63, 'A PostgreSQL database name is at most 63 characters.'),
  user: z
    .string()
    .trim()
    .min(1, 'Say which user name to connect as.')
    .max(63, 'A PostgreSQL user name is at most 63 characters.'),
  tls: z.enum(TLS_CHOICES, { error: 'Choose how the connection is encrypted.' }).default('verify-full'),
  /**
   * The certificate of the authority that signed the server's, for a server whose certificate is
   * signed by the force's own CA (PostgreSQL's sslrootcert); '' for the authorities this computer trusts.
   */
  caFile: z
    .string()
    .trim()
    .max(4096, `${CA_FILE_REFUSAL_START}’s path is too long.`)
    .refine(
      (path) => path === '' || isFullPath(path),
      `${CA_FILE_REFUSAL_START} is named by its full path, e.g. /etc/ssl/certs/force-ca.pem or C:\\Certificates\\force-ca.pem.`,
    )
    .default(''),
});
export type SharedServerFields = z.output<typeof sharedServerFieldsSchema>;

/** app.connectShared: the dialog's fields and the password, which travels once and is never shown back. */
export const connectSharedInputSchema = sharedServerFieldsSchema
  .extend({
    // Empty: the server may take PGPASSWORD or ~/.pgpass, which the PostgreSQL client reads itself.
    password: z.string().max(1000, 'That password is longer than any server takes.').default(''),
  })
  .superRefine((fields, context) => {
    if (fields.caFile !== '' && fields.tls !== 'verify-full')
      context.addIssue({
        code: 'custom',
        path: ['caFile'],
        message: `${CA_FILE_REFUSAL_START} is used to verify the server’s certificate: choose “Verify the server’s certificate”, or leave the file out.`,
      });
    if (fields.tls === 'disable' && !isLocalHost(fields.host))
      context.addIssue({
        code: 'custom',
        path: ['tls'],
        message:
          'Board Pack reaches a server on another computer only encrypted: choose “Verify the server’s certificate” or “Encrypt without verifying”.',
      });
  });
export type ConnectSharedInput = z.output<typeof connectSharedInputSchema>;

/** How an open shared database's connection is protected. */
export const ENCRYPTION_KINDS = ['verified', 'chain-only', 'unverified', 'none'] as const;
export type EncryptionKind = (typeof ENCRYPTION_KINDS)[number];

export const ENCRYPTION_WORDS: Record<EncryptionKind, string> = {
  verified: 'encrypted, certificate verified',
  'chain-only': 'encrypted, certificate checked but not the server’s name',
  unverified: 'encrypted, certificate not verified',
  none: 'not encrypted (the server is on this computer)',
};

/** Where an open shared database is, as Settings and the header show it; never the password. */
export const sharedServerSchema = z.object({
  /** host/database (host:port/database off the usual port), as every sentence names it. */
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  encryption: z.enum(ENCRYPTION_KINDS),
});
export type SharedServer = z.infer<typeof sharedServerSchema>;

/** app.sharedDatabase: what the connect dialog starts from. */
export const sharedDatabaseStateSchema = z.object({
  /** False behind a door that cannot change the open database (the command line, a plain bridge). */
  offered: z.boolean(),
  /** False while the app waits, at start-up, for the password of the shared database it remembers. */
  databaseOpen: z.boolean(),
  /** Whether this computer can keep a password encrypted for the next start. */
  keepsPasswords: z.boolean(),
  /** The fields to start from: the server waited for, else the one open, else the last one used. */
  server: sharedServerFieldsSchema.nullable(),
  /** Why the dialog is shown at start-up (the password was not kept, or the server refused it). */
  reason: z.string().nullable(),
});
export type SharedDatabaseState = z.infer<typeof sharedDatabaseStateSchema>;

/** Said where the backup controls would be, on a shared database. */
export const SHARED_BACKUPS_MESSAGE =
  'Backups of a shared database are made with PostgreSQL’s pg_dump by whoever runs the server, not by Board Pack.';

export const PASSWORD_NOT_KEPT_MESSAGE =
  'This computer cannot keep the password safely, so Board Pack will ask for it each time.';

/** app.connectShared's answer. */
export const sharedConnectedSchema = z.object({
  server: z.string(),
  user: z.string(),
  passwordKept: z.boolean(),
  /** Said once after connecting, e.g. that the password could not be kept. */
  notice: z.string().nullable(),
});
export type SharedConnected = z.infer<typeof sharedConnectedSchema>;
