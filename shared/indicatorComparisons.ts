// The figures the board compares for an indicator in a reporting month: this month, the same month
// last year, rolling 12 months against the previous 12, and the financial year to date against the
// same months last year. A period's percentage or rate is a ratio of sums, never a mean of ratios.
import { ratioScale, type Better, type IndicatorMeasure } from './indicator';
import { monthFromIndex, monthIndex, monthsBetween, type ReportingMonth } from './months';

/** One indicator's monthly figures, one entry per month from firstMonth; null where none. */
export interface IndicatorFigures {
  firstMonth: ReportingMonth;
  values: readonly (number | null)[];
  /** For a percentage or rate: what was counted and out of what, month by month. */
  numerators?: readonly (number | null)[];
  denominators?: readonly (number | null)[];
}

export interface FigureRow {
  month: ReportingMonth;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
}

/** Rows in any order → one entry per month from the first row's month (or `firstMonth`) to the last. */
export function figuresFromRows(
  rows: readonly FigureRow[],
  range: { firstMonth?: ReportingMonth; lastMonth?: ReportingMonth } = {},
): IndicatorFigures {
  const indices = rows.map((r) => monthIndex(r.month));
  const first = range.firstMonth !== undefined ? monthIndex(range.firstMonth) : Math.min(...indices);
  const last = range.lastMonth !== undefined ? monthIndex(range.lastMonth) : Math.max(...indices);
  const length = Number.isFinite(first) && Number.isFinite(last) ? Math.max(0, last - first + 1) : 0;
  const values: (number | null)[] = new Array<number | null>(length).fill(null);
  const numerators: (number | null)[] = new Array<number | null>(length).fill(null);
  const denominators: (number | null)[] = new Array<number | null>(length).fill(null);
  rows.forEach((row, r) => {
    const at = indices[r] - first;
    if (at < 0 || at >= length) return;
    values[at] = row.value;
    numerators[at] = row.numerator ?? null;
    denominators[at] = row.denominator ?? null;
  });
  const firstMonth = length > 0 ? monthFromIndex(first) : (range.firstMonth ?? '2000-01');
  return { firstMonth, values, numerators, denominators };
}

export interface PeriodFigure {
  first: ReportingMonth;
  last: ReportingMonth;
  /** Null when any month of the period lacks what the sum needs (listed in `missing`). */
  value: number | null;
  /** The summed numerator and denominator, for a percentage or rate over more than one month. */
  numerator: number | null;
  denominator: number | null;
  missing: ReportingMonth[];
}

/** Better or worse where a direction is better; up or down where neither is. */
export type Movement = 'better' | 'worse' | 'unchanged' | 'up' | 'down';

export interface Comparison {
  current: PeriodFigure;
  previous: PeriodFigure;
  /** current − previous: percentage points for a percentage. */
  change: number | null;
  /** Relative change, for counts and rates; null for a percentage (its change is in points). */
  percentChange: number | null;
  movement: Movement | null;
  /** Definition changes between the start of the earlier period and the end of the later: the
   *  two periods are not measured alike, and the comparison must say so. */
  acrossBreaks: ReportingMonth[];
}

export interface IndicatorComparisons {
  month: ReportingMonth;
  thisMonth: PeriodFigure;
  sameMonthLastYear: Comparison;
  rolling12: Comparison;
  yearToDate: Comparison;
}

export interface ComparisonSettings {
  measure: Pick<IndicatorMeasure, 'unit' | 'per' | 'better'>;
  /** The plan's start month: its month of the year starts every financial year (April for 2007-04). */
  yearStartMonth: ReportingMonth;
  breaks?: readonly ReportingMonth[];
}

