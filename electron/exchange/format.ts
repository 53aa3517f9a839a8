// The exchange file. Version 2 (written now): a clear header { format, formatVersion, kind, lock }
// and the signed contents { payload, signature } sealed to the recipient (see sealing.ts).
// Version 1 (written before): the signed contents in clear; still read, with a warning. Reading is defensive (bytes read limited, shape, version, lock,
// schema, signature) so every refusal says what is wrong in words a person can act on.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { CLEAR_EXCHANGE_FILE_WARNING } from '../../shared/contractOffline';
import { BoardPackError } from '../../shared/errors';
import { readFileLimited } from '../files/readLimited';
import { writeFileAtomically, type ProtectedFiles } from '../files/writeAtomically';
import { canonicalBytes } from './canonical';
import {
  lockSchema,
  newFileKey,
  openBody,
  sealBody,
  sealedBodySchema,
  unwrapFileKey,
  wrapFileKey,
  type Lock,
  type Recipient,
  type Unlock,
  type UnwrapFailure,
} from './sealing';
import { signedContentsSchemas, type RequestPayload, type ReturnPayload } from './schemas';
import { fingerprintOf, signBytes, verifyBytes, type KeyPairText } from './signing';

export type { RequestPayload, ReturnPayload, ReturnUpdate } from './schemas';
export type { Recipient, Unlock } from './sealing';

export const EXCHANGE_FORMAT = 'board-pack-exchange';
/** The version written now; every version from 1 up to this one is read. */
export const EXCHANGE_FORMAT_VERSION = 2;
/** Far above the largest strand's return with long narratives (~0.3 MB sealed), far below harm. */
export const MAX_EXCHANGE_BYTES = 5 * 1024 * 1024;
export const EXCHANGE_EXTENSIONS = { request: '.bpreq', return: '.bpret' } as const;
/** No exchange file nests deeper than 6; anything deeper is not ours, and is refused before it is walked. */
const MAX_DEPTH = 16;

export type ExchangeKind = keyof typeof EXCHANGE_EXTENSIONS;
type FormatVersion = 1 | 2;

type PayloadOf<K extends ExchangeKind> = K extends 'request' ? RequestPayload : ReturnPayload;

export interface SignedFile<K extends ExchangeKind> {
  kind: K;
  payload: PayloadOf<K>;
  fingerprint: string;
  publicKey: string;
  /** SHA-256 of the file's bytes, recorded when it is taken in. */
  sha256: string;
  bytes: number;
  /** False for a version 1 file, which travelled in clear: the person is warned. */
  encrypted: boolean;
}

/**
 * What the signature covers: the format, its version, the kind and the payload, as canonical
 * bytes. Binding the kind and version stops a request being passed off as a return.
 */
function signedBytes(kind: ExchangeKind, version: FormatVersion, payload: unknown): Buffer {
  return canonicalBytes({ format: EXCHANGE_FORMAT, formatVersion: version, kind, payload });
}

function signatureOf(kind: ExchangeKind, version: FormatVersion, payload: unknown, key: KeyPairText) {
  return {
    algorithm: 'ed25519',
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    value: signBytes(signedBytes(kind, version, payload), key.privateKey),
  };
}

/** The clear header of a version 2 file: the AEAD binds it, so changing the lock breaks the seal. */
function headerOf(kind: ExchangeKind, lock: Lock) {
  return { format: EXCHANGE_FORMAT, formatVersion: 2 as const, kind, lock };
}

/** A version 2 file's text: signed, then sealed to the recipient. */
export function sealExchange(
  kind: ExchangeKind,
  payload: RequestPayload | ReturnPayload,
  key: KeyPairText,
  recipient: Recipient,
): string {
  const contents = canonicalBytes({ payload, signature: signatureOf(kind, 2, payload, key) });
  const fileKey = newFileKey();
  const header = headerOf(kind, wrapFileKey(fileKey, recipient));
  const body = sealBody(fileKey, contents, canonicalBytes(header));
  return `${JSON.stringify({ ...header, ...body }, null, 2)}\n`;
}

