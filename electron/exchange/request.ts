// Requests: the secretariat issues one for a strand and a month, signed with this installation's
// key and sealed to the lead's key (or, before the lead's key is known, to a passphrase read out by
// phone), and records what each objective's update looked like then (to see later changes as conflicts).
import { createHash, randomUUID } from 'node:crypto';
import { BoardPackError } from '../../shared/errors';
import { isCalendarDate } from '../../shared/calendar';
import { previousMonth, reportingMonthSchema } from '../../shared/months';
import { checkOutputPath } from '../files/writeAtomically';
import { REQUEST_ISSUE_ACTION, type Baseline } from '../store/exchange';
import type { TrustedKey } from '../store/keys';
import type { StoreTx } from '../store/store';
import { signingKey, trustedKeys } from './keys';
import { sealExchange, writeExchangeFile, type Recipient, type RequestPayload } from './format';
import { currentStamp } from './records';
import { requestPayloadSchema } from './schemas';
import { newPassphrase } from './sealing';
import { rejectionsSinceLastRequest } from './rejections';
import { requestIndicators } from './figures';

/** The latest expiry a request may carry: a year is longer than any reporting round. */
export const MAX_EXPIRY_DAYS = 366;

export interface CreateRequestInput {
  strandNumber: number;
  month: string;
  out: string;
  /** YYYY-MM-DD; four weeks from today unless given. */
  expiresOn?: string;
  /** Who may answer; the trusted lead's name for the strand, or the strand's lead role. */
  leadName?: string;
  /** Lock with a passphrase even when the lead's key is known (the lead has a new laptop). */
  lockWithPassphrase?: boolean;
  actor: string;
}

export interface CreateRequestResult {
  path: string;
  fileId: string;
  strandNumber: number;
  month: string;
  objectives: number;
  /** The strand's indicators the request carries, with its figures of the last months for context. */
  indicators: number;
  expiresOn: string;
  leadName: string;
  leadFingerprint: string | null;
  signedBy: string;
  bytes: number;
  /** Sealed to the lead's key, or to a passphrase the secretariat reads out to the lead by phone. */
  lockedWith: 'lead_key' | 'passphrase';
  /** The passphrase to read out; shown once, kept nowhere. Null when locked to the lead's key. */
  passphrase: string | null;
}

