// XmR (individuals) charts for monthly indicator figures, per segment, by NHS England's "Making Data
// Count" rules as the NHS-R community's NHSRplotthedots 0.2.2 applies them (ptd_spc_standard,
// ptd_calculate_point_type, ptd_calculate_assurance_type): the logic is ported, not the code.
import type { Better } from './indicator';
import { addMonths, monthFromIndex, monthIndex, type ReportingMonth } from './months';

export const VARIATIONS = [
  'common_cause',
  'special_cause_improvement',
  'special_cause_concern',
  'special_cause_neutral_high',
  'special_cause_neutral_low',
] as const;
export type Variation = (typeof VARIATIONS)[number];

export const ASSURANCES = ['consistent_pass', 'consistent_fail', 'inconsistent'] as const;
export type Assurance = (typeof ASSURANCES)[number];

/** Which rule made a point special cause, in the order the rules take precedence. */
export const SPECIAL_CAUSE_RULES = [
  'above_upper_limit',
  'below_lower_limit',
  'trend_rising',
  'trend_falling',
  'two_of_three_above',
  'two_of_three_below',
  'run_above',
  'run_below',
] as const;
export type SpecialCauseRule = (typeof SPECIAL_CAUSE_RULES)[number];

/** Process limits sit 2.66 mean moving ranges (3 sigma) from the centre line. */
export const LIMIT_FACTOR = 2.66;
/** The two-in-three rule looks beyond two sigma: two thirds of the way to the limits. */
export const NEAR_LIMIT_FACTOR = (2 * LIMIT_FACTOR) / 3;
/** A moving range this many times the mean moving range or more is left out of that mean. */
export const OUTLIER_MOVING_RANGE_FACTOR = 3.267;
/** Runs and trends are this many points long. */
export const RUN_LENGTH = 7;
/** Limits resting on fewer points than this are trial limits, to be revised as points come. */
export const TRIAL_BELOW_POINTS = 12;
/** As NHSRplotthedots: limits may be fixed only on a baseline of at least 12 points. */
export const MIN_BASELINE_POINTS = 12;

export interface SpcInput {
  /** The month of values[0]; values holds one entry per month from there, null where none. */
  firstMonth: ReportingMonth;
  values: readonly (number | null)[];
  better: Better;
  target?: number | null;
  /** Months at which a definition change starts a new segment (the chart is rebased there). */
  breaks?: readonly ReportingMonth[];
  /** Fix each segment's centre and limits on its first N points (N >= 12); all points when unset. */
  baselinePoints?: number | null;
  /** Leave very large moving ranges out of the mean moving range; on by default, as there. */
  screenOutliers?: boolean;
}

export interface SpcSegment {
  /** Positions in the series' values: the segment holds values[start] … values[end - 1]. */
  start: number;
  end: number;
  firstMonth: ReportingMonth;
  lastMonth: ReportingMonth;
  /** Months with a value. */
  points: number;
  /** The points the centre and limits rest on (the first N when a baseline is fixed). */
  baselinePoints: number;
  centre: number | null;
  /** Null when there is no spread to measure (fewer than two points, or every point the same). */
  lower: number | null;
  upper: number | null;
  /** Two sigma either side of the centre, where the two-in-three rule looks. */
  nearLower: number | null;
  nearUpper: number | null;
  /** Limits on fewer than 12 points: trial limits, revised with each new point. */
  trial: boolean;
}

export interface SpcChart {
  firstMonth: ReportingMonth;
  values: readonly (number | null)[];
  better: Better;
  target: number | null;
  segments: SpcSegment[];
  /** Per month: the index of its segment in `segments`. */
  segmentOf: Uint16Array;
  /** Per month: the variation of its point; null for a month with no value. */
  variation: (Variation | null)[];
  /** Per month: the rule that made the point special cause; null for common cause or no value. */
  rule: (SpecialCauseRule | null)[];
  /** Whether the latest segment's limits put the target reliably in reach; null without one. */
  assurance: Assurance | null;
}

