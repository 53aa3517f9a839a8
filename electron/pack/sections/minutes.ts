// Minutes of the last meeting: who was there, then each agenda item's minutes and decisions.
import type { Node, TextPart } from '../content';
import type { PackModel } from '../model';
import { fontRuns } from '../fontRuns';
import { INK, PLAIN } from '../theme';
import { dateLabel } from '../../../shared/months';
import { emptyNote, list, meetingWhen, sectionOpening, td } from './common';

export function minutesSection(model: PackModel): Node[] {
  const previous = model.previous;
  if (!previous) {
    return [
      ...sectionOpening('minutes', 'Item 2'),
      emptyNote('No earlier meeting of the board is recorded, so there are no minutes to confirm.'),
    ];
  }
  const nodes: Node[] = [
    ...sectionOpening(
      'minutes',
      'For confirmation',
      `${previous.title}, ${meetingWhen(previous.heldAt)}${previous.place ? `, ${previous.place}` : ''}.`,
    ),
    {
      table: {
        widths: [70, '*'],
        body: [
          [td('Chairs', { color: INK.muted }), td(list(previous.chairs))],
          [td('Present', { color: INK.muted }), td(list([...previous.members, ...previous.attendees]))],
          [td('Apologies', { color: INK.muted }), td(list(previous.apologies))],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
  ];
  if (previous.approval) {
    const { approvedOn, approvedBy, corrections } = previous.approval;
    nodes.push({
      text: [
        { text: `Approved on ${dateLabel(approvedOn)} by ${approvedBy}.`, bold: true },
        ...(corrections ? [' Corrections noted: ', ...fontRuns(corrections)] : []),
      ],
      style: 'td',
      margin: [0, 0, 0, 8],
    });
  }
  if (previous.items.length === 0) nodes.push(emptyNote('No minutes were recorded for that meeting.'));
  for (const item of previous.items) {
    const body: Node[][] = item.minutes.map((m, i): Node[] => {
      const text: TextPart[] =
        m.kind === 'decision'
          ? [{ text: 'Decision. ', bold: true, color: INK.accent }, ...fontRuns(m.text)]
          : fontRuns(m.text);
      return [
        td(`${item.position}.${i + 1}`, { color: INK.muted }),
        { text, style: 'td', fontSize: SIZE_BODY, margin: [0, 0, 0, 4] },
      ];
    });
    nodes.push({
      table: {
        widths: [28, '*'],
        body: [[{ text: `${item.position}. ${item.title}`, style: 'h3', colSpan: 2 }, { text: '' }], ...body],
        headerRows: 1,
        keepWithHeaderRows: 1,
      },
      layout: PLAIN,
      margin: [0, 0, 0, 6],
    });
  }
  return nodes;
}

const SIZE_BODY = 8.5;