/**
 * A version 1 file's text: signed, in clear, as Board Pack wrote before files were sealed. Kept
 * for the tests that prove such files still open; nothing in the app writes version 1 now.
 */
export function signExchangeV1(
  kind: ExchangeKind,
  payload: RequestPayload | ReturnPayload,
  key: KeyPairText,
): string {
  const file = {
    format: EXCHANGE_FORMAT,
    formatVersion: 1,
    kind,
    payload,
    signature: signatureOf(kind, 1, payload, key),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes through a temporary file and a rename, never over the database or its backups. */
export function writeExchangeFile(
  path: string,
  text: string,
  protect: ProtectedFiles,
): { path: string; bytes: number; sha256: string } {
  const written = writeFileAtomically(path, text, protect);
  const bytes = Buffer.byteLength(text, 'utf8');
  return { path: written, bytes, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

function refuse(
  path: string,
  reason: string,
  code: 'refused_file' | 'unknown_key' | 'passphrase_required' = 'refused_file',
): BoardPackError {
  return new BoardPackError(code, `${basename(path)} was refused: ${reason} Nothing was changed.`);
}

const KIND_WORDS: Record<ExchangeKind, string> = {
  request: 'a request file (.bpreq)',
  return: 'a return file (.bpret)',
};

const UNSEALED_DAMAGED =
  'it has been changed or damaged since it was made (its sealed contents do not check out). Ask for it to be sent again.';
const DAMAGED =
  'its contents do not match its signature, so it has been changed since it was signed (or damaged). Ask for it to be sent again.';

/**
 * Why a parsed value cannot be one of ours, walking it without recursion: nesting deeper than any
 * exchange file, or a number JSON.parse made infinite (1e999). Null when neither.
 */
function shapeProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'number' && !Number.isFinite(item.value))
      return 'it holds a number too large to be real.';
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_DEPTH) return 'it nests values far deeper than any Board Pack exchange file does.';
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return null;
}

function parseJson(path: string, text: string, kind: ExchangeKind): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (text.includes(EXCHANGE_FORMAT)) {
      throw refuse(
        path,
        'it is incomplete or damaged (it may have been cut short while copying). Ask for it to be sent again.',
      );
    }
    throw refuse(path, `it is not a Board Pack exchange file. Expected ${KIND_WORDS[kind]}.`);
  }
  const problem = shapeProblem(parsed);
  if (problem) throw refuse(path, problem);
  return parsed;
}

function unwrapRefusal(path: string, failure: UnwrapFailure, lock: Lock): BoardPackError {
  const recipient = lock.method === 'recipient-key' ? lock.recipient : '';
  switch (failure) {
    case 'passphrase_missing':
      return refuse(
        path,
        'it is locked with a passphrase. The secretariat reads it out by phone when they send a first request; enter it and open the file again.',
        'passphrase_required',
      );
    case 'passphrase_wrong':
      return refuse(
        path,
        'that passphrase does not open it. Check it with the secretariat, letter by letter, and try again.',
        'passphrase_required',
      );
    case 'no_own_key':
      return refuse(
        path,
        `it is locked for the key ${recipient}, and this copy has no key yet, so it was meant for another copy. Ask the secretariat for a request locked with a passphrase.`,
      );
    case 'other_recipient':
      return refuse(
        path,
        `it is locked for the key ${recipient}, not this copy's key, so only that copy can open it. If this is a new laptop, ask the secretariat for a request locked with a passphrase.`,
      );
    case 'damaged':
      return refuse(path, UNSEALED_DAMAGED);
  }
}

const sealedFileSchema = z.object({ lock: lockSchema }).extend(sealedBodySchema.shape);

