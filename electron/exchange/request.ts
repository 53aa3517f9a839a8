// Requests: the secretariat issues one for a strand and a month, signed with this installation's
// key, and records what each objective's update looked like then (to see later changes as conflicts).
import { randomUUID } from 'node:crypto';
import { BoardPackError } from '../../shared/errors';
import { isoDateSchema } from '../../shared/domain';
import { previousMonth, reportingMonthSchema } from '../../shared/months';
import type { Store } from '../store/store';
import { writeTransaction } from '../store/writeTransaction';
import { signingKey, trustedKeys } from './keys';
import { signExchange, writeExchangeFile, type RequestPayload } from './format';
import { currentStamp, type UpdateStamp } from './records';

export interface CreateRequestInput {
  strandNumber: number;
  month: string;
  out: string;
  /** YYYY-MM-DD; four weeks from today unless given. */
  expiresOn?: string;
  /** Who may answer; the trusted lead's name for the strand, or the strand's lead role. */
  leadName?: string;
  actor: string;
}

export interface CreateRequestResult {
  path: string;
  fileId: string;
  strandNumber: number;
  month: string;
  objectives: number;
  expiresOn: string;
  leadName: string;
  leadFingerprint: string | null;
  signedBy: string;
  bytes: number;
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

export function createRequest(
  store: Store,
  input: CreateRequestInput,
  deps: ExchangeDeps = {},
): CreateRequestResult {
  const month = reportingMonthSchema.parse(input.month);
  store.plan.assertMonthInPlan(month);
  const strand = store.plan.strand(input.strandNumber);
  const expiresOn = input.expiresOn ?? addDays(store.today(), 28);
  if (!isoDateSchema.safeParse(expiresOn).success)
    throw new BoardPackError('invalid_input', 'An expiry date is written YYYY-MM-DD.');
  if (expiresOn < store.today())
    throw new BoardPackError('invalid_input', `The expiry date ${expiresOn} is already past.`);
  const leads = trustedKeys(store).filter(
    (k) => k.role === 'strand_lead' && k.strandNumber === strand.number,
  );
  const wanted = input.leadName?.trim();
  const chosen = wanted ? leads.find((k) => k.name === wanted) : leads.length === 1 ? leads[0] : undefined;
  const leadName = input.leadName?.trim() || chosen?.name || strand.lead;
  const plan = store.plan.detail();
  const objectives = store.plan.objectives({ strandNumber: strand.number, month });
  if (objectives.length === 0)
    throw new BoardPackError('invalid_input', `Strand ${strand.number} has no live objectives in ${month}.`);
  const lastMonth = store.updates.reported(previousMonth(month), strand.number);
  const key = signingKey(store, input.actor);
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
      };
    }),
    respondent: { name: leadName, fingerprint: chosen?.fingerprint ?? null },
  };
  const baseline: Record<string, UpdateStamp | null> = {};
  for (const o of objectives) baseline[o.ref] = currentStamp(store, o.ref, month);
  const text = signExchange('request', payload, key);
  return writeTransaction(store.db, () => {
    const written = writeExchangeFile(input.out, text);
    store.db
      .prepare(
        `INSERT INTO exchange_requests (file_id, strand_number, month, lead_name, lead_fingerprint, expires_on, issued_at,
           issued_by, baseline_json, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        payload.fileId,
        strand.number,
        month,
        leadName,
        payload.respondent.fingerprint,
        expiresOn,
        payload.issuedAt,
        input.actor,
        JSON.stringify(baseline),
        written.sha256,
      );
    store.audit.record(
      payload.issuedAt,
      input.actor,
      'exchange.request.issue',
      'exchange_request',
      payload.fileId,
      null,
      {
        strand: strand.number,
        month,
        lead: leadName,
        expiresOn,
        objectives: objectives.length,
      },
    );
    return {
      path: written.path,
      fileId: payload.fileId,
      strandNumber: strand.number,
      month,
      objectives: objectives.length,
      expiresOn,
      leadName,
      leadFingerprint: payload.respondent.fingerprint,
      signedBy: key.fingerprint,
      bytes: written.bytes,
    };
  });
}
