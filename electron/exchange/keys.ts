// This installation's key pair and the keys it trusts, kept in the database (see
// migrations/0002_exchange.sql for why the private key lives there).
import { BoardPackError } from '../../shared/errors';
import type { Store } from '../store/store';
import { generateKeyPair, normaliseFingerprint, type KeyPairText } from './signing';
import { writeTransaction } from '../store/writeTransaction';

export interface InstallationKey {
  fingerprint: string;
  publicKey: string;
  createdAt: string;
}

export interface TrustedKey {
  fingerprint: string;
  publicKey: string | null;
  role: 'strand_lead' | 'secretariat';
  name: string;
  strandNumber: number | null;
  trustedAt: string;
  trustedBy: string;
}

interface KeyRow {
  fingerprint: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

function keyRow(store: Store): KeyRow | undefined {
  return store.db
    .prepare('SELECT fingerprint, public_key, private_key, created_at FROM installation_key WHERE id = 1')
    .get() as KeyRow | undefined;
}

/** The installation's key, made (and audited) the first time it is needed. */
export function ensureInstallationKey(store: Store, actor: string): InstallationKey {
  const existing = keyRow(store);
  if (existing)
    return {
      fingerprint: existing.fingerprint,
      publicKey: existing.public_key,
      createdAt: existing.created_at,
    };
  const pair = generateKeyPair();
  const at = store.now();
  writeTransaction(store.db, () => {
    store.db
      .prepare(
        'INSERT INTO installation_key (id, fingerprint, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)',
      )
      .run(pair.fingerprint, pair.publicKey, pair.privateKey, at);
    store.audit.record(at, actor, 'key.create', 'installation_key', pair.fingerprint, null, {
      fingerprint: pair.fingerprint,
    });
  });
  return { fingerprint: pair.fingerprint, publicKey: pair.publicKey, createdAt: at };
}

/** The key pair for signing; made first if this installation has none. */
export function signingKey(store: Store, actor: string): KeyPairText {
  ensureInstallationKey(store, actor);
  const row = keyRow(store)!;
  return { fingerprint: row.fingerprint, publicKey: row.public_key, privateKey: row.private_key };
}

/** This installation's key pair for opening files sealed to it, without making one; null when none. */
export function unsealingKey(store: Store): KeyPairText | null {
  const row = keyRow(store);
  return row
    ? { fingerprint: row.fingerprint, publicKey: row.public_key, privateKey: row.private_key }
    : null;
}

/** The installation key without making one: null on an installation that has signed nothing yet. */
export function installationKey(store: Store): InstallationKey | null {
  const row = keyRow(store);
  return row ? { fingerprint: row.fingerprint, publicKey: row.public_key, createdAt: row.created_at } : null;
}

interface TrustedRow {
  fingerprint: string;
  public_key: string | null;
  role: TrustedKey['role'];
  name: string;
  strand_number: number | null;
  trusted_at: string;
  trusted_by: string;
}

function toTrusted(row: TrustedRow): TrustedKey {
  return {
    fingerprint: row.fingerprint,
    publicKey: row.public_key,
    role: row.role,
    name: row.name,
    strandNumber: row.strand_number,
    trustedAt: row.trusted_at,
    trustedBy: row.trusted_by,
  };
}

export function trustedKeys(store: Store): TrustedKey[] {
  const rows = store.db
    .prepare('SELECT * FROM trusted_keys ORDER BY role, strand_number, name, fingerprint')
    .all() as TrustedRow[];
  return rows.map(toTrusted);
}

/** The trust record for a lead's key on a strand, or for the secretariat's key (strand null). */
export function findTrust(store: Store, fingerprint: string, strandNumber: number | null): TrustedKey | null {
  const row = (
    strandNumber === null
      ? store.db
          .prepare("SELECT * FROM trusted_keys WHERE fingerprint = ? AND role = 'secretariat'")
          .get(fingerprint)
      : store.db
          .prepare(
            "SELECT * FROM trusted_keys WHERE fingerprint = ? AND role = 'strand_lead' AND strand_number = ?",
          )
          .get(fingerprint, strandNumber)
  ) as TrustedRow | undefined;
  return row ? toTrusted(row) : null;
}

export interface TrustInput {
  fingerprint: string;
  name: string;
  /** The strand the lead answers for; null trusts a secretariat's key (at a lead's installation). */
  strandNumber: number | null;
  publicKey?: string | null;
}

/** Records that a key belongs to a person; run after confirming the fingerprint with them. */
export function trustKey(store: Store, input: TrustInput, actor: string): TrustedKey {
  const fingerprint = normaliseFingerprint(input.fingerprint);
  if (!fingerprint) {
    throw new BoardPackError(
      'invalid_input',
      `"${input.fingerprint}" is not a key fingerprint (32 hex digits, for example 3f2a-91c0-…).`,
    );
  }
  if (!input.name.trim()) throw new BoardPackError('invalid_input', 'Say whose key this is (--name).');
  if (input.strandNumber !== null) store.plan.strand(input.strandNumber);
  const at = store.now();
  return writeTransaction(store.db, () => {
    const existing = findTrust(store, fingerprint, input.strandNumber);
    if (existing) {
      if (input.publicKey && !existing.publicKey) {
        store.db
          .prepare('UPDATE trusted_keys SET public_key = ? WHERE fingerprint = ?')
          .run(input.publicKey, fingerprint);
      }
      return findTrust(store, fingerprint, input.strandNumber)!;
    }
    const role = input.strandNumber === null ? 'secretariat' : 'strand_lead';
    store.db
      .prepare(
        `INSERT INTO trusted_keys (fingerprint, public_key, role, name, strand_number, trusted_at, trusted_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(fingerprint, input.publicKey ?? null, role, input.name.trim(), input.strandNumber, at, actor);
    const trusted = findTrust(store, fingerprint, input.strandNumber)!;
    store.audit.record(at, actor, 'key.trust', 'trusted_key', fingerprint, null, trusted);
    return trusted;
  });
}
