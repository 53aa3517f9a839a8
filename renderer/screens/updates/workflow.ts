// Submit, accept and return: each waits for any pending autosave of the row, then asks the
// handler, then refreshes the grid so what the board sees is what the database says. Each names the
// version the person saw; one another desk has changed since is refused, and the grid then shows it.
import { ApiError, call } from '../../api';
import { useDrafts } from '../../state/drafts';
import { messageOf, useNotices } from '../../state/notices';
import { useUpdatesGrid } from '../../state/updatesGrid';
import { submitProblem, type RowView } from './rowView';

const NOT_SAVED = 'The latest changes are not saved yet, so nothing was submitted. Try again in a moment.';
const CHOOSE_FIRST =
  'Another desk changed this update while you were writing: choose which version to keep, then submit.';

/** The version of an update the grid holds now (after a save this window made, say). */
function versionHeld(ref: string): number | undefined {
  return useUpdatesGrid.getState().grid?.rows.find((r) => r.objective.ref === ref)?.working?.version;
}

/** A refusal's sentence; after an edit conflict the grid is read again, to show what the other desk did. */
async function refusal(error: unknown): Promise<Outcome> {
  if (error instanceof ApiError && error.code === 'edit_conflict') await useUpdatesGrid.getState().reload();
  return { ok: false, message: messageOf(error) };
}

export const RETURN_NEEDS_REASON =
  'Say why the update is being returned, so the strand lead knows what to change.';

export type Outcome = { ok: true } | { ok: false; message: string };

export async function submitRow(view: RowView, month: string): Promise<Outcome> {
  const problem = submitProblem(view);
  if (problem) return { ok: false, message: problem };
  const ref = view.row.objective.ref;
  try {
    await useDrafts.getState().flush(view.key);
    if (useDrafts.getState().conflicts[view.key]) return { ok: false, message: CHOOSE_FIRST };
    if (useDrafts.getState().edits[view.key]) return { ok: false, message: NOT_SAVED };
    await call('updates.submit', { ref, month, baseVersion: versionHeld(ref) });
    await useUpdatesGrid.getState().reload();
    useNotices.getState().show('success', `${ref} submitted.`);
    return { ok: true };
  } catch (error) {
    return refusal(error);
  }
}

export async function acceptRow(ref: string, month: string, baseVersion?: number): Promise<Outcome> {
  try {
    await call('updates.accept', { ref, month, baseVersion });
    await useUpdatesGrid.getState().reload();
    useNotices.getState().show('success', `${ref} accepted.`);
    return { ok: true };
  } catch (error) {
    return refusal(error);
  }
}

export async function returnRow(
  ref: string,
  month: string,
  comment: string,
  baseVersion?: number,
): Promise<Outcome> {
  if (!comment.trim()) return { ok: false, message: RETURN_NEEDS_REASON };
  try {
    await call('updates.return', { ref, month, comment, baseVersion });
    await useUpdatesGrid.getState().reload();
    useNotices.getState().show('success', `${ref} returned to the strand lead.`);
    return { ok: true };
  } catch (error) {
    return refusal(error);
  }
}

/** Submits every row that is ready; says which were held back and why. */
export async function submitAll(
  views: RowView[],
  month: string,
): Promise<{ submitted: number; refused: string[] }> {
  await useDrafts.getState().flush();
  const { edits: unsaved, conflicts } = useDrafts.getState();
  const ready = views.filter((v) => v.state === 'draft' || v.state === 'returned');
  const refused: string[] = [];
  let submitted = 0;
  for (const view of ready) {
    const ref = view.row.objective.ref;
    const problem =
      submitProblem(view) ??
      (conflicts[view.key] ? `${ref}: ${CHOOSE_FIRST}` : null) ??
      (unsaved[view.key] ? `${ref}: ${NOT_SAVED}` : null);
    if (problem) {
      refused.push(problem);
      continue;
    }
    try {
      await call('updates.submit', { ref, month, baseVersion: versionHeld(ref) });
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
      await call('updates.accept', {
        ref: view.row.objective.ref,
        month,
        baseVersion: view.row.working?.version,
      });
      accepted += 1;
    } catch (error) {
      failed.push(messageOf(error));
    }
  }
  await useUpdatesGrid.getState().reload();
  return { accepted, failed };
}
