// The secretariat takes in a strand lead's return: every check first (signature, key, plan,
// strand, expiry, replay), then a preview of each incoming update beside the current one, then
// the person's decisions applied in one transaction with their audit records.
import { BoardPackError } from '../../shared/errors';
import type { Status, WorkflowState } from '../../shared/domain';
import { STATUS_LABELS } from '../../shared/status';
import type { ImportedReturn } from '../../shared/contractOffline';
import type { Baseline, ExchangeRequest } from '../store/exchange';
import type { StoreTx } from '../store/store';
import { findTrust, trustedKeys, trustKey, unsealingKey } from './keys';
import {
  readExchangeFile,
  refusedFile,
  refusedUnknownKey,
  type ReturnPayload,
  type SignedFile,
} from './format';
import { currentStamp, recordSeen, sameStamp, seenFile, whenLabel } from './records';
import { REJECT_ACTION } from './rejections';
import {
  applyFigures,
  checkReturnFigures,
  previewFigures,
  resolveFigureDecisions,
  type FigureDecision,
  type FigurePreviewItem,
} from './returnFigures';
import type { ReturnFigure } from './schemas';
import type { FigureBaseline } from '../store/exchange';

export interface IncomingUpdate {
  status: Status;
  narrative: string;
  nextSteps: string;
  risks: string;
  metricActual: number | null;
  savedAt: string;
}

export interface CurrentUpdate extends Omit<IncomingUpdate, 'savedAt'> {
  revision: number;
  state: WorkflowState;
  author: string;
}

export interface ReturnPreviewItem {
  ref: string;
  objective: string;
  incoming: IncomingUpdate;
  /** What this installation holds for the objective and month now; null when nothing. */
  current: CurrentUpdate | null;
  /** True when the update here changed after the request went out: keep ours or take theirs. */
  conflict: boolean;
}

export interface ReturnPreview {
  fileId: string;
  requestId: string;
  strandNumber: number;
  strandTitle: string;
  month: string;
  author: string;
  fingerprint: string;
  /** False when the key is not yet trusted and the import would trust it (confirm first). */
  keyTrusted: boolean;
  /** False for a version 1 file from an older Board Pack, which travelled in clear. */
  encrypted: boolean;
  /** The name the accepted updates will carry as their author. */
  leadName: string;
  updates: ReturnPreviewItem[];
  /** Objectives asked for and not answered: they stay as they are here. */
  unanswered: string[];
  conflicts: string[];
  /** The lead's figures (this month's and corrections to earlier months) beside the ones held here. */
  figures: FigurePreviewItem[];
  /** The figures changed here after the request went out that the lead's differ from, by key. */
  figureConflicts: string[];
}

export interface ReturnCheckOptions {
  /** Trust an unknown lead key for the strand (after confirming its fingerprint with the lead). */
  trust?: boolean;
}

interface Checked {
  file: SignedFile<'return'>;
  request: ExchangeRequest;
  baseline: Baseline;
  trusted: boolean;
  leadName: string;
  figures: ReturnFigure[];
  figureBaseline: FigureBaseline | null;
}

// One sentence for the Exchange files screen and the command line alike: each names its own way
// of trusting the key, and the screen offers a button for it (the code is unknown_key).
function unknownKeyMessage(file: SignedFile<'return'>, strandNumber: number, otherStrands: number[]): string {
  const name = file.payload.author.name;
  const elsewhere = otherStrands.length ? ` (it is trusted for strand ${otherStrands.join(', ')} only)` : '';
  return (
    `it is signed by a key this copy does not trust for strand ${strandNumber}${elsewhere}: ${file.fingerprint}, from "${name}". ` +
    `Confirm that fingerprint with the lead by phone or in person, then trust it and take in the return again ` +
    `(on the Exchange files screen, or with --trust on the command line).`
  );
}

/**
 * Days after a request's expiry that its return is still taken in, judged by this installation's
 * clock (a return's own createdAt is the lead's word, and a lead's clock can be wrong or backdated):
 * a week covers a stick in the post or a return written on the last day and sent the next.
 */
