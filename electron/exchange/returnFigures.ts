// The secretariat takes in a return's figures: each checked against the request it answers and the
// indicator here (refused in words otherwise), previewed beside the figure held here, and, once
// accepted, recorded with source "exchange". A figure changed here after the request went out is a
// conflict, unless both sides now say the same.
import { BoardPackError } from '../../shared/errors';
import type { FigureSource } from '../../shared/contractIndicators';
import { figureProblem } from '../store/indicators';
import type { ExchangeRequest, FigureBaseline } from '../store/exchange';
import type { StoreTx } from '../store/store';
import { figureKey, sameFigureValues } from './figures';
import { refusedFile } from './format';
import type { ReturnFigure, ReturnPayload } from './schemas';

export const FIGURE_REJECT_ACTION = 'exchange.figure.reject';

export interface IncomingFigure {
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
  savedAt: string;
}

export interface CurrentFigure extends Omit<IncomingFigure, 'savedAt'> {
  revision: number;
  source: FigureSource;
  author: string;
}

export interface FigurePreviewItem {
  /** "S1.M2@2007-10": the name a decision gives it. */
  key: string;
  ref: string;
  indicator: string;
  month: string;
  incoming: IncomingFigure;
  /** The figure held here now; null when there is none. */
  current: CurrentFigure | null;
  /** Changed here after the request went out, and different from the lead's: keep ours or take theirs. */
  conflict: boolean;
}

function listed(items: readonly string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', ');
}

