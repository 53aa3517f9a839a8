// Everything a pack shows, gathered from the store in one place as plain data. The builder only
// lays this out; its canonical JSON is hashed, so the hash printed on every page names the content.
import { createHash } from 'node:crypto';
import type { ReportedStatus, Update } from '../../shared/domain';
import { addMonths, previousMonth, type ReportingMonth } from '../../shared/months';
import { boardActionShownStatus, movementOf, type Movement } from '../../shared/status';
import type { PackSection } from '../store/meetings';
import type { StoreTx } from '../store/store';
import type { ActiveContent } from '../pdf/activeContent';
import { snapshotPapers, type SnapshotPaper } from './paperChanges';
import {
  collectPerformance,
  snapshotFigures,
  type PackPerformance,
  type SnapshotFigures,
} from './performance';

export interface PackObjective {
  ref: string;
  theme: string;
  text: string;
  year: string | null;
  targetText: string | null;
  owner: string | null;
  now: ReportedStatus;
  last: ReportedStatus;
  movement: Movement;
  /** The reported status of the last months up to this one, oldest first (the strip); months before the plan are left out. */
  recent: ReportedStatus[];
  narrative: string;
  nextSteps: string;
  risks: string;
  metricActual: number | null;
}

export interface PackStrand {
  number: number;
  title: string;
  operation: string | null;
  lead: string;
  successMeasures: string[];
  aims: string[];
  objectives: PackObjective[];
}

export interface PackAction {
  ref: string;
  description: string;
  owner: string;
  dueDate: string | null;
  shown: 'open' | 'overdue' | 'complete';
  completedOn: string | null;
  raisedOn: string;
  latestNote: string | null;
  /** The note a completed action was closed with; left out when there is none (older packs hash as before). */
  closingNote?: string;
}

export interface PackMeetingRecord {
  title: string;
  heldAt: string;
  place: string;
  chairs: string[];
  members: string[];
  attendees: string[];
  apologies: string[];
}

/** A paper an agenda item carries; its bytes are fetched by sha256 when the pack is drawn. */
export interface PackPaper {
  itemPosition: number;
  itemTitle: string;
  /** Its place among its item's papers, from 1. */
  position: number;
  title: string;
  fileName: string;
  pages: number;
  sha256: string;
  /** The paper's pages that are wider than tall as a viewer shows them (1-based); left out if none. */
  landscapePages?: number[];
  /** Links, scripts, form fields or attached files the paper carried and the pack leaves out; left out if none. */
  removed?: ActiveContent[];
}

export interface PackEdition {
  version: number;
  draft: boolean;
  marking: string;
  sections: PackSection[];
  /** The issued version this one replaces, and what changed since it. */
  replaces: number | null;
  changes: string[];
}

export interface PackModel {
  edition: PackEdition;
  plan: {
    title: string;
    organisation: string;
    boardName: string;
    aim: string;
    outcomes: { number: number; text: string }[];
    partners: string[];
    glossary: { term: string; meaning: string }[];
  };
  meeting: PackMeetingRecord & {
    id: number;
    agenda: {
      position: number;
      title: string;
      presenter: string;
      minutesAllotted: number;
      packSection: PackSection | null;
    }[];
  };
  reportingMonth: ReportingMonth;
  lastMonth: ReportingMonth;
  previous:
    | (PackMeetingRecord & {
        items: {
          position: number;
          title: string;
          minutes: { kind: 'minute' | 'decision'; text: string }[];
        }[];
        /** Left out until the minutes are approved, so earlier packs hash as before. */
        approval?: { approvedOn: string; approvedBy: string; corrections: string };
      })
    | null;
  actions: { open: PackAction[]; closed: PackAction[] };
  strands: PackStrand[];
  /**
   * The meeting's papers in agenda order. Left out (not empty) when there are none, so a pack without
   * papers hashes, and so prints, exactly as it did before papers existed. Each paper's sha256 is in
   * the model, so a changed paper changes the hash printed on every page.
   */
  papers?: PackPaper[];
  /**
   * The indicators and their figures up to the reporting month, for the Performance section and the
   * indicator exceptions. Left out when no indicator has a figure (or neither section is in the pack),
   * so such a pack hashes, and so prints, exactly as it did before indicators existed.
   */
  performance?: PackPerformance;
}

/** The sections that read the indicators. */
function readsIndicators(sections: readonly PackSection[]): boolean {
  return sections.includes('performance') || sections.includes('exceptions');
}

function record(m: PackMeetingRecord): PackMeetingRecord {
  return {
    title: m.title,
    heldAt: m.heldAt,
    place: m.place,
    chairs: m.chairs,
    members: m.members,
    attendees: m.attendees,
    apologies: m.apologies,
  };
}

