// The active update, when its save was refused because another desk saved it first: their saved
// update beside the person's, still in the fields below, until "Keep mine" or "Use theirs".
import { useState } from 'react';
import { ConflictText, EditConflict, type ConflictRow } from '../../components/EditConflict';
import { StatusBadge } from '../../components/StatusBadge';
import { fieldsOf, useDrafts, type DraftFields } from '../../state/drafts';
import { STATE_LABELS, type RowView } from './rowView';

function statusCell(fields: DraftFields) {
  return fields.status ? <StatusBadge status={fields.status} /> : <ConflictText text="" />;
}

function figure(value: number | null) {
  return <ConflictText text={value === null ? '' : String(value)} />;
}

function textRow(label: string, theirs: string, mine: string): ConflictRow {
  return {
    label,
    theirs: <ConflictText text={theirs} />,
    mine: <ConflictText text={mine} />,
    differs: theirs !== mine,
  };
}

export function UpdateConflict({ view }: { view: RowView }) {
  const conflict = useDrafts((s) => s.conflicts[view.key]);
  const keepMine = useDrafts((s) => s.keepMine);
  const takeTheirs = useDrafts((s) => s.takeTheirs);
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const theirs = fieldsOf(conflict.theirs);
  const mine = view.fields;
  const rows: ConflictRow[] = [
    {
      label: 'Saved as',
      theirs: `${STATE_LABELS[conflict.theirs.state]}, by ${conflict.theirs.author}`,
      mine: 'Not saved yet',
      differs: false,
    },
    {
      label: 'Status',
      theirs: statusCell(theirs),
      mine: statusCell(mine),
      differs: theirs.status !== mine.status,
    },
    textRow('Narrative', theirs.narrative, mine.narrative),
    textRow('Next steps', theirs.nextSteps, mine.nextSteps),
    textRow('Risks and issues', theirs.risks, mine.risks),
  ];
  if (view.row.objective.targetValue !== null || theirs.metricActual !== null || mine.metricActual !== null) {
    rows.push({
      label: 'Actual this month',
      theirs: figure(theirs.metricActual),
      mine: figure(mine.metricActual),
      differs: theirs.metricActual !== mine.metricActual,
    });
  }
  const ref = view.row.objective.ref;
  return (
    <EditConflict
      subject={ref}
      message={conflict.message}
      rows={rows}
      busy={busy}
      onKeepMine={async () => {
        setBusy(true);
        await keepMine(view.key);
        setBusy(false);
      }}
      onUseTheirs={() => {
        takeTheirs(view.key);
        document.getElementById('narrative')?.focus();
      }}
    />
  );
}
