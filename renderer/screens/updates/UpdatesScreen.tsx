// Monthly updates for one strand and month: the keyboard grid on the left, the active objective's
// update on the right, autosaved as a draft as the person types.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Status } from '../../../shared/domain';
import { monthLabel } from '../../../shared/months';
import { EmptyState, ErrorMessage, Loading } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { useDrafts } from '../../state/drafts';
import { hrefFor, useRoute } from '../../state/route';
import { useSession } from '../../state/session';
import { useNotices } from '../../state/notices';
import { useUpdatesGrid } from '../../state/updatesGrid';
import { GridTable } from './GridTable';
import { LastMonth } from './LastMonth';
import { CarryForwardButton } from './CarryForward';
import { RevisionHistory } from './RevisionHistory';
import { cachedRowView, type RowView } from './rowView';
import { SaveState } from './SaveState';
import { StrandToolbar } from './StrandToolbar';
import { UpdateConflict } from './UpdateConflict';
import { UpdateEditor } from './UpdateEditor';
import { WorkflowPanel } from './WorkflowPanel';
import { submitRow } from './workflow';
import { StatePill } from './StatePill';
import { useScreenTitle } from '../../state/title';
import { useOpenedRequest } from '../../state/openedRequest';
import { OpenedRequest } from '../../components/OpenedRequest';
import { useSearchTarget } from '../../state/searchTarget';
import { useOtherDeskUpdates } from './otherDeskUpdates';

