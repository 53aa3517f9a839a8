// One report per strand, each on a new page: lead, success measures and aims, then its objectives
// grouped by theme. One table per theme keeps tables small (pdfmake lays a table out as a whole).
import type { Node, TextNode } from '../content';
import type { PackModel, PackObjective, PackStrand } from '../model';
import { fontRuns } from '../fontRuns';
import { INK, PLAIN } from '../theme';
import { anchorOf, ruledTable, strandAnchor, th } from './common';
import { objectiveCell, refCell, statusCell, updateCell } from './objectiveCells';
import { statusStrip } from './statusStrip';

function bullets(items: string[]): TextNode {
  if (items.length === 0) return { text: '—', style: 'td', color: INK.faint };
  return {
    text: items.flatMap((item, i) => [
      i ? '\n' : '',
      { text: '•\u2002', color: INK.accent },
      ...fontRuns(item),
    ]),
    style: 'td',
    lineHeight: 1.3,
  };
}

function groups(objectives: PackObjective[]): { theme: string; objectives: PackObjective[] }[] {
  const out: { theme: string; objectives: PackObjective[] }[] = [];
  for (const o of objectives) {
    const last = out[out.length - 1];
    if (last && last.theme === o.theme) last.objectives.push(o);
    else out.push({ theme: o.theme, objectives: [o] });
  }
  return out;
}

/** The status cell with the objective's last months under it (see statusStrip.ts). */
function withStrip(cell: TextNode, o: PackObjective, model: PackModel): TextNode {
  const text = typeof cell.text === 'string' ? [cell.text] : cell.text;
  return { ...cell, text: [...text, ...statusStrip(o, model.reportingMonth)] };
}

function strandReport(model: PackModel, s: PackStrand, first: boolean): Node[] {
  const kicker = `Strand ${s.number}${s.operation ? ` · Operation ${s.operation}` : ''}`;
  const heading: TextNode = {
    text: fontRuns(s.title),
    style: 'h1',
    id: strandAnchor(s.number),
    outline: true,
    outlineText: `${s.number}. ${s.title}`,
    outlineParentId: anchorOf('strands'),
  };
  const nodes: Node[] = [
    first
      ? {
          text: kicker.toUpperCase(),
          style: 'kicker',
          pageBreak: 'before',
          id: anchorOf('strands'),
          outline: true,
          outlineText: 'Strand reports',
        }
      : { text: kicker.toUpperCase(), style: 'kicker', pageBreak: 'before' },
    heading,
    {
      text: [{ text: 'Lead\u2002', bold: true, color: INK.muted }, ...fontRuns(s.lead)],
      fontSize: 9,
      margin: [0, 0, 0, 12],
    },
    {
      table: {
        widths: ['*', 18, '*'],
        body: [
          [{ text: 'SUCCESS MEASURES', style: 'kicker' }, { text: '' }, { text: 'AIMS', style: 'kicker' }],
          [bullets(s.successMeasures), { text: '' }, bullets(s.aims)],
        ],
      },
      layout: PLAIN,
      margin: [0, 0, 0, 10],
    },
  ];
  if (s.objectives.length === 0) nodes.push({ text: 'This strand has no live objectives.', style: 'note' });
  for (const group of groups(s.objectives)) {
    const rows = group.objectives.map((o): Node[] => [
      refCell(o),
      objectiveCell(o),
      withStrip(statusCell(o, model.lastMonth), o, model),
      updateCell(o, model),
    ]);
    nodes.push(
      ruledTable(
        [34, 132, 76, '*'],
        [th('Ref'), th('Objective'), th('Status'), th('Narrative and next steps')],
        rows,
        group.theme,
      ),
    );
  }
  return nodes;
}

export function strandsSection(model: PackModel): Node[] {
  return model.strands.flatMap((s, i) => strandReport(model, s, i === 0));
}
