// The board pack's public API: build a pack (draft or final) for a meeting, issue and freeze it,
// list and re-export issued packs, and verify a PDF file against them.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { reportedStatusSchema } from '../../shared/domain';
import { BoardPackError } from '../../shared/errors';
import { packReference, type VerifiedPack } from '../../shared/packWords';
import { STATUS_LABELS } from '../../shared/status';
import { PACK_SECTIONS, packSectionSchema, type PackSection } from '../store/meetings';
import type { IssuedPackRecord } from '../store/packs';
import type { StoreTx } from '../store/store';
import { renderPack } from './build';
import { collectPack, snapshotOf, type PackEdition, type PackSnapshot } from './model';
import { describePaperChanges, snapshotPaperSchema } from './paperChanges';
import {
  collectPerformance,
  describeFigureChanges,
  snapshotFiguresSchema,
  type PackPerformance,
} from './performance';

export { PACK_SECTIONS, type PackSection };

export interface PackRequest {
  meetingId: number;
  sections?: PackSection[];
  draft: boolean;
  protectiveMarking?: string;
  /** The secretariat's own words on what changed in a reissue, listed before the computed changes. */
  notes?: string[];
}

export interface BuiltPack {
  pdf: Buffer;
  pages: number;
  sha256: string;
  /** The identifier printed on the cover and every page (see shared/packWords). */
  reference: string;
  /** Why a final pack does not claim PDF/A (a paper lacks its fonts); left out when it does, and for drafts. */
  notArchival?: string;
}

export interface IssuedPackSummary {
  id: number;
  meetingId: number;
  version: number;
  reportingMonth: string;
  sha256: string;
  /** The identifier printed on the cover and every page (see shared/packWords). */
  reference: string;
  sizeBytes: number;
  issuedAt: string;
  issuedBy: string;
  sections: PackSection[];
  changes: string[];
  /** Why this version does not claim PDF/A (shared/packWords); left out when it does. */
  notArchival?: string;
}

const packOptionsSchema = z.object({
  sections: z.array(packSectionSchema),
  protectiveMarking: z.string(),
  pages: z.number().int(),
  contentHash: z.string(),
  /** Only on a version issued without the PDF/A claim: why. Versions issued before have none. */
  notArchival: z.string().optional(),
});

/** Sections in the pack's fixed order, whatever order they were asked for in. */
function orderedSections(sections: PackSection[] | undefined): PackSection[] {
  if (sections === undefined) return [...PACK_SECTIONS];
  const wanted = new Set(sections.map((s) => packSectionSchema.parse(s)));
  const ordered = PACK_SECTIONS.filter((s) => wanted.has(s));
  if (ordered.length === 0) throw new BoardPackError('invalid_input', 'A pack needs at least one section.');
  return ordered;
}

/**
 * The papers section only when the meeting has papers: a pack without any keeps the sections (and
 * so the content hash and bytes) it had before papers existed.
 */
function withoutEmptyPapers(sections: PackSection[], paperCount: number): PackSection[] {
  if (paperCount > 0 || !sections.includes('papers')) return sections;
  const kept = sections.filter((s) => s !== 'papers');
  if (kept.length === 0)
    throw new BoardPackError(
      'invalid_input',
      'This meeting has no papers; choose other sections for the pack.',
    );
  return kept;
}

/**
 * The Performance section only when an indicator has figures for the reporting month or before: a
 * pack without any keeps the sections (and so the content hash and bytes) it had before indicators.
 */
function withoutEmptyPerformance(sections: PackSection[], hasFigures: boolean): PackSection[] {
  if (hasFigures || !sections.includes('performance')) return sections;
  const kept = sections.filter((s) => s !== 'performance');
  if (kept.length === 0)
    throw new BoardPackError(
      'invalid_input',
      'No indicator has figures for this month or before; choose other sections for the pack.',
    );
  return kept;
}

function describeChanges(before: PackSnapshot, after: PackSnapshot): string[] {
  const changes: string[] = [];
  const refs = [...new Set([...Object.keys(before.objectives), ...Object.keys(after.objectives)])].sort(
    compareRefs,
  );
  for (const ref of refs) {
    const was = before.objectives[ref];
    const now = after.objectives[ref];
    if (!was) {
      changes.push(`${ref}: added to the plan`);
      continue;
    }
    if (!now) {
      changes.push(`${ref}: no longer in the plan`);
      continue;
    }
    const parts: string[] = [];
    if (was.status !== now.status)
      parts.push(`status ${STATUS_LABELS[was.status]} → ${STATUS_LABELS[now.status]}`);
    if (was.narrative !== now.narrative) parts.push('narrative changed');
    if (was.nextSteps !== now.nextSteps) parts.push('next steps changed');
    if (parts.length) changes.push(`${ref}: ${parts.join('; ')}`);
  }
  return [
    ...changes,
    ...describePaperChanges(before.papers, after.papers),
    ...describeFigureChanges(before.figures, after.figures),
  ];
}

