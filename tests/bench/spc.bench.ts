// Indicator analysis benchmark: the XmR chart and the board's comparisons for 2,000 indicators ×
// 120 months of seeded figures (counts and percentages, a definition change in one in ten, a
// target in one in three), as the pack and the Performance screen will ask for them.
// Run alone: npx tsx tests/bench/spc.bench.ts
// Goal (issue 14): 2,000 × 120 analysed well under 50 ms. Printed as ratios: against the goal,
// against a floor (one pass summing every figure), and 500 → 2,000 indicators and 60 → 120 months
// (1.0 per unit of work is linear).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../electron/demo/random';
import { spcChart } from '../../shared/spc';
import { indicatorComparisons, type IndicatorFigures } from '../../shared/indicatorComparisons';
import { addMonths, type ReportingMonth } from '../../shared/months';
import type { Better, IndicatorUnit } from '../../shared/indicator';

const GOAL_MS = 50;
const FIRST: ReportingMonth = '2005-04';
const RUNS = 15;

interface BenchIndicator {
  figures: IndicatorFigures;
  unit: IndicatorUnit;
  better: Better;
  target: number | null;
  breaks: ReportingMonth[];
}

function indicators(count: number, months: number): BenchIndicator[] {
  const unit = seededRandom(2007);
  const betters: Better[] = ['lower', 'higher', 'neither'];
  return Array.from({ length: count }, (_, k) => {
    const isPercent = k % 4 === 0;
    const level = 50 + unit() * 400;
    const values: (number | null)[] = [];
    const numerators: (number | null)[] = [];
    const denominators: (number | null)[] = [];
    for (let m = 0; m < months; m++) {
      const shift = m > months * 0.7 && k % 5 === 0 ? 0.2 : 0;
      const denominator = Math.round(level * (1 + 0.1 * (unit() - 0.5)));
      const numerator = Math.round(denominator * (0.3 + shift + 0.1 * (unit() - 0.5)));
      values.push(
        isPercent ? (numerator / denominator) * 100 : Math.round(level * (1 + shift + 0.2 * (unit() - 0.5))),
      );
      numerators.push(isPercent ? numerator : null);
      denominators.push(isPercent ? denominator : null);
    }
    return {
      figures: { firstMonth: FIRST, values, numerators, denominators },
      unit: isPercent ? 'percent' : 'count',
      better: betters[k % 3],
      target: k % 3 === 0 ? level * 0.9 : null,
      breaks: k % 10 === 0 ? [addMonths(FIRST, Math.floor(months / 2))] : [],
    };
  });
}

function analyseAll(set: BenchIndicator[], month: ReportingMonth): number {
  let signals = 0;
  for (const indicator of set) {
    const chart = spcChart({
      firstMonth: indicator.figures.firstMonth,
      values: indicator.figures.values,
      better: indicator.better,
      target: indicator.target,
      breaks: indicator.breaks,
    });
    const comparisons = indicatorComparisons(
      indicator.figures,
      {
        measure: { unit: indicator.unit, better: indicator.better },
        yearStartMonth: '2007-04',
        breaks: indicator.breaks,
      },
      month,
    );
    if (chart.variation[chart.variation.length - 1] !== 'common_cause') signals += 1;
    if (comparisons.rolling12.movement === 'worse') signals += 1;
  }
  return signals;
}

function floor(set: BenchIndicator[]): number {
  let sum = 0;
  for (const indicator of set) for (const v of indicator.figures.values) sum += v ?? 0;
  return sum;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(work: () => unknown): number {
  for (let i = 0; i < 3; i++) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

console.log(`machine load average (1 min) at start: ${loadavg()[0].toFixed(2)}`);
const cases = [
  { count: 500, months: 120 },
  { count: 2000, months: 60 },
  { count: 2000, months: 120 },
];
const results = cases.map(({ count, months }) => {
  const set = indicators(count, months);
  const month = addMonths(FIRST, months - 1);
  return { count, months, ms: time(() => analyseAll(set, month)), floorMs: time(() => floor(set)) };
});
for (const r of results) {
  const points = r.count * r.months;
  console.log(
    `${`${r.count.toLocaleString('en-GB')} indicators × ${r.months} months`.padEnd(32)} median ${r.ms.toFixed(1).padStart(6)} ms  ` +
      `${((r.ms * 1e6) / points).toFixed(0).padStart(4)} ns a month  ${(r.ms / r.floorMs).toFixed(0)}× the floor (${r.floorMs.toFixed(2)} ms)`,
  );
}
const [quarter, half, full] = results;
console.log(
  `goal: 2,000 × 120 in ${full.ms.toFixed(1)} ms = ${(full.ms / GOAL_MS).toFixed(2)}× the 50 ms goal  ${full.ms < GOAL_MS ? 'ok' : 'OVER'}`,
);
console.log(
  `linear in indicators: 2,000 / 500 took ${(full.ms / quarter.ms).toFixed(2)}× for 4× the work (${(full.ms / quarter.ms / 4).toFixed(2)} per unit)`,
);
console.log(
  `linear in months: 120 / 60 took ${(full.ms / half.ms).toFixed(2)}× for 2× the work (${(full.ms / half.ms / 2).toFixed(2)} per unit)`,
);
if (full.ms >= GOAL_MS) process.exitCode = 1;
