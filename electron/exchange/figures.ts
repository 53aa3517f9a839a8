// A strand's indicators on the way out and back at the lead's end: what a request carries (the
// definitions and the secretariat's recent figures), how a lead's working copy takes them in, and
// which of the lead's figures a return carries (those that differ from what the request carried).
import type { Figure, IndicatorView } from '../../shared/contractIndicators';
import { addMonths, type ReportingMonth } from '../../shared/months';
import { figureProblem } from '../store/indicators';
import type { PlanIndicator } from '../../shared/planFile';
import type { FigureBaseline } from '../store/exchange';
import type { StoreTx } from '../store/store';
import {
  FIGURE_CONTEXT_MONTHS,
  type RequestIndicator,
  type RequestPayload,
  type ReturnFigure,
} from './schemas';

/** A figure's key in baselines, decisions and audit records: "S1.M2@2007-10". */
export function figureKey(ref: string, month: string): string {
  return `${ref}@${month}`;
}

/** The first month a request carries figures for, and a return may correct. */
export function firstFigureMonth(month: ReportingMonth): ReportingMonth {
  return addMonths(month, -FIGURE_CONTEXT_MONTHS);
}

type FigureValues = Pick<Figure, 'value' | 'numerator' | 'denominator' | 'note'>;

export function sameFigureValues(a: FigureValues, b: FigureValues): boolean {
  return (
    a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator && a.note === b.note
  );
}

function groupByRef<T extends { ref: string }>(items: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) grouped.set(item.ref, [...(grouped.get(item.ref) ?? []), item]);
  return grouped;
}

/**
 * The strand's live indicators for a request, with the secretariat's figures for the months of
 * context, and the baseline a return's figures are compared with. Demo indicators and demo
 * figures stay here: invented figures never travel. The baseline records every current figure,
 * demo ones included, so a lead's figure over a demo one is no conflict but a change here is.
 */
export async function requestIndicators(
  store: StoreTx,
  strandNumber: number,
  month: ReportingMonth,
): Promise<{ indicators: RequestIndicator[]; baseline: FigureBaseline }> {
  const from = firstFigureMonth(month);
  const held = (await store.indicators.list({ strandNumber, month })).filter((i) => !i.demo);
  const refs = held.map((i) => i.ref);
  const current = await store.indicators.currentFigures({ refs, from, to: month });
  const figures = groupByRef(current);
  const changes = groupByRef(await store.indicators.definitionChanges());
  const revisions: Record<string, number> = {};
  for (const f of current) revisions[figureKey(f.ref, f.month)] = f.revision;
  const indicators = held.map((i): RequestIndicator => ({
    ref: i.ref,
    title: i.title,
    outcome: i.outcome,
    countable: i.countable,
    unit: i.unit,
    per: i.per,
    better: i.better,
    target: i.target,
    source: i.source,
    notes: i.notes,
    definitionChanges: (changes.get(i.ref) ?? []).map((c) => ({ month: c.month, note: c.note })),
    figures: (figures.get(i.ref) ?? [])
      .filter((f) => f.source !== 'demo')
      .map((f) => ({
        month: f.month,
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
        note: f.note,
      })),
  }));
  return { indicators, baseline: { refs, from, revisions } };
}

/**
 * Why a request's figures cannot be taken in, in words (a figure that does not agree with its
 * numerator and denominator, or a count given as a ratio); null when they all fit their indicator.
 */
export function requestFigureProblem(p: RequestPayload): string | null {
  for (const indicator of p.indicators ?? []) {
    for (const figure of indicator.figures) {
      const problem = figureProblem({ ...indicator, retiredFrom: null }, figure);
      if (problem !== null) return problem;
    }
  }
  return null;
}

function planIndicatorOf(i: RequestIndicator, strand: number): PlanIndicator {
  const place = { ref: i.ref, title: i.title, outcome: i.outcome, strand, notes: i.notes };
  if (!i.countable || i.unit === null || i.better === null) return { ...place, countable: false };
  return {
    ...place,
    countable: true,
    unit: i.unit,
    ...(i.per === null ? {} : { per: i.per }),
    better: i.better,
    target: i.target,
    source: i.source,
  };
}

/** The definition fields a request may change in a working copy, as edit takes them. */
function definitionOf(i: RequestIndicator, strand: number) {
  return {
    title: i.title,
    outcome: i.outcome,
    strand,
    unit: i.unit ?? 'count',
    per: i.per,
    better: i.better ?? 'neither',
    target: i.target,
    source: i.source,
    notes: i.notes,
  };
}

function definitionDiffers(held: IndicatorView, wanted: RequestIndicator, strand: number): boolean {
  const asked = definitionOf(wanted, strand);
  return (
    JSON.stringify([held.title, held.outcome, held.strand, held.target, held.source, held.notes]) !==
      JSON.stringify([asked.title, asked.outcome, asked.strand, asked.target, asked.source, asked.notes]) ||
    (held.countable && (held.unit !== asked.unit || held.per !== asked.per || held.better !== asked.better))
  );
}

