// indicators.*: performance indicators, their monthly figures and the XmR analysis of them. The
// store keeps definitions and figures; the analysis (shared/indicatorSeries) is computed on every
// read, never stored.
import { join } from 'node:path';
import type { Figure, IndicatorView } from '../../shared/contractIndicators';
import { BoardPackError } from '../../shared/errors';
import { indicatorSeries } from '../../shared/indicatorSeries';
import { addMonths, monthIndex, monthsBetween, type ReportingMonth } from '../../shared/months';
import { ASSURANCE_LABELS, VARIATION_LABELS } from '../../shared/spcWords';
import { exportFigures, importFigures, previewFigureImport } from '../plan/spreadsheetFigures';
import { MAX_SPREADSHEET_BYTES } from '../plan/spreadsheetFile';
import type { StoreTx } from '../store/port';
import { download, inTempFolder, withUpload } from './offline';
import { actorOf } from './services';
import type { Group } from './table';

const FIGURES_UPLOAD = { maxBytes: MAX_SPREADSHEET_BYTES, what: 'figures spreadsheet', ext: '.csv' };

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const list = grouped.get(key(item));
    if (list === undefined) grouped.set(key(item), [item]);
    else list.push(item);
  }
  return grouped;
}

const byRef = <T extends { ref: string }>(items: readonly T[]) => groupBy(items, (i) => i.ref);

async function analyse(
  store: StoreTx,
  indicator: IndicatorView,
  figures: readonly Figure[],
  breaks: readonly ReportingMonth[],
  month?: ReportingMonth,
) {
  const { startMonth } = await store.plan.summary();
  return indicatorSeries(indicator, figures, breaks, startMonth, month);
}

function sparkline(
  values: readonly (number | null)[],
  firstMonth: ReportingMonth,
  last: ReportingMonth | null,
  length: number,
): { sparklineFrom: ReportingMonth | null; sparkline: (number | null)[] } {
  if (last === null || values.length === 0) return { sparklineFrom: null, sparkline: [] };
  const from = addMonths(last, 1 - length);
  const offset = monthIndex(from) - monthIndex(firstMonth);
  const line = Array.from({ length }, (_, i) => values[offset + i] ?? null);
  return { sparklineFrom: from, sparkline: line };
}

