// Exceptions first, as the board reads them: Red objectives, those that worsened, overdue actions
// and objectives with no update, each with its narrative.
import { dateLabel, monthLabel } from '../../../shared/months';
import type { Node } from '../content';
import type { PackModel, PackObjective } from '../model';
import { safeText } from '../fontRuns';
import { INK } from '../theme';
import { emptyNote, ruledTable, sectionOpening, td, th } from './common';
import { objectiveCell, refCell, statusCell, updateCell } from './objectiveCells';
import { indicatorExceptions } from './performanceExceptions';

type Found = { o: PackObjective; strand: number };

function pick(model: PackModel, test: (o: PackObjective) => boolean): Found[] {
  return model.strands.flatMap((s) => s.objectives.filter(test).map((o) => ({ o, strand: s.number })));
}

function objectiveTable(model: PackModel, found: Found[], title: string, none: string): Node {
  if (found.length === 0) return [{ text: title, style: 'h3' }, emptyNote(none)];
  const rows = found.map(({ o, strand }): Node[] => [
    refCell(o, strand),
    objectiveCell(o),
    statusCell(o, model.lastMonth),
    updateCell(o, model),
  ]);
  return ruledTable(
    [40, 130, 78, '*'],
    [th('Ref'), th('Objective'), th('Status'), th('Narrative and next steps')],
    rows,
    `${title} (${found.length})`,
  );
}

function overdueTable(model: PackModel): Node {
  const overdue = model.actions.open.filter((a) => a.shown === 'overdue');
  if (overdue.length === 0)
    return [{ text: 'Overdue actions', style: 'h3' }, emptyNote('No board action is overdue.')];
  const rows = overdue.map((a): Node[] => [
    td(a.ref, { style: 'ref' }),
    td(a.description),
    td(`${a.owner}\nDue ${a.dueDate ? dateLabel(a.dueDate) : '—'}`),
    td(
      a.latestNote
        ? safeText(a.latestNote)
        : [{ text: 'No progress note recorded.', italics: true, color: INK.muted }],
    ),
  ]);
  return ruledTable(
    [58, 150, 90, '*'],
    [th('Ref'), th('Action'), th('Owner and due'), th('Latest note')],
    rows,
    `Overdue actions (${overdue.length})`,
  );
}

export function exceptionsSection(model: PackModel): Node[] {
  const month = monthLabel(model.reportingMonth);
  const red = pick(model, (o) => o.now === 'red');
  const worsened = pick(model, (o) => o.movement === 'worsened' && o.now !== 'red');
  const missing = pick(model, (o) => o.now === 'no_update');
  return [
    ...sectionOpening(
      'exceptions',
      'Item 3 · By exception',
      `What needs the board's attention in ${month}. Red objectives that also worsened are listed once, under Red.`,
    ),
    objectiveTable(model, red, 'Red', `No objective is Red in ${month}.`),
    objectiveTable(
      model,
      worsened,
      `Worsened since ${monthLabel(model.lastMonth)}`,
      'No other objective worsened.',
    ),
    overdueTable(model),
    objectiveTable(model, missing, 'No update', `Every objective has an update for ${month}.`),
    ...indicatorExceptions(model),
  ];
}
