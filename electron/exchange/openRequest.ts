// Opening a request at a strand lead's installation: every check first, then (in one
// transaction) a working copy seeded or brought in line with the secretariat's plan for the strand.
import { previousMonth } from '../../shared/months';
import { needsNarrative } from '../../shared/status';
import { planFileSchema, type PlanFile } from '../../shared/planFile';
import type { StoreTx } from '../store/store';
import {
  ensureInstallationKey,
  findTrust,
  installationKey,
  trustedKeys,
  trustKey,
  unsealingKey,
} from './keys';
import { readExchangeFile, refusedFile, refusedUnknownKey, type RequestPayload } from './format';
import { recordSeen, seenFile, whenLabel, workingCopyMark, WORKING_COPY_SETTING } from './records';
import { requestFigureProblem, takeRequestIndicators, type IndicatorsTaken } from './figures';

/** A minimal plan for a strand lead's working copy: the plan summary and the one strand. */
export function planFromRequest(payload: RequestPayload): PlanFile {
  const groups: {
    theme: string;
    code: string;
    objectives: PlanFile['strands'][number]['themes'][number]['objectives'];
  }[] = [];
  for (const o of payload.objectives) {
    let group = groups[groups.length - 1];
    if (!group || group.theme !== o.theme || group.code !== o.themeCode) {
      group = { theme: o.theme, code: o.themeCode, objectives: [] };
      groups.push(group);
    }
    group.objectives.push({
      ref: o.ref,
      text: o.text,
      year: o.year,
      target:
        o.targetText !== null && o.targetValue !== null
          ? { text: o.targetText, value: o.targetValue, unit: o.targetUnit ?? '' }
          : null,
      owner: o.owner,
      repeated: false,
      notes: [],
    });
  }
  const { plan, strand } = payload;
  return planFileSchema.parse({
    formatVersion: 1,
    id: plan.id,
    title: plan.title,
    organisation: plan.organisation,
    boardName: plan.boardName,
    aim: plan.aim,
    period: { startMonth: plan.startMonth, endMonth: plan.endMonth },
    protectiveMarking: plan.protectiveMarking,
    chairs: [],
    outcomes: plan.outcomes,
    underpinningThemes: [],
    crossCuttingThemes: [],
    standingAgenda: [],
    strands: [{ ...strand, themes: groups }],
    partners: [],
    glossary: [],
  });
}

type PlanChanges = Pick<OpenRequestResult, 'addedObjectives' | 'rewordedObjectives' | 'retiredObjectives'>;

/**
 * Brings a working copy's strand in line with the request: the secretariat's plan is the
 * source of truth, and the lead answers exactly the objectives asked for.
 */
async function followRequestPlan(
  store: StoreTx,
  p: RequestPayload,
  at: string,
  actor: string,
): Promise<PlanChanges> {
  const changes: PlanChanges = { addedObjectives: [], rewordedObjectives: [], retiredObjectives: [] };
  const local = new Map(
    (await store.plan.objectives({ strandNumber: p.strand.number, includeRetired: true })).map((o) => [
      o.ref,
      o,
    ]),
  );
  const asked = new Set(p.objectives.map((o) => o.ref));
  for (const o of p.objectives) {
    const held = local.get(o.ref);
    if (!held) {
      // Added by the secretariat for this request's month: the lead's copy reports on it from then.
      await store.plan.addObjective(
        { ...o, strandNumber: p.strand.number, ref: o.ref, startMonth: p.month },
        at,
        actor,
      );
      changes.addedObjectives.push(o.ref);
      continue;
    }
    if (held.retired) {
      // The secretariat un-retired it: it comes back to the lead's list, as an added objective does.
      await store.plan.unretireObjective(o.ref, at, actor);
      changes.addedObjectives.push(o.ref);
    }
    const wanted = {
      text: o.text,
      year: o.year,
      targetText: o.targetText,
      targetValue: o.targetValue,
      targetUnit: o.targetUnit,
      owner: o.owner,
    };
    const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).some(
      (field) => wanted[field] !== held[field],
    );
    if (differs) {
      await store.plan.rewordObjective(o.ref, wanted, at, actor);
      changes.rewordedObjectives.push(o.ref);
    }
  }
  for (const held of local.values()) {
    if (held.retired || asked.has(held.ref)) continue;
    await store.plan.retireObjective(held.ref, p.month, at, actor);
    changes.retiredObjectives.push(held.ref);
  }
  return changes;
}

/**
 * Last month's accepted updates, as the request carries them, become accepted updates in a
 * working copy so the lead sees last month beside this month. Nothing held locally is replaced.
 */
