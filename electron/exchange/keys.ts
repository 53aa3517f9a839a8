// This installation's key pair and the keys it trusts: made on first use, trusted after a person
// has confirmed a fingerprint. The keys are kept by the store (electron/store/keys.ts).
import { BoardPackError } from '../../shared/errors';
import type { StoreTx } from '../store/store';
import type { TrustedKey } from '../store/keys';
import { generateKeyPair, normaliseFingerprint, type KeyPairText } from './signing';

export interface InstallationKey {
  fingerprint: string;
  publicKey: string;
  createdAt: string;
}

/** The installation's key, made (and audited) the first time it is needed. */
export async function ensureInstallationKey(store: StoreTx, actor: string): Promise<InstallationKey> {
  const existing = await installationKey(store);
  if (existing) return existing;
  const pair = generateKeyPair();
  const at = store.now();
  return store.transaction(async (tx) => {
    // Another call may have made it while this one made its pair: the first one made is the key.
    const made = await installationKey(tx);
    if (made) return made;
    await tx.keys.createInstallationKey({ ...pair, createdAt: at });
    await tx.audit.record(at, actor, 'key.create', 'installation_key', pair.fingerprint, null, {
      fingerprint: pair.fingerprint,
    });
    return { fingerprint: pair.fingerprint, publicKey: pair.publicKey, createdAt: at };
  });
}

/** The key pair for signing; made first if this installation has none. */
export async function signingKey(store: StoreTx, actor: string): Promise<KeyPairText> {
  await ensureInstallationKey(store, actor);
  const pair = await store.keys.installationKey();
  if (!pair) throw new Error('The installation key was not found after it was made.');
  return { fingerprint: pair.fingerprint, publicKey: pair.publicKey, privateKey: pair.privateKey };
}

/** This installation's key pair for opening files sealed to it, without making one; null when none. */
export async function unsealingKey(store: StoreTx): Promise<KeyPairText | null> {
  const pair = await store.keys.installationKey();
  return pair
    ? { fingerprint: pair.fingerprint, publicKey: pair.publicKey, privateKey: pair.privateKey }
    : null;
}

/** The installation key without making one: null on an installation that has signed nothing yet. */
export async function installationKey(store: StoreTx): Promise<InstallationKey | null> {
  const pair = await store.keys.installationKey();
  return pair
    ? { fingerprint: pair.fingerprint, publicKey: pair.publicKey, createdAt: pair.createdAt }
    : null;
}

export function trustedKeys(store: StoreTx): Promise<TrustedKey[]> {
  return store.keys.trusted();
}

/** The trust record for a lead's key on a strand, or for the secretariat's key (strand null). */
export function findTrust(
  store: StoreTx,
  fingerprint: string,
  strandNumber: number | null,
): Promise<TrustedKey | null> {
  return store.keys.findTrust(fingerprint, strandNumber);
}

export interface TrustInput {
  fingerprint: string;
  name: string;
  /** The strand the lead answers for; null trusts a secretariat's key (at a lead's installation). */
  strandNumber: number | null;
  publicKey?: string | null;
}

/** Records that a key belongs to a person; run after confirming the fingerprint with them. */
export async function trustKey(store: StoreTx, input: TrustInput, actor: string): Promise<TrustedKey> {
  const fingerprint = normaliseFingerprint(input.fingerprint);
  if (!fingerprint) {
    throw new BoardPackError(
      'invalid_input',
      `"${input.fingerprint}" is not a key fingerprint (32 hex digits, for example 3f2a-91c0-…).`,
    );
  }
  if (!input.name.trim()) throw new BoardPackError('invalid_input', 'Say whose key this is (--name).');
  if (input.strandNumber !== null) await store.plan.strand(input.strandNumber);
  const at = store.now();
  return store.transaction(async (tx) => {
    const existing = await tx.keys.findTrust(fingerprint, input.strandNumber);
    if (existing) {
      if (input.publicKey && !existing.publicKey) {
        await tx.keys.setPublicKey(fingerprint, input.publicKey);
        return { ...existing, publicKey: input.publicKey };
      }
      return existing;
    }
    const trusted = await tx.keys.addTrust({
      fingerprint,
      publicKey: input.publicKey ?? null,
      role: input.strandNumber === null ? 'secretariat' : 'strand_lead',
      name: input.name.trim(),
      strandNumber: input.strandNumber,
      trustedAt: at,
      trustedBy: actor,
    });
    await tx.audit.record(at, actor, 'key.trust', 'trusted_key', fingerprint, null, trusted);
    return trusted;
  });
}
