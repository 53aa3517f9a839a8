// Encrypting exchange files to the person they are for (format version 2). A fresh file key seals
// the signed contents with ChaCha20-Poly1305; the file key is wrapped either to the recipient's
// key or with a passphrase the secretariat reads out by phone, for a first request to a new laptop.
// The recipient's key is their Ed25519 signing key converted to X25519, as age does for ssh-ed25519
// recipients: no second key to make, back up or confirm, and the fingerprint people already check
// by phone vouches for both.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';

const CIPHER = 'chacha20-poly1305';
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const FILE_KEY_BYTES = 32;
/** scrypt's cost as log2(N): 2^15 takes ~0.1 s and 32 MB; a file asking for more than 2^17 is refused. */
export const PASSPHRASE_COST = 15;
const MAX_PASSPHRASE_COST = 17;

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

const base64Of = (bytes: number) =>
  z
    .string()
    .max(100)
    .refine((text) => Buffer.from(text, 'base64').length === bytes, `${bytes} bytes in base64`);
const fingerprint = z.string().regex(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);

/** The file key wrapped to one installation's key: only that installation can open the file. */
export const keyLockSchema = z.object({
  method: z.literal('recipient-key'),
  /** The fingerprint of the signing key the file is for, to say whose it is when it cannot be opened. */
  recipient: fingerprint,
  ephemeralKey: base64Of(32),
  wrappedKey: base64Of(FILE_KEY_BYTES + TAG_BYTES),
});

/** The file key wrapped with a passphrase (scrypt): for a first request, before the lead's key is known. */
export const passphraseLockSchema = z.object({
  method: z.literal('passphrase'),
  salt: base64Of(16),
  cost: z.number().int().min(PASSPHRASE_COST).max(MAX_PASSPHRASE_COST),
  wrappedKey: base64Of(FILE_KEY_BYTES + TAG_BYTES),
});

export const lockSchema = z.discriminatedUnion('method', [keyLockSchema, passphraseLockSchema]);
export type Lock = z.infer<typeof lockSchema>;

export const sealedBodySchema = z.object({
  nonce: base64Of(NONCE_BYTES),
  ciphertext: z.string().min(1),
});
export type SealedBody = z.infer<typeof sealedBodySchema>;

/** Who a file is sealed for: an installation's signing key (SPKI, base64), or a passphrase. */
export type Recipient =
  | { method: 'recipient-key'; publicKey: string; fingerprint: string }
  | { method: 'passphrase'; passphrase: string };

/** What the reading installation holds to open a file: its own key pair, and any passphrase typed. */
export interface Unlock {
  ownKey: { publicKey: string; privateKey: string; fingerprint: string } | null;
  passphrase?: string;
}

export type UnwrapFailure =
  'no_own_key' | 'other_recipient' | 'passphrase_missing' | 'passphrase_wrong' | 'damaged';

// ── Ed25519 keys as X25519 keys (RFC 7748 §4.1: u = (1 + y) / (1 − y) mod p) ─────────────────────

const P = 2n ** 255n - 19n;

function powMod(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}

function littleEndian(bytes: Buffer): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i -= 1) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

function toLittleEndian(value: bigint): Buffer {
  const out = Buffer.alloc(32);
  let n = value;
  for (let i = 0; i < 32; i += 1) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** The X25519 public key of an Ed25519 public key (SPKI DER, base64); null when it is not one. */
export function x25519PublicKeyOf(ed25519PublicKey: string): KeyObject | null {
  const der = Buffer.from(ed25519PublicKey, 'base64');
  if (der.length !== 44 || !der.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) return null;
  const encoded = Buffer.from(der.subarray(12));
  encoded[31] &= 0x7f;
  const y = littleEndian(encoded);
  if (y >= P || y === 1n) return null;
  const u = ((1n + y) * powMod((1n - y + P) % P, P - 2n)) % P;
  const spki = Buffer.concat([X25519_SPKI_PREFIX, toLittleEndian(u)]);
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

/** The X25519 private key of an Ed25519 private key (PKCS#8 DER, base64): SHA-512 of the seed, as RFC 8032 does. */
export function x25519PrivateKeyOf(ed25519PrivateKey: string): KeyObject {
  const der = Buffer.from(ed25519PrivateKey, 'base64');
  if (der.length !== 48 || !der.subarray(0, 16).equals(ED25519_PKCS8_PREFIX))
    throw new TypeError('Not an Ed25519 private key in PKCS#8 form.');
  const scalar = createHash('sha512').update(der.subarray(16)).digest().subarray(0, 32);
  return createPrivateKey({
    key: Buffer.concat([X25519_PKCS8_PREFIX, scalar]),
    format: 'der',
    type: 'pkcs8',
  });
}

function rawX25519(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(12);
}

// ── Passphrases ──────────────────────────────────────────────────────────────────────────────────

/** Crockford's base32: no I, L, O or U, so nothing read out by phone is mistaken for another. */
const PASSPHRASE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 20 characters from 32 (100 bits), in groups of four: made by the app, never chosen by a person. */
export function newPassphrase(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(20);
  const characters = [...bytes].map((b) => PASSPHRASE_ALPHABET[b & 31]);
  return characters.join('').match(/.{4}/g)!.join('-');
}

/** A passphrase as typed: case, spaces and dashes ignored; O read as 0, I and L as 1. */
export function normalisePassphrase(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function passphraseKey(passphrase: string, salt: Buffer, cost: number): Buffer {
  const n = 2 ** cost;
  return scryptSync(normalisePassphrase(passphrase), salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 });
}

// ── Wrapping the file key ────────────────────────────────────────────────────────────────────────

const ZERO_NONCE = Buffer.alloc(NONCE_BYTES);
const KEY_WRAP_INFO = 'board-pack-exchange/v2/recipient-key';

function seal(key: Buffer, nonce: Buffer, plaintext: Buffer, aad?: Buffer): Buffer {
  const cipher = createCipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  if (aad) cipher.setAAD(aad, { plaintextLength: plaintext.length });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext, or null when the key is wrong or the bytes were changed. */
function open(key: Buffer, nonce: Buffer, sealed: Buffer, aad?: Buffer): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    if (aad) decipher.setAAD(aad, { plaintextLength: body.length });
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}

function keyWrapKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), KEY_WRAP_INFO, 32));
}