async function copyLastMonth(store: StoreTx, p: RequestPayload, at: string): Promise<number> {
  const month = previousMonth(p.month);
  const plan = await store.plan.summary();
  if (month < plan.startMonth) return 0;
  let copied = 0;
  for (const o of p.objectives) {
    // The secretariat's accepted update is what the board saw: it takes the place of the lead's
    // own draft or submitted copy of it, so last month never reads "No update" in her copy.
    if (!o.lastMonth) continue;
    const held = (await store.updates.current(o.ref, month))?.state;
    if (held === 'accepted' || held === 'returned') continue;
    const { author, ...content } = o.lastMonth;
    await store.updates.save({ ref: o.ref, month, ...content, author, state: 'submitted' }, at);
    await store.updates.transition(o.ref, month, 'accept', p.issuedBy, at, '');
    copied += 1;
  }
  return copied;
}

/**
 * Updates the secretariat rejected come back to the lead as returned, with the reason, so her copy
 * stops showing them as plain drafts. An update already changed or settled here is left alone.
 */
async function markReturned(store: StoreTx, p: RequestPayload, at: string): Promise<string[]> {
  const returned: string[] = [];
  const plan = await store.plan.summary();
  for (const o of p.objectives) {
    if (!o.returned) continue;
    const { month, reason, by } = o.returned;
    if (month < plan.startMonth || month > plan.endMonth) continue;
    const held = await store.updates.current(o.ref, month);
    if (!held || (held.state !== 'draft' && held.state !== 'submitted')) continue;
    if (held.state === 'draft') {
      if (needsNarrative(held.status) && !held.narrative.trim()) continue;
      await store.updates.transition(o.ref, month, 'submit', held.author, at);
    }
    await store.updates.transition(o.ref, month, 'return', by, at, reason);
    returned.push(o.ref);
  }
  return returned;
}

export interface OpenRequestInput {
  path: string;
  actor: string;
  /** Trust a secretariat key that differs from the one this copy already trusts. */
  trust?: boolean;
  /** For a request locked with a passphrase (a first request): the passphrase read out by phone. */
  passphrase?: string;
}

export interface OpenRequestResult extends IndicatorsTaken {
  fileId: string;
  planId: string;
  planTitle: string;
  strandNumber: number;
  strandTitle: string;
  month: string;
  expiresOn: string;
  objectives: number;
  respondent: string;
  /** True when this database had no plan and was seeded from the request as a working copy. */
  seeded: boolean;
  /** A working copy follows the secretariat's plan for its strand: objectives added, reworded, retired. */
  addedObjectives: string[];
  rewordedObjectives: string[];
  retiredObjectives: string[];
  /** Last month's accepted updates copied into a working copy, to show beside this month's. */
  lastMonthCopied: number;
  /** Updates the secretariat rejected, now shown here as returned with its reason. */
  returnedUpdates: string[];
  secretariatFingerprint: string;
  /** 'first_use' means: confirm this fingerprint with the secretariat. */
  secretariatKey: 'known' | 'first_use' | 'trusted_now';
  ownFingerprint: string;
  /** False for a version 1 file from an older Board Pack, which travelled in clear. */
  encrypted: boolean;
}

/** Checks a request file without changing anything; throws the refusal a person would see. */
async function checkRequest(store: StoreTx, input: OpenRequestInput) {
  const file = readExchangeFile(input.path, 'request', {
    ownKey: await unsealingKey(store),
    passphrase: input.passphrase,
  });
  const p = file.payload;
  if (p.expiresOn < store.today()) {
    throw refusedFile(input.path, `it expired on ${p.expiresOn}. Ask the secretariat for a new request.`);
  }
  const seen = await seenFile(store, p.fileId);
  if (seen) throw refusedFile(input.path, `it was already opened on ${whenLabel(seen.takenAt)}.`);
  const figureProblem = requestFigureProblem(p);
  if (figureProblem)
    throw refusedFile(input.path, `one of its indicators' figures does not fit: ${figureProblem}`);
  if (await store.plan.hasPlan()) {
    const summary = await store.plan.summary();
    if (summary.id !== p.plan.id && !(await store.plan.isUntouched())) {
      throw refusedFile(
        input.path,
        `it is for another plan ("${p.plan.title}"), not the one this copy holds ("${summary.title}").`,
      );
    }
    const mark = await workingCopyMark(store);
    if (mark && !mark.strandNumbers.includes(p.strand.number)) {
      throw refusedFile(
        input.path,
        `it is for strand ${p.strand.number}, but this working copy is for strand ${mark.strandNumbers.join(', ')}. Open it in a separate copy.`,
      );
    }
    if (!mark) await store.plan.strand(p.strand.number);
  }
  const own = await installationKey(store);
  if (p.respondent.fingerprint !== null && p.respondent.fingerprint !== own?.fingerprint) {
    throw refusedFile(
      input.path,
      `it is addressed to the key ${p.respondent.fingerprint}, and this installation's key is ${own?.fingerprint ?? 'not yet made'}. It was meant for another person's copy.`,
    );
  }
  const known = await findTrust(store, file.fingerprint, null);
  const others = (await trustedKeys(store)).filter((k) => k.role === 'secretariat');
  if (!known && others.length > 0 && !input.trust) {
    throw refusedUnknownKey(
      input.path,
      `it is signed by a key this copy does not know (${file.fingerprint}); the secretariat's key it knows is ${others.map((k) => k.fingerprint).join(', ')}. Confirm the new fingerprint with the secretariat by phone, then trust it and open the file again (on the Exchange files screen, or with --trust on the command line).`,
    );
  }
  return { file, known: known !== null, firstUse: others.length === 0 };
}

