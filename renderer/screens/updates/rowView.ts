// What one grid row shows: the person's unsaved edit if there is one, else the saved revision,
// and the flags derived from it (narrative missing, workflow state in words).
import type { GridRow } from '../../../shared/contract';
import type { WorkflowState } from '../../../shared/domain';
import { needsNarrative, STATUS_LABELS } from '../../../shared/status';
import { draftKey, fieldsOf, type DraftFields } from '../../state/draftFields';

export interface RowView {
  key: string;
  row: GridRow;
  fields: DraftFields;
  unsaved: boolean;
  state: WorkflowState | null;
  narrativeMissing: boolean;
}

export const STATE_LABELS: Record<WorkflowState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  accepted: 'Accepted',
  returned: 'Returned',
};

export function rowView(row: GridRow, month: string, edits: Record<string, DraftFields>): RowView {
  const key = draftKey(row.objective.ref, month);
  const edit = edits[key];
  const fields = edit ?? fieldsOf(row.working);
  return {
    key,
    row,
    fields,
    unsaved: edit !== undefined,
    state: edit !== undefined && row.working?.state !== 'draft' ? 'draft' : (row.working?.state ?? null),
    narrativeMissing: fields.status !== null && needsNarrative(fields.status) && !fields.narrative.trim(),
  };
}

/** Why this row cannot be submitted, in the person's words; null when it can. */
export function submitProblem(view: RowView): string | null {
  const ref = view.row.objective.ref;
  if (!view.fields.status) return `${ref} has no status yet: choose one (keys 1–5) before submitting.`;
  if (view.narrativeMissing) {
    const label = STATUS_LABELS[view.fields.status];
    return `${ref} is ${label}: a ${label} update needs a narrative saying why and what is being done. Write it, then submit.`;
  }
  if (view.state !== 'draft' && view.state !== 'returned') return `${ref} has nothing new to submit.`;
  return null;
}

const cache = new WeakMap<GridRow, { edit: DraftFields | undefined; view: RowView }>();

/** rowView, reusing the previous object while the row and its edit are unchanged, so rows memoise. */
export function cachedRowView(row: GridRow, month: string, edits: Record<string, DraftFields>): RowView {
  const edit = edits[draftKey(row.objective.ref, month)];
  const hit = cache.get(row);
  if (hit && hit.edit === edit) return hit.view;
  const view = rowView(row, month, edits);
  cache.set(row, { edit, view });
  return view;
}