function compareRefs(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  return Number(pa[0]) - Number(pb[0]) || pa[1].localeCompare(pb[1]) || Number(pa[2]) - Number(pb[2]);
}

const snapshotSchema = z.object({
  reportingMonth: z.string(),
  contentHash: z.string(),
  objectives: z.record(
    z.string(),
    z.object({ status: reportedStatusSchema, narrative: z.string(), nextSteps: z.string() }),
  ),
  papers: z.array(snapshotPaperSchema).optional(),
  figures: snapshotFiguresSchema.optional(),
});

function parseSnapshot(json: string): PackSnapshot {
  return snapshotSchema.parse(JSON.parse(json));
}

/**
 * A meeting's papers' bytes by sha256, read from the store before the pack is drawn (drawing is
 * synchronous; a meeting's papers are what the pack holds anyway).
 */
async function paperBytesOf(store: StoreTx, meetingId: number): Promise<(sha256: string) => Uint8Array> {
  const bytes = new Map<string, Uint8Array>();
  for (const paper of await store.papers.list(meetingId))
    bytes.set(paper.sha256, await store.papers.pdf(paper.id));
  return (sha256) => {
    const found = bytes.get(sha256);
    if (found === undefined) throw new Error(`No paper of meeting ${meetingId} has SHA-256 ${sha256}.`);
    return found;
  };
}

interface Prepared {
  rendered: Awaited<ReturnType<typeof renderPack>>;
  edition: PackEdition;
  snapshot: PackSnapshot;
  reportingMonth: string;
}

/**
 * What changed in the pack's content since an issued version, worked out from the content itself,
 * so it needs no PDF: the reissue prints it, and the screen and `pack list` say it of a stale pack.
 */
async function changesSince(
  store: StoreTx,
  issued: IssuedPackRecord,
  edition: PackEdition,
  indicators?: PackPerformance | null,
): Promise<string[]> {
  const current = snapshotOf(await collectPack(store, issued.meetingId, edition, indicators), '');
  return describeChanges(parseSnapshot(issued.snapshotJson), current);
}

export interface SinceIssue {
  version: number;
  issuedAt: string;
  reference: string;
  /** What changed in the data the latest version printed; empty while it still matches. */
  changes: string[];
}

/**
 * Whether a meeting's latest issued version still matches the data, with the same sections and
 * marking it was issued with: null when none has been issued.
 */
export async function changesSinceIssue(store: StoreTx, meetingId: number): Promise<SinceIssue | null> {
  const latest = await store.packs.latest((await store.meetings.get(meetingId)).id);
  if (!latest) return null;
  const issued = summarise(latest);
  const options = packOptionsSchema.parse(JSON.parse(latest.optionsJson));
  const edition: PackEdition = {
    version: latest.version + 1,
    draft: false,
    marking: options.protectiveMarking,
    sections: options.sections,
    replaces: latest.version,
    changes: [],
  };
  return {
    version: issued.version,
    issuedAt: issued.issuedAt,
    reference: issued.reference,
    changes: await changesSince(store, latest, edition),
  };
}

async function prepare(store: StoreTx, request: PackRequest): Promise<Prepared> {
  const meeting = await store.meetings.get(request.meetingId);
  const latest = await store.packs.latest(meeting.id);
  const indicators = await collectPerformance(store, meeting.reportingMonth);
  const edition: PackEdition = {
    version: (latest?.version ?? 0) + 1,
    draft: request.draft,
    marking:
      (request.protectiveMarking ?? (await store.plan.summary()).protectiveMarking).trim() ||
      (await store.plan.summary()).protectiveMarking,
    sections: withoutEmptyPerformance(
      withoutEmptyPapers(orderedSections(request.sections), (await store.papers.list(meeting.id)).length),
      indicators !== null,
    ),
    replaces: latest?.version ?? null,
    changes: [],
  };
  if (latest) edition.changes = await changesSince(store, latest, edition, indicators);
  edition.changes = [...(request.notes ?? []).map((note) => note.trim()).filter(Boolean), ...edition.changes];
  const model = await collectPack(store, meeting.id, edition, indicators);
  const rendered = await renderPack(model, await paperBytesOf(store, meeting.id));
  return {
    rendered,
    edition,
    snapshot: snapshotOf(model, rendered.contentHash),
    reportingMonth: meeting.reportingMonth,
  };
}