export async function openRequest(store: StoreTx, input: OpenRequestInput): Promise<OpenRequestResult> {
  const { file, known, firstUse } = await checkRequest(store, input);
  const p = file.payload;
  const at = store.now();
  return store.transaction(async (tx): Promise<OpenRequestResult> => {
    // The checks above ran before the write lock was taken: the same file opened meanwhile (in
    // another window or by the command line) is refused in the same words as before.
    const seen = await seenFile(tx, p.fileId);
    if (seen) throw refusedFile(input.path, `it was already opened on ${whenLabel(seen.takenAt)}.`);
    // A fresh install holds only the built-in plan it was seeded with: a request replaces it,
    // even for the same plan, so the copy becomes a lead's working copy (marked, with last
    // month's updates) exactly as one made from an empty file does.
    if ((await tx.plan.hasPlan()) && !(await workingCopyMark(tx)) && (await tx.plan.isUntouched()))
      await tx.plan.clearUntouched(at, input.actor);
    const seeded = !(await tx.plan.hasPlan());
    const planChanges: PlanChanges = { addedObjectives: [], rewordedObjectives: [], retiredObjectives: [] };
    if (seeded) {
      await tx.plan.seed(planFromRequest(p), at, input.actor);
      const mark = {
        planId: p.plan.id,
        strandNumbers: [p.strand.number],
        seededFromRequest: p.fileId,
        secretariatFingerprint: file.fingerprint,
      };
      await tx.settings.set({ [WORKING_COPY_SETTING]: JSON.stringify(mark) }, input.actor);
    } else if (await workingCopyMark(tx)) {
      Object.assign(planChanges, await followRequestPlan(tx, p, at, input.actor));
    }
    const workingCopy = (await workingCopyMark(tx)) !== null;
    const returnedUpdates = workingCopy ? await markReturned(tx, p, at) : [];
    const lastMonthCopied = workingCopy ? await copyLastMonth(tx, p, at) : 0;
    const indicatorsTaken: IndicatorsTaken = workingCopy
      ? await takeRequestIndicators(tx, p, at, input.actor)
      : { indicatorsAdded: [], indicatorsChanged: [], figuresCopied: 0 };
    // Also records the public key beside a fingerprint trusted by hand before: returns are sealed to it.
    await trustKey(
      tx,
      { fingerprint: file.fingerprint, publicKey: file.publicKey, name: p.issuedBy, strandNumber: null },
      input.actor,
    );
    const own = await ensureInstallationKey(tx, input.actor);
    await tx.exchange.recordOpened({
      fileId: p.fileId,
      planKey: p.plan.id,
      strandNumber: p.strand.number,
      month: p.month,
      expiresOn: p.expiresOn,
      secretariatFingerprint: file.fingerprint,
      payload: p,
      openedAt: at,
      openedBy: input.actor,
    });
    await recordSeen(tx, p.fileId, 'request', file.sha256, at, input.actor);
    await tx.audit.record(at, input.actor, 'exchange.request.open', 'exchange_request', p.fileId, null, {
      strand: p.strand.number,
      month: p.month,
      seeded,
      ...planChanges,
      lastMonthCopied,
      returnedUpdates,
      ...indicatorsTaken,
      secretariatFingerprint: file.fingerprint,
    });
    return {
      fileId: p.fileId,
      planId: p.plan.id,
      planTitle: p.plan.title,
      strandNumber: p.strand.number,
      strandTitle: p.strand.title,
      month: p.month,
      expiresOn: p.expiresOn,
      objectives: p.objectives.length,
      respondent: p.respondent.name,
      seeded,
      ...planChanges,
      lastMonthCopied,
      returnedUpdates,
      ...indicatorsTaken,
      secretariatFingerprint: file.fingerprint,
      secretariatKey: known ? 'known' : firstUse ? 'first_use' : 'trusted_now',
      ownFingerprint: own.fingerprint,
      encrypted: file.encrypted,
    };
  });
}
