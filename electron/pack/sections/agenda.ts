// The meeting's agenda, with the pack page each item's paper starts on, so the chair can say
// "page 12" and everyone is there.
import type { Node, TextNode } from '../content';
import type { PackModel } from '../model';
import { INK } from '../theme';
import { anchorOf, list, meetingWhen, ruledTable, sectionOpening, td, th } from './common';

export function agendaSection(model: PackModel): Node[] {
  const { meeting, edition } = model;
  const included = new Set(edition.sections);
  const rows = meeting.agenda.map((item): Node[] => {
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
