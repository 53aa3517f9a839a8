// The database the desktop app opens at its next start, kept in database.json in the user-data
// folder beside window.json: a file's path, or a shared server's address with its password sealed
// by the operating system (SecretKeeper), base64 — never the password itself. One record, so
// opening a file forgets the server's password in the same write; the address alone is kept so the
// connect dialog can offer it again. A missing or damaged file means nothing is remembered.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const fileRecordSchema = z.object({
  databasePath: z.string().min(1),
  /** The shared database used before this file, without its password, for the connect dialog. */
  lastServer: z.string().min(1).optional(),
});

const serverRecordSchema = z.object({
  server: z.object({
    address: z.string().min(1),
    sealedPassword: z.base64().min(1).optional(),
  }),
});

export type RememberedDatabase =
  | { kind: 'file'; path: string; lastServer: string | null }
  | { kind: 'server'; address: string; sealedPassword: Buffer | null };

export function readRememberedDatabase(file: string): RememberedDatabase | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const server = serverRecordSchema.safeParse(raw);
  if (server.success) {
    const { address, sealedPassword } = server.data.server;
    return {
      kind: 'server',
      address,
      sealedPassword: sealedPassword ? Buffer.from(sealedPassword, 'base64') : null,
    };
  }
  const path = fileRecordSchema.safeParse(raw);
  if (!path.success) return null;
  return { kind: 'file', path: path.data.databasePath, lastServer: path.data.lastServer ?? null };
}

/** The server last used, from whichever record is there, for the connect dialog to start from. */
export function lastServerAddress(remembered: RememberedDatabase | null): string | null {
  if (!remembered) return null;
  return remembered.kind === 'server' ? remembered.address : remembered.lastServer;
}

/** Writes through a temporary file so a crash mid-write never leaves half a record. */
function write(
  file: string,
  record: z.input<typeof fileRecordSchema> | z.input<typeof serverRecordSchema>,
): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** A file opens next; a server remembered before keeps only its address. */
export function rememberDatabaseFile(file: string, databasePath: string): void {
  const lastServer = lastServerAddress(readRememberedDatabase(file));
  write(file, lastServer ? { databasePath, lastServer } : { databasePath });
}

/** A shared server opens next; its address must carry no password (sharedAddress.ts makes it so). */
export function rememberSharedServer(file: string, address: string, sealedPassword: Buffer | null): void {
  write(file, {
    server: { address, ...(sealedPassword ? { sealedPassword: sealedPassword.toString('base64') } : {}) },
  });
}
