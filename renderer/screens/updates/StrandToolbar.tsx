// Choose the strand, and act on the whole strand at once: submit every ready draft (lead) or accept
// every submitted update (secretariat).
import { useState } from 'react';
import { useApp } from '../../state/app';
import { useNotices } from '../../state/notices';
import type { RowView } from './rowView';
import { acceptAll, submitAll } from './workflow';
import { GRID_ID } from './GridTable';
import { CarryForwardStrand } from './CarryForward';

interface Props {
  strandNumber: number;
  month: string | null;
  views: RowView[];
  onStrand(n: number): void;
}

export function StrandToolbar({ strandNumber, month, views, onStrand }: Props) {
  const plan = useApp((s) => s.plan);
  const show = useNotices((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<string[]>([]);
  const drafts = views.filter((v) => v.state === 'draft' || v.state === 'returned').length;
  const submitted = views.filter((v) => v.state === 'submitted').length;
  const done = views.filter((v) => v.state === 'submitted' || v.state === 'accepted').length;

  async function onSubmitAll() {
    if (!month) return;
    setBusy(true);
    const result = await submitAll(views, month);
    setBusy(false);
    setRefusals(result.refused);
    focusGridIfNone(result.refused.length);
    show(
      result.refused.length ? 'info' : 'success',
      `${result.submitted} updates submitted${result.refused.length ? `; ${result.refused.length} held back` : ''}.`,
    );
  }

  async function onAcceptAll() {
    if (!month) return;
    setBusy(true);
    const result = await acceptAll(views, month);
    setBusy(false);
    setRefusals(result.failed);
    focusGridIfNone(result.failed.length);
    show('success', `${result.accepted} updates accepted.`);
  }

  return (
    <div className="strand-toolbar">
      <div className="field-inline">
        <label htmlFor="strand-select">Strand</label>
        <select id="strand-select" value={strandNumber} onChange={(e) => onStrand(Number(e.target.value))}>
          {plan?.strands.map((s) => (
            <option key={s.number} value={s.number}>
              {s.number}. {s.title}
              {s.operation ? ` (${s.operation})` : ''}
            </option>
          ))}
        </select>
      </div>
      <span className="muted small" data-testid="strand-progress">
        {done} of {views.length} submitted or accepted
      </span>
      <div className="button-row toolbar-actions">
        <button type="button" className="button" disabled={busy || drafts === 0} onClick={onSubmitAll}>
          Submit all drafts ({drafts})
        </button>
        <button type="button" className="button" disabled={busy || submitted === 0} onClick={onAcceptAll}>
          Accept all submitted ({submitted})
        </button>
        <CarryForwardStrand strandNumber={strandNumber} month={month} views={views} />
      </div>
      {refusals.length > 0 && (
        <div className="error-message toolbar-refusals" role="alert">
          <p>Not submitted:</p>
          <ul>
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The bulk button just used is disabled once nothing is left for it: continue in the grid. */
function focusGridIfNone(refused: number): void {
  if (refused === 0) document.getElementById(GRID_ID)?.focus();
}
