// This installation's key pair and the keys it trusts (see migrations/0002_exchange.sql for why the
// private key lives in the database). Making keys, signing and the rules of trust are the exchange's.
import { z } from 'zod';
import { trustedKeySchema } from '../../shared/contractOffline';
import type { Sql } from './sql';

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

// NULLS FIRST: the secretariat's key has no strand, and SQLite puts a NULL first where PostgreSQL
// would put it last.
const TRUSTED = `SELECT ${TRUSTED_COLUMNS} FROM trusted_keys
  ORDER BY role, strand_number NULLS FIRST, name, fingerprint`;
const SECRETARIAT = `SELECT ${TRUSTED_COLUMNS} FROM trusted_keys WHERE fingerprint = ? AND role = 'secretariat'`;
const STRAND_LEAD = `SELECT ${TRUSTED_COLUMNS} FROM trusted_keys
  WHERE fingerprint = ? AND role = 'strand_lead' AND strand_number = ?`;
const INSERT_TRUSTED = `INSERT INTO trusted_keys (fingerprint, public_key, role, name, strand_number, trusted_at, trusted_by)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

export class KeysRepository {
  constructor(private readonly sql: Sql) {}

  async installationKey(): Promise<InstallationKeyPair | null> {
    const row: unknown = await this.sql.get(
      'SELECT fingerprint, public_key, private_key, created_at FROM installation_key WHERE id = 1',
    );
    return row === undefined ? null : installationKeyRowSchema.parse(row);
  }

  async createInstallationKey(pair: InstallationKeyPair): Promise<void> {
    await this.sql.run(
      'INSERT INTO installation_key (id, fingerprint, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)',
      pair.fingerprint,
      pair.publicKey,
      pair.privateKey,
      pair.createdAt,
    );
  }

  async trusted(): Promise<TrustedKey[]> {
    return (await this.sql.all(TRUSTED)).map((row) => trustedKeyRowSchema.parse(row));
  }

  async findTrust(fingerprint: string, strandNumber: number | null): Promise<TrustedKey | null> {
    const row: unknown =
      strandNumber === null
        ? await this.sql.get(SECRETARIAT, fingerprint)
        : await this.sql.get(STRAND_LEAD, fingerprint, strandNumber);
    return row === undefined ? null : trustedKeyRowSchema.parse(row);
  }

  async setPublicKey(fingerprint: string, publicKey: string): Promise<void> {
    await this.sql.run(
      'UPDATE trusted_keys SET public_key = ? WHERE fingerprint = ?',
      publicKey,
      fingerprint,
    );
  }

  async addTrust(key: TrustedKey): Promise<TrustedKey> {
    await this.sql.run(
      INSERT_TRUSTED,
      key.fingerprint,
      key.publicKey,
      key.role,
      key.name,
      key.strandNumber,
      key.trustedAt,
      key.trustedBy,
    );
    const added = await this.findTrust(key.fingerprint, key.role === 'secretariat' ? null : key.strandNumber);
    if (!added) throw new Error(`The trusted key ${key.fingerprint} was not found after it was added.`);
    return added;
  }
}