export function newFileKey(): Buffer {
  return randomBytes(FILE_KEY_BYTES);
}

/** The lock that lets the recipient, and only the recipient, recover the file key. */
export function wrapFileKey(fileKey: Buffer, recipient: Recipient): Lock {
  if (recipient.method === 'passphrase') {
    const salt = randomBytes(16);
    const key = passphraseKey(recipient.passphrase, salt, PASSPHRASE_COST);
    return {
      method: 'passphrase',
      salt: salt.toString('base64'),
      cost: PASSPHRASE_COST,
      wrappedKey: seal(key, ZERO_NONCE, fileKey).toString('base64'),
    };
  }
  const theirs = x25519PublicKeyOf(recipient.publicKey);
  if (!theirs) throw new TypeError('The recipient key is not an Ed25519 public key.');
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: theirs });
  const ephemeralRaw = rawX25519(ephemeral.publicKey);
  const key = keyWrapKey(shared, ephemeralRaw, rawX25519(theirs));
  return {
    method: 'recipient-key',
    recipient: recipient.fingerprint,
    ephemeralKey: ephemeralRaw.toString('base64'),
    wrappedKey: seal(key, ZERO_NONCE, fileKey).toString('base64'),
  };
}

function unwrapWithKey(lock: z.infer<typeof keyLockSchema>, unlock: Unlock): Buffer | UnwrapFailure {
  if (!unlock.ownKey) return 'no_own_key';
  if (lock.recipient !== unlock.ownKey.fingerprint) return 'other_recipient';
  const mine = x25519PublicKeyOf(unlock.ownKey.publicKey);
  if (!mine) return 'damaged';
  const ephemeralRaw = Buffer.from(lock.ephemeralKey, 'base64');
  let shared: Buffer;
  try {
    const ephemeral = createPublicKey({
      key: Buffer.concat([X25519_SPKI_PREFIX, ephemeralRaw]),
      format: 'der',
      type: 'spki',
    });
    shared = diffieHellman({
      privateKey: x25519PrivateKeyOf(unlock.ownKey.privateKey),
      publicKey: ephemeral,
    });
  } catch {
    return 'damaged';
  }
  // A low-order ephemeral key gives an all-zero secret anyone could compute (RFC 7748 §6.1).
  if (shared.every((b) => b === 0)) return 'damaged';
  const key = keyWrapKey(shared, ephemeralRaw, rawX25519(mine));
  return open(key, ZERO_NONCE, Buffer.from(lock.wrappedKey, 'base64')) ?? 'damaged';
}

/** The file key, or why it cannot be recovered here. */
export function unwrapFileKey(lock: Lock, unlock: Unlock): Buffer | UnwrapFailure {
  if (lock.method === 'recipient-key') return unwrapWithKey(lock, unlock);
  if (!unlock.passphrase?.trim()) return 'passphrase_missing';
  const key = passphraseKey(unlock.passphrase, Buffer.from(lock.salt, 'base64'), lock.cost);
  return open(key, ZERO_NONCE, Buffer.from(lock.wrappedKey, 'base64')) ?? 'passphrase_wrong';
}

/** The contents sealed under the file key; aad (the file's clear header) is bound to them. */
export function sealBody(fileKey: Buffer, contents: Buffer, aad: Buffer): SealedBody {
  const nonce = randomBytes(NONCE_BYTES);
  return {
    nonce: nonce.toString('base64'),
    ciphertext: seal(fileKey, nonce, contents, aad).toString('base64'),
  };
}

/** The contents, or null when the ciphertext or the header was changed. */
export function openBody(fileKey: Buffer, body: SealedBody, aad: Buffer): Buffer | null {
  return open(fileKey, Buffer.from(body.nonce, 'base64'), Buffer.from(body.ciphertext, 'base64'), aad);
}