export const RETURN_GRACE_DAYS = 7;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function checkReturn(store: StoreTx, path: string, options: ReturnCheckOptions): Promise<Checked> {
  const file = readExchangeFile(path, 'return', { ownKey: await unsealingKey(store) });
  const p: ReturnPayload = file.payload;
  const seen = await seenFile(store, p.fileId);
  if (seen)
    throw refusedFile(path, `it was already imported on ${whenLabel(seen.takenAt)} by ${seen.takenBy}.`);
  const plan = await store.plan.summary();
  if (p.planId !== plan.id)
    throw refusedFile(path, `it is for another plan (${p.planId}), not this one (${plan.id}).`);
  const request = await store.exchange.request(p.requestId);
  if (!request) throw refusedFile(path, 'it does not answer any request issued from this installation.');
  if (p.strandNumber !== request.strandNumber) {
    throw refusedFile(
      path,
      `it is for strand ${p.strandNumber}, but the request it answers was for strand ${request.strandNumber}.`,
    );
  }
  if (p.month !== request.month) {
    throw refusedFile(path, `it is for ${p.month}, but the request it answers was for ${request.month}.`);
  }
  const lastDay = addDays(request.expiresOn, RETURN_GRACE_DAYS);
  if (store.today() > lastDay) {
    throw refusedFile(
      path,
      `it answers a request that expired on ${request.expiresOn}, and returns are taken in for ${RETURN_GRACE_DAYS} days after that (until ${lastDay}). Send the lead a new request.`,
    );
  }
  if (request.leadFingerprint !== null && request.leadFingerprint !== file.fingerprint) {
    throw refusedFile(
      path,
      `it is signed by the key ${file.fingerprint}, but the request was addressed to the key ${request.leadFingerprint}.`,
    );
  }
  const trust = await findTrust(store, file.fingerprint, p.strandNumber);
  if (!trust && !options.trust) {
    const otherStrands = (await trustedKeys(store))
      .filter((k) => k.fingerprint === file.fingerprint && k.strandNumber !== null)
      .map((k) => k.strandNumber!);
    throw refusedUnknownKey(path, unknownKeyMessage(file, p.strandNumber, otherStrands));
  }
  const baseline = request.baseline;
  const stray = p.updates.filter((u) => !(u.ref in baseline)).map((u) => u.ref);
  if (stray.length)
    throw refusedFile(path, `it holds updates the request did not ask for: ${stray.join(', ')}.`);
  const duplicated = p.updates
    .filter((u, i) => p.updates.findIndex((x) => x.ref === u.ref) !== i)
    .map((u) => u.ref);
  if (duplicated.length)
    throw refusedFile(path, `it holds more than one update for ${duplicated.join(', ')}.`);
  const figures = await checkReturnFigures(store, path, p, request);
  return {
    file,
    request,
    baseline,
    trusted: trust !== null,
    leadName: trust?.name ?? p.author.name,
    figures: figures.figures,
    figureBaseline: figures.baseline,
  };
}

async function buildPreview(store: StoreTx, checked: Checked): Promise<ReturnPreview> {
  const p = checked.file.payload;
  const working = await store.updates.working(p.month, p.strandNumber);
  const updates: ReturnPreviewItem[] = [];
  for (const u of p.updates) {
    const current = working.get(u.ref);
    updates.push({
      ref: u.ref,
      objective: (await store.plan.objective(u.ref)).text,
      incoming: {
        status: u.status,
        narrative: u.narrative,
        nextSteps: u.nextSteps,
        risks: u.risks,
        metricActual: u.metricActual,
        savedAt: u.savedAt,
      },
      current: current
        ? {
            status: current.status,
            narrative: current.narrative,
            nextSteps: current.nextSteps,
            risks: current.risks,
            metricActual: current.metricActual,
            revision: current.revision,
            state: current.state,
            author: current.author,
          }
        : null,
      conflict: !sameStamp(checked.baseline[u.ref] ?? null, await currentStamp(store, u.ref, p.month)),
    });
  }
  const answered = new Set(p.updates.map((u) => u.ref));
  const figures = await previewFigures(store, checked.figures, checked.figureBaseline);
  return {
    fileId: p.fileId,
    requestId: p.requestId,
    strandNumber: p.strandNumber,
    strandTitle: (await store.plan.strand(p.strandNumber)).title,
    month: p.month,
    author: p.author.name,
    fingerprint: checked.file.fingerprint,
    keyTrusted: checked.trusted,
    encrypted: checked.file.encrypted,
    leadName: checked.leadName,
    updates,
    unanswered: Object.keys(checked.baseline).filter((ref) => !answered.has(ref)),
    conflicts: updates.filter((u) => u.conflict).map((u) => u.ref),
    figures,
    figureConflicts: figures.filter((f) => f.conflict).map((f) => f.key),
  };
}