function repeatedKeys(figures: readonly ReturnFigure[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const f of figures) {
    const key = figureKey(f.ref, f.month);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return [...repeated];
}

/**
 * Refuses, in words, a return whose figures the request did not ask for or that do not fit the
 * indicator here; answers the figures and the baseline they are compared with.
 */
export async function checkReturnFigures(
  store: StoreTx,
  path: string,
  p: ReturnPayload,
  request: ExchangeRequest,
): Promise<{ figures: ReturnFigure[]; baseline: FigureBaseline | null }> {
  const figures = p.figures ?? [];
  const baseline = request.figureBaseline;
  if (figures.length === 0) return { figures, baseline };
  if (baseline === null)
    throw refusedFile(path, 'it holds figures, but the request it answers carried no indicators.');
  const asked = new Set(baseline.refs);
  const stray = [...new Set(figures.filter((f) => !asked.has(f.ref)).map((f) => f.ref))];
  if (stray.length)
    throw refusedFile(path, `it holds figures for indicators the request did not carry: ${listed(stray)}.`);
  const outside = figures.find((f) => f.month < baseline.from || f.month > p.month);
  if (outside)
    throw refusedFile(
      path,
      `it holds a figure for ${outside.ref} in ${outside.month}, outside the months the request asked about (${baseline.from} to ${p.month}).`,
    );
  const repeated = repeatedKeys(figures);
  if (repeated.length) throw refusedFile(path, `it holds more than one figure for ${listed(repeated)}.`);
  const indicators = new Map(
    (await store.indicators.list({ strandNumber: p.strandNumber, includeRetired: true })).map((i) => [
      i.ref,
      i,
    ]),
  );
  for (const f of figures) {
    const indicator = indicators.get(f.ref);
    if (!indicator)
      throw refusedFile(
        path,
        `it holds figures for ${f.ref}, which is no longer an indicator of strand ${p.strandNumber} here.`,
      );
    const problem = figureProblem(indicator, f);
    if (problem) throw refusedFile(path, `one of its figures does not fit: ${problem}`);
  }
  return { figures, baseline };
}

/** Each incoming figure beside the one held here, and whether it is a conflict. */
export async function previewFigures(
  store: StoreTx,
  figures: readonly ReturnFigure[],
  baseline: FigureBaseline | null,
): Promise<FigurePreviewItem[]> {
  if (figures.length === 0 || baseline === null) return [];
  const refs = [...new Set(figures.map((f) => f.ref))];
  const titles = new Map(
    (await store.indicators.list({ includeRetired: true })).map((i) => [i.ref, i.title]),
  );
  const held = new Map(
    (await store.indicators.currentFigures({ refs, from: baseline.from })).map((f) => [
      figureKey(f.ref, f.month),
      f,
    ]),
  );
  return figures.map((f) => {
    const key = figureKey(f.ref, f.month);
    const current = held.get(key) ?? null;
    const changedHere = (current?.revision ?? null) !== (baseline.revisions[key] ?? null);
    return {
      key,
      ref: f.ref,
      indicator: titles.get(f.ref) ?? f.ref,
      month: f.month,
      incoming: {
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
        note: f.note,
        savedAt: f.savedAt,
      },
      current:
        current === null
          ? null
          : {
              value: current.value,
              numerator: current.numerator,
              denominator: current.denominator,
              note: current.note,
              revision: current.revision,
              source: current.source,
              author: current.author,
            },
      conflict: changedHere && !(current !== null && sameFigureValues(current, f)),
    };
  });
}

export type FigureDecision = 'accept' | 'reject';

function describe(f: { value: number; numerator: number | null; denominator: number | null }): string {
  return f.numerator === null ? `${f.value}` : `${f.value} (${f.numerator} of ${f.denominator})`;
}

/** Each figure's decision: given, or accept for a figure not in conflict when accepting all. */
export function resolveFigureDecisions(
  items: readonly FigurePreviewItem[],
  given: Record<string, FigureDecision>,
  acceptAll: boolean,
): Map<string, FigureDecision> {
  const keys = new Set(items.map((i) => i.key));
  const strays = Object.keys(given).filter((key) => !keys.has(key));
  if (strays.length)
    throw new BoardPackError('invalid_input', `The return holds no figure for ${strays.join(', ')}.`);
  const decided = new Map<string, FigureDecision>();
  const conflicts: string[] = [];
  const undecided: string[] = [];
  for (const item of items) {
    const choice = given[item.key] ?? (acceptAll && !item.conflict ? 'accept' : undefined);
    if (choice) decided.set(item.key, choice);
    else if (item.conflict)
      conflicts.push(
        `${item.key}: here ${item.current ? `${describe(item.current)} (${item.current.source}, by ${item.current.author})` : 'nothing'}; from the lead ${describe(item.incoming)}`,
      );
    else undecided.push(item.key);
  }
  if (conflicts.length)
    throw new BoardPackError(
      'conflict',
      `These figures were changed here after the request went out, so choose for each whether to keep ours or take theirs: ${conflicts.join('; ')}. Nothing was changed.`,
    );
  if (undecided.length)
    throw new BoardPackError(
      'invalid_input',
      `Accept or reject each figure (or accept all): no decision for ${undecided.join(', ')}. Nothing was changed.`,
    );
  return decided;
}

/**
 * Records the accepted figures (source "exchange", by the lead, each audited as indicator.figure)
 * and audits each rejected one with the lead's figure and any reason, in the caller's transaction.
 * Answers the baseline a later return answering the same request is compared with.
 */
export async function applyFigures(
  tx: StoreTx,
  context: { p: ReturnPayload; leadName: string; actor: string; at: string; reasons: Record<string, string> },
  figures: readonly ReturnFigure[],
  decisions: Map<string, FigureDecision>,
  baseline: FigureBaseline | null,
): Promise<{ accepted: string[]; rejected: string[]; baseline: FigureBaseline | null }> {
  const { p, leadName, actor, at, reasons } = context;
  const accepted: string[] = [];
  const rejected: string[] = [];
  if (baseline === null) return { accepted, rejected, baseline };
  const revisions = { ...baseline.revisions };
  for (const f of figures) {
    const key = figureKey(f.ref, f.month);
    if (decisions.get(key) === 'reject') {
      rejected.push(key);
      await tx.audit.record(at, actor, FIGURE_REJECT_ACTION, 'indicator', key, null, {
        returnId: p.fileId,
        strand: p.strandNumber,
        month: p.month,
        reason: reasons[key]?.trim() ?? '',
        incoming: f,
      });
    } else {
      const { savedAt: _savedAt, ...figure } = f;
      await tx.indicators.setFigure({ ...figure, source: 'exchange', author: leadName }, at);
      accepted.push(key);
    }
  }
  // What this return settled is the new starting point, as for updates.
  const settled = await tx.indicators.currentFigures({
    refs: [...new Set(figures.map((f) => f.ref))],
    from: baseline.from,
  });
  const inReturn = new Set(figures.map((f) => figureKey(f.ref, f.month)));
  for (const f of settled)
    if (inReturn.has(figureKey(f.ref, f.month))) revisions[figureKey(f.ref, f.month)] = f.revision;
  return { accepted, rejected, baseline: { ...baseline, revisions } };
}
