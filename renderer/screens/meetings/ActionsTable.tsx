// Board actions with their derived status (open, overdue, complete) in colour and word, and a
// button to complete or reopen each.
import type { BoardAction } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { call } from '../../api';
import { showError, useNotices } from '../../state/notices';
import { TableScroll } from '../../components/TableScroll';

const LABELS = { open: 'Open', overdue: 'Overdue', complete: 'Complete' } as const;

export function ActionsTable({
  actions,
  labelledBy,
  onChanged,
}: {
  actions: BoardAction[];
  labelledBy: string;
  onChanged(): Promise<void>;
}) {
  const show = useNotices((s) => s.show);
  async function toggle(a: BoardAction) {
    try {
      const status = a.status === 'complete' ? 'open' : 'complete';
      await call('actions.update', { ref: a.ref, status });
      show('success', `Action ${a.ref} ${status === 'complete' ? 'completed' : 'reopened'}.`);
      await onChanged();
    } catch (e) {
      showError(e);
    }
  }
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
            <tr key={a.ref} id={`action-${a.ref}`} tabIndex={-1}>
              <td className="ref nowrap">{a.ref}</td>
              <td>
                {a.description}
                {a.updates.length > 0 && (
                  <div className="small muted">Latest: {a.updates[a.updates.length - 1].text}</div>
                )}
              </td>
              <td>{a.owner}</td>
              <td className="nowrap">{a.dueDate ? dateLabel(a.dueDate) : '—'}</td>
              <td>
                <span className={`action-status action-${a.shownStatus}`}>{LABELS[a.shownStatus]}</span>
              </td>
              <td>
                <button type="button" className="button-quiet" onClick={() => toggle(a)}>
                  {a.status === 'complete' ? 'Reopen' : 'Mark complete'}
                  <span className="visually-hidden"> {a.ref}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
