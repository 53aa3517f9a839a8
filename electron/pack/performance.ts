// The pack's performance indicators: what collectPack reads from the store (each live indicator with
// its figures up to the reporting month and its definition changes), the analysis of them that the
// Performance and Exceptions sections share, and what an issued pack remembers of the figures so
// that a reissue can say which were revised.
import { z } from 'zod';
import type { IndicatorView } from '../../shared/contractIndicators';
import type { IndicatorTarget, IndicatorUnit, Better } from '../../shared/indicator';
import { indicatorSeries, type IndicatorSeries } from '../../shared/indicatorSeries';
import { addMonths, monthLabel, type ReportingMonth } from '../../shared/months';
import { latestPointAt, type Variation } from '../../shared/spc';
import type { StoreTx } from '../store/store';

export interface PackFigure {
  month: ReportingMonth;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface PackIndicator {
  ref: string;
  title: string;
  outcome: number | null;
  strand: number | null;
  countable: boolean;
  unit: IndicatorUnit | null;
  per: number | null;
  better: Better | null;
  target: IndicatorTarget | null;
  notes: string[];
  /** Months a definition change started a new segment, oldest first. */
  breaks: ReportingMonth[];
  /** Current figures up to the reporting month, oldest first. */
  figures: PackFigure[];
}

export interface PackPerformance {
  /** The plan's start month: its month of the year starts each financial year. */
  yearStartMonth: ReportingMonth;
  /** Live indicators in the plan's order. */
  indicators: PackIndicator[];
}

function packIndicator(
  indicator: IndicatorView,
  figures: PackFigure[],
  breaks: ReportingMonth[],
): PackIndicator {
  return {
    ref: indicator.ref,
    title: indicator.title,
    outcome: indicator.outcome,
    strand: indicator.strand,
    countable: indicator.countable,
    unit: indicator.unit,
    per: indicator.per,
    better: indicator.better,
    target: indicator.target,
    notes: indicator.notes,
    breaks,
    figures,
  };
}

/**
 * The live indicators with their figures up to `month`; null when no indicator has a figure for
 * that month or before, so a pack without figures has no Performance section and hashes as before.
 */
export async function collectPerformance(
  store: StoreTx,
  month: ReportingMonth,
): Promise<PackPerformance | null> {
  const figures = await store.indicators.figureValues({ to: month });
  if (figures.length === 0) return null;
  const indicators = await store.indicators.list({ month });
  const byRef = new Map<string, PackFigure[]>();
  for (const f of figures) {
    const row = { month: f.month, value: f.value, numerator: f.numerator, denominator: f.denominator };
    const list = byRef.get(f.ref);
    if (list === undefined) byRef.set(f.ref, [row]);
    else list.push(row);
  }
  const breaks = new Map<string, ReportingMonth[]>();
  for (const change of await store.indicators.definitionChanges()) {
    const list = breaks.get(change.ref) ?? [];
    list.push(change.month);
    breaks.set(change.ref, list);
  }
  const live = indicators.map((i) =>
    packIndicator(
      i,
      [...(byRef.get(i.ref) ?? [])].sort((a, b) => a.month.localeCompare(b.month)),
      [...(breaks.get(i.ref) ?? [])].sort(),
    ),
  );
  if (!live.some((i) => i.countable && i.figures.length > 0)) return null;
  const { startMonth } = await store.plan.summary();
  return { yearStartMonth: startMonth, indicators: live };
}

/** One indicator as the pack reads it: the analysis as at the reporting month, and its latest point. */
export interface AnalysedIndicator {
  indicator: PackIndicator;
  series: IndicatorSeries;
  /** The latest month with a figure at or before the reporting month, and its variation. */
  latest: { month: ReportingMonth; value: number; variation: Variation } | null;
  /** Limits of the latest point's segment rest on fewer than 12 points. */
  trial: boolean;
}

const analysed = new WeakMap<PackPerformance, AnalysedIndicator[]>();

/** Every indicator analysed as at `month`, once per model however many sections read it. */
export function analysePerformance(performance: PackPerformance, month: ReportingMonth): AnalysedIndicator[] {
  const known = analysed.get(performance);
  if (known !== undefined) return known;
  const result = performance.indicators.map((indicator): AnalysedIndicator => {
    const series = indicatorSeries(
      indicator,
      indicator.figures,
      indicator.breaks,
      performance.yearStartMonth,
      month,
    );
    const chart = series.chart;
    const at = chart === null ? null : latestPointAt(chart, month);
    const value = chart === null || at === null ? null : chart.values[at];
    const variation = chart === null || at === null ? null : chart.variation[at];
    const latest =
      chart === null || at === null || value === null || variation === null
        ? null
        : { month: addMonths(chart.firstMonth, at), value, variation };
    const trial = chart !== null && at !== null && chart.segments[chart.segmentOf[at]].trial;
    return { indicator, series, latest, trial };
  });
  analysed.set(performance, result);
  return result;
}

/** Indicators a chart can be drawn for: countable, with at least one figure. */
export function charted(all: AnalysedIndicator[]): AnalysedIndicator[] {
  return all.filter((a) => a.series.chart !== null && a.latest !== null);
}

// ── What an issued pack remembers of the figures ───────────────────────────────────────────────

/** Per indicator, its figures by month, as the pack printed them. */
export const snapshotFiguresSchema = z.record(z.string(), z.record(z.string(), z.number()));
export type SnapshotFigures = z.infer<typeof snapshotFiguresSchema>;

export function snapshotFigures(performance: PackPerformance): SnapshotFigures {
  const figures: SnapshotFigures = {};
  for (const indicator of performance.indicators) {
    if (indicator.figures.length === 0) continue;
    const months: Record<string, number> = {};
    for (const f of indicator.figures) months[f.month] = f.value;
    figures[indicator.ref] = months;
  }
  return figures;
}

function monthsList(months: string[]): string {
  const labels = months.sort().map(monthLabel);
  if (labels.length > 3) return `${labels.length} months, ${labels[0]} to ${labels.at(-1)}`;
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/** "KO1: figures revised for June 2007; added for September 2007", per indicator whose figures moved. */
export function describeFigureChanges(before?: SnapshotFigures, after?: SnapshotFigures): string[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return ['Performance: indicator figures added to the pack'];
  if (after === undefined) return ['Performance: indicator figures no longer in the pack'];
  const refs = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: string[] = [];
  for (const ref of refs) {
    const was = before[ref] ?? {};
    const now = after[ref] ?? {};
    const months = [...new Set([...Object.keys(was), ...Object.keys(now)])];
    const revised = months.filter((m) => m in was && m in now && was[m] !== now[m]);
    const added = months.filter((m) => !(m in was) && m in now);
    const removed = months.filter((m) => m in was && !(m in now));
    const parts = [
      ...(revised.length ? [`figures revised for ${monthsList(revised)}`] : []),
      ...(added.length ? [`figures added for ${monthsList(added)}`] : []),
      ...(removed.length ? [`figures removed for ${monthsList(removed)}`] : []),
    ];
    if (parts.length) changes.push(`${ref}: ${parts.join('; ')}`);
  }
  return changes;
}