export interface ExchangeDeps {
  /** Source of file ids; crypto.randomUUID unless a test pins it. */
  newFileId?: () => string;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function createRequest(
  store: StoreTx,
  input: CreateRequestInput,
  deps: ExchangeDeps = {},
): Promise<CreateRequestResult> {
  const month = reportingMonthSchema.parse(input.month);
  await store.plan.assertMonthInPlan(month);
  const strand = await store.plan.strand(input.strandNumber);
  const expiresOn = checkExpiry(store, input.expiresOn ?? addDays(store.today(), 28));
  checkOutputPath(input.out, await store.backups.protectedFiles());
  const leads = (await trustedKeys(store)).filter(
    (k) => k.role === 'strand_lead' && k.strandNumber === strand.number,
  );
  const wanted = input.leadName?.trim();
  const chosen = wanted ? leads.find((k) => k.name === wanted) : leads.length === 1 ? leads[0] : undefined;
  const leadName = input.leadName?.trim() || chosen?.name || strand.lead;
  const plan = await store.plan.detail();
  const objectives = await store.plan.objectives({ strandNumber: strand.number, month });
  if (objectives.length === 0)
    throw new BoardPackError('invalid_input', `Strand ${strand.number} has no live objectives in ${month}.`);
  const lastMonth = await store.updates.reported(previousMonth(month), strand.number);
  const rejections = await rejectionsSinceLastRequest(store, strand.number);
  const key = await signingKey(store, input.actor);
  const indicators = await requestIndicators(store, strand.number, month);
  const payload: RequestPayload = {
    fileId: (deps.newFileId ?? randomUUID)(),
    issuedAt: store.now(),
    issuedBy: input.actor,
    expiresOn,
    month,
    plan: {
      id: plan.id,
      title: plan.title,
      organisation: plan.organisation,
      boardName: plan.boardName,
      aim: plan.aim,
      startMonth: plan.startMonth,
      endMonth: plan.endMonth,
      protectiveMarking: plan.protectiveMarking,
      outcomes: plan.outcomes,
    },
    strand: {
      number: strand.number,
      title: strand.title,
      operation: strand.operation,
      lead: strand.lead,
      successMeasures: strand.successMeasures,
      aims: strand.aims,
    },
    objectives: objectives.map((o) => {
      const last = lastMonth.get(o.ref);
      return {
        ref: o.ref,
        theme: o.theme,
        themeCode: o.themeCode,
        text: o.text,
        year: o.year,
        targetText: o.targetText,
        targetValue: o.targetValue,
        targetUnit: o.targetUnit,
        owner: o.owner,
        lastMonth:
          last && last.state === 'accepted'
            ? {
                status: last.status,
                narrative: last.narrative,
                nextSteps: last.nextSteps,
                risks: last.risks,
                metricActual: last.metricActual,
                author: last.author,
              }
            : null,
        ...(rejections.has(o.ref) ? { returned: rejections.get(o.ref) } : {}),
      };
    }),
    respondent: { name: leadName, fingerprint: chosen?.fingerprint ?? null },
    indicators: indicators.indicators,
  };
  checkPayload(payload);
  const baseline: Baseline = {};
  for (const o of objectives) baseline[o.ref] = await currentStamp(store, o.ref, month);
  const recipient = recipientFor(chosen, input.lockWithPassphrase === true);
  const lockedWith: CreateRequestResult['lockedWith'] =
    recipient.method === 'passphrase' ? 'passphrase' : 'lead_key';
  const text = sealExchange('request', payload, key, recipient);
  // The request is recorded and then written, in one transaction: a write that fails (a full
  // disk, a bad path) rolls the record back, so no request is on record that was never sent.
  return store.transaction(async (tx) => {
    await tx.exchange.recordRequest({
      fileId: payload.fileId,
      strandNumber: strand.number,
      month,
      leadName,
      leadFingerprint: payload.respondent.fingerprint,
      expiresOn,
      issuedAt: payload.issuedAt,
      issuedBy: input.actor,
      baseline,
      figureBaseline: indicators.baseline,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    });
    await tx.audit.record(
      payload.issuedAt,
      input.actor,
      REQUEST_ISSUE_ACTION,
      'exchange_request',
      payload.fileId,
      null,
      {
        strand: strand.number,
        month,
        lead: leadName,
        expiresOn,
        objectives: objectives.length,
        indicators: indicators.indicators.map((i) => i.ref),
        lockedWith,
      },
    );
    const written = writeExchangeFile(input.out, text, await tx.backups.protectedFiles());
    return {
      path: written.path,
      fileId: payload.fileId,
      strandNumber: strand.number,
      month,
      objectives: objectives.length,
      indicators: indicators.indicators.length,
      expiresOn,
      leadName,
      leadFingerprint: payload.respondent.fingerprint,
      signedBy: key.fingerprint,
      bytes: written.bytes,
      lockedWith,
      passphrase: recipient.method === 'passphrase' ? recipient.passphrase : null,
    };
  });
}

/** The expiry date, refused unless it is a real day from today to a year ahead. */
function checkExpiry(store: StoreTx, expiresOn: string): string {
  if (!isCalendarDate(expiresOn))
    throw new BoardPackError(
      'invalid_input',
      `"${expiresOn}" is not a date on the calendar; an expiry date is written YYYY-MM-DD, for example 2007-10-25.`,
    );
  if (expiresOn < store.today())
    throw new BoardPackError('invalid_input', `The expiry date ${expiresOn} is already past.`);
  const latest = addDays(store.today(), MAX_EXPIRY_DAYS);
  if (expiresOn > latest)
    throw new BoardPackError(
      'invalid_input',
      `The expiry date ${expiresOn} is more than a year away; choose a date by ${latest}.`,
    );
  return expiresOn;
}

/** The request is checked as the lead's copy will check it, so nothing unreadable is sent. */
function checkPayload(payload: RequestPayload): void {
  const checked = requestPayloadSchema.safeParse(payload);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : 'the request';
  const objective =
    issue.path[0] === 'objectives' && typeof issue.path[1] === 'number'
      ? ` (objective ${payload.objectives[issue.path[1]]?.ref ?? '?'})`
      : issue.path[0] === 'indicators' && typeof issue.path[1] === 'number'
        ? ` (indicator ${payload.indicators?.[issue.path[1]]?.ref ?? '?'})`
        : '';
  throw new BoardPackError(
    'invalid_input',
    `The request cannot be written: the plan holds a value a request file cannot carry, at ${where}${objective}: ${issue.message}. Correct it on the Plan screen; nothing was changed.`,
  );
}

/** Sealed to the lead's key once a return has shown it, else to a new passphrase. */
function recipientFor(lead: TrustedKey | undefined, lockWithPassphrase: boolean): Recipient {
  if (lead?.publicKey && !lockWithPassphrase)
    return { method: 'recipient-key', publicKey: lead.publicKey, fingerprint: lead.fingerprint };
  return { method: 'passphrase', passphrase: newPassphrase() };
}