/** The XmR chart of a series: segments, each point's variation, and the assurance. */
export function spcChart(input: SpcInput): SpcChart {
  const { values, better } = input;
  const baseline = input.baselinePoints ?? null;
  if (baseline !== null && !(Number.isInteger(baseline) && baseline >= MIN_BASELINE_POINTS)) {
    throw new RangeError(`A fixed baseline is a whole number of at least ${MIN_BASELINE_POINTS} points.`);
  }
  const screen = input.screenOutliers ?? true;
  const starts = segmentStarts(input.firstMonth, values.length, input.breaks ?? []);
  const segmentOf = new Uint16Array(values.length);
  const variation: (Variation | null)[] = new Array<Variation | null>(values.length).fill(null);
  const rule: (SpecialCauseRule | null)[] = new Array<SpecialCauseRule | null>(values.length).fill(null);
  const segments: SpcSegment[] = [];
  for (let s = 0; s < starts.length; s++) {
    const start = starts[s];
    const end = s + 1 < starts.length ? starts[s + 1] : values.length;
    segmentOf.fill(s, start, end);
    segments.push(analyseSegment(input, start, end, baseline, screen, variation, rule));
  }
  const target = input.target ?? null;
  return {
    firstMonth: input.firstMonth,
    values,
    better,
    target,
    segments,
    segmentOf,
    variation,
    rule,
    assurance: assuranceOf(lastSegmentWithPoints(segments), target, better),
  };
}

/** Where each segment starts: the series' first month, then each break inside the series. */
function segmentStarts(
  firstMonth: ReportingMonth,
  length: number,
  breaks: readonly ReportingMonth[],
): number[] {
  if (breaks.length === 0) return [0];
  const first = monthIndex(firstMonth);
  const inside = breaks.map((b) => monthIndex(b) - first).filter((at) => at > 0 && at < length);
  return [0, ...[...new Set(inside)].sort((a, b) => a - b)];
}

function lastSegmentWithPoints(segments: SpcSegment[]): SpcSegment | null {
  for (let s = segments.length - 1; s >= 0; s--) if (segments[s].points > 0) return segments[s];
  return null;
}

/**
 * Target beyond the limits on the good side: every month will pass; on the bad side: every month
 * will fail; between them: pass and fail at random. None where neither direction is better, and
 * none where there are no limits (NHSRplotthedots would say "inconsistent"; we say nothing).
 */
export function assuranceOf(
  segment: SpcSegment | null,
  target: number | null,
  better: Better,
): Assurance | null {
  if (segment === null || target === null || better === 'neither') return null;
  if (segment.upper === null || segment.lower === null) return null;
  if (target > segment.upper) return better === 'higher' ? 'consistent_fail' : 'consistent_pass';
  if (target < segment.lower) return better === 'higher' ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}

interface Limits {
  centre: number;
  lower: number | null;
  upper: number | null;
  nearLower: number | null;
  nearUpper: number | null;
}

/**
 * Working space for one segment, reused from call to call: analysing thousands of indicators
 * allocates no typed arrays per series (allocation was most of the time). Only ever used within
 * one synchronous call, so no caller can see it.
 */
const work = {
  capacity: 0,
  y: new Float64Array(0),
  at: new Int32Array(0),
  side: new Int8Array(0),
  flags: new Uint8Array(0),
};

const OUTSIDE = 1;
const NEAR = 2;
const TREND = 4;
const RUN = 8;
const TWO_OF_THREE = 16;

function reserve(n: number): void {
  if (n <= work.capacity) return;
  const capacity = Math.max(n, work.capacity * 2, 256);
  work.capacity = capacity;
  work.y = new Float64Array(capacity);
  work.at = new Int32Array(capacity);
  work.side = new Int8Array(capacity);
  work.flags = new Uint8Array(capacity);
}

