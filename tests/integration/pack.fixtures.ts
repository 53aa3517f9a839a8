// Small named builders for pack tests: a store on the built-in plan with two meetings, a handful of
// updates for two months, and helpers to read a built PDF back (in-process, through tests/support/pdf).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Status } from '../../shared/domain';
import { openStore, type Store } from '../../electron/store/store';
import { PACK_SECTIONS, type Meeting, type PackSection } from '../../electron/store/meetings';
import type { PackEdition } from '../../electron/pack/model';
import { readPdf } from '../support/pdf';

export const LAST_MONTH = '2007-08';
export const MONTH = '2007-09';

/** The first, final edition of a pack with every section, as the benchmarks build it. */
export function firstFinalEdition(): PackEdition {
  return {
    version: 1,
    draft: false,
    marking: 'OFFICIAL-SENSITIVE',
    sections: [...PACK_SECTIONS],
    replaces: null,
    changes: [],
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'board-pack-test-'));
}

export async function packStore(dir: string): Promise<Store> {
  return await openStore(join(dir, 'board.db'), { clock: () => new Date('2007-10-10T09:00:00Z') });
}

export async function report(
  store: Store,
  ref: string,
  month: string,
  status: Status,
  narrative = '',
  nextSteps = '',
): Promise<void> {
  await store.updates.save(
    { ref, month, status, narrative, nextSteps, author: 'Strand lead', state: 'accepted' },
    store.now(),
  );
}

const AGENDA: { title: string; packSection: PackSection | null }[] = [
  { title: 'Apologies', packSection: null },
  { title: 'Minutes and actions of the last meeting', packSection: 'minutes' },
  { title: 'Performance against the plan (by exception)', packSection: 'exceptions' },
  { title: 'Strand reports', packSection: 'strands' },
  { title: 'Any other business', packSection: null },
];

export async function meeting(store: Store, heldAt: string, reportingMonth: string): Promise<Meeting> {
  const created = await store.meetings.create(
    {
      title: 'Serious Violence Strategy Board',
      heldAt,
      place: 'Room 1015',
      reportingMonth,
      chairs: ['Commander VCD'],
      members: ['Head of Performance'],
    },
    store.now(),
    'Secretariat',
  );
  await store.meetings.setAgenda(
    created.id,
    AGENDA.map((a) => ({ ...a, presenter: 'Chair', minutesAllotted: 10 })),
    store.now(),
    'Secretariat',
  );
  return created;
}

/** Words that must survive into the PDF: long, hostile, multilingual. */
export const HOSTILE = {
  script: '<script>alert("pack")</script>',
  welsh: 'Gwasanaeth ŵyr ŷd — Cymraeg',
  polish: 'Zażółć gęślą jaźń łódź',
  hebrew: 'שלום עולם',
  arabic: 'مرحبا بالعالم',
  emoji: '🚓✅',
  maths: 'Detection ≥ 85% → 90% (−2)',
  token: 'X'.repeat(100) + 'Y'.repeat(100),
};

export function hostileNarrative(): string {
  const long = 'The borough partnership reviewed the plan and agreed further work. '
    .repeat(75)
    .slice(0, 5000);
  return [
    HOSTILE.script,
    HOSTILE.welsh,
    HOSTILE.polish,
    HOSTILE.hebrew,
    HOSTILE.arabic,
    HOSTILE.emoji,
    HOSTILE.maths,
    HOSTILE.token,
    long,
  ].join('\n\n');
}

export interface PackFixture {
  store: Store;
  dir: string;
  current: Meeting;
  previous: Meeting;
  refs: string[];
  reds: { ref: string; narrative: string }[];
  missing: { ref: string; lastNarrative: string };
  hostileRef: string;
  worsenedRef: string;
}

/** Two meetings, minutes and actions, Reds, a worsened objective, a missing update and a hostile narrative. */
export async function buildPackFixture(dir: string): Promise<PackFixture> {
  const store = await packStore(dir);
  const refs = (await store.plan.objectives()).map((o) => o.ref);
  const previous = await meeting(store, '2007-09-20T10:00', LAST_MONTH);
  const current = await meeting(store, '2007-10-18T10:00', MONTH);
  const item = (await store.meetings.agenda(previous.id))[1];
  await store.meetings.addMinute(
    previous.id,
    item.id,
    'minute',
    'The minutes of the August meeting were agreed.',
    store.now(),
    'Secretariat',
  );
  await store.meetings.addMinute(
    previous.id,
    item.id,
    'decision',
    'Strand leads with Red objectives bring recovery plans.',
    store.now(),
    'Secretariat',
  );
  await store.meetings.addAction(
    {
      meetingId: previous.id,
      description: 'Produce the knife crime profile',
      owner: 'Head of MIB',
      dueDate: '2007-10-01',
    },
    store.now(),
    'Secretariat',
  );
  const done = await store.meetings.addAction(
    {
      meetingId: previous.id,
      description: 'Write to London Councils',
      owner: 'Chair',
      dueDate: '2007-11-15',
    },
    store.now(),
    'Secretariat',
  );
  await store.meetings.updateAction(
    done.ref,
    { note: 'Letter sent.', status: 'complete', on: '2007-10-02' },
    store.now(),
    'Secretariat',
  );

  const [redA, redB, missingRef, worsenedRef, hostileRef] = [refs[0], refs[40], refs[5], refs[80], refs[120]];
  const reds = [
    { ref: redA, narrative: `Recovery for ${redA}: partner funding withdrawn, escalated to the Commander.` },
    {
      ref: redB,
      narrative: `Recovery for ${redB}: forensic backlog of six weeks, extra staff from November.`,
    },
  ];
  const missing = {
    ref: missingRef,
    lastNarrative: `Last month only: ${missingRef} was on track with training booked.`,
  };
  await report(store, redA, LAST_MONTH, 'amber', 'Amber in August.');
  await report(store, missingRef, LAST_MONTH, 'amber', missing.lastNarrative);
  await report(store, worsenedRef, LAST_MONTH, 'green', 'Green in August.');
  for (const r of reds)
    await report(store, r.ref, MONTH, 'red', r.narrative, 'Recovery plan to the next board.');
  await report(
    store,
    worsenedRef,
    MONTH,
    'amber',
    `Slipped: ${worsenedRef} awaits the data-sharing agreement.`,
    'Sign the agreement.',
  );
  await report(store, hostileRef, MONTH, 'green', hostileNarrative(), 'Keep going.');
  return { store, dir, current, previous, refs, reds, missing, hostileRef, worsenedRef };
}

export function writePdf(dir: string, name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Each page's text, in the order drawn, so a table cell's lines stay together. */
export function pageTexts(path: string): string[] {
  return readPdf(path).pageTexts();
}

/** Whitespace collapsed, so phrases wrapped over lines still match. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The first page (1-based) whose opening lines include the given line, as a section title sits under the running header. */
export function pageOpeningWith(pages: string[], line: string): number {
  const index = pages.findIndex((p) =>
    p
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 6)
      .includes(line),
  );
  return index + 1;
}
