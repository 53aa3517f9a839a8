// The action log: open actions (overdue first), then those closed since the last meeting.
import { styled, type Node, type TextNode } from '../content';
import type { PackAction, PackModel } from '../model';
import { dateLabel } from '../../../shared/months';
import { STATUS_COLOURS } from '../../../shared/status';
import { FONT } from '../fonts';
import { fontRuns } from '../fontRuns';
import { INK } from '../theme';
import { emptyNote, ruledTable, sectionOpening, td, th } from './common';

function shownCell(action: PackAction): TextNode {
  if (action.shown === 'overdue') {
    return {
      text: [
        { text: '■', font: FONT.symbols, color: STATUS_COLOURS.red },
        { text: '\u00a0Overdue', bold: true },
      ],
      style: 'td',
    };
  }
  if (action.shown === 'complete') {
    return {
      text: [
        { text: '■', font: FONT.symbols, color: STATUS_COLOURS.complete },
        { text: '\u00a0Complete', bold: true },
        `\n${action.completedOn ? dateLabel(action.completedOn) : ''}`,
      ],
      style: 'td',
    };
  }
  return {
    text: [
      { text: '□', font: FONT.symbols, color: INK.muted },
      { text: '\u00a0Open', bold: true },
    ],
    style: 'td',
  };
}

function rows(actions: PackAction[]): Node[][] {
  return actions.map((a) => [
    td(a.ref, { style: 'ref' }),
    {
      text: [
        ...fontRuns(a.description),
        ...(a.latestNote ? styled(['\nLatest: ', ...fontRuns(a.latestNote)], { color: INK.muted }) : []),
        ...(a.closingNote ? styled(['\nClosed: ', ...fontRuns(a.closingNote)], { color: INK.muted }) : []),
      ],
      style: 'td',
    },
    td(a.owner),
    td(a.dueDate ? dateLabel(a.dueDate) : '—'),
    shownCell(a),
  ]);
}

export function actionsSection(model: PackModel): Node[] {
  const { open, closed } = model.actions;
  const header = [th('Ref'), th('Action'), th('Owner'), th('Due'), th('Status')];
  const widths = [58, '*', 92, 58, 62];
  const overdue = open.filter((a) => a.shown === 'overdue').length;
  return [
    ...sectionOpening(
      'actions',
      'Item 2',
      `${open.length} open action${open.length === 1 ? '' : 's'} (${overdue} overdue) and ${closed.length} closed since the last meeting.`,
    ),
    open.length
      ? ruledTable(widths, header, rows(open), 'Open actions')
      : emptyNote('There are no open actions.'),
    closed.length
      ? ruledTable(widths, header, rows(closed), 'Closed since the last meeting')
      : emptyNote('No action was closed since the last meeting.'),
  ];
}