/** The signed contents of a version 2 file, unsealed with this copy's key or the passphrase. */
function unseal(path: string, kind: ExchangeKind, parsed: unknown, unlock: Unlock): unknown {
  const sealed = sealedFileSchema.safeParse(parsed);
  if (!sealed.success)
    throw refuse(path, 'it is damaged or not in the expected form (its lock is unreadable).');
  const { lock, nonce, ciphertext } = sealed.data;
  const fileKey = unwrapFileKey(lock, unlock);
  if (!Buffer.isBuffer(fileKey)) throw unwrapRefusal(path, fileKey, lock);
  const contents = openBody(fileKey, { nonce, ciphertext }, canonicalBytes(headerOf(kind, lock)));
  if (!contents) throw refuse(path, UNSEALED_DAMAGED);
  return parseJson(path, contents.toString('utf8'), kind);
}

/** The version a file says it has, refusing one that is newer than this copy reads. */
function versionOf(path: string, head: Record<string, unknown>, kind: ExchangeKind): FormatVersion {
  if (head.format !== EXCHANGE_FORMAT)
    throw refuse(path, `it is not a Board Pack exchange file. Expected ${KIND_WORDS[kind]}.`);
  const version = head.formatVersion;
  if (typeof version === 'number' && version > EXCHANGE_FORMAT_VERSION) {
    throw refuse(
      path,
      `it was made by a newer version of Board Pack (format version ${version}; this version reads up to version ${EXCHANGE_FORMAT_VERSION}). Install the newer version to open it.`,
    );
  }
  if (version !== 1 && version !== 2)
    throw refuse(path, 'it is damaged or not in the expected form (its format version is unreadable).');
  if (head.kind !== kind && (head.kind === 'request' || head.kind === 'return'))
    throw refuse(path, `it is ${KIND_WORDS[head.kind]}, but ${KIND_WORDS[kind]} was expected here.`);
  if (head.kind !== kind)
    throw refuse(path, 'it is damaged or not in the expected form (its kind is unreadable).');
  return version;
}

/**
 * Reads and checks an exchange file of the expected kind: bytes (limited as they are read), JSON,
 * ours, version, lock, schema, signature. Trust in the key is the caller's business.
 */
export function readExchangeFile<K extends ExchangeKind>(
  path: string,
  kind: K,
  unlock: Unlock,
): SignedFile<K> {
  const raw = readFileLimited(path, {
    maxBytes: MAX_EXCHANGE_BYTES,
    tooLarge: `No Board Pack exchange file is that large (the limit is ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB); it was refused and nothing was changed.`,
    what: KIND_WORDS[kind],
  });
  // A byte order mark, as some Windows editors add when a file is opened and saved: not content.
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseJson(path, text, kind);
  const head = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const version = versionOf(path, head, kind);
  const contents = version === 1 ? parsed : unseal(path, kind, parsed, unlock);
  const checked = signedContentsSchemas[kind].safeParse(contents);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw refuse(
      path,
      `it is damaged or not in the expected form (at ${issue.path.join('.') || 'the top level'}: ${issue.message}).`,
    );
  }
  const { signature } = checked.data;
  const rawPayload = (contents as { payload: unknown }).payload;
  if (
    fingerprintOf(signature.publicKey) !== signature.fingerprint ||
    !verifyBytes(signedBytes(kind, version, rawPayload), signature.value, signature.publicKey)
  ) {
    throw refuse(path, DAMAGED);
  }
  return {
    kind,
    payload: checked.data.payload as PayloadOf<K>,
    fingerprint: signature.fingerprint,
    publicKey: signature.publicKey,
    sha256: createHash('sha256').update(raw).digest('hex'),
    bytes: raw.length,
    encrypted: version === 2,
  };
}

/** The sentence shown beside a version 1 file's result: it came in clear. */
export const CLEAR_FILE_WARNING = CLEAR_EXCHANGE_FILE_WARNING;

/** Refusal helper for the checks after signature: the same sentence shape everywhere. */
export function refusedFile(path: string, reason: string): BoardPackError {
  return refuse(path, reason);
}

/** Refused for now: signed by a key this copy does not trust, which the person may confirm and trust. */
export function refusedUnknownKey(path: string, reason: string): BoardPackError {
  return refuse(path, reason, 'unknown_key');
}