/** How many months the strip beside each objective in a strand report shows, this month included. */
export const STRIP_MONTHS = 6;

/** Each month's reported updates for the strip, oldest first, from the plan's first month at the earliest. */
async function recentReports(
  reported: (m: ReportingMonth) => Promise<Map<string, Update>>,
  month: ReportingMonth,
  startMonth: ReportingMonth,
) {
  const reports: Map<string, Update>[] = [];
  for (let back = STRIP_MONTHS - 1; back >= 0; back -= 1) {
    const m = addMonths(month, -back);
    if (m >= startMonth) reports.push(await reported(m));
  }
  return reports;
}

async function collectStrands(
  store: StoreTx,
  month: ReportingMonth,
  lastMonth: ReportingMonth,
  startMonth: ReportingMonth,
): Promise<PackStrand[]> {
  // Each month is read once: this month and last are in the strip as well.
  const read = new Map<ReportingMonth, Map<string, Update>>();
  const reported = async (m: ReportingMonth): Promise<Map<string, Update>> => {
    const known = read.get(m) ?? (await store.updates.reported(m));
    read.set(m, known);
    return known;
  };
  const now = await reported(month);
  const last = await reported(lastMonth);
  const recent = await recentReports(reported, month, startMonth);
  const objectives = await store.plan.objectives({ month });
  return (await store.plan.strands()).map((s) => ({
    number: s.number,
    title: s.title,
    operation: s.operation,
    lead: s.lead,
    successMeasures: s.successMeasures,
    aims: s.aims,
    objectives: objectives
      .filter((o) => o.strandNumber === s.number)
      .map((o) => {
        const update = now.get(o.ref);
        const before = last.get(o.ref);
        const nowStatus: ReportedStatus = update ? update.status : 'no_update';
        const lastStatus: ReportedStatus = before ? before.status : 'no_update';
        return {
          ref: o.ref,
          theme: o.theme,
          text: o.text,
          year: o.year,
          targetText: o.targetText,
          owner: o.owner,
          now: nowStatus,
          last: lastStatus,
          movement: movementOf(lastStatus, nowStatus),
          recent: recent.map((reported): ReportedStatus => reported.get(o.ref)?.status ?? 'no_update'),
          narrative: update?.narrative ?? '',
          nextSteps: update?.nextSteps ?? '',
          risks: update?.risks ?? '',
          metricActual: update?.metricActual ?? null,
        };
      }),
  }));
}

async function collectActions(
  store: StoreTx,
  heldAt: string,
  previousHeldAt: string | null,
): Promise<PackModel['actions']> {
  const asAt = heldAt.slice(0, 10);
  const heldOn = new Map((await store.meetings.list()).map((m) => [m.id, m.heldAt]));
  const raisedBefore = (await store.meetings.actions(asAt))
    .filter((a) => (heldOn.get(a.meetingId) ?? '') < heldAt)
    .map((a): PackAction => ({
      ref: a.ref,
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      shown: boardActionShownStatus(a.status, a.dueDate, asAt),
      completedOn: a.completedOn,
      raisedOn: (heldOn.get(a.meetingId) ?? '').slice(0, 10),
      // A completed action shows how it was closed, not its last progress note ("… delayed").
      latestNote:
        a.status === 'complete' || a.updates.length === 0 ? null : a.updates[a.updates.length - 1].text,
      ...(a.closingNote ? { closingNote: a.closingNote } : {}),
    }));
  const since = previousHeldAt ? previousHeldAt.slice(0, 10) : '';
  const rank = { overdue: 0, open: 1, complete: 2 } as const;
  const open = raisedBefore
    .filter((a) => a.shown !== 'complete')
    .sort(
      (a, b) =>
        rank[a.shown] - rank[b.shown] ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.ref.localeCompare(b.ref),
    );
  const closed = raisedBefore
    .filter((a) => a.shown === 'complete' && (a.completedOn ?? '') >= since && (a.completedOn ?? '') <= asAt)
    .sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? '') || a.ref.localeCompare(b.ref));
  return { open, closed };
}

