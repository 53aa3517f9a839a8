// chase.*: the chase list for a reporting month (per strand lead, what is still owed and by when),
// printed through the pack machinery, and request files for every strand that still owes updates.
import { join } from 'node:path';
import type { ChaseList, ChaseRequests, OwedObjective } from '../../shared/contractChase';
import { chaseBody, chaseMailto, chaseSubject } from '../../shared/chaseEmail';
import type { Strand } from '../../shared/domain';
import { dateLabel, monthLabel, type ReportingMonth } from '../../shared/months';
import { createRequest } from '../exchange/request';
import { renderChaseList } from '../pack/chaseList';
import type { StoreTx } from '../store/store';
import { whoToChase } from './chaseContact';
import { currentReportingMonth } from './currentMonth';
import { download, inTempFolder } from './offline';
import { actorOf, type Services } from './services';
import type { Group } from './table';

/** How many days before its meeting a pack must be issued, unless the setting says otherwise. */
export const DEFAULT_ISSUE_DAYS_BEFORE = 5;
export const ISSUE_DAYS_SETTING = 'chase.issueDaysBefore';

function daysEarlier(isoDate: string, days: number): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function issueDaysBefore(store: StoreTx): Promise<number> {
  const text = (await store.settings.get(ISSUE_DAYS_SETTING))?.trim() ?? '';
  // A setting that is not a whole number of days up to two months is ignored, not trusted.
  return /^\d{1,2}$/.test(text) && Number(text) <= 60 ? Number(text) : DEFAULT_ISSUE_DAYS_BEFORE;
}

async function owedObjectives(
  store: StoreTx,
  month: ReportingMonth,
  strand: number,
): Promise<OwedObjective[]> {
  const reported = await store.updates.reported(month, strand);
  const working = await store.updates.working(month, strand);
  return (await store.plan.objectives({ strandNumber: strand, month }))
    .filter((o) => !reported.has(o.ref))
    .map((o) => {
      const current = working.get(o.ref);
      const state = current?.state === 'draft' || current?.state === 'returned' ? current.state : 'no_update';
      return {
        ref: o.ref,
        text: o.text,
        state,
        comment: state === 'returned' ? (current?.comment ?? '') : '',
      };
    });
}

/** The strand's countable indicators live in the month with no figure for it. */
async function owedIndicators(store: StoreTx, month: ReportingMonth, strand: number) {
  const indicators = (await store.indicators.list({ strandNumber: strand, month })).filter(
    (i) => i.countable && i.strand === strand,
  );
  if (indicators.length === 0) return [];
  const figures = await store.indicators.currentFigures({
    refs: indicators.map((i) => i.ref),
    from: month,
    to: month,
  });
  const have = new Set(figures.map((f) => f.ref));
  return indicators.filter((i) => !have.has(i.ref)).map((i) => ({ ref: i.ref, title: i.title }));
}

export async function chaseList(services: Services, wanted?: ReportingMonth): Promise<ChaseList> {
  const { store } = services;
  const month = wanted ?? (await currentReportingMonth(store));
  await store.plan.assertMonthInPlan(month);
  const plan = await store.plan.summary();
  const meeting = await store.meetings.forMonth(month);
  const daysBefore = await issueDaysBefore(store);
  const issueBy = meeting ? daysEarlier(meeting.heldAt, daysBefore) : null;
  const signedBy = await actorOf(services);
  const list: ChaseList = {
    month,
    boardName: plan.boardName,
    meeting: meeting && { id: meeting.id, title: meeting.title, heldAt: meeting.heldAt },
    issueBy,
    daysBefore,
    issueByRule: meeting
      ? `The pack must be issued ${daysBefore} days before the meeting on ${dateLabel(meeting.heldAt)}.`
      : `No meeting reports on ${monthLabel(month)} yet, so there is no date the pack must be issued by.`,
    leads: [],
    clear: [],
  };
  for (const strand of await store.plan.strands()) {
    const objectives = await owedObjectives(store, month, strand.number);
    const indicators = await owedIndicators(store, month, strand.number);
    if (objectives.length === 0 && indicators.length === 0) {
      list.clear.push({ strandNumber: strand.number, strandTitle: strand.title });
      continue;
    }
    const contact = await whoToChase(store, strand);
    const email = {
      month,
      boardName: plan.boardName,
      strandNumber: strand.number,
      strandTitle: strand.title,
      leadName: contact.name,
      email: contact.email,
      objectives,
      indicators,
      meetingHeldAt: meeting?.heldAt ?? null,
      issueBy,
      signedBy,
    };
    list.leads.push({
      strandNumber: strand.number,
      strandTitle: strand.title,
      contact,
      objectives,
      indicators,
      mailto: chaseMailto(email),
      subject: chaseSubject(email),
      body: chaseBody(email),
    });
  }
  return list;
}

/** Why a strand's request cannot be made in the one step, in words; null when it can. */
async function whyNoRequest(store: StoreTx, strand: Strand): Promise<string | null> {
  const keys = (await store.keys.trusted()).filter(
    (k) => k.role === 'strand_lead' && k.strandNumber === strand.number,
  );
  const onExchange =
    'Make its request on the Exchange screen, locked with a passphrase you read out by phone.';
  if (keys.length === 0)
    return `No key is trusted for the lead of strand ${strand.number} yet. ${onExchange}`;
  if (keys.length > 1)
    return `Keys of ${keys.length} people are trusted for strand ${strand.number} (${keys.map((k) => k.name).join(', ')}). Make its request on the Exchange screen and choose who answers.`;
  if (!keys[0].publicKey)
    return `${keys[0].name}'s key is trusted for strand ${strand.number}, but no file signed with it has been seen here, so the request cannot be locked to it. ${onExchange}`;
  return null;
}

async function makeRequests(
  services: Services,
  input: { month: ReportingMonth; expiresOn?: string },
): Promise<ChaseRequests> {
  const list = await chaseList(services, input.month);
  const actor = await actorOf(services);
  const owing = list.leads.filter((l) => l.objectives.length > 0);
  return inTempFolder((folder) =>
    // All or none: a request that fails to write leaves no other strand's request on record.
    services.store.transaction(async (tx) => {
      const result: ChaseRequests = { month: list.month, made: [], skipped: [] };
      for (const lead of owing) {
        const strand = await tx.plan.strand(lead.strandNumber);
        const reason = await whyNoRequest(tx, strand);
        if (reason) {
          result.skipped.push({ strandNumber: strand.number, strandTitle: strand.title, reason });
          continue;
        }
        const out = join(folder, `strand-${strand.number}-${list.month}.bpreq`);
        const made = await createRequest(tx, {
          strandNumber: strand.number,
          month: list.month,
          out,
          actor,
          expiresOn: input.expiresOn,
        });
        result.made.push({
          ...download(made.path),
          strandNumber: strand.number,
          strandTitle: strand.title,
          leadName: made.leadName,
          objectives: made.objectives,
          owed: lead.objectives.length,
          expiresOn: made.expiresOn,
        });
      }
      return result;
    }),
  );
}

export const chaseHandlers: Group<'chase'> = {
  'chase.list': async (services, { month }) => await chaseList(services, month),

  'chase.pdf': async (services, { month }) => {
    const list = await chaseList(services, month);
    const plan = await services.store.plan.summary();
    const rendered = await renderChaseList(list, { marking: plan.protectiveMarking });
    return {
      fileName: `chase-list-${list.month}.pdf`,
      pdfBase64: rendered.pdf.toString('base64'),
      pages: rendered.pages,
      sha256: rendered.sha256,
    };
  },

  'chase.makeRequests': makeRequests,
};
