import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/exchange/canonical';
import {
  fingerprintOf,
  generateKeyPair,
  normaliseFingerprint,
  signBytes,
  verifyBytes,
} from '../../electron/exchange/signing';

describe('canonical JSON for signing', () => {
  it('sorts keys at every depth and leaves out whitespace', async () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same bytes whatever order the keys were written in', async () => {
    const one = JSON.parse('{"ref":"2.E.3","status":"green","narrative":"On track"}');
    const two = JSON.parse('{\n  "narrative": "On track",\n  "status": "green",\n  "ref": "2.E.3"\n}');
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('keeps array order, escapes strings as JSON does and writes non-ASCII as is', async () => {
    expect(canonicalJson(['b', 'a', 'quote " and \n newline', 'café £5'])).toBe(
      '["b","a","quote \\" and \\n newline","café £5"]',
    );
  });

  it('sorts keys by code unit, not by locale', async () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, _: 4 })).toBe('{"B":2,"_":4,"a":3,"b":1}');
  });

  it('leaves out undefined fields and refuses numbers JSON cannot hold', async () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite number at \$\.a/);
  });
});

describe('Ed25519 signatures and fingerprints', () => {
  it('verifies what was signed and nothing else', async () => {
    const key = generateKeyPair();
    const bytes = Buffer.from(canonicalJson({ month: '2007-10' }));
    const signature = signBytes(bytes, key.privateKey);
    expect(verifyBytes(bytes, signature, key.publicKey)).toBe(true);
    expect(verifyBytes(Buffer.from(canonicalJson({ month: '2007-11' })), signature, key.publicKey)).toBe(
      false,
    );
    expect(verifyBytes(bytes, signature, generateKeyPair().publicKey)).toBe(false);
    expect(verifyBytes(bytes, 'not a signature', key.publicKey)).toBe(false);
  });

  it('reads a fingerprint typed without dashes or in capitals', async () => {
    const key = generateKeyPair();
    expect(key.fingerprint).toBe(fingerprintOf(key.publicKey));
    expect(key.fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);
    expect(normaliseFingerprint(key.fingerprint.replace(/-/g, '').toUpperCase())).toBe(key.fingerprint);
    expect(normaliseFingerprint('not-a-fingerprint')).toBeNull();
  });
});
