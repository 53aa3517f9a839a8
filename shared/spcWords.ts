// The words of an SPC chart, the same in the pack, on screen and on the command line: what each
// variation and assurance means, figures written out, and the sentence that says what a chart
// shows (the text alternative of the screen's chart, and the line under the pack's).
import type { IndicatorUnit } from './indicator';
import { monthLabel, addMonths, type ReportingMonth } from './months';
import { latestPointAt, type Assurance, type SpcChart, type SpecialCauseRule, type Variation } from './spc';

export const VARIATION_LABELS: Record<Variation, string> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause: improvement',
  special_cause_concern: 'Special cause: concern',
  special_cause_neutral_high: 'Special cause: high',
  special_cause_neutral_low: 'Special cause: low',
};

/** The last words of the sentence: what the signal means for the board. */
const VARIATION_VERDICTS: Record<Variation, string> = {
  common_cause: 'common cause variation, no signal',
  special_cause_improvement: 'improvement',
  special_cause_concern: 'concern',
  special_cause_neutral_high: 'unusually high',
  special_cause_neutral_low: 'unusually low',
};

export const ASSURANCE_LABELS: Record<Assurance, string> = {
  consistent_pass: 'Will consistently pass the target',
  consistent_fail: 'Will consistently fail the target',
  inconsistent: 'Will pass and fail the target at random',
};

export const TRIAL_LIMITS_WORDS = 'trial limits (fewer than 12 months)';

function grouped(whole: number): string {
  const digits = String(Math.abs(whole));
  const parts: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) parts.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${whole < 0 ? '−' : ''}${parts.join(',')}`;
}

/** A number with thousands separators and at most `decimals` places; no locale, so it never varies. */
export function formatNumber(value: number, decimals = 1): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const trimmed = fraction?.replace(/0+$/, '') ?? '';
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${grouped(Number(whole))}${trimmed ? `.${trimmed}` : ''}`;
}

/** "412", "33.2%", "4.12 per 1,000". */
export function formatFigure(value: number, unit: IndicatorUnit, per?: number): string {
  if (unit === 'percent') return `${formatNumber(value, 1)}%`;
  if (unit === 'rate') return `${formatNumber(value, 2)} per ${grouped(per ?? 1)}`;
  return formatNumber(value, 1);
}

export interface ChartSubject {
  title: string;
  unit: IndicatorUnit;
  per?: number;
}

function positionWords(chart: SpcChart, i: number, value: number): string {
  const segment = chart.segments[chart.segmentOf[i]];
  if (segment.upper === null || segment.lower === null) return 'limits not yet set';
  if (value > segment.upper) return 'above the upper limit';
  if (value < segment.lower) return 'below the lower limit';
  return 'within the normal range';
}

/** Positions of the segment's points (months with a value) around position i, in order. */
function segmentPoints(chart: SpcChart, i: number): number[] {
  const segment = chart.segments[chart.segmentOf[i]];
  const points: number[] = [];
  for (let k = segment.start; k < segment.end; k++) if (chart.values[k] !== null) points.push(k);
  return points;
}

/** How many consecutive points, through point i, keep the same relation `same(prev, next)`. */
function runThrough(chart: SpcChart, i: number, same: (a: number, b: number) => boolean): number {
  const points = segmentPoints(chart, i);
  const at = points.indexOf(i);
  const value = (k: number) => chart.values[points[k]] ?? Number.NaN;
  let from = at;
  while (from > 0 && same(value(from - 1), value(from))) from -= 1;
  let to = at;
  while (to + 1 < points.length && same(value(to), value(to + 1))) to += 1;
  return to - from + 1;
}

function ruleWords(chart: SpcChart, i: number, found: SpecialCauseRule): string {
  const centre = chart.segments[chart.segmentOf[i]].centre ?? 0;
  switch (found) {
    case 'above_upper_limit':
    case 'below_lower_limit':
      return '';
    case 'trend_rising':
      return `${runThrough(chart, i, (a, b) => b > a)} months rising`;
    case 'trend_falling':
      return `${runThrough(chart, i, (a, b) => b < a)} months falling`;
    case 'two_of_three_above':
      return '2 of 3 months close to the upper limit';
    case 'two_of_three_below':
      return '2 of 3 months close to the lower limit';
    case 'run_above':
      return `${runThrough(chart, i, (a, b) => a > centre && b > centre)} months above the mean`;
    case 'run_below':
      return `${runThrough(chart, i, (a, b) => a < centre && b < centre)} months below the mean`;
  }
}

/**
 * What the chart shows at `month` (its latest figure when unset), in one sentence: "Knife-enabled
 * offences: 412 in March 2008, within the normal range; 7 months below the mean: improvement."
 */
export function spcSentence(subject: ChartSubject, chart: SpcChart, month?: ReportingMonth): string {
  const i = latestPointAt(chart, month);
  const value = i === null ? null : chart.values[i];
  if (i === null || value === null) return `${subject.title.replace(/\.$/, '')}: no figures yet.`;
  const parts = [
    `${subject.title.replace(/\.$/, '')}: ${formatFigure(value, subject.unit, subject.per)} in ${monthLabel(addMonths(chart.firstMonth, i))}, ${positionWords(chart, i, value)}`,
  ];
  const found = chart.rule[i];
  const verdict = VARIATION_VERDICTS[chart.variation[i] ?? 'common_cause'];
  const rule = found === null ? '' : ruleWords(chart, i, found);
  // Outside the limits the position already says why: "above the upper limit: concern".
  if (found !== null && rule === '') parts[0] += `: ${verdict}`;
  else parts.push(rule === '' ? verdict : `${rule}: ${verdict}`);
  const segment = chart.segments[chart.segmentOf[i]];
  if (segment.trial && segment.upper !== null) parts.push(TRIAL_LIMITS_WORDS);
  if (chart.target !== null) {
    const target = `target ${formatFigure(chart.target, subject.unit, subject.per)}`;
    parts.push(
      chart.assurance === null ? target : `${target}: ${ASSURANCE_LABELS[chart.assurance].toLowerCase()}`,
    );
  }
  return `${parts.join('; ')}.`;
}

/** "Rebased October 2007: definition changed." for each segment after the first. */
export function rebaseWords(chart: SpcChart): string[] {
  return chart.segments.slice(1).map((s) => `Rebased ${monthLabel(s.firstMonth)}: definition changed.`);
}

/** The sentence, then where the chart was rebased: the words under a chart in the pack and on screen. */
export function spcCaption(subject: ChartSubject, chart: SpcChart, month?: ReportingMonth): string {
  return [spcSentence(subject, chart, month), ...rebaseWords(chart)].join(' ');
}
