// Demo progress updates: each objective follows its own seeded path month to month (most Green,
// some Amber, a few Red, Complete late, Not started early or until its plan year), with a few
// missing each month. Written through the updates repository so its rules and audit apply, a month at a
// time in a few statements.
import type { Objective, Status } from '../../shared/domain';
import { addMonths, planYearOf, type ReportingMonth } from '../../shared/months';
import type { StoreTx } from '../store/port';
import type { FirstRevision } from '../store/updates';
import { composeText } from './narrative';
import { DemoRandom, hashString } from './random';

/** Who writes each strand's updates (fictional staff officers) and who accepts them. */
const WRITERS: Record<number, string> = {
  1: 'DI Karen Holt (Jigsaw)',
  2: 'DI Marcus Reid (Sapphire)',
  3: 'DI Priya Shah (CSU)',
  4: 'DI Tom Ellery (Curb)',
  5: 'DI Grace Adeyemi (Gangs)',
  6: 'DI Paul Whitmore (Homicide)',
  7: 'DI Sian Morgan (VCD)',
  8: 'DI Helen Ward (CAIC)',
};
export const DEMO_SECRETARIAT = 'Anna Price (Board secretariat)';

export interface DemoUpdateCounts {
  accepted: number;
  submitted: number;
  drafts: number;
  returned: number;
  missing: number;
}

type Step = readonly (readonly [Status, number])[];

function nextStatus(previous: Status | null, monthNumber: number, random: DemoRandom): Status {
  const completeWeight = monthNumber >= 3 ? Math.min(0.06, 0.02 + 0.008 * monthNumber) : 0;
  const steps: Record<Status | 'first', Step> = {
    first: [
      ['not_started', 0.3],
      ['green', 0.5],
      ['amber', 0.15],
      ['red', 0.05],
    ],
    not_started: [
      ['not_started', 0.45],
      ['green', 0.45],
      ['amber', 0.1],
    ],
    green: [
      ['green', 0.84],
      ['amber', 0.09],
      ['red', 0.02],
      ['complete', completeWeight],
    ],
    amber: [
      ['green', 0.4],
      ['amber', 0.42],
      ['red', 0.14],
      ['complete', completeWeight / 2],
    ],
    red: [
      ['red', 0.45],
      ['amber', 0.4],
      ['green', 0.15],
    ],
    complete: [['complete', 1]],
  };
  return random.weighted(steps[previous ?? 'first']);
}

/** A metric actual near the target: rates hover around it, counts build up towards it. */
function metricActual(objective: Objective, monthNumber: number, random: DemoRandom): number | null {
  if (objective.targetValue === null) return null;
  const target = objective.targetValue;
  if (objective.targetUnit === '%')
    return Math.min(100, Math.round(target * (0.82 + 0.25 * random.unit()) * 10) / 10);
  return Math.round(target * Math.min(1.1, ((monthNumber + 1) / 12) * (0.8 + 0.4 * random.unit())));
}

/** "2007-08-03T09:15:00.000Z": a working day early in the month after the one reported on. */
function stamp(month: ReportingMonth, day: number, hour: number, minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${addMonths(month, 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00.000Z`;
}

interface Planned {
  objective: Objective;
  status: Status;
  waiting: boolean;
  at: string;
  random: DemoRandom;
  outcome: 'accepted' | 'submitted' | 'draft' | 'returned';
}

export async function writeDemoUpdates(
  store: StoreTx,
  months: ReportingMonth[],
  seed: number,
): Promise<DemoUpdateCounts> {
  const plan = await store.plan.summary();
  const counts: DemoUpdateCounts = { accepted: 0, submitted: 0, drafts: 0, returned: 0, missing: 0 };
  const objectives = await store.plan.objectives();
  const randoms = new Map(objectives.map((o) => [o.ref, new DemoRandom(hashString(`${seed}:${o.ref}`))]));
  const statuses = new Map<string, Status | null>(objectives.map((o) => [o.ref, null]));
  const lastMonth = months[months.length - 1];
  let returnedOne = false;

  for (const [monthNumber, month] of months.entries()) {
    const planned: Planned[] = [];
    // Between 5% and 8% of objectives have no update each month, drawn per month so the rate holds.
    const monthRandom = new DemoRandom(hashString(`${seed}:${month}`));
    const missingCount = monthRandom.int(
      Math.ceil(objectives.length * 0.05),
      Math.floor(objectives.length * 0.08),
    );
    const missingRefs = new Set(monthRandom.shuffle(objectives.map((o) => o.ref)).slice(0, missingCount));
    for (const objective of objectives) {
      const random = randoms.get(objective.ref) as DemoRandom;
      const waiting = objective.year === 'Year 2' && planYearOf(month, plan.startMonth) < 2;
      const status = waiting
        ? 'not_started'
        : nextStatus(statuses.get(objective.ref) ?? null, monthNumber, random);
      statuses.set(objective.ref, status);
      const at = stamp(month, random.int(2, 10), random.int(8, 17), random.int(0, 59));
      const missing = missingRefs.has(objective.ref);
      const isLast = month === lastMonth;
      if (missing) {
        counts.missing += 1;
        // A lead part-way through writing: a draft is saved but not yet sent, so the board still sees No update.
        if (isLast && random.chance(0.4))
          planned.push({ objective, status, waiting, at, random, outcome: 'draft' });
        continue;
      }
      let outcome: Planned['outcome'] = 'accepted';
      if (isLast && random.chance(0.1)) outcome = 'submitted';
      if (isLast && !returnedOne && status === 'amber' && outcome === 'accepted') {
        outcome = 'returned';
        returnedOne = true;
      }
      planned.push({ objective, status, waiting, at, random, outcome });
    }
    planned.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.objective.id - b.objective.id));
    // A month's updates in a few statements (round trips to a server), saved and reviewed as one by one.
    await store.updates.writeFirstRevisions(
      month,
      planned.map((p) => firstRevision(month, monthNumber, p)),
    );
    for (const p of planned) counts[p.outcome === 'draft' ? 'drafts' : p.outcome] += 1;
  }
  return counts;
}

/** An objective's update for the month as its lead saves it, and the secretariat's review of it. */
function firstRevision(month: ReportingMonth, monthNumber: number, p: Planned): FirstRevision {
  const text = composeText(p.status, p.objective.strandNumber, p.objective.themeCode, p.random, p.waiting);
  return {
    ref: p.objective.ref,
    status: p.status,
    ...text,
    metricActual: p.status === 'not_started' ? null : metricActual(p.objective, monthNumber, p.random),
    author: WRITERS[p.objective.strandNumber] ?? 'Strand staff officer',
    state: p.outcome === 'draft' ? 'draft' : 'submitted',
    at: p.at,
    demo: true,
    review: review(month, p),
  };
}

/** The secretariat reviews a few days after the returns come in: accepts, or returns with a reason. */
function review(month: ReportingMonth, p: Planned): FirstRevision['review'] {
  if (p.outcome !== 'accepted' && p.outcome !== 'returned') return undefined;
  const day = Math.min(28, Number(p.at.slice(8, 10)) + 3);
  const at = stamp(month, day, 10, Number(p.at.slice(14, 16)));
  if (p.outcome === 'accepted') return { action: 'accept', actor: DEMO_SECRETARIAT, at };
  return {
    action: 'return',
    actor: DEMO_SECRETARIAT,
    at,
    comment:
      'Please say when the recovery plan will be agreed and who owns it before this goes to the board.',
  };
}
