// Ed25519 with Node's crypto: key pairs, fingerprints a person can read over the phone, signing
// and verifying canonical bytes. No key material leaves this module except as base64 DER.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';

export interface KeyPairText {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
  fingerprint: string;
}

export function generateKeyPair(): KeyPairText {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicDer = publicKey.export({ type: 'spki', format: 'der' });
  return {
    publicKey: publicDer.toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    fingerprint: fingerprintOf(publicDer.toString('base64')),
  };
}

/**
 * The first 128 bits of SHA-256 over the public key, as eight groups of four hex digits
 * ("3f2a-91c0-…"): short enough to read aloud and compare, as with SSH host keys.
 */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join('-');
}

/** Accepts a fingerprint typed with or without dashes or spaces, in either case. */
export function normaliseFingerprint(typed: string): string | null {
  const hex = typed.toLowerCase().replace(/[\s:-]/g, '');
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return hex.match(/.{4}/g)!.join('-');
}

export function signBytes(bytes: Buffer, privateKeyBase64: string): string {
  const key = createPrivateKey({
    key: Buffer.from(privateKeyBase64, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return sign(null, bytes, key).toString('base64');
}

/** False for a bad signature and for a malformed key or signature: never throws on input. */
export function verifyBytes(bytes: Buffer, signatureBase64: string, publicKeyBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
