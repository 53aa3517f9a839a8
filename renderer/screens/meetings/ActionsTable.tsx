// Board actions with their derived status (open, overdue, complete) in colour and word. Each row
// opens its tracker: edit and reassign, progress notes, complete with a closing note, remove.
import { Fragment, useState } from 'react';
import type { BoardAction } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { TableScroll } from '../../components/TableScroll';
import { ActionTracker } from './ActionTracker';
import './meetings.css';

const LABELS = { open: 'Open', overdue: 'Overdue', complete: 'Complete' } as const;

/** What a row says under the action: how it was closed, or (while open) its latest progress note. */
function latest(a: BoardAction): string | null {
  if (a.status === 'complete') return a.closingNote ? `Closed: ${a.closingNote}` : null;
  const last = a.updates.at(-1);
  return last ? `Latest: ${last.text}` : null;
}

const trackerId = (ref: string) => `tracker-${ref.replace(/[^A-Za-z0-9-]/g, '-')}`;

export function ActionsTable({
  actions,
  labelledBy,
  onChanged,
}: {
  actions: BoardAction[];
  labelledBy: string;
  onChanged(): Promise<void>;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <TableScroll label="Actions">
      <table aria-labelledby={labelledBy} data-testid="actions-table">
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <Fragment key={a.ref}>
              <tr id={`action-${a.ref}`} tabIndex={-1}>
                <td className="ref nowrap">{a.ref}</td>
                <td>
                  {a.description}
                  {latest(a) && <div className="small muted">{latest(a)}</div>}
                </td>
                <td>{a.owner}</td>
                <td className="nowrap">{a.dueDate ? dateLabel(a.dueDate) : '—'}</td>
                <td>
                  <span className={`action-status action-${a.shownStatus}`}>{LABELS[a.shownStatus]}</span>
                </td>
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-expanded={open === a.ref}
                    aria-controls={open === a.ref ? trackerId(a.ref) : undefined}
                    onClick={() => setOpen(open === a.ref ? null : a.ref)}
                  >
                    {open === a.ref ? 'Close' : 'Update'}
                    <span className="visually-hidden"> action {a.ref}</span>
                  </button>
                </td>
              </tr>
              {open === a.ref && (
                <tr id={trackerId(a.ref)}>
                  <td colSpan={6}>
                    <ActionTracker
                      action={a}
                      onChanged={onChanged}
                      onRemoved={async () => {
                        setOpen(null);
                        await onChanged();
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