export const indicatorsHandlers: Group<'indicators'> = {
  'indicators.list': async ({ store }, input) => {
    const indicators = await store.indicators.list({
      strandNumber: input.strandNumber,
      outcome: input.outcome,
      includeRetired: input.includeRetired,
      month: input.includeRetired ? undefined : input.month,
    });
    // What was counted, not who typed it: the analysis needs no more. All indicators' figures are
    // one read; a list of some (a strand's, an outcome's) reads only theirs.
    const some = input.strandNumber !== undefined || input.outcome !== undefined;
    const refs = some ? indicators.map((i) => i.ref) : undefined;
    const figures = byRef(await store.indicators.figureValues({ refs, to: input.month }));
    const breaks = byRef(await store.indicators.definitionChanges());
    const { startMonth } = await store.plan.summary();
    return indicators.map((indicator) => {
      const series = indicatorSeries(
        indicator,
        figures.get(indicator.ref) ?? [],
        (breaks.get(indicator.ref) ?? []).map((b) => b.month),
        startMonth,
        input.month,
      );
      const at =
        series.month === null ? -1 : monthIndex(series.month) - monthIndex(series.figures.firstMonth);
      const value = series.chart?.values[at] ?? null;
      const variation = series.chart?.variation[at] ?? null;
      const assurance = series.chart?.assurance ?? null;
      return {
        indicator,
        latest:
          series.month !== null && value !== null && variation !== null
            ? { month: series.month, value, variation, variationWords: VARIATION_LABELS[variation] }
            : null,
        assurance,
        assuranceWords: assurance === null ? null : ASSURANCE_LABELS[assurance],
        ...sparkline(
          series.figures.values,
          series.figures.firstMonth,
          series.chart ? series.month : null,
          input.sparklineMonths,
        ),
        sentence: series.sentence,
      };
    });
  },

  'indicators.get': async ({ store }, { ref, month }) => {
    const indicator = await store.indicators.get(ref);
    const definitionChanges = await store.indicators.definitionChanges(ref);
    const current = await store.indicators.currentFigures({ refs: [ref] });
    const revisions = groupBy(await store.indicators.revisions(ref), (f) => f.month);
    const series = await analyse(
      store,
      indicator,
      current,
      definitionChanges.map((c) => c.month),
      month,
    );
    const assurance = series.chart?.assurance ?? null;
    return {
      indicator,
      definitionChanges: definitionChanges.map(({ ref: _ref, ...change }) => change),
      figures: current.map((f) => ({
        ...f,
        revisions: (revisions.get(f.month) ?? []).filter((r) => r.revision !== f.revision),
      })),
      month: series.month,
      months: series.months,
      assurance,
      assuranceWords: assurance === null ? null : ASSURANCE_LABELS[assurance],
      comparisons: series.comparisons,
      sentence: series.sentence,
      caption: series.caption,
    };
  },

  'indicators.add': async (services, input) =>
    await services.store.indicators.add(
      { ...input, ref: input.ref },
      services.store.now(),
      await actorOf(services),
    ),

  'indicators.edit': async (services, { ref, ...changes }) => {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    return await services.store.indicators.edit(ref, defined, services.store.now(), await actorOf(services));
  },

  'indicators.retire': async (services, { ref, fromMonth }) =>
    await services.store.indicators.retire(ref, fromMonth, services.store.now(), await actorOf(services)),

  'indicators.break': async (services, { ref, month, note }) =>
    await services.store.indicators.addBreak(ref, month, note, services.store.now(), await actorOf(services)),

  'indicators.setFigure': async (services, input) =>
    await services.store.indicators.setFigure(
      { ...input, source: 'typed', author: await actorOf(services) },
      services.store.now(),
    ),

  'indicators.grid': async ({ store }, input) => {
    const months = monthsBetween(addMonths(input.lastMonth, 1 - input.months), input.lastMonth);
    const indicators = (
      await store.indicators.list({
        strandNumber: input.strandNumber,
        outcome: input.outcome,
        month: months[0],
      })
    ).filter((i) => i.countable);
    const figures = byRef(
      await store.indicators.currentFigures({
        refs: indicators.map((i) => i.ref),
        from: months[0],
        to: input.lastMonth,
      }),
    );
    return {
      months,
      rows: indicators.map((indicator) => {
        const held = new Map((figures.get(indicator.ref) ?? []).map((f) => [f.month, f]));
        return {
          indicator,
          cells: months.map((m) => {
            const f = held.get(m);
            return f === undefined
              ? null
              : {
                  value: f.value,
                  numerator: f.numerator,
                  denominator: f.denominator,
                  note: f.note,
                  source: f.source,
                };
          }),
        };
      }),
    };
  },

  'indicators.previewImport': ({ store }, upload) =>
    withUpload(upload, FIGURES_UPLOAD, async (path) => {
      const { sha256: _sha256, ...preview } = await previewFigureImport(store, path);
      return preview;
    }),

  'indicators.import': (services, input) =>
    withUpload(input, FIGURES_UPLOAD, async (path) =>
      importFigures(services.store, { path, actor: await actorOf(services), skipBadRows: input.skipBadRows }),
    ),

  'indicators.export': ({ store }, input) =>
    inTempFolder(async (folder) => {
      if (input.from !== undefined && input.to !== undefined && input.to < input.from)
        throw new BoardPackError(
          'invalid_input',
          `The range ends (${input.to}) before it starts (${input.from}).`,
        );
      const made = await exportFigures(
        store,
        join(folder, `board-pack-indicator-figures.${input.format}`),
        input,
      );
      return { ...download(made.path), rows: made.rows };
    }),
};