async function collectPrevious(store: StoreTx, meetingId: number): Promise<PackModel['previous']> {
  const previous = await store.meetings.previous(meetingId);
  if (!previous) return null;
  const minutes = await store.meetings.minutes(previous.id);
  const agenda = await store.meetings.agenda(previous.id);
  const items = agenda
    .map((item) => ({
      position: item.position,
      title: item.title,
      minutes: minutes.filter((m) => m.agendaItemId === item.id).map((m) => ({ kind: m.kind, text: m.text })),
    }))
    .filter((item) => item.minutes.length > 0);
  const unfiled = minutes.filter((m) => m.agendaItemId === null).map((m) => ({ kind: m.kind, text: m.text }));
  if (unfiled.length) items.push({ position: agenda.length + 1, title: 'Other matters', minutes: unfiled });
  const approval = await store.meetings.approval(previous.id);
  return {
    ...record(previous),
    items,
    ...(approval
      ? {
          approval: {
            approvedOn: approval.approvedOn,
            approvedBy: approval.approvedBy,
            corrections: approval.corrections,
          },
        }
      : {}),
  };
}

export async function collectPapers(store: StoreTx, meetingId: number): Promise<PackPaper[]> {
  const items = new Map((await store.meetings.agenda(meetingId)).map((a) => [a.id, a]));
  return (await store.papers.list(meetingId)).map((p) => {
    const item = items.get(p.agendaItemId);
    return {
      itemPosition: item?.position ?? 0,
      itemTitle: item?.title ?? '',
      position: p.position,
      title: p.title,
      fileName: p.fileName,
      pages: p.pages,
      sha256: p.sha256,
    };
  });
}

/**
 * Gathers the pack's content for a meeting; the edition (version, options, changes) is given, and
 * the indicators when the caller has already read them (undefined: read them here).
 */
export async function collectPack(
  store: StoreTx,
  meetingId: number,
  edition: PackEdition,
  indicators?: PackPerformance | null,
): Promise<PackModel> {
  const meeting = await store.meetings.get(meetingId);
  const performance = readsIndicators(edition.sections)
    ? indicators === undefined
      ? await collectPerformance(store, meeting.reportingMonth)
      : indicators
    : null;
  const plan = await store.plan.detail();
  const lastMonth = previousMonth(meeting.reportingMonth);
  const previous = await collectPrevious(store, meetingId);
  const papers = await collectPapers(store, meetingId);
  return {
    edition,
    plan: {
      title: plan.title,
      organisation: plan.organisation,
      boardName: plan.boardName,
      aim: plan.aim,
      outcomes: plan.outcomes,
      partners: plan.partners,
      glossary: plan.glossary,
    },
    meeting: {
      id: meeting.id,
      ...record(meeting),
      agenda: (await store.meetings.agenda(meetingId)).map((a) => ({
        position: a.position,
        title: a.title,
        presenter: a.presenter,
        minutesAllotted: a.minutesAllotted,
        packSection: a.packSection,
      })),
    },
    reportingMonth: meeting.reportingMonth,
    lastMonth,
    previous,
    actions: await collectActions(store, meeting.heldAt, previous?.heldAt ?? null),
    strands: await collectStrands(store, meeting.reportingMonth, lastMonth, plan.startMonth),
    ...(papers.length ? { papers } : {}),
    ...(performance ? { performance } : {}),
  };
}

/** SHA-256 of the model's canonical JSON: every array is in a fixed order, so equal content hashes equally. */
export function contentHash(model: PackModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex');
}

/** What an issued pack records about each objective, to say later what changed. */
export interface PackSnapshot {
  reportingMonth: ReportingMonth;
  contentHash: string;
  objectives: Record<string, { status: ReportedStatus; narrative: string; nextSteps: string }>;
  /** The papers it carried; left out when it carried none (as every pack issued before papers did). */
  papers?: SnapshotPaper[];
  /** The indicator figures its Performance section printed; left out when it had none. */
  figures?: SnapshotFigures;
}

export function snapshotOf(model: PackModel, hash: string): PackSnapshot {
  const objectives: PackSnapshot['objectives'] = {};
  for (const s of model.strands) {
    for (const o of s.objectives)
      objectives[o.ref] = { status: o.now, narrative: o.narrative, nextSteps: o.nextSteps };
  }
  const papers = model.edition.sections.includes('papers') ? snapshotPapers(model.papers ?? []) : [];
  const figures =
    model.edition.sections.includes('performance') && model.performance
      ? snapshotFigures(model.performance)
      : null;
  return {
    reportingMonth: model.reportingMonth,
    contentHash: hash,
    objectives,
    ...(papers.length ? { papers } : {}),
    ...(figures ? { figures } : {}),
  };
}

/** How many of these objectives are at each status this month (No update included). */
export function statusCounts(objectives: PackObjective[]): Record<ReportedStatus, number> {
  const counts: Record<ReportedStatus, number> = {
    red: 0,
    amber: 0,
    green: 0,
    complete: 0,
    not_started: 0,
    no_update: 0,
  };
  for (const o of objectives) counts[o.now] += 1;
  return counts;
}
