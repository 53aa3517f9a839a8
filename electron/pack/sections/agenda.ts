// The meeting's agenda, with the pack page each item's paper starts on, so the chair can say
// "page 12" and everyone is there.
import type { Node, TextNode } from '../content';
import type { PackModel } from '../model';
import { INK } from '../theme';
import { fontRuns } from '../fontRuns';
import { anchorOf, list, meetingWhen, muted, ruledTable, sectionOpening, td, th } from './common';
import { pagesLabel, paperNumber } from '../paperLabels';
import { paperPageAnchor } from './papers';
import { agendaPerformanceRows } from './performance';

/** The papers an item carries, each under it with the page its first page is on in this pack. */
function paperRows(model: PackModel, itemPosition: number): Node[][] {
  const inPack = model.edition.sections.includes('papers');
  return (model.papers ?? []).flatMap((paper, index): Node[][] =>
    paper.itemPosition === itemPosition
      ? [
          [
            td(''),
            td([
              muted(`Paper ${paperNumber(paper)}: `),
              ...fontRuns(paper.title),
              muted(` (${pagesLabel(paper.pages)})`),
            ]),
            td(''),
            td(''),
            inPack
              ? {
                  text: [{ text: '00', pageReference: paperPageAnchor(index, 1) }],
                  style: 'td',
                  alignment: 'right',
                }
              : { text: '—', style: 'td', alignment: 'right', color: INK.faint },
          ],
        ]
      : [],
  );
}

export function agendaSection(model: PackModel): Node[] {
  const { meeting, edition } = model;
  const included = new Set(edition.sections);
  const itemRows = meeting.agenda.map((item): Node[] => {
    const page: TextNode =
      item.packSection && included.has(item.packSection)
        ? {
            text: [{ text: '00', pageReference: anchorOf(item.packSection) }],
            style: 'td',
            alignment: 'right',
          }
        : { text: '—', style: 'td', alignment: 'right', color: INK.faint };
    return [
      td(String(item.position), { bold: true, color: INK.accent }),
      td(item.title, { bold: true }),
      td(item.presenter || '—'),
      td(item.minutesAllotted ? `${item.minutesAllotted} min` : '—', { alignment: 'right' }),
      page,
    ];
  });
  const rows = meeting.agenda.flatMap((item, i) => [
    itemRows[i],
    ...agendaPerformanceRows(model, item.position),
    ...paperRows(model, item.position),
  ]);
  const details: Node = {
    table: {
      widths: [70, '*'],
      body: [
        [td('When', { color: INK.muted }), td(meetingWhen(meeting.heldAt))],
        [td('Where', { color: INK.muted }), td(meeting.place || '—')],
        [td('Chairs', { color: INK.muted }), td(list(meeting.chairs))],
        [td('Members', { color: INK.muted }), td(list(meeting.members))],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 16],
  };
  return [
    ...sectionOpening('agenda', meeting.title),
    details,
    meeting.agenda.length
      ? ruledTable(
          [22, '*', 120, 44, 36],
          [th('No.'), th('Item'), th('Presenter'), th('Time', 'right'), th('Page', 'right')],
          rows,
        )
      : { text: 'No agenda has been set for this meeting.', style: 'note' },
  ];
}
