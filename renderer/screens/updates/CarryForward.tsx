// "No change since last month": last month's status recorded as this month's draft, saying so in
// the narrative (which the person may then edit), for one objective or every one of the strand.
// A draft still goes through submit and accept.
import { useState } from 'react';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { useUpdatesGrid } from '../../state/updatesGrid';
import type { RowView } from './rowView';

/** A row that can be carried: nothing written this month, something reported last month. */
export function carriable(view: RowView): boolean {
  return view.state === null && !view.unsaved && view.row.lastMonthStatus !== 'no_update';
}

interface OneProps {
  view: RowView;
  month: string;
  previousMonth: string;
  onCarried(): void;
}

export function CarryForwardButton({ view, month, previousMonth, onCarried }: OneProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = view.row.objective.ref;
  if (view.state !== null || view.unsaved) return null;
  if (view.row.lastMonthStatus === 'no_update')
    return (
      <p className="small muted" data-testid="carry-none">
        {ref} had no update in {monthLabel(previousMonth)}, so there is nothing to carry forward.
      </p>
    );

  async function carry() {
    setBusy(true);
    try {
      const update = await call('updates.carryForward', { ref, month });
      useUpdatesGrid.getState().patchWorking(update);
      setError(null);
      useNotices
        .getState()
        .show('success', `${ref}: “${update.narrative}” saved as a draft. Edit it if need be, then submit.`);
      onCarried();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="carry-forward">
      <button type="button" className="button" disabled={busy} onClick={() => void carry()}>
        No change since {monthLabel(previousMonth)}
      </button>
      <ErrorMessage text={error} />
    </div>
  );
}

interface StrandProps {
  strandNumber: number;
  month: string | null;
  views: RowView[];
}

export function CarryForwardStrand({ strandNumber, month, views }: StrandProps) {
  const [busy, setBusy] = useState(false);
  const [skipped, setSkipped] = useState<{ ref: string; reason: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const count = views.filter(carriable).length;

  async function carryAll() {
    if (!month) return;
    setBusy(true);
    try {
      const result = await call('updates.carryForwardStrand', { strandNumber, month });
      await useUpdatesGrid.getState().reload();
      setSkipped(result.skipped);
      setError(null);
      useNotices
        .getState()
        .show(
          'success',
          `${result.carried.length} objectives carried forward as drafts${result.skipped.length ? `; ${result.skipped.length} not carried (listed)` : ''}.`,
        );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" disabled={busy || count === 0} onClick={() => void carryAll()}>
        No change since last month, for the strand ({count})
      </button>
      <ErrorMessage text={error} />
      {skipped.length > 0 && (
        <details className="toolbar-refusals" data-testid="carry-skipped">
          <summary>Not carried forward ({skipped.length})</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.ref}>{s.reason}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
