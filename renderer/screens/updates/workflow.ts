// Submit, accept and return: each waits for any pending autosave of the row, then asks the
// handler, then refreshes the grid so what the board sees is what the database says.
import { call } from '../../api';
import { useDrafts } from '../../state/drafts';
import { messageOf, useNotices } from '../../state/notices';
import { useUpdatesGrid } from '../../state/updatesGrid';
import { submitProblem, type RowView } from './rowView';

const NOT_SAVED = 'The latest changes are not saved yet, so nothing was submitted. Try again in a moment.';

export const RETURN_NEEDS_REASON =
  'Say why the update is being returned, so the strand lead knows what to change.';

export type Outcome = { ok: true } | { ok: false; message: string };

export async function submitRow(view: RowView, month: string): Promise<Outcome> {
  const problem = submitProblem(view);
  if (problem) return { ok: false, message: problem };
  try {
    await useDrafts.getState().flush(view.key);
    if (useDrafts.getState().edits[view.key]) return { ok: false, message: NOT_SAVED };
    await call('updates.submit', { ref: view.row.objective.ref, month });
    await useUpdatesGrid.getState().reload();
    useNotices.getState().show('success', `${view.row.objective.ref} submitted.`);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

export async function acceptRow(ref: string, month: string): Promise<Outcome> {
  try {
    await call('updates.accept', { ref, month });
    await useUpdatesGrid.getState().reload();
    useNotices.getState().show('success', `${ref} accepted.`);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

export async function returnRow(ref: string, month: string, comment: string): Promise<Outcome> {
  if (!comment.trim()) return { ok: false, message: RETURN_NEEDS_REASON };
  try {
    await call('updates.return', { ref, month, comment });
    await useUpdatesGrid.getState().reload();
    useNotices.getState().show('success', `${ref} returned to the strand lead.`);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** Submits every row that is ready; says which were held back and why. */
export async function submitAll(
  views: RowView[],
  month: string,
): Promise<{ submitted: number; refused: string[] }> {
  await useDrafts.getState().flush();
  const unsaved = useDrafts.getState().edits;
  const ready = views.filter((v) => v.state === 'draft' || v.state === 'returned');
  const refused: string[] = [];
  let submitted = 0;
  for (const view of ready) {
    const problem =
      submitProblem(view) ?? (unsaved[view.key] ? `${view.row.objective.ref}: ${NOT_SAVED}` : null);
    if (problem) {
      refused.push(problem);
      continue;
    }
    try {
      await call('updates.submit', { ref: view.row.objective.ref, month });
      submitted += 1;
    } catch (error) {
      refused.push(messageOf(error));
    }
  }
  await useUpdatesGrid.getState().reload();
  return { submitted, refused };
}

export async function acceptAll(
  views: RowView[],
  month: string,
): Promise<{ accepted: number; failed: string[] }> {
  const waiting = views.filter((v) => v.state === 'submitted' && !v.unsaved);
  const failed: string[] = [];
  let accepted = 0;
  for (const view of waiting) {
    try {
      await call('updates.accept', { ref: view.row.objective.ref, month });
      accepted += 1;
    } catch (error) {
      failed.push(messageOf(error));
    }
  }
  await useUpdatesGrid.getState().reload();
  return { accepted, failed };
}
