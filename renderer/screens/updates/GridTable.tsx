// The grid of a strand's objectives. Focus the grid and move with ↑/↓ or j/k; set the status with
// 1–5 or c g a r n; Enter (or e) writes the narrative; s submits the row. Esc in a text box returns here.
import { memo, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { STATUSES, type Status } from '../../../shared/domain';
import { StatusBadge } from '../../components/StatusBadge';
import {
  movementOf,
  MOVEMENT_LABELS,
  MOVEMENT_MARKS,
  STATUS_KEYS,
  STATUS_LABELS,
} from '../../../shared/status';
import { STATE_LABELS, type RowView } from './rowView';
import { useDrafts } from '../../state/drafts';

const KEY_TO_STATUS = new Map<string, Status>();
for (const status of STATUSES) {
  KEY_TO_STATUS.set(STATUS_KEYS[status].digit, status);
  KEY_TO_STATUS.set(STATUS_KEYS[status].letter, status);
}

export const GRID_ID = 'updates-grid-focus';

/** Rows drawn in the first frame after a strand switch; the rest follow in the next task. */
const FIRST_ROWS = 40;

interface Props {
  views: RowView[];
  active: number;
  strandNumber: number;
  ready: boolean;
  onActive(index: number): void;
  onStatus(view: RowView, status: Status): void;
  onEdit(): void;
  onSubmit(view: RowView): void;
}

export function GridTable({
  views,
  active,
  strandNumber,
  ready,
  onActive,
  onStatus,
  onEdit,
  onSubmit,
}: Props) {
  const activeRow = useRef<HTMLTableRowElement>(null);
  // A long strand (hundreds of objectives) is drawn in two steps so the first screenful appears at
  // once; moving past the drawn rows draws the rest immediately.
  const [drawn, setDrawn] = useState({ strand: strandNumber, rows: FIRST_ROWS });
  const limit = drawn.strand === strandNumber ? Math.max(drawn.rows, active + 1) : FIRST_ROWS;
  const complete = limit >= views.length;
  useEffect(() => {
    if (drawn.strand !== strandNumber) setDrawn({ strand: strandNumber, rows: FIRST_ROWS });
    else if (!complete) {
      const timer = window.setTimeout(() =>
        setDrawn({ strand: strandNumber, rows: Number.MAX_SAFE_INTEGER }),
      );
      return () => window.clearTimeout(timer);
    }
    return undefined;
  }, [drawn.strand, strandNumber, complete]);
  useEffect(() => {
    // Braces matter: newer Chromium returns a promise from scrollIntoView, and React would take a
    // returned value for a clean-up function.
    activeRow.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const view = views[active];
    const key = event.key.toLowerCase();
    let handled = true;
    if (key === 'arrowdown' || key === 'j') onActive(active + 1);
    else if (key === 'arrowup' || key === 'k') onActive(active - 1);
    else if (key === 'home') onActive(0);
    else if (key === 'end') onActive(views.length - 1);
    else if (key === 'enter' || key === 'e') onEdit();
    else if (key === 's' && view) onSubmit(view);
    else if (KEY_TO_STATUS.has(key) && view) onStatus(view, KEY_TO_STATUS.get(key) as Status);
    else handled = false;
    if (handled) event.preventDefault();
  }

  const current = views[active];
  return (
    <div
      id={GRID_ID}
      className="updates-grid"
      tabIndex={0}
      role="group"
      aria-label="Objectives. Use up and down arrows or j and k to move, 1 to 5 to set the status, Enter to write the narrative, s to submit."
      aria-describedby="grid-position"
      onKeyDown={onKeyDown}
      data-testid="updates-grid"
      data-strand={strandNumber}
      data-ready={ready ? 'true' : 'false'}
      data-complete={ready && complete ? 'true' : 'false'}
    >
      <p id="grid-position" className="visually-hidden" aria-live="polite">
        {current
          ? `${current.row.objective.ref}, ${current.fields.status ? STATUS_LABELS[current.fields.status] : 'no status yet'}`
          : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Objective</th>
            <th scope="col">Last month</th>
            <th scope="col">This month</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {views.slice(0, limit).map((view, index) => (
            <GridRow
              key={view.key}
              view={view}
              index={index}
              active={index === active}
              rowRef={index === active ? activeRow : undefined}
              onActive={onActive}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A worsened or improved mark beside this month's status; unchanged and new stay quiet. */
function Movement({ from, to }: { from: RowView['row']['lastMonthStatus']; to: Status }) {
  const movement = movementOf(from, to);
  if (movement !== 'worsened' && movement !== 'improved') return null;
  return (
    <span className={`movement-mark movement-${movement}`} title={MOVEMENT_LABELS[movement]}>
      <span aria-hidden="true">{MOVEMENT_MARKS[movement]}</span>
      <span className="visually-hidden">{MOVEMENT_LABELS[movement]}, now </span>
    </span>
  );
}

interface RowProps {
  view: RowView;
  index: number;
  active: boolean;
  rowRef?: RefObject<HTMLTableRowElement | null>;
  onActive(index: number): void;
}

/** " · saving" while an edit waits for the database; " · changed elsewhere" once another desk saved first. */
function UnsavedMark({ draftKey }: { draftKey: string }) {
  const conflicted = useDrafts((s) => s.conflicts[draftKey] !== undefined);
  if (conflicted) return <span className="row-conflict small"> · changed elsewhere</span>;
  return <span className="muted small"> · saving</span>;
}

/** One objective's row; memoised so typing in one update redraws only its own row. */
const GridRow = memo(function GridRow({ view, index, active, rowRef, onActive }: RowProps) {
  return (
    <tr
      ref={rowRef}
      aria-current={active ? 'true' : undefined}
      className={active ? 'row-active' : undefined}
      data-ref={view.row.objective.ref}
      onClick={() => onActive(index)}
    >
      <td className="ref">{view.row.objective.ref}</td>
      <td className="objective-text">
        <span className="clamp">{view.row.objective.text}</span>
      </td>
      <td>
        <StatusBadge status={view.row.lastMonthStatus} />
      </td>
      <td data-testid="row-status">
        {view.fields.status && <Movement from={view.row.lastMonthStatus} to={view.fields.status} />}
        {view.fields.status ? (
          <StatusBadge status={view.fields.status} />
        ) : (
          <span className="muted">
            —<span className="visually-hidden">no status chosen</span>
          </span>
        )}
        {view.narrativeMissing && <span className="pill pill-warn row-flag">Needs narrative</span>}
      </td>
      <td data-testid="row-state" className="nowrap small">
        {view.state ? (
          STATE_LABELS[view.state]
        ) : (
          <span className="muted">
            —<span className="visually-hidden">nothing written</span>
          </span>
        )}
        {view.unsaved && <UnsavedMark draftKey={view.key} />}
      </td>
    </tr>
  );
});
