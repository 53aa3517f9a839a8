// An objective's status month by month: a box per month in the status colour with its letter
// (C, G, A, R, N), a hollow box for No update, so it reads without colour too. A list, so a screen
// reader hears "September 2007: Amber" for each month.
import type { StatusStrip as Strip } from '../../shared/contract';
import { monthLabel } from '../../shared/months';
import { STATUS_LABELS } from '../../shared/status';
import { STATUS_STRIP_LETTERS } from '../../shared/statusStrip';

export function StatusStrip({ strip, label }: { strip: Strip; label: string }) {
  if (strip.months.length === 0) return null;
  return (
    <ol className="status-strip" aria-label={label} data-testid="status-strip">
      {strip.months.map((m) => (
        <li
          key={m.month}
          className={`strip-month strip-${m.status}`}
          title={`${monthLabel(m.month)}: ${STATUS_LABELS[m.status]}`}
        >
          <span className="strip-box" aria-hidden="true">
            {STATUS_STRIP_LETTERS[m.status]}
          </span>
          <span className="strip-month-name" aria-hidden="true">
            {monthLabel(m.month).slice(0, 3)}
          </span>
          <span className="visually-hidden">
            {monthLabel(m.month)}: {STATUS_LABELS[m.status]}
          </span>
        </li>
      ))}
    </ol>
  );
}