/** Centre = mean of the baseline; limits from the mean moving range of the baseline, screened. */
function limitsOf(y: Float64Array, baseline: number, screen: boolean): Limits {
  let sum = 0;
  for (let i = 0; i < baseline; i++) sum += y[i];
  const centre = sum / baseline;
  let rangeSum = 0;
  for (let i = 1; i < baseline; i++) rangeSum += Math.abs(y[i] - y[i - 1]);
  let meanRange = rangeSum / (baseline - 1);
  if (screen && baseline > 1) {
    // Strictly below: as there, a moving range of exactly 3.267 × the mean is screened out, so a
    // flat baseline (every range 0) keeps none and has no limits.
    const cut = OUTLIER_MOVING_RANGE_FACTOR * meanRange;
    let kept = 0;
    let keptSum = 0;
    for (let i = 1; i < baseline; i++) {
      const range = Math.abs(y[i] - y[i - 1]);
      if (range < cut) {
        kept += 1;
        keptSum += range;
      }
    }
    meanRange = kept > 0 ? keptSum / kept : Number.NaN;
  }
  if (!Number.isFinite(meanRange))
    return { centre, lower: null, upper: null, nearLower: null, nearUpper: null };
  return {
    centre,
    lower: centre - LIMIT_FACTOR * meanRange,
    upper: centre + LIMIT_FACTOR * meanRange,
    nearLower: centre - NEAR_LIMIT_FACTOR * meanRange,
    nearUpper: centre + NEAR_LIMIT_FACTOR * meanRange,
  };
}

/**
 * One segment: months without a value are skipped, so a missing month neither breaks a run nor
 * starts a moving range (the rules see the points in order, as the R package sees its rows).
 */
function analyseSegment(
  input: SpcInput,
  start: number,
  end: number,
  baselineSetting: number | null,
  screen: boolean,
  variation: (Variation | null)[],
  rule: (SpecialCauseRule | null)[],
): SpcSegment {
  const { values } = input;
  const base = monthIndex(input.firstMonth);
  reserve(end - start);
  const { y, at } = work;
  let n = 0;
  for (let i = start; i < end; i++) {
    const value = values[i];
    if (value === null || !Number.isFinite(value)) continue;
    at[n] = i;
    y[n] = value;
    n += 1;
  }
  const baseline = Math.min(n, baselineSetting ?? n);
  const segment: SpcSegment = {
    start,
    end,
    firstMonth: monthFromIndex(base + start),
    lastMonth: monthFromIndex(base + end - 1),
    points: n,
    baselinePoints: baseline,
    centre: null,
    lower: null,
    upper: null,
    nearLower: null,
    nearUpper: null,
    trial: baseline < TRIAL_BELOW_POINTS,
  };
  if (n === 0) return segment;
  const limits = limitsOf(y, baseline, screen);
  Object.assign(segment, limits);
  markRules(n, limits);
  for (let k = 0; k < n; k++) {
    const found = ruleAt(k, n);
    rule[at[k]] = found;
    variation[at[k]] = found === null ? 'common_cause' : variationOf(found, input.better);
  }
  return segment;
}

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Sets `flag` on positions from..to, clamped to the segment. */
function mark(flag: number, from: number, to: number): void {
  for (let i = Math.max(0, from); i <= to; i++) work.flags[i] |= flag;
}

/**
 * Flags each point of the segment in `work` for every rule it falls under. A point is part of a
 * trend or run when it or one of the 6 points after it completes one.
 */
