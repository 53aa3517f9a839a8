// The cover: whose pack it is, for which meeting and month, which edition, and the month at a
// glance (status counts as tiles). A reissue says what it replaces.
import { monthLabel } from '../../../shared/months';
import { packReference, referenceText } from '../../../shared/packWords';
import { STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER } from '../../../shared/status';
import type { Node, TextNode } from '../content';
import { statusCounts, type PackModel } from '../model';
import { safeText } from '../fontRuns';
import { CONTENT_WIDTH, INK, MARGINS, PAGE, PLAIN } from '../theme';
import { anchorOf, list, meetingWhen } from './common';

function tiles(model: PackModel): Node {
  const counts = statusCounts(model.strands.flatMap((s) => s.objectives));
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (STATUS_ORDER.length - 1)) / STATUS_ORDER.length;
  const cells: Node[] = STATUS_ORDER.map((status) => ({
    stack: [
      {
        canvas: [
          status === 'no_update'
            ? {
                type: 'rect',
                x: 0,
                y: 0,
                w: width,
                h: 4,
                color: '#ffffff',
                lineColor: INK.faint,
                lineWidth: 0.6,
              }
            : { type: 'rect', x: 0, y: 0, w: width, h: 4, color: STATUS_COLOURS[status] },
        ],
      },
      { text: String(counts[status]), fontSize: 22, bold: true, color: INK.text, margin: [0, 6, 0, 0] },
      { text: STATUS_LABELS[status], fontSize: 8, color: INK.muted },
    ],
  }));
  const widths: number[] = [];
  const row: Node[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) {
      widths.push(gap);
      row.push({ text: '' });
    }
    widths.push(width);
    row.push(cell);
  });
  return { table: { widths, body: [row] }, layout: PLAIN, margin: [0, 6, 0, 0] };
}

function fact(label: string, value: string): Node[] {
  return [
    { text: label.toUpperCase(), style: 'kicker', margin: [0, 0, 0, 6] },
    { text: safeText(value), fontSize: 9.5, color: INK.text, margin: [0, 0, 0, 10], lineHeight: 1.25 },
  ];
}

export function coverSection(model: PackModel, hash: string): Node[] {
  const { edition, meeting, plan } = model;
  const editionText = edition.draft ? `Draft of version ${edition.version}` : `Version ${edition.version}`;
  const facts: [string, string][] = [
    ['Meeting', `${meetingWhen(meeting.heldAt)}${meeting.place ? `\n${meeting.place}` : ''}`],
    ['Reporting month', `${monthLabel(model.reportingMonth)} (compared with ${monthLabel(model.lastMonth)})`],
    ['Chairs', list(meeting.chairs)],
    ['Edition', `${editionText} · ${referenceText(packReference(hash))}`],
  ];
  const factRows: Node[][] = [];
  for (let i = 0; i < facts.length; i += 2) {
    factRows.push([
      { stack: fact(...facts[i]) },
      { text: '' },
      facts[i + 1] ? { stack: fact(...facts[i + 1]) } : { text: '' },
    ]);
  }
  const title: TextNode = {
    text: safeText(plan.boardName),
    fontSize: 30,
    bold: true,
    color: INK.accent,
    lineHeight: 1.05,
    id: anchorOf('cover'),
    outline: true,
    outlineText: 'Cover',
  };
  const nodes: Node[] = [
    { text: plan.organisation.toUpperCase(), style: 'kicker', margin: [0, 70, 0, 10] },
    title,
    {
      text: `Board pack for the meeting of ${meetingWhen(meeting.heldAt, false)}`,
      fontSize: 13,
      color: INK.muted,
      margin: [0, 8, 0, 0],
    },
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 56, h: 3, color: INK.accent }], margin: [0, 24, 0, 24] },
    { table: { widths: ['*', 24, '*'], body: factRows }, layout: PLAIN },
    {
      text: `${monthLabel(model.reportingMonth).toUpperCase()} AT A GLANCE`,
      style: 'kicker',
      margin: [0, 22, 0, 2],
    },
    tiles(model),
  ];
  if (edition.replaces !== null) {
    const count = edition.changes.length;
    nodes.push({
      text: [
        { text: `Version ${edition.version} replaces version ${edition.replaces}. `, bold: true },
        count === 0
          ? 'No objective changed status or narrative since then.'
          : `${count} change${count === 1 ? '' : 's'} since version ${edition.replaces}, listed after the contents.`,
      ],
      fontSize: 9,
      color: INK.text,
      margin: [0, 22, 0, 0],
    });
  }
  nodes.push({
    text: [{ text: `${plan.title}\n`, bold: true, color: INK.text }, safeText(plan.aim)].flat(),
    fontSize: 9,
    color: INK.muted,
    lineHeight: 1.3,
    // The strategy sits at the foot of the cover, whatever the cover holds above it.
    absolutePosition: { x: MARGINS[0], y: PAGE.height - MARGINS[3] - 40 },
  });
  return nodes;
}
