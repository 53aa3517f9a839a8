// Returns: a strand lead's installation packs its updates for an opened request into a signed
// file sealed to the secretariat's key (the key that signed the request). Drafts are sent as they stand; the lead's database is not changed
// except for the audit record of the export.
import { createHash, randomUUID } from 'node:crypto';
import { BoardPackError } from '../../shared/errors';
import { needsNarrative } from '../../shared/status';
import { checkOutputPath } from '../files/writeAtomically';
import type { StoreTx } from '../store/store';
import { findTrust, signingKey } from './keys';
import { sealExchange, writeExchangeFile, type RequestPayload, type ReturnPayload } from './format';
import type { ExchangeDeps } from './request';
import { requestPayloadSchema } from './schemas';
import { figureKey, figuresToReturn } from './figures';
import type { Recipient } from './sealing';

export interface CreateReturnInput {
  out: string;
  actor: string;
  /** Which opened request to answer; the most recently opened one when not given. */
  strandNumber?: number;
  month?: string;
  /** The name the secretariat will see as the author; the actor when not given. */
  authorName?: string;
}

export interface CreateReturnResult {
  path: string;
  fileId: string;
  requestId: string;
  strandNumber: number;
  month: string;
  updates: number;
  /** The lead's figures entered or changed since the request (this month's and corrections). */
  figures: number;
  /** Objectives in the request with nothing written yet: they will show as No update. */
  missing: string[];
  signedBy: string;
  bytes: number;
}

export interface OpenedRequest {
  fileId: string;
  strandNumber: number;
  month: string;
  expiresOn: string;
  openedAt: string;
  /** The fingerprint of the secretariat key that signed the request: the return is sealed to it. */
  secretariatFingerprint: string;
  payload: RequestPayload;
}

/** Requests opened at this installation, newest first. */
export async function openedRequests(store: StoreTx): Promise<OpenedRequest[]> {
  // The payload was checked by this schema when the request was opened, and kept as it was read.
  return (await store.exchange.openedRequests()).map((r) => ({
    fileId: r.fileId,
    strandNumber: r.strandNumber,
    month: r.month,
    expiresOn: r.expiresOn,
    openedAt: r.openedAt,
    secretariatFingerprint: r.secretariatFingerprint,
    payload: requestPayloadSchema.parse(r.payload),
  }));
}

async function chooseRequest(store: StoreTx, input: CreateReturnInput): Promise<OpenedRequest> {
  const matching = (await openedRequests(store)).filter(
    (r) =>
      (input.strandNumber === undefined || r.strandNumber === input.strandNumber) &&
      (input.month === undefined || r.month === input.month),
  );
  if (matching.length === 0) {
    throw new BoardPackError(
      'not_found',
      'No request from the secretariat has been opened here for that strand and month. Open the request file first.',
    );
  }
  return matching[0];
}

export async function createReturn(
  store: StoreTx,
  input: CreateReturnInput,
  deps: ExchangeDeps = {},
): Promise<CreateReturnResult> {
  const request = await chooseRequest(store, input);
  if (request.expiresOn < store.today()) {
    throw new BoardPackError(
      'refused_file',
      `The request for ${request.month} expired on ${request.expiresOn}. Ask the secretariat for a new request; nothing was changed.`,
    );
  }
  const refs = request.payload.objectives.map((o) => o.ref);
  const rows = await store.exchange.savedUpdates(request.month);
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  const written = refs.filter((ref) => byRef.has(ref)).map((ref) => byRef.get(ref)!);
  const unexplained = written
    .filter((r) => needsNarrative(r.status) && !r.narrative.trim())
    .map((r) => r.ref);
  if (unexplained.length > 0) {
    throw new BoardPackError(
      'narrative_required',
      `Red and Amber updates need a narrative saying why and what is being done: ${unexplained.join(', ')}. Nothing was exported.`,
    );
  }
  checkOutputPath(input.out, await store.backups.protectedFiles());
  const recipient = await secretariatOf(store, request);
  const key = await signingKey(store, input.actor);
  const figures = await figuresToReturn(store, request.payload);
  const payload: ReturnPayload = {
    fileId: (deps.newFileId ?? randomUUID)(),
    requestId: request.fileId,
    createdAt: store.now(),
    planId: request.payload.plan.id,
    strandNumber: request.strandNumber,
    month: request.month,
    author: { name: (input.authorName ?? input.actor).trim() },
    updates: written.map((r) => ({
      ref: r.ref,
      status: r.status,
      narrative: r.narrative,
      nextSteps: r.nextSteps,
      risks: r.risks,
      metricActual: r.metricActual,
      savedAt: r.savedAt,
    })),
    // Only a request that carried indicators is answered with figures: a secretariat's Board Pack
    // from before figures travelled never sees the field.
    ...(request.payload.indicators === undefined ? {} : { figures }),
  };
  const text = sealExchange('return', payload, key, recipient);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  // Recorded, then written, in one transaction: a write that fails rolls the record back.
  return store.transaction(async (tx) => {
    await tx.audit.record(
      payload.createdAt,
      input.actor,
      'exchange.return.export',
      'exchange_return',
      payload.fileId,
      null,
      {
        requestId: request.fileId,
        strand: request.strandNumber,
        month: request.month,
        updates: payload.updates.length,
        figures: figures.map((f) => figureKey(f.ref, f.month)),
        sha256,
      },
    );
    const file = writeExchangeFile(input.out, text, await tx.backups.protectedFiles());
    return {
      path: file.path,
      fileId: payload.fileId,
      requestId: request.fileId,
      strandNumber: request.strandNumber,
      month: request.month,
      updates: payload.updates.length,
      figures: figures.length,
      missing: refs.filter((ref) => !byRef.has(ref)),
      signedBy: key.fingerprint,
      bytes: file.bytes,
    };
  });
}

/** The secretariat's key, as trusted when the request was opened: the return is sealed to it. */
async function secretariatOf(store: StoreTx, request: OpenedRequest): Promise<Recipient> {
  const trusted = await findTrust(store, request.secretariatFingerprint, null);
  if (!trusted?.publicKey) {
    throw new BoardPackError(
      'not_found',
      `This copy does not hold the secretariat's key ${request.secretariatFingerprint}, so the return cannot be sealed to it. Open the request file again; nothing was changed.`,
    );
  }
  return { method: 'recipient-key', publicKey: trusted.publicKey, fingerprint: trusted.fingerprint };
}
