// The exchange file: one JSON document { format, formatVersion, kind, payload, signature }, its
// zod schemas, the size limit, and reading a file defensively (size first, then parse, version,
// schema, signature) so every refusal says what is wrong in words a person can act on.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import {
  isoDateSchema,
  isoTimestampSchema,
  objectiveRefSchema,
  planYearSchema,
  statusSchema,
} from '../../shared/domain';
import { BoardPackError } from '../../shared/errors';
import { reportingMonthSchema } from '../../shared/months';
import { needsNarrative } from '../../shared/status';
import { canonicalBytes } from './canonical';
import { fingerprintOf, signBytes, verifyBytes, type KeyPairText } from './signing';

export const EXCHANGE_FORMAT = 'board-pack-exchange';
export const EXCHANGE_FORMAT_VERSION = 1;
/** Far above the largest strand's return with long narratives (~0.3 MB), far below harm. */
export const MAX_EXCHANGE_BYTES = 5 * 1024 * 1024;
export const EXCHANGE_EXTENSIONS = { request: '.bpreq', return: '.bpret' } as const;

export type ExchangeKind = keyof typeof EXCHANGE_EXTENSIONS;

const longText = z.string().max(20_000);
const name = z.string().trim().min(1).max(200);
const fingerprint = z.string().regex(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);

export const updateContentSchema = z.object({
  status: statusSchema,
  narrative: longText,
  nextSteps: longText,
  risks: longText,
  metricActual: z.number().finite().nullable(),
});

export const requestObjectiveSchema = z.object({
  ref: objectiveRefSchema,
  theme: name,
  themeCode: z.string().regex(/^[RIPE]+$/),
  text: z.string().min(1).max(5_000),
  year: planYearSchema.nullable(),
  targetText: z.string().nullable(),
  targetValue: z.number().finite().nullable(),
  targetUnit: z.string().nullable(),
  owner: z.string().nullable(),
  /** Last month's accepted update, for the lead to start from; null when there was none. */
  lastMonth: updateContentSchema.extend({ author: name }).nullable(),
});

export const requestPayloadSchema = z.object({
  fileId: z.uuid(),
  issuedAt: isoTimestampSchema,
  issuedBy: name,
  expiresOn: isoDateSchema,
  month: reportingMonthSchema,
  plan: z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: name,
    organisation: name,
    boardName: name,
    aim: z.string().min(1).max(5_000),
    startMonth: reportingMonthSchema,
    endMonth: reportingMonthSchema,
    protectiveMarking: name,
    outcomes: z
      .array(z.object({ number: z.number().int().positive(), text: z.string().min(1).max(5_000) }))
      .min(1),
  }),
  strand: z.object({
    number: z.number().int().positive(),
    title: name,
    operation: z.string().nullable(),
    lead: name,
    successMeasures: z.array(z.string().min(1)),
    aims: z.array(z.string().min(1)),
  }),
  objectives: z.array(requestObjectiveSchema).min(1).max(1_000),
  /** Who may answer: the lead's name and, once known, the fingerprint of their key. */
  respondent: z.object({ name, fingerprint: fingerprint.nullable() }),
});
export type RequestPayload = z.infer<typeof requestPayloadSchema>;

export const returnUpdateSchema = updateContentSchema
  .extend({ ref: objectiveRefSchema, savedAt: isoTimestampSchema })
  .refine((u) => !needsNarrative(u.status) || u.narrative.trim().length > 0, {
    message: 'A Red or Amber update needs a narrative.',
  });

export const returnPayloadSchema = z.object({
  fileId: z.uuid(),
  requestId: z.uuid(),
  createdAt: isoTimestampSchema,
  planId: z.string(),
  strandNumber: z.number().int().positive(),
  month: reportingMonthSchema,
  author: z.object({ name }),
  updates: z.array(returnUpdateSchema).max(1_000),
});
export type ReturnPayload = z.infer<typeof returnPayloadSchema>;
export type ReturnUpdate = ReturnPayload['updates'][number];

const signatureSchema = z.object({
  algorithm: z.literal('ed25519'),
  fingerprint,
  publicKey: z.string().min(1).max(200),
  value: z.string().min(1).max(200),
});

function envelopeSchema<K extends ExchangeKind, P extends z.ZodTypeAny>(kind: K, payload: P) {
  return z.object({
    format: z.literal(EXCHANGE_FORMAT),
    formatVersion: z.literal(EXCHANGE_FORMAT_VERSION),
    kind: z.literal(kind),
    payload,
    signature: signatureSchema,
  });
}

export const requestFileSchema = envelopeSchema('request', requestPayloadSchema);
export const returnFileSchema = envelopeSchema('return', returnPayloadSchema);