/** Every check, and what importing would show; changes nothing. */
export async function previewReturn(
  store: StoreTx,
  path: string,
  options: ReturnCheckOptions = {},
): Promise<ReturnPreview> {
  return buildPreview(store, await checkReturn(store, path, options));
}

/** accept = take the lead's update ("take theirs"); reject = keep what is here ("keep ours"). */
export type ReturnDecision = 'accept' | 'reject';

export interface ImportReturnInput extends ReturnCheckOptions {
  path: string;
  actor: string;
  /** Accept every update that is not in conflict; conflicts still need a decision each. */
  acceptAll?: boolean;
  decisions?: Record<string, ReturnDecision>;
  /** Why each rejected update is rejected: required, and sent back to the lead with the next request. */
  reasons?: Record<string, string>;
  /** Each figure's decision by its key ("S1.M2@2007-10"); accept all covers those not in conflict. */
  figureDecisions?: Record<string, FigureDecision>;
  /** Why a figure is rejected, by its key: optional (the next request shows the lead the figure kept). */
  figureReasons?: Record<string, string>;
}

export interface ImportReturnResult {
  preview: ReturnPreview;
  accepted: string[];
  rejected: string[];
  /** Figures recorded and figures rejected, by key. */
  figuresAccepted: string[];
  figuresRejected: string[];
  trustedNow: boolean;
}

function describe(u: { status: Status; narrative: string }): string {
  const words = u.narrative.trim().replace(/\s+/g, ' ');
  return `${STATUS_LABELS[u.status]}${words ? ` — "${words.length > 60 ? `${words.slice(0, 57)}…` : words}"` : ''}`;
}

function resolveDecisions(preview: ReturnPreview, input: ImportReturnInput): Map<string, ReturnDecision> {
  const given = input.decisions ?? {};
  const refs = new Set(preview.updates.map((u) => u.ref));
  const strays = Object.keys(given).filter((ref) => !refs.has(ref));
  if (strays.length)
    throw new BoardPackError('invalid_input', `The return holds no update for ${strays.join(', ')}.`);
  const decided = new Map<string, ReturnDecision>();
  const undecidedConflicts: ReturnPreviewItem[] = [];
  const undecided: string[] = [];
  for (const item of preview.updates) {
    const choice = given[item.ref] ?? (input.acceptAll && !item.conflict ? 'accept' : undefined);
    if (choice) decided.set(item.ref, choice);
    else if (item.conflict) undecidedConflicts.push(item);
    else undecided.push(item.ref);
  }
  if (undecidedConflicts.length) {
    const lines = undecidedConflicts.map(
      (c) =>
        `${c.ref}: here ${c.current ? `${describe(c.current)} (${c.current.state}, by ${c.current.author})` : 'nothing'}; from the lead ${describe(c.incoming)}`,
    );
    throw new BoardPackError(
      'conflict',
      `These updates were changed here after the request went out, so choose for each whether to keep ours or take theirs: ${lines.join('; ')}. Nothing was changed.`,
    );
  }
  if (undecided.length) {
    throw new BoardPackError(
      'invalid_input',
      `Accept or reject each update (or accept all): no decision for ${undecided.join(', ')}. Nothing was changed.`,
    );
  }
  // A rejected update goes back to the lead, who needs to know why. Keeping ours in a conflict is
  // a choice between two versions, and its reason is optional.
  const reasons = input.reasons ?? {};
  const unexplained = preview.updates
    .filter((u) => decided.get(u.ref) === 'reject' && !u.conflict && !reasons[u.ref]?.trim())
    .map((u) => u.ref);
  if (unexplained.length) {
    throw new BoardPackError(
      'invalid_input',
      `Say why ${unexplained.join(', ')} ${unexplained.length === 1 ? 'is' : 'are'} rejected: the reason goes back to the strand lead with the next request. Nothing was changed.`,
    );
  }
  return decided;
}

