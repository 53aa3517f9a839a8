// Objectives by strand and theme, with search and filters (strand, theme, year, status, no update),
// and the plan's edits: add, reword, retire (asking first) and un-retire.
import { useState } from 'react';
import type { ObjectiveWithStatus, PlanDetail } from '../../../shared/contract';
import type { PlanYear, ReportedStatus } from '../../../shared/domain';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { EmptyState, ErrorMessage, Loading } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { useResource } from '../../state/resource';
import { messageOf, useNotices } from '../../state/notices';
import { useSession } from '../../state/session';
import { ObjectiveFilters, type Filters } from './ObjectiveFilters';
import { ObjectiveForm } from './ObjectiveForm';
import { RetireForm } from './RetireForm';
import { TableScroll } from '../../components/TableScroll';
import { useExternalChanges } from '../../state/externalChanges';

type Editing =
  | { kind: 'add' }
  | { kind: 'reword'; objective: ObjectiveWithStatus }
  | { kind: 'retire'; objective: ObjectiveWithStatus }
  | null;

export function ObjectivesView({ plan }: { plan: PlanDetail }) {
  const month = useSession((s) => s.month);
  const [filters, setFilters] = useState<Filters>({ text: '', strand: '', theme: '', year: '', status: '' });
  const [editing, setEditing] = useState<Editing>(null);
  const [showRetired, setShowRetired] = useState(false);
  const key = JSON.stringify({ month, filters, showRetired });
  const list = useResource(
    key,
    month
      ? () =>
          call('plan.objectives', {
            month,
            text: filters.text || undefined,
            strandNumber: filters.strand ? Number(filters.strand) : undefined,
            themeCode: filters.theme || undefined,
            year: (filters.year || undefined) as PlanYear | undefined,
            status: (filters.status || undefined) as ReportedStatus | undefined,
            includeRetired: showRetired,
          })
      : null,
  );

  // The statuses shown are this month's updates; the rest is the plan. The plan itself (strands,
  // themes) is read again by the application frame.
  useExternalChanges(['objective', 'update', 'plan'], list.reload);

  async function done() {
    setEditing(null);
    await list.reload();
  }

  const objectives = list.data?.objectives ?? [];
  const titles = new Map(plan.strands.map((s) => [s.number, s.title]));
  return (
    <div>
      <ObjectiveFilters plan={plan} filters={filters} onChange={setFilters} />
      <div className="button-row list-head">
        <p className="muted" role="status">
          {list.data
            ? `${objectives.length} objectives${month ? `, status for ${monthLabel(month)}` : ''}`
            : ''}
        </p>
        <label>
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />{' '}
          Show retired objectives
        </label>
        <button type="button" className="button" onClick={() => setEditing({ kind: 'add' })}>
          Add an objective
        </button>
      </div>
      {editing?.kind === 'add' && (
        <ObjectiveForm plan={plan} onDone={done} onCancel={() => setEditing(null)} />
      )}
      <ErrorMessage text={list.error} />
      {!list.data && !list.error && <Loading what="objectives" />}
      {list.data && objectives.length === 0 && (
        <EmptyState title="No objective matches">
          <p>Clear a filter or search for other words.</p>
        </EmptyState>
      )}
      {objectives.length > 0 && (
        <TableScroll label="Objectives">
          <table className="objectives-table">
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">Objective</th>
                <th scope="col">Theme</th>
                <th scope="col">Year</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {objectives.map((o, i) => (
                <ObjectiveRow
                  key={o.ref}
                  objective={o}
                  strandTitle={
                    objectives[i - 1]?.strandNumber !== o.strandNumber
                      ? titles.get(o.strandNumber)
                      : undefined
                  }
                  editing={editing}
                  plan={plan}
                  month={month}
                  onEdit={setEditing}
                  onDone={done}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

interface RowProps {
  objective: ObjectiveWithStatus;
  strandTitle?: string;
  editing: Editing;
  plan: PlanDetail;
  month: string | null;
  onEdit(e: Editing): void;
  onDone(): Promise<void>;
}

/** Whether an objective reports in a month: from its start month until before its retirement. */
function reportsIn(o: ObjectiveWithStatus, month: string | null): boolean {
  if (!month) return true;
  return o.startMonth <= month && (o.retiredFrom === null || o.retiredFrom > month);
}

function ObjectiveRow({ objective: o, strandTitle, editing, plan, month, onEdit, onDone }: RowProps) {
  const show = useNotices((s) => s.show);
  async function unretire() {
    try {
      await call('plan.unretireObjective', { ref: o.ref });
      show('success', `${o.ref} un-retired: it reports again from ${monthLabel(o.startMonth)}.`);
      await onDone();
    } catch (e) {
      show('error', messageOf(e));
    }
  }
  const mine = editing && editing.kind !== 'add' && editing.objective.ref === o.ref ? editing.kind : null;
  return (
    <>
      {strandTitle && (
        <tr className="group-row">
          <th scope="rowgroup" colSpan={6}>
            Strand {o.strandNumber}: {strandTitle}
          </th>
        </tr>
      )}
      <tr id={`objective-${o.ref}`} tabIndex={-1} className={o.retired ? 'retired' : undefined}>
        <td className="ref">{o.ref}</td>
        <td>
          {o.text}
          {o.targetText && <div className="small muted">Target: {o.targetText}</div>}
          {o.startMonth > plan.startMonth && (
            <div className="small muted">Reports from {monthLabel(o.startMonth)}</div>
          )}
          {o.retiredFrom && <div className="small muted">Retired from {monthLabel(o.retiredFrom)}</div>}
        </td>
        <td className="small">{o.theme}</td>
        <td className="small nowrap">{o.year ?? '—'}</td>
        <td>
          {reportsIn(o, month) ? (
            <StatusBadge status={o.status} />
          ) : (
            <span className="muted">Not reporting</span>
          )}
        </td>
        <td className="nowrap">
          <button
            type="button"
            className="button-quiet"
            onClick={() => onEdit({ kind: 'reword', objective: o })}
          >
            Reword<span className="visually-hidden"> {o.ref}</span>
          </button>
          {o.retired && (
            <button type="button" className="button-quiet" onClick={unretire}>
              Un-retire<span className="visually-hidden"> {o.ref}</span>
            </button>
          )}
          {!o.retired && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => onEdit({ kind: 'retire', objective: o })}
            >
              Retire<span className="visually-hidden"> {o.ref}</span>
            </button>
          )}
        </td>
      </tr>
      {mine && (
        <tr>
          <td colSpan={6}>
            {mine === 'reword' && (
              <ObjectiveForm plan={plan} objective={o} onDone={onDone} onCancel={() => onEdit(null)} />
            )}
            {mine === 'retire' && <RetireForm objective={o} onDone={onDone} onCancel={() => onEdit(null)} />}
          </td>
        </tr>
      )}
    </>
  );
}
