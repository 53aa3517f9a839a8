// Demo figures for the plan's countable indicators: seeded, plausible monthly figures from two years
// before the plan starts (so the first pack already has limits) to its end, with a few real signals
// to show the charts at work: a shift, an astronomical month, and a definition change with a rebase.
// Every level is invented from the seed; nothing here is a Metropolitan Police statistic.
import type { PlanFile, PlanIndicator } from '../../shared/planFile';
import { addMonths, monthsBetween, type ReportingMonth } from '../../shared/months';
import type { StoreTx } from '../store/port';
import { hashString, seededRandom } from './random';

/** Where the demo shows each kind of signal: the first countable indicators that fit, by reference. */
export const DEMO_SIGNALS = {
  /** A sustained fall in a count where lower is better: a run below the mean, improvement. */
  shift: 'KO3',
  /** One month far above the limits in a count: astronomical, special cause. */
  astronomical: 'KO2',
  /** A percentage whose counting rule changes: the chart rebases at the change. */
  rebase: 'S3.M2',
} as const;

export const DEMO_NOTE = 'Demo figure: invented, not a real statistic.';
export const DEMO_DEFINITION_NOTE = 'Demo: the counting rule changed (invented for the demonstration).';

export interface DemoFigure {
  ref: string;
  month: ReportingMonth;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface DemoIndicatorFigures {
  figures: DemoFigure[];
  definitionChanges: { ref: string; month: ReportingMonth; note: string }[];
}

type Countable = Extract<PlanIndicator, { countable: true }>;

/** A normal deviate from two uniform draws (Box–Muller), for noise that looks like real counts. */
function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function countSeries(
  indicator: Countable,
  months: ReportingMonth[],
  start: ReportingMonth,
  random: () => number,
) {
  const level = 40 + Math.floor(random() * 360);
  const shiftFrom = addMonths(start, 6);
  const spike = addMonths(start, 4);
  return months.map((month): DemoFigure => {
    let mean = level;
    if (indicator.ref === DEMO_SIGNALS.shift && month >= shiftFrom) mean = level * 0.8;
    let value = Math.max(0, Math.round(mean + gaussian(random) * Math.sqrt(level)));
    if (indicator.ref === DEMO_SIGNALS.astronomical && month === spike)
      value = Math.round(level + 8 * Math.sqrt(level));
    return { ref: indicator.ref, month, value, numerator: null, denominator: null };
  });
}

function ratioSeries(
  indicator: Countable,
  months: ReportingMonth[],
  rebaseAt: ReportingMonth | null,
  random: () => number,
) {
  const scale = indicator.unit === 'percent' ? 100 : (indicator.per ?? 1000);
  const target = indicator.target?.kind === 'value' ? indicator.target.value / scale : null;
  const share = target !== null ? target - 0.04 : 0.2 + random() * 0.45;
  const size = 80 + Math.floor(random() * 320);
  return months.map((month): DemoFigure => {
    const p = rebaseAt !== null && month >= rebaseAt ? share + 0.1 : share;
    const denominator = Math.max(1, Math.round(size + gaussian(random) * Math.sqrt(size)));
    const expected = denominator * Math.min(0.98, p);
    const numerator = Math.min(
      denominator,
      Math.max(0, Math.round(expected + gaussian(random) * Math.sqrt(expected * (1 - p)))),
    );
    const value = round1((numerator / denominator) * scale);
    return { ref: indicator.ref, month, value, numerator, denominator };
  });
}

/** The demo's figures and definition changes for a plan; the same seed gives the same figures. */
export function demoIndicatorFigures(plan: PlanFile, seed: number): DemoIndicatorFigures {
  const start = plan.period.startMonth;
  const months = monthsBetween(addMonths(start, -24), plan.period.endMonth);
  const figures: DemoFigure[] = [];
  const definitionChanges: DemoIndicatorFigures['definitionChanges'] = [];
  for (const indicator of plan.indicators) {
    if (!indicator.countable) continue;
    const random = seededRandom((seed ^ hashString(indicator.ref)) >>> 0);
    const rebaseAt = indicator.ref === DEMO_SIGNALS.rebase ? addMonths(start, 9) : null;
    if (rebaseAt !== null)
      definitionChanges.push({ ref: indicator.ref, month: rebaseAt, note: DEMO_DEFINITION_NOTE });
    figures.push(
      ...(indicator.unit === 'count'
        ? countSeries(indicator, months, start, random)
        : ratioSeries(indicator, months, rebaseAt, random)),
    );
  }
  return { figures, definitionChanges };
}

/**
 * Writes the demo figures into the caller's transaction (the demo load records itself once): only
 * for indicators the database holds and only months without a figure, so no real figure is touched.
 */
export async function writeDemoIndicatorFigures(
  tx: StoreTx,
  plan: PlanFile,
  seed: number,
  actor: string,
): Promise<{ figures: number; definitionChanges: number }> {
  const retiredFrom = new Map(
    (await tx.indicators.list({ includeRetired: true }))
      .filter((i) => i.countable)
      .map((i) => [i.ref, i.retiredFrom]),
  );
  const held = { has: (ref: string) => retiredFrom.has(ref) };
  const live = (f: DemoFigure) => {
    const retired = retiredFrom.get(f.ref);
    return retired !== undefined && (retired === null || f.month < retired);
  };
  const taken = new Set((await tx.indicators.currentFigures()).map((f) => `${f.ref} ${f.month}`));
  const { figures, definitionChanges } = demoIndicatorFigures(plan, seed);
  const at = tx.now();
  let changes = 0;
  const existing = new Set((await tx.indicators.definitionChanges()).map((c) => `${c.ref} ${c.month}`));
  for (const change of definitionChanges) {
    if (!held.has(change.ref) || existing.has(`${change.ref} ${change.month}`)) continue;
    await tx.indicators.addBreak(change.ref, change.month, change.note, at, actor, true);
    changes += 1;
  }
  const written = await tx.indicators.addDemoFigures(
    figures
      .filter((figure) => live(figure) && !taken.has(`${figure.ref} ${figure.month}`))
      .map((figure) => ({ ...figure, note: DEMO_NOTE, author: actor })),
    at,
  );
  return { figures: written, definitionChanges: changes };
}
