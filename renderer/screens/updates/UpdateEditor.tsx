// The update being written for the active row: status, narrative, next steps, risks and the metric
// actual, every change autosaved. Esc in any box returns to the grid.
import { forwardRef, type KeyboardEvent } from 'react';
import { STATUSES, type Status } from '../../../shared/domain';
import { STATUS_KEYS, STATUS_LABELS, STATUS_MEANINGS, needsNarrative } from '../../../shared/status';
import type { DraftFields } from '../../state/drafts';
import type { RowView } from './rowView';
import { GRID_ID } from './GridTable';

interface Props {
  view: RowView;
  /** True when the person has asked to revise a submitted or accepted update. */
  revising: boolean;
  onChange(change: Partial<DraftFields>): void;
}

function backToGrid(event: KeyboardEvent) {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  document.getElementById(GRID_ID)?.focus();
}

export const UpdateEditor = forwardRef<HTMLTextAreaElement, Props>(function UpdateEditor(
  { view, revising, onChange },
  narrativeRef,
) {
  const { fields, row } = view;
  const ref = row.objective.ref;
  const required = fields.status !== null && needsNarrative(fields.status);
  const disabled = (view.state === 'submitted' || view.state === 'accepted') && !revising;
  return (
    <div className="update-fields">
      <fieldset className="status-choice" disabled={disabled}>
        <legend>Status this month</legend>
        {STATUSES.map((status: Status) => (
          <label key={status} className={`status-option status-${status}`} onKeyDown={backToGrid}>
            <input
              type="radio"
              name={`status-${ref}`}
              value={status}
              checked={fields.status === status}
              onChange={() => onChange({ status })}
            />
            <span className="status-swatch" aria-hidden="true" />
            <span>
              {STATUS_LABELS[status]} <span className="key-hint">({STATUS_KEYS[status].digit})</span>
              <span className="visually-hidden">: {STATUS_MEANINGS[status]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="narrative">
          Narrative{required ? ' (required for ' + STATUS_LABELS[fields.status as Status] + ')' : ''}
        </label>
        <span className="hint" id="narrative-hint">
          What happened this month; for Red or Amber, why, and what is being done.
        </span>
        <textarea
          id="narrative"
          ref={narrativeRef}
          rows={4}
          value={fields.narrative}
          disabled={disabled}
          aria-describedby={view.narrativeMissing ? 'narrative-hint narrative-error' : 'narrative-hint'}
          aria-invalid={view.narrativeMissing ? true : undefined}
          className={view.narrativeMissing ? 'field-invalid' : undefined}
          onChange={(e) => onChange({ narrative: e.target.value })}
          onKeyDown={backToGrid}
        />
        {view.narrativeMissing && (
          <span className="field-error" id="narrative-error">
            A {STATUS_LABELS[fields.status as Status]} update needs a narrative before it can be submitted.
          </span>
        )}
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor="next-steps">Next steps</label>
          <textarea
            id="next-steps"
            rows={2}
            value={fields.nextSteps}
            disabled={disabled}
            onChange={(e) => onChange({ nextSteps: e.target.value })}
            onKeyDown={backToGrid}
          />
        </div>
        <div className="field">
          <label htmlFor="risks">Risks and issues</label>
          <textarea
            id="risks"
            rows={2}
            value={fields.risks}
            disabled={disabled}
            onChange={(e) => onChange({ risks: e.target.value })}
            onKeyDown={backToGrid}
          />
        </div>
      </div>
      {row.objective.targetValue !== null && (
        <div className="field field-narrow">
          <label htmlFor="metric-actual">
            Actual this month (target {row.objective.targetText ?? row.objective.targetValue})
          </label>
          <input
            id="metric-actual"
            type="number"
            step="any"
            value={fields.metricActual ?? ''}
            disabled={disabled}
            onChange={(e) =>
              onChange({ metricActual: e.target.value === '' ? null : Number(e.target.value) })
            }
            onKeyDown={backToGrid}
          />
        </div>
      )}
    </div>
  );
});