/** Builds a pack for a meeting. The same data and options give the same bytes. */
export async function buildPack(store: StoreTx, request: PackRequest): Promise<BuiltPack> {
  const { rendered } = await prepare(store, request);
  return {
    pdf: rendered.pdf,
    pages: rendered.pages,
    sha256: rendered.sha256,
    reference: packReference(rendered.contentHash),
    ...(rendered.notArchival ? { notArchival: rendered.notArchival } : {}),
  };
}

function summarise(record: IssuedPackRecord): IssuedPackSummary {
  const options = packOptionsSchema.parse(JSON.parse(record.optionsJson));
  return {
    id: record.id,
    meetingId: record.meetingId,
    version: record.version,
    reportingMonth: record.reportingMonth,
    sha256: record.sha256,
    reference: packReference(options.contentHash),
    sizeBytes: record.sizeBytes,
    issuedAt: record.issuedAt,
    issuedBy: record.issuedBy,
    sections: options.sections,
    changes: z.array(z.string()).parse(JSON.parse(record.changesJson)),
    ...(options.notArchival ? { notArchival: options.notArchival } : {}),
  };
}

/** Builds the final pack and freezes it as the meeting's next version, in one transaction. */
export async function issuePack(
  store: StoreTx,
  request: Omit<PackRequest, 'draft'> & {
    /** The version the person is issuing, as the screen named it; the next one when left out. */
    version?: number;
  },
  actor: string,
): Promise<IssuedPackSummary> {
  if (!actor.trim()) throw new BoardPackError('invalid_input', 'Say who is issuing the pack.');
  // One transaction from the first read to the record: the frozen bytes are of the data as it was
  // when the version number was taken, and no other desk or process can issue that version meanwhile
  // (one file: the write lock is held throughout; a server: the version's UNIQUE constraint).
  return store.transaction(async (tx) => {
    // Checked before the pack is laid out, so a desk that is behind is told at once.
    if (request.version !== undefined)
      await tx.packs.assertNextVersion(request.meetingId, request.version, tx.now());
    const prepared = await prepare(tx, { ...request, draft: false });
    const { rendered, edition } = prepared;
    const record = await tx.packs.insert({
      meetingId: request.meetingId,
      version: edition.version,
      reportingMonth: prepared.reportingMonth,
      optionsJson: JSON.stringify({
        sections: edition.sections,
        protectiveMarking: edition.marking,
        pages: rendered.pages,
        contentHash: rendered.contentHash,
        ...(rendered.notArchival ? { notArchival: rendered.notArchival } : {}),
      }),
      sha256: rendered.sha256,
      pdf: rendered.pdf,
      snapshotJson: JSON.stringify(prepared.snapshot),
      changesJson: JSON.stringify(edition.changes),
      issuedAt: tx.now(),
      issuedBy: actor.trim(),
    });
    return summarise(record);
  });
}

export async function listIssuedPacks(store: StoreTx, meetingId?: number): Promise<IssuedPackSummary[]> {
  return (await store.packs.list(meetingId)).map(summarise);
}

/** The issued bytes, exactly as frozen. */
export async function issuedPackPdf(store: StoreTx, id: number): Promise<Buffer> {
  return await store.packs.pdf(id);
}

export interface VerifiedBytes {
  sha256: string;
  match: IssuedPackSummary | null;
  /** What Verify says of a match (shared/packWords verifiedPackSentence), null without one. */
  verified: VerifiedPack | null;
}

/**
 * Which issued pack these bytes are, if any: the SHA-256 of the whole file must match. A match
 * comes with its meeting's date and title and the latest version that replaced it.
 */
export async function verifyPackBytes(store: StoreTx, bytes: Uint8Array): Promise<VerifiedBytes> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const record = await store.packs.bySha256(sha256);
  if (!record) return { sha256, match: null, verified: null };
  const match = summarise(record);
  const meeting = await store.meetings.get(match.meetingId);
  const latest = await store.packs.latest(match.meetingId);
  const replacedBy =
    latest && latest.version > match.version ? { version: latest.version, issuedAt: latest.issuedAt } : null;
  const verified: VerifiedPack = {
    version: match.version,
    meetingHeldAt: meeting.heldAt,
    meetingTitle: meeting.title,
    issuedAt: match.issuedAt,
    issuedBy: match.issuedBy,
    reference: match.reference,
    replacedBy,
  };
  return { sha256, match, verified };
}