const PAYLOAD_SCHEMAS = { request: requestFileSchema, return: returnFileSchema } as const;
type PayloadOf<K extends ExchangeKind> = K extends 'request' ? RequestPayload : ReturnPayload;

export interface SignedFile<K extends ExchangeKind> {
  kind: K;
  payload: PayloadOf<K>;
  fingerprint: string;
  publicKey: string;
  /** SHA-256 of the file's bytes, recorded when it is taken in. */
  sha256: string;
  bytes: number;
}

/**
 * What the signature covers: the format, its version, the kind and the payload, as canonical
 * bytes. Binding the kind and version stops a request being passed off as a return.
 */
function signedBytes(kind: ExchangeKind, payload: unknown): Buffer {
  return canonicalBytes({ format: EXCHANGE_FORMAT, formatVersion: EXCHANGE_FORMAT_VERSION, kind, payload });
}

/** The file's text, signed with the given key. Pretty-printed: canonical bytes are made on verify. */
export function signExchange(
  kind: ExchangeKind,
  payload: RequestPayload | ReturnPayload,
  key: KeyPairText,
): string {
  const file = {
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    kind,
    payload,
    signature: {
      algorithm: 'ed25519',
      fingerprint: key.fingerprint,
      publicKey: key.publicKey,
      value: signBytes(signedBytes(kind, payload), key.privateKey),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes beside the target and renames, so a half-written file never carries the final name. */
export function writeExchangeFile(
  path: string,
  text: string,
): { path: string; bytes: number; sha256: string } {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, path);
  const bytes = Buffer.byteLength(text, 'utf8');
  return { path, bytes, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

function refuse(
  path: string,
  reason: string,
  code: 'refused_file' | 'unknown_key' = 'refused_file',
): BoardPackError {
  return new BoardPackError(code, `${basename(path)} was refused: ${reason} Nothing was changed.`);
}

const KIND_WORDS: Record<ExchangeKind, string> = {
  request: 'a request file (.bpreq)',
  return: 'a return file (.bpret)',
};

/**
 * Reads and checks an exchange file of the expected kind: size (before reading), JSON, ours,
 * version, kind, schema, signature. Trust in the key is the caller's business.
 */
export function readExchangeFile<K extends ExchangeKind>(path: string, kind: K): SignedFile<K> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new BoardPackError('not_found', `There is no file at ${path}.`);
  }
  if (size > MAX_EXCHANGE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    throw refuse(
      path,
      `it is ${mb} MB, larger than any Board Pack exchange file can be (${MAX_EXCHANGE_BYTES / 1024 / 1024} MB).`,
    );
  }
  const raw = readFileSync(path);
  const text = raw.toString('utf8');
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
  const head = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (head.format !== EXCHANGE_FORMAT)
    throw refuse(path, `it is not a Board Pack exchange file. Expected ${KIND_WORDS[kind]}.`);
  if (typeof head.formatVersion === 'number' && head.formatVersion > EXCHANGE_FORMAT_VERSION) {
    throw refuse(
      path,
      `it was made by a newer version of Board Pack (format version ${head.formatVersion}; this version reads version ${EXCHANGE_FORMAT_VERSION}). Install the newer version to open it.`,
    );
  }
  if (head.kind !== kind && (head.kind === 'request' || head.kind === 'return')) {
    throw refuse(path, `it is ${KIND_WORDS[head.kind]}, but ${KIND_WORDS[kind]} was expected here.`);
  }
  const checked = PAYLOAD_SCHEMAS[kind].safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw refuse(
      path,
      `it is damaged or not in the expected form (at ${issue.path.join('.') || 'the top level'}: ${issue.message}).`,
    );
  }
  const file = checked.data;
  if (
    fingerprintOf(file.signature.publicKey) !== file.signature.fingerprint ||
    !verifyBytes(signedBytes(kind, head.payload), file.signature.value, file.signature.publicKey)
  ) {
    throw refuse(
      path,
      'its contents do not match its signature, so it has been changed since it was signed (or damaged). Ask for it to be sent again.',
    );
  }
  return {
    kind,
    payload: file.payload as PayloadOf<K>,
    fingerprint: file.signature.fingerprint,
    publicKey: file.signature.publicKey,
    sha256: createHash('sha256').update(raw).digest('hex'),
    bytes: size,
  };
}

/** Refusal helper for the checks after signature: the same sentence shape everywhere. */
export function refusedFile(path: string, reason: string): BoardPackError {
  return refuse(path, reason);
}

/** Refused for now: signed by a key this copy does not trust, which the person may confirm and trust. */
export function refusedUnknownKey(path: string, reason: string): BoardPackError {
  return refuse(path, reason, 'unknown_key');
}
