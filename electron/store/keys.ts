// This installation's key pair and the keys it trusts (see migrations/0002_exchange.sql for why the
// private key lives in the database). Making keys, signing and the rules of trust are the exchange's.
import { z } from 'zod';
import { trustedKeySchema } from '../../shared/contractOffline';
import type { Db } from './open';

/** The installation's Ed25519 key pair (DER, base64) and when it was made. */
export const installationKeyPairSchema = z.object({
  fingerprint: z.string(),
  publicKey: z.string(),
  privateKey: z.string(),
  createdAt: z.string(),
});
export type InstallationKeyPair = z.infer<typeof installationKeyPairSchema>;

/** A trusted key as the exchange uses it: the screens' record and, once seen, its public key. */
export const trustedKeyRecordSchema = trustedKeySchema.extend({ publicKey: z.string().nullable() });
export type TrustedKey = z.infer<typeof trustedKeyRecordSchema>;

const installationKeyRowSchema = z
  .object({
    fingerprint: z.string(),
    public_key: z.string(),
    private_key: z.string(),
    created_at: z.string(),
  })
  .transform((row): InstallationKeyPair => ({
    fingerprint: row.fingerprint,
    publicKey: row.public_key,
    privateKey: row.private_key,
    createdAt: row.created_at,
  }));

const trustedKeyRowSchema = z
  .object({
    fingerprint: z.string(),
    public_key: z.string().nullable(),
    role: trustedKeySchema.shape.role,
    name: z.string(),
    strand_number: z.number().int().nullable(),
    trusted_at: z.string(),
    trusted_by: z.string(),
  })
  .transform((row): TrustedKey => ({
    fingerprint: row.fingerprint,
    publicKey: row.public_key,
    role: row.role,
    name: row.name,
    strandNumber: row.strand_number,
    trustedAt: row.trusted_at,
    trustedBy: row.trusted_by,
  }));

const TRUSTED_COLUMNS = 'fingerprint, public_key, role, name, strand_number, trusted_at, trusted_by';

export class KeysRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      installationKey: db.prepare(
        'SELECT fingerprint, public_key, private_key, created_at FROM installation_key WHERE id = 1',
      ),
      insertInstallationKey: db.prepare(
        'INSERT INTO installation_key (id, fingerprint, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)',
      ),
      trusted: db.prepare(
        `SELECT ${TRUSTED_COLUMNS} FROM trusted_keys ORDER BY role, strand_number, name, fingerprint`,
      ),
      secretariat: db.prepare(
        `SELECT ${TRUSTED_COLUMNS} FROM trusted_keys WHERE fingerprint = ? AND role = 'secretariat'`,
      ),
      strandLead: db.prepare(
        `SELECT ${TRUSTED_COLUMNS} FROM trusted_keys WHERE fingerprint = ? AND role = 'strand_lead' AND strand_number = ?`,
      ),
      setPublicKey: db.prepare('UPDATE trusted_keys SET public_key = ? WHERE fingerprint = ?'),
      insertTrusted: db.prepare(
        `INSERT INTO trusted_keys (fingerprint, public_key, role, name, strand_number, trusted_at, trusted_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  installationKey(): InstallationKeyPair | null {
    const row: unknown = this.statements.installationKey.get();
    return row === undefined ? null : installationKeyRowSchema.parse(row);
  }

  createInstallationKey(pair: InstallationKeyPair): void {
    this.statements.insertInstallationKey.run(
      pair.fingerprint,
      pair.publicKey,
      pair.privateKey,
      pair.createdAt,
    );
  }

  trusted(): TrustedKey[] {
    return this.statements.trusted.all().map((row) => trustedKeyRowSchema.parse(row));
  }

  findTrust(fingerprint: string, strandNumber: number | null): TrustedKey | null {
    const row: unknown =
      strandNumber === null
        ? this.statements.secretariat.get(fingerprint)
        : this.statements.strandLead.get(fingerprint, strandNumber);
    return row === undefined ? null : trustedKeyRowSchema.parse(row);
  }

  setPublicKey(fingerprint: string, publicKey: string): void {
    this.statements.setPublicKey.run(publicKey, fingerprint);
  }

  addTrust(key: TrustedKey): TrustedKey {
    this.statements.insertTrusted.run(
      key.fingerprint,
      key.publicKey,
      key.role,
      key.name,
      key.strandNumber,
      key.trustedAt,
      key.trustedBy,
    );
    const added = this.findTrust(key.fingerprint, key.role === 'secretariat' ? null : key.strandNumber);
    if (!added) throw new Error(`The trusted key ${key.fingerprint} was not found after it was added.`);
    return added;
  }
}