function at(series: readonly (number | null)[] | undefined, i: number): number | null {
  if (series === undefined || i < 0 || i >= series.length) return null;
  const v = series[i];
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/**
 * A period's figure. One month: the value as recorded. Longer: the sum of a count, or for a
 * percentage or rate the summed numerator over the summed denominator, scaled.
 */
export function periodFigure(
  figures: IndicatorFigures,
  measure: Pick<IndicatorMeasure, 'unit' | 'per'>,
  first: ReportingMonth,
  last: ReportingMonth,
): PeriodFigure {
  return periodAt(
    figures,
    monthIndex(figures.firstMonth),
    ratioScale(measure),
    monthIndex(first),
    monthIndex(last),
  );
}

/** periodFigure on month indices (months since year 0), so a comparison parses no month twice. */
function periodAt(
  figures: IndicatorFigures,
  base: number,
  scale: number | null,
  firstIndex: number,
  lastIndex: number,
): PeriodFigure {
  const first = monthFromIndex(firstIndex);
  const last = monthFromIndex(lastIndex);
  const from = firstIndex - base;
  const to = lastIndex - base;
  const missing: ReportingMonth[] = [];
  if (from === to) {
    const value = at(figures.values, from);
    if (value === null) missing.push(first);
    return {
      first,
      last,
      value,
      numerator: at(figures.numerators, from),
      denominator: at(figures.denominators, from),
      missing,
    };
  }
  let sum = 0;
  let numerator = 0;
  let denominator = 0;
  for (let i = from; i <= to; i++) {
    if (scale === null) {
      const value = at(figures.values, i);
      if (value === null) missing.push(monthFromIndex(base + i));
      else sum += value;
      continue;
    }
    const n = at(figures.numerators, i);
    const d = at(figures.denominators, i);
    if (n === null || d === null) missing.push(monthFromIndex(base + i));
    else {
      numerator += n;
      denominator += d;
    }
  }
  if (missing.length > 0) return { first, last, value: null, numerator: null, denominator: null, missing };
  if (scale === null) return { first, last, value: sum, numerator: null, denominator: null, missing };
  const value = denominator === 0 ? null : (numerator / denominator) * scale;
  return { first, last, value, numerator, denominator, missing };
}

function movementOf(change: number | null, better: Better): Movement | null {
  if (change === null) return null;
  if (change === 0) return 'unchanged';
  if (better === 'neither') return change > 0 ? 'up' : 'down';
  return change > 0 === (better === 'higher') ? 'better' : 'worse';
}

function compare(
  current: PeriodFigure,
  previous: PeriodFigure,
  span: { from: number; to: number },
  settings: ComparisonSettings,
  breaks: number[],
): Comparison {
  const change = current.value !== null && previous.value !== null ? current.value - previous.value : null;
  const percentChange =
    change === null || settings.measure.unit === 'percent' || previous.value === 0 || previous.value === null
      ? null
      : (change / Math.abs(previous.value)) * 100;
  const acrossBreaks =
    breaks.length === 0 ? [] : breaks.filter((b) => b > span.from && b <= span.to).map(monthFromIndex);
  return {
    current,
    previous,
    change,
    percentChange,
    movement: movementOf(change, settings.measure.better),
    acrossBreaks,
  };
}

/** The first month of the financial year that `month` falls in. */
export function yearStartOf(month: ReportingMonth, yearStartMonth: ReportingMonth): ReportingMonth {
  const m = monthIndex(month);
  const offset = ((((m % 12) - (monthIndex(yearStartMonth) % 12)) % 12) + 12) % 12;
  return monthFromIndex(m - offset);
}

export function indicatorComparisons(
  figures: IndicatorFigures,
  settings: ComparisonSettings,
  month: ReportingMonth,
): IndicatorComparisons {
  const base = monthIndex(figures.firstMonth);
  const scale = ratioScale(settings.measure);
  const period = (first: number, last: number) => periodAt(figures, base, scale, first, last);
  const breaks =
    settings.breaks === undefined || settings.breaks.length === 0
      ? []
      : [...new Set(settings.breaks.map(monthIndex))].sort((a, b) => a - b);
  const m = monthIndex(month);
  const yearStart = monthIndex(yearStartOf(month, settings.yearStartMonth));
  const thisMonth = period(m, m);
  const across = (from: number) => ({ from, to: m });
  return {
    month,
    thisMonth,
    sameMonthLastYear: compare(thisMonth, period(m - 12, m - 12), across(m - 12), settings, breaks),
    rolling12: compare(period(m - 11, m), period(m - 23, m - 12), across(m - 23), settings, breaks),
    yearToDate: compare(
      period(yearStart, m),
      period(yearStart - 12, m - 12),
      across(yearStart - 12),
      settings,
      breaks,
    ),
  };
}

/** How many months a period covers, for words such as "April to September (6 months)". */
export function periodLength(period: Pick<PeriodFigure, 'first' | 'last'>): number {
  return monthsBetween(period.first, period.last).length;
}
