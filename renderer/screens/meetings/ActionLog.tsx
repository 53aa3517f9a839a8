// The board's action log across all meetings, filtered by status and owner.
import { useState } from 'react';
import { call } from '../../api';
import { EmptyState, ErrorMessage, Loading } from '../../components/EmptyState';
import { hrefFor } from '../../state/route';
import { useResource } from '../../state/resource';
import { ActionsTable } from './ActionsTable';
import { useScreenTitle } from '../../state/title';
import { useExternalChanges } from '../../state/externalChanges';

export function ActionLog() {
  useScreenTitle('Action log');
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');
  const list = useResource(`actions:${status}:${owner}`, () =>
    call('actions.list', {
      status: (status || undefined) as 'open' | 'overdue' | 'complete' | undefined,
      owner: owner || undefined,
    }),
  );
  useExternalChanges(['board_action', 'meeting'], list.reload);
  return (
    <section aria-labelledby="actions-title">
      <p className="small">
        <a href={hrefFor('meetings')}>All meetings</a>
      </p>
      <div className="screen-head">
        <div>
          <h1 id="actions-title">Action log</h1>
          <p className="lede">Every action the board has raised; overdue means open and past its due date.</p>
        </div>
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Filter actions"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="actions-status">Status</label>
          <select id="actions-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            <option value="open">Open</option>
            <option value="overdue">Overdue</option>
            <option value="complete">Complete</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="actions-owner">Owner</label>
          <input id="actions-owner" type="search" value={owner} onChange={(e) => setOwner(e.target.value)} />
        </div>
      </form>
      <ErrorMessage text={list.error} />
      {!list.data && !list.error && <Loading what="actions" />}
      {list.data && list.data.length === 0 && (
        <EmptyState title="No actions match">
          <p>Actions are raised from a meeting&apos;s page. Clear the filters to see them all.</p>
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <div className="card">
          <ActionsTable actions={list.data} labelledBy="actions-title" onChanged={list.reload} />
        </div>
      )}
    </section>
  );
}
