// One indicator's figures analysed as at a reporting month: the XmR chart per segment, its months,
// the assurance, the comparisons and the sentence that says what it shows. The screens, the pack and
// the command line all read an indicator through this, so they say the same thing.
import type { IndicatorTarget, IndicatorUnit, Better } from './indicator';
import {
  figuresFromRows,
  indicatorComparisons,
  type FigureRow,
  type IndicatorComparisons,
  type IndicatorFigures,
} from './indicatorComparisons';
import { addMonths, type ReportingMonth } from './months';
import { latestPointAt, spcChart, spcMonths, type SpcChart, type SpcMonth } from './spc';
import { rebaseWords, spcSentence } from './spcWords';

export interface SeriesIndicator {
  title: string;
  countable: boolean;
  unit: IndicatorUnit | null;
  per: number | null;
  better: Better | null;
  target: IndicatorTarget | null;
}

export interface IndicatorSeries {
  /** The month the words and comparisons are for: the asked month, else the latest with a figure. */
  month: ReportingMonth | null;
  figures: IndicatorFigures;
  chart: SpcChart | null;
  months: SpcMonth[];
  comparisons: IndicatorComparisons | null;
  sentence: string;
  caption: string;
}

/** The number a chart draws as the target: a value target; a change on a baseline has none yet. */
export function targetValue(target: IndicatorTarget | null): number | null {
  return target?.kind === 'value' ? target.value : null;
}

/**
 * The series as at `month` (every figure when unset): figures after that month are left out, as
 * a pack for that month could not have known them. A measure that is not countable has no chart.
 */
export function indicatorSeries(
  indicator: SeriesIndicator,
  rows: readonly FigureRow[],
  breaks: readonly ReportingMonth[],
  yearStartMonth: ReportingMonth,
  month?: ReportingMonth,
): IndicatorSeries {
  const title = indicator.title.replace(/\.$/, '');
  const known = month === undefined ? rows : rows.filter((r) => r.month <= month);
  const figures = figuresFromRows(known);
  const empty = { month: month ?? null, figures, chart: null, months: [], comparisons: null };
  if (!indicator.countable || indicator.unit === null || indicator.better === null) {
    const words = `${title}: not counted month by month.`;
    return { ...empty, sentence: words, caption: words };
  }
  if (known.length === 0) {
    const words = `${title}: no figures yet.`;
    return { ...empty, sentence: words, caption: words };
  }
  const chart = spcChart({
    firstMonth: figures.firstMonth,
    values: figures.values,
    better: indicator.better,
    target: targetValue(indicator.target),
    breaks,
  });
  const subject = { title, unit: indicator.unit, per: indicator.per ?? undefined };
  const at = month ?? monthOfLatest(chart);
  const measure = { unit: indicator.unit, per: indicator.per ?? undefined, better: indicator.better };
  const sentence = spcSentence(subject, chart, at ?? undefined);
  // The months and the comparisons are worked out when first read: a list of hundreds of
  // indicators reads neither, and they were most of its analysis's time and garbage.
  let months: SpcMonth[] | undefined;
  let comparisons: IndicatorComparisons | null | undefined;
  return {
    month: at,
    figures,
    chart,
    get months() {
      return (months ??= spcMonths(chart));
    },
    get comparisons() {
      if (comparisons === undefined)
        comparisons =
          at === null ? null : indicatorComparisons(figures, { measure, yearStartMonth, breaks }, at);
      return comparisons;
    },
    sentence,
    caption: [sentence, ...rebaseWords(chart)].join(' '),
  };
}

function monthOfLatest(chart: SpcChart): ReportingMonth | null {
  const i = latestPointAt(chart);
  return i === null ? null : addMonths(chart.firstMonth, i);
}