export function UpdatesScreen() {
  const parts = useRoute((r) => r.parts);
  const go = useRoute((r) => r.go);
  const month = useSession((s) => s.month);
  const plan = useApp((s) => s.plan);
  // A strand lead's copy opens on the lead's own strand; the secretariat's on the first.
  const leadStrand = useApp((s) => s.leadStrands?.[0]);
  const strandNumber = Number(parts[0]) || leadStrand || plan?.strands[0]?.number || 1;
  const { grid, error, active, load, setActive } = useUpdatesGrid();
  const opened = useOpenedRequest((s) => s.opened);
  const edits = useDrafts((s) => s.edits);
  const edit = useDrafts((s) => s.edit);
  const recover = useDrafts((s) => s.recover);
  const narrativeRef = useRef<HTMLTextAreaElement>(null);
  const [rowError, setRowError] = useState<{ ref: string; text: string } | null>(null);
  const [revising, setRevising] = useState<string | null>(null);
  useOtherDeskUpdates();
  useScreenTitle(`Monthly updates: strand ${strandNumber}${month ? `, ${monthLabel(month)}` : ''}`);

  useEffect(() => {
    if (month) void load(strandNumber, month);
  }, [strandNumber, month, load]);

  const ready = !!grid && grid.strand.number === strandNumber && grid.month === month;
  // Local copies are kept per database file, so they can be looked for once settings name it.
  const databaseKnown = useApp((s) => s.settings !== null);
  useEffect(() => {
    if (ready && grid && databaseKnown) {
      recover(grid.rows.map((r) => ({ ref: r.objective.ref, month: grid.month, working: r.working })));
    }
  }, [ready, grid, databaseKnown, recover]);

  const views = useMemo(
    () => (ready && grid ? grid.rows.map((r) => cachedRowView(r, grid.month, edits)) : []),
    [ready, grid, edits],
  );
  const view = views[active];

  // A search result opened here: its objective becomes the active row, the cursor in its narrative
  // (or on its heading, when a submitted or accepted update cannot be typed in).
  const searchedRef = useSearchTarget((s) => s.updateRef);
  useEffect(() => {
    if (!ready || !grid || !searchedRef) return;
    const index = grid.rows.findIndex((r) => r.objective.ref === searchedRef);
    useSearchTarget.getState().clear();
    if (index === -1) return;
    setActive(index);
    window.setTimeout(() => {
      const narrative = narrativeRef.current;
      if (narrative && !narrative.disabled) narrative.focus();
      else document.getElementById('editor-title')?.focus();
    });
  }, [ready, grid, searchedRef, setActive]);

  const onActive = useCallback(
    (i: number) => {
      setActive(i);
      setRowError(null);
    },
    [setActive],
  );

  function setStatus(index: number, status: Status) {
    const v = views[index];
    if (!v || !grid) return;
    if ((v.state === 'submitted' || v.state === 'accepted') && revising !== v.key) {
      setRowError({
        ref: v.row.objective.ref,
        text: `${v.row.objective.ref} is ${v.state}. To change it, choose "Revise this update"; that makes a new revision.`,
      });
      return;
    }
    setRowError(null);
    edit(v.row.objective.ref, grid.month, v.fields, v.row.working?.version ?? 0, { status });
  }

  // "Revise this update" goes away as the fields open: the cursor moves to the status, the first of
  // them, and the live region says what revising means.
  function revise(v: RowView) {
    setRevising(v.key);
    setRowError(null);
    useNotices
      .getState()
      .show(
        'info',
        `Revising ${v.row.objective.ref}: the board sees the ${v.state} update until this one is submitted.`,
      );
    window.setTimeout(() => {
      const choice = (selector: string) => document.querySelector<HTMLInputElement>(selector);
      (choice('.status-choice input:checked') ?? choice('.status-choice input'))?.focus();
    });
  }

  async function submitActive() {
    if (!view || !grid) return;
    const outcome = await submitRow(view, grid.month);
    setRowError(outcome.ok ? null : { ref: view.row.objective.ref, text: outcome.message });
  }

  return (
    <section aria-labelledby="updates-title">
      <div className="screen-head">
        <div>
          <h1 id="updates-title">Monthly updates{month ? `: ${monthLabel(month)}` : ''}</h1>
          <p className="lede">
            Focus the grid, move with ↑ ↓ (or j k), set status with 1–5 (or c g a r n), Enter to write, Esc to
            come back, s to submit.
          </p>
        </div>
        <SaveState keys={views.map((v) => v.key)} />
      </div>
      <StrandToolbar
        strandNumber={strandNumber}
        month={month}
        views={views}
        onStrand={(n) => {
          // Ask for the new strand at once; the address follows.
          if (month) void load(n, month);
          go('updates', n);
        }}
      />
      {opened && opened.strandNumber === strandNumber && (
        <div role="status">
          <OpenedRequest opened={opened} />
        </div>
      )}
      <ErrorMessage text={error} />
      {!ready && !error && <Loading what="the strand's objectives" />}
      {ready && grid && grid.rows.length === 0 && (
        <EmptyState title="This strand has no objectives this month">
          <p>
            Add one on the <a href={hrefFor('plan')}>Plan</a> screen, or choose another strand above.
          </p>
        </EmptyState>
      )}
      {ready && grid && grid.rows.length > 0 && (
        <div className="updates-layout">
          <GridTable
            views={views}
            active={active}
            strandNumber={strandNumber}
            ready={ready}
            onActive={onActive}
            onStatus={(_, status) => setStatus(active, status)}
            onEdit={() => narrativeRef.current?.focus()}
            onSubmit={() => void submitActive()}
          />
          {view && (
            <aside className="update-panel" aria-labelledby="editor-title" data-testid="update-panel">
              <h2 id="editor-title" tabIndex={-1}>
                <span className="ref">{view.row.objective.ref}</span> {view.row.objective.theme}
                {view.row.objective.year ? ` · ${view.row.objective.year}` : ''}
              </h2>
              <p className="objective-full">{view.row.objective.text}</p>
              <StatePill view={view} revising={revising === view.key} onRevise={() => revise(view)} />
              {view.row.objective.targetText && (
                <p className="small">Target: {view.row.objective.targetText}</p>
              )}
              <LastMonth row={view.row} previousMonth={grid.previousMonth} />
              <CarryForwardButton
                view={view}
                month={grid.month}
                previousMonth={grid.previousMonth}
                onCarried={() => narrativeRef.current?.focus()}
              />
              <UpdateConflict view={view} />
              <UpdateEditor
                ref={narrativeRef}
                view={view}
                revising={revising === view.key}
                onChange={(change) =>
                  edit(
                    view.row.objective.ref,
                    grid.month,
                    view.fields,
                    view.row.working?.version ?? 0,
                    change,
                  )
                }
              />
              <WorkflowPanel
                view={view}
                month={grid.month}
                error={rowError?.ref === view.row.objective.ref ? rowError.text : null}
                onOutcome={(o) => setRowError(o.ok ? null : { ref: view.row.objective.ref, text: o.message })}
              />
              <RevisionHistory
                key={view.row.objective.ref}
                objectiveRef={view.row.objective.ref}
                month={grid.month}
                working={`${view.row.working?.revision ?? 0}:${view.row.working?.state ?? ''}`}
              />
            </aside>
          )}
        </div>
      )}
    </section>
  );
}
