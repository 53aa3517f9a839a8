// Builders shared by the exchange tests: two separate databases (secretariat and strand lead),
// a movable clock, pinned file ids, and a dump of every table to prove "nothing changed".
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../electron/store/store';
import {
  readExchangeFile,
  sealExchange,
  signExchangeV1,
  type ExchangeKind,
  type Recipient,
  type RequestPayload,
  type ReturnPayload,
} from '../../electron/exchange/format';
import { signingKey, unsealingKey } from '../../electron/exchange/keys';
import { generateKeyPair, type KeyPairText } from '../../electron/exchange/signing';
import {
  createRequest,
  type CreateRequestInput,
  type CreateRequestResult,
} from '../../electron/exchange/request';
import { createReturn, type CreateReturnResult } from '../../electron/exchange/return';

export interface TestClock {
  (): Date;
  set(iso: string): void;
}

export function movableClock(start: string): TestClock {
  let now = new Date(start);
  const clock = (() => now) as TestClock;
  clock.set = (iso: string) => {
    now = new Date(iso);
  };
  return clock;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bp-exchange-'));
}

/** File ids as predictable UUIDs: 00000000-0000-4000-8000-000000000001, …02, … */
export function pinnedIds(prefix = 0): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-4000-8000-${String(prefix * 1000 + n).padStart(12, '0')}`;
  };
}

export interface Pair {
  dir: string;
  clock: TestClock;
  secretariat: Store;
  lead: Store;
  close(): Promise<void>;
}

/** A secretariat database holding the built-in plan, and an empty database on the lead's laptop. */
export async function secretariatAndLead(start = '2007-10-01T09:00:00.000Z'): Promise<Pair> {
  const dir = tempDir();
  const clock = movableClock(start);
  const secretariat = await openStore(join(dir, 'secretariat.db'), { clock });
  const lead = await openStore(join(dir, 'lead.db'), { clock, seedPlan: null });
  const pair: Pair = {
    dir,
    clock,
    secretariat,
    lead,
    // Whichever stores the test holds when it ends (a test may swap one for another database).
    async close() {
      await pair.secretariat.close();
      await pair.lead.close();
    },
  };
  return pair;
}

const passphrases = new Map<string, string>();

/** The passphrase a request written by secretariatRequest was locked with, as read out by phone. */
export function passphraseFor(path: string): string | undefined {
  return passphrases.get(path);
}

/** The secretariat's request for one strand, for October 2007 unless told, written to `out`. */
export async function secretariatRequest(
  secretariat: Store,
  out: string,
  request: Pick<CreateRequestInput, 'strandNumber'> & Partial<Omit<CreateRequestInput, 'out'>>,
  newFileId: () => string = pinnedIds(),
): Promise<CreateRequestResult> {
  const made = await createRequest(
    secretariat,
    { month: '2007-10', actor: 'Secretariat', ...request, out },
    { newFileId },
  );
  if (made.passphrase) passphrases.set(out, made.passphrase);
  else passphrases.delete(out);
  return made;
}

/** A file sealed to this installation's key, as a file from another installation would be. */
export async function sealedTo(store: Store): Promise<Recipient> {
  const key = await signingKey(store, 'Test');
  return { method: 'recipient-key', publicKey: key.publicKey, fingerprint: key.fingerprint };
}

/** The payload of an exchange file as `reader` opens it (with the passphrase it was locked with, if any). */
export async function payloadOf<K extends ExchangeKind>(
  path: string,
  kind: K,
  reader: Store,
  passphrase = passphraseFor(path),
): Promise<K extends 'request' ? RequestPayload : ReturnPayload> {
  return readExchangeFile(path, kind, { ownKey: await unsealingKey(reader), passphrase }).payload;
}

/** The strand lead's return answering the request the lead's copy opened, written to `out`. */
export function leadReturn(lead: Store, out: string, newFileId: () => string): Promise<CreateReturnResult> {
  return createReturn(lead, { out, actor: 'DCS Lead' }, { newFileId });
}

/**
 * Every table's rows, in rowid order: equal dumps mean nothing in the database changed. Read
 * through a connection of its own, as another program would: the store lends no handle.
 */
export function dumpDatabase(store: Store): Record<string, unknown[]> {
  const db = new Database(store.path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all()
      .map(String);
    const dump: Record<string, unknown[]> = {};
    for (const name of tables) dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    return dump;
  } finally {
    db.close();
  }
}

/** Signs and seals a hand-made payload, for files a real installation would never make (other strand, …). */
export function signedFile(
  path: string,
  kind: ExchangeKind,
  payload: RequestPayload | ReturnPayload,
  key: KeyPairText,
  recipient: Recipient,
): string {
  writeFileSync(path, sealExchange(kind, payload, key, recipient));
  if (recipient.method === 'passphrase') passphrases.set(path, recipient.passphrase);
  return path;
}

/**
 * A version 1 file as Board Pack wrote it before files were sealed (signed, in clear), through the
 * version 1 writing path kept for these tests: old files must still open.
 */
export function clearV1File(
  path: string,
  kind: ExchangeKind,
  payload: RequestPayload | ReturnPayload,
  key: KeyPairText,
): string {
  writeFileSync(path, signExchangeV1(kind, payload, key));
  return path;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export { generateKeyPair };