export async function importReturn(store: StoreTx, input: ImportReturnInput): Promise<ImportReturnResult> {
  const checked = await checkReturn(store, input.path, input);
  const preview = await buildPreview(store, checked);
  const decisions = resolveDecisions(preview, input);
  const figureDecisions = resolveFigureDecisions(
    preview.figures,
    input.figureDecisions ?? {},
    input.acceptAll === true,
  );
  const p = checked.file.payload;
  const at = store.now();
  return store.transaction(async (tx) => {
    // The checks above ran before the write lock was taken: the same file taken in meanwhile (by
    // another window or the command line) is refused in the same words as before.
    const seen = await seenFile(tx, p.fileId);
    if (seen)
      throw refusedFile(
        input.path,
        `it was already imported on ${whenLabel(seen.takenAt)} by ${seen.takenBy}.`,
      );
    // Trusts the key now (with --trust), or records its public key beside a fingerprint that was
    // trusted before any file signed with it had been seen.
    await trustKey(
      tx,
      {
        fingerprint: checked.file.fingerprint,
        publicKey: checked.file.publicKey,
        name: p.author.name,
        strandNumber: p.strandNumber,
      },
      input.actor,
    );
    const accepted: string[] = [];
    const rejected: string[] = [];
    for (const u of p.updates) {
      if (decisions.get(u.ref) === 'reject') {
        rejected.push(u.ref);
        await tx.audit.record(at, input.actor, REJECT_ACTION, 'update', `${u.ref}@${p.month}`, null, {
          returnId: p.fileId,
          strand: p.strandNumber,
          month: p.month,
          reason: input.reasons?.[u.ref]?.trim() ?? '',
          incoming: u,
        });
        continue;
      }
      await tx.updates.save(
        {
          ref: u.ref,
          month: p.month,
          status: u.status,
          narrative: u.narrative,
          nextSteps: u.nextSteps,
          risks: u.risks,
          metricActual: u.metricActual,
          author: checked.leadName,
          state: 'submitted',
        },
        at,
      );
      await tx.updates.transition(u.ref, p.month, 'accept', input.actor, at, '');
      accepted.push(u.ref);
    }
    // What this return settled is the new starting point: a later return answering the same
    // request conflicts only with changes made here after this import, not with this import.
    const baseline = { ...checked.baseline };
    for (const u of p.updates) baseline[u.ref] = await currentStamp(tx, u.ref, p.month);
    const figures = await applyFigures(
      tx,
      { p, leadName: checked.leadName, actor: input.actor, at, reasons: input.figureReasons ?? {} },
      checked.figures,
      figureDecisions,
      checked.figureBaseline,
    );
    await tx.exchange.setBaseline(p.requestId, baseline, figures.baseline);
    const imported: ImportedReturn = {
      fileId: p.fileId,
      requestId: p.requestId,
      strandNumber: p.strandNumber,
      month: p.month,
      author: checked.leadName,
      fingerprint: checked.file.fingerprint,
      decisions: Object.fromEntries(p.updates.map((u) => [u.ref, decisions.get(u.ref)!])),
      importedAt: at,
      importedBy: input.actor,
    };
    await tx.exchange.recordReturn(imported);
    await recordSeen(tx, p.fileId, 'return', checked.file.sha256, at, input.actor);
    await tx.audit.record(at, input.actor, 'exchange.return.import', 'exchange_return', p.fileId, null, {
      requestId: p.requestId,
      strand: p.strandNumber,
      month: p.month,
      author: checked.leadName,
      accepted,
      rejected,
      figuresAccepted: figures.accepted,
      figuresRejected: figures.rejected,
    });
    return {
      preview,
      accepted,
      rejected,
      figuresAccepted: figures.accepted,
      figuresRejected: figures.rejected,
      trustedNow: !checked.trusted,
    };
  });
}