export interface IndicatorsTaken {
  /** Indicators the working copy gained (seeded or added). */
  indicatorsAdded: string[];
  /** Indicators whose definition the request changed here. */
  indicatorsChanged: string[];
  /** The secretariat's figures that became current here (source "exchange"). */
  figuresCopied: number;
}

/** Brings the definitions in line: the secretariat's are the source of truth, as for objectives. */
async function followDefinitions(
  tx: StoreTx,
  p: RequestPayload,
  asked: readonly RequestIndicator[],
  at: string,
  actor: string,
): Promise<Pick<IndicatorsTaken, 'indicatorsAdded' | 'indicatorsChanged'>> {
  const strand = p.strand.number;
  const taken = { indicatorsAdded: [] as string[], indicatorsChanged: [] as string[] };
  if ((await tx.indicators.count()) === 0) {
    await tx.indicators.seed(
      asked.map((i) => planIndicatorOf(i, strand)),
      at,
      actor,
    );
    taken.indicatorsAdded.push(...asked.map((i) => i.ref));
    return taken;
  }
  const held = new Map(
    (await tx.indicators.list({ strandNumber: strand, includeRetired: true })).map((i) => [i.ref, i]),
  );
  for (const wanted of asked) {
    const mine = held.get(wanted.ref);
    if (!mine) {
      // The secretariat adds only countable indicators (measures that are not countable come with
      // the plan, and so with the first request): one that is not countable has nothing to enter.
      if (!wanted.countable) continue;
      await tx.indicators.add({ ref: wanted.ref, ...definitionOf(wanted, strand) }, at, actor);
      taken.indicatorsAdded.push(wanted.ref);
      continue;
    }
    if (mine.retiredFrom !== null) await tx.indicators.retire(wanted.ref, null, at, actor);
    if (definitionDiffers(mine, wanted, strand)) {
      const { unit, per, better, ...rest } = definitionOf(wanted, strand);
      await tx.indicators.edit(wanted.ref, mine.countable ? { ...rest, unit, per, better } : rest, at, actor);
      taken.indicatorsChanged.push(wanted.ref);
    }
  }
  const askedRefs = new Set(asked.map((i) => i.ref));
  for (const mine of held.values()) {
    if (askedRefs.has(mine.ref) || mine.retiredFrom !== null) continue;
    // Retired at the secretariat: retired here too, unless the lead holds figures from then on.
    const later = await tx.indicators.currentFigures({ refs: [mine.ref], from: p.month });
    if (later.length === 0) await tx.indicators.retire(mine.ref, p.month, at, actor);
  }
  return taken;
}

/**
 * A working copy takes in the request's indicators: definitions, definition changes and the
 * secretariat's figures for the months of context, which become current here (source "exchange";
 * a figure the lead held that differs is kept as an earlier revision, as the board saw the
 * secretariat's). A request from before indicators travelled leaves the indicators alone.
 */
export async function takeRequestIndicators(
  tx: StoreTx,
  p: RequestPayload,
  at: string,
  actor: string,
): Promise<IndicatorsTaken> {
  const asked = p.indicators;
  if (asked === undefined) return { indicatorsAdded: [], indicatorsChanged: [], figuresCopied: 0 };
  const taken = await followDefinitions(tx, p, asked, at, actor);
  const breaks = new Set((await tx.indicators.definitionChanges()).map((c) => figureKey(c.ref, c.month)));
  let figuresCopied = 0;
  for (const indicator of asked) {
    if (!indicator.countable) continue;
    for (const change of indicator.definitionChanges) {
      if (breaks.has(figureKey(indicator.ref, change.month))) continue;
      await tx.indicators.addBreak(indicator.ref, change.month, change.note, at, p.issuedBy);
    }
    const mine = new Map(
      (
        await tx.indicators.currentFigures({
          refs: [indicator.ref],
          from: firstFigureMonth(p.month),
          to: p.month,
        })
      ).map((f) => [f.month, f]),
    );
    for (const figure of indicator.figures) {
      const held = mine.get(figure.month);
      if (held && sameFigureValues(held, figure)) continue;
      await tx.indicators.setFigure(
        { ref: indicator.ref, ...figure, source: 'exchange', author: p.issuedBy },
        at,
      );
      figuresCopied += 1;
    }
  }
  return { ...taken, figuresCopied };
}

/**
 * The lead's figures a return carries: for the request's indicators and months, each current
 * figure that differs from the one the request carried (or that the request had none for).
 */
export async function figuresToReturn(store: StoreTx, p: RequestPayload): Promise<ReturnFigure[]> {
  const asked = (p.indicators ?? []).filter((i) => i.countable);
  if (asked.length === 0) return [];
  const carried = new Map(asked.flatMap((i) => i.figures.map((f) => [figureKey(i.ref, f.month), f])));
  const mine = await store.indicators.currentFigures({
    refs: asked.map((i) => i.ref),
    from: firstFigureMonth(p.month),
    to: p.month,
  });
  return mine
    .filter((f) => {
      const sent = carried.get(figureKey(f.ref, f.month));
      return sent === undefined || !sameFigureValues(sent, f);
    })
    .map((f) => ({
      ref: f.ref,
      month: f.month,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      note: f.note,
      savedAt: f.savedAt,
    }));
}