function markRules(n: number, limits: Limits): void {
  const { y, side, flags } = work;
  const { centre, lower, upper, nearLower, nearUpper } = limits;
  const hasLimits = upper !== null && lower !== null && nearLower !== null && nearUpper !== null;
  let up = 0;
  let down = 0;
  let run = 0;
  for (let k = 0; k < n; k++) {
    side[k] = sign(y[k] - centre);
    flags[k] = 0;
    if (hasLimits) {
      if (y[k] > upper || y[k] < lower) flags[k] = OUTSIDE;
      else if (y[k] < nearLower || y[k] > nearUpper) flags[k] = NEAR;
    }
    const step = k > 0 ? sign(y[k] - y[k - 1]) : 0;
    up = step === 1 ? up + 1 : 0;
    down = step === -1 ? down + 1 : 0;
    if (up >= RUN_LENGTH - 1 || down >= RUN_LENGTH - 1) mark(TREND, k - (RUN_LENGTH - 1), k);
    run = side[k] === 0 ? 0 : k > 0 && side[k] === side[k - 1] ? run + 1 : 1;
    if (run >= RUN_LENGTH) mark(RUN, k - (RUN_LENGTH - 1), k);
  }
  // Two of three consecutive points beyond two sigma (but inside the limits), all three on the
  // same side of the centre; only the points beyond two sigma are marked.
  for (let k = 0; k + 2 < n; k++) {
    const nearCount = (flags[k] & NEAR) / NEAR + (flags[k + 1] & NEAR) / NEAR + (flags[k + 2] & NEAR) / NEAR;
    if (nearCount < 2) continue;
    if (side[k] === 0 || side[k] !== side[k + 1] || side[k] !== side[k + 2]) continue;
    for (let j = k; j <= k + 2; j++) if (flags[j] & NEAR) flags[j] |= TWO_OF_THREE;
  }
}

/**
 * The special-cause rule a point falls under, by the package's precedence: outside the limits,
 * then part of a 7-point trend, then part of two-in-three beyond two sigma, then part of a run of
 * 7 on one side of the centre.
 */
function ruleAt(k: number, n: number): SpecialCauseRule | null {
  const { flags, side } = work;
  const f = flags[k];
  if (f === 0 || f === NEAR) return null;
  if (f & OUTSIDE) return side[k] === 1 ? 'above_upper_limit' : 'below_lower_limit';
  if (f & TREND) return trendDirection(k, n) === 1 ? 'trend_rising' : 'trend_falling';
  if (f & TWO_OF_THREE) return side[k] > 0 ? 'two_of_three_above' : 'two_of_three_below';
  if (f & RUN) return side[k] > 0 ? 'run_above' : 'run_below';
  return null;
}

/**
 * Which way a trend point points, as the package decides it: by the step to the next point when
 * that point is in a trend too, otherwise by the step from the previous point. Anything but a
 * rise (a level step where two trends meet) counts as falling, as there.
 */
function trendDirection(k: number, n: number): number {
  const { y, flags } = work;
  if (k + 1 < n && flags[k + 1] & TREND) return sign(y[k + 1] - y[k]);
  return k > 0 ? sign(y[k] - y[k - 1]) : 0;
}

export function variationOf(found: SpecialCauseRule | null, better: Better): Variation {
  if (found === null) return 'common_cause';
  const upward =
    found === 'above_upper_limit' ||
    found === 'trend_rising' ||
    found === 'two_of_three_above' ||
    found === 'run_above';
  if (better === 'neither') return upward ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  return upward === (better === 'higher') ? 'special_cause_improvement' : 'special_cause_concern';
}

export interface SpcMonth {
  month: ReportingMonth;
  value: number | null;
  centre: number | null;
  lower: number | null;
  upper: number | null;
  variation: Variation | null;
  trial: boolean;
}

/** The chart month by month, for tables and `indicator show --json`. */
export function spcMonths(chart: SpcChart): SpcMonth[] {
  return chart.values.map((value, i) => {
    const segment = chart.segments[chart.segmentOf[i]];
    return {
      month: addMonths(chart.firstMonth, i),
      value,
      centre: segment.centre,
      lower: segment.lower,
      upper: segment.upper,
      variation: chart.variation[i],
      trial: segment.trial,
    };
  });
}

/** Position of the latest month with a value at or before `month` (the whole series if unset). */
export function latestPointAt(chart: SpcChart, month?: ReportingMonth): number | null {
  const last =
    month === undefined ? chart.values.length - 1 : monthIndex(month) - monthIndex(chart.firstMonth);
  for (let i = Math.min(last, chart.values.length - 1); i >= 0; i--) if (chart.values[i] !== null) return i;
  return null;
}
