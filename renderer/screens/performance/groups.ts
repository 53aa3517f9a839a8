// Indicators grouped as the plan groups them: each key outcome, then each strand's success measures,
// then any the secretariat added under neither.
import type { PlanDetail } from '../../../shared/contract';
import type { IndicatorView } from '../../../shared/contractIndicators';
import type { GridGroup } from '../../state/figureGrid';

export interface IndicatorGroup<T> {
  id: string;
  title: string;
  /** The grid of figures this group's indicators are entered in; null for the ungrouped. */
  grid: GridGroup | null;
  items: T[];
}

/** The group an indicator is listed and entered under: its key outcome first, else its strand. */
export function groupOf(indicator: Pick<IndicatorView, 'outcome' | 'strand'>): GridGroup | null {
  if (indicator.outcome !== null) return { kind: 'outcome', number: indicator.outcome };
  if (indicator.strand !== null) return { kind: 'strand', number: indicator.strand };
  return null;
}

export function groupTitle(group: GridGroup | null, plan: PlanDetail | null): string {
  if (group === null) return 'Other indicators';
  if (group.kind === 'outcome') {
    const text = plan?.outcomes.find((o) => o.number === group.number)?.text;
    return `Key outcome ${group.number}${text ? `: ${text}` : ''}`;
  }
  const title = plan?.strands.find((s) => s.number === group.number)?.title;
  return `Strand ${group.number}${title ? `: ${title}` : ''}`;
}

export function groupIndicators<T>(
  items: readonly T[],
  indicatorOf: (item: T) => IndicatorView,
  plan: PlanDetail | null,
): IndicatorGroup<T>[] {
  const groups = new Map<string, IndicatorGroup<T>>();
  for (const item of items) {
    const grid = groupOf(indicatorOf(item));
    const id = grid === null ? 'other' : `${grid.kind}-${grid.number}`;
    const found = groups.get(id) ?? { id, title: groupTitle(grid, plan), grid, items: [] };
    found.items.push(item);
    groups.set(id, found);
  }
  const order = (g: IndicatorGroup<T>) =>
    g.grid === null ? 3e6 : (g.grid.kind === 'outcome' ? 0 : 1e6) + g.grid.number;
  return [...groups.values()].sort((a, b) => order(a) - order(b));
}
