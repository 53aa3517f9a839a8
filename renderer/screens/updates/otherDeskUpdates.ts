// Monthly updates another desk changed while this one has the strand open. The grid is read
// again at once; a row the person is writing (an unsaved edit, or the cursor in its fields) keeps
// what they typed and the version they started from, and the notice offers the other desk's.
import { useEffect } from 'react';
import type { Update } from '../../../shared/domain';
import type { UpdatesGrid } from '../../../shared/contract';
import { STATUS_LABELS } from '../../../shared/status';
import { call } from '../../api';
import { draftKey, fieldsOf, sameFields } from '../../state/draftFields';
import { useDrafts } from '../../state/drafts';
import { useExternalChanges } from '../../state/externalChanges';
import { latestChange, useOtherDesk } from '../../state/otherDesk';
import { useUpdatesGrid } from '../../state/updatesGrid';

const SOURCE = 'monthly-updates';

function sameUpdate(a: Update | null, b: Update | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.id === b.id &&
    a.revision === b.revision &&
    a.state === b.state &&
    a.author === b.author &&
    sameFields(fieldsOf(a), fieldsOf(b))
  );
}

/** The row whose fields hold the cursor, by its draft key; null when the cursor is elsewhere. */
function rowBeingTyped(grid: UpdatesGrid, active: number): string | null {
  const inFields = document.activeElement?.closest('.update-fields');
  const row = grid.rows[active];
  return inFields && row ? draftKey(row.objective.ref, grid.month) : null;
}

function otherLines(other: Update): [string, string][] {
  const lines: [string, string][] = [
    ['Status', STATUS_LABELS[other.status]],
    ['Narrative', other.narrative],
    ['Next steps', other.nextSteps],
    ['Risks and issues', other.risks],
  ];
  if (other.metricActual !== null) lines.push(['Actual this month', String(other.metricActual)]);
  return lines;
}

async function tell(ref: string, month: string, other: Update): Promise<void> {
  const key = draftKey(ref, month);
  const entry = await latestChange(['update'], key).catch(() => null);
  useOtherDesk.getState().raise({
    source: SOURCE,
    what: ref,
    by: entry?.actor ?? other.author,
    at: entry?.at ?? null,
    other: {
      lines: otherLines(other),
      // Theirs is saved already: this desk's unsaved edits go, and its fields show theirs.
      use: () => useDrafts.getState().takeTheirs(key, other),
    },
  });
}

/** Reads the open strand's grid again, keeping the rows the person is writing as they are. */
async function refreshGrid(): Promise<void> {
  const start = useUpdatesGrid.getState();
  if (!start.grid) return;
  const { month } = start.grid;
  const fresh = await call('updates.grid', { strandNumber: start.grid.strand.number, month });
  const now = useUpdatesGrid.getState();
  if (now.key !== start.key || !now.grid || now.grid.month !== month) return;
  const { edits, states } = useDrafts.getState();
  const typing = rowBeingTyped(now.grid, now.active);
  const shown = new Map(now.grid.rows.map((r) => [r.objective.ref, r.working]));
  const kept: Update[] = [];
  const rows = fresh.rows.map((row) => {
    const key = draftKey(row.objective.ref, month);
    const before = shown.get(row.objective.ref);
    if (before === undefined || sameUpdate(before, row.working)) return row;
    // This desk's own save on its way: its answer brings the same row.
    if (states[key]?.state === 'saving') return row;
    if (!edits[key] && key !== typing) return row;
    if (row.working) kept.push(row.working);
    return { ...row, working: before };
  });
  useUpdatesGrid.setState({ grid: { ...fresh, rows } });
  const active = now.grid.rows[now.active]?.objective.ref;
  const first = kept.find((u) => u.ref === active) ?? kept[0];
  if (first) await tell(first.ref, month, first);
}

/** The updates screen's one line: other desks' changes to updates and the plan come in here. */
export function useOtherDeskUpdates(): void {
  useExternalChanges(['update', 'objective', 'plan'], refreshGrid, { editing: () => false });
  useEffect(() => () => useOtherDesk.getState().clear(SOURCE), []);
}
