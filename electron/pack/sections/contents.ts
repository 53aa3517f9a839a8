// Contents with true page numbers: each entry is a page reference to its section's anchor, which
// pdfmake resolves after layout. A reissue lists what changed since the version it replaces.
import type { Node, TextNode } from '../content';
import type { PackModel } from '../model';
import { safeText } from '../fontRuns';
import { INK, RULED } from '../theme';
import { PACK_SECTION_TITLES } from '../../../shared/packSections';
import { anchorOf, sectionOpening, strandAnchor, td, th } from './common';
import { paperNumber } from '../paperLabels';
import { paperPageAnchor } from './papers';
import { performanceContents } from './performance';

function entry(title: string, anchor: string, level: 0 | 1): Node[] {
  const titleCell: TextNode =
    level === 0
      ? { text: safeText(title), style: 'td', bold: true, fontSize: 9.5 }
      : { text: safeText(title), style: 'td', color: INK.muted, margin: [14, 0, 0, 0] };
  const pageCell: TextNode = {
    text: [{ text: '00', pageReference: anchor }],
    style: 'td',
    alignment: 'right',
    bold: level === 0,
  };
  if (level === 0) pageCell.fontSize = 9.5;
  return [titleCell, pageCell];
}

export function contentsSection(model: PackModel): Node[] {
  const rows: Node[][] = [];
  for (const section of model.edition.sections) {
    if (section === 'cover' || section === 'contents') continue;
    rows.push(entry(PACK_SECTION_TITLES[section], anchorOf(section), 0));
    if (section === 'strands') {
      for (const s of model.strands) rows.push(entry(`${s.number}. ${s.title}`, strandAnchor(s.number), 1));
    }
    if (section === 'performance') {
      for (const g of performanceContents(model)) rows.push(entry(g.title, g.anchor, 1));
    }
    if (section === 'papers') {
      // The page the paper itself starts on, as the agenda gives it, not its divider before it.
      (model.papers ?? []).forEach((p, i) =>
        rows.push(entry(`${paperNumber(p)} ${p.title}`, paperPageAnchor(i, 1), 1)),
      );
    }
  }
  const nodes: Node[] = [
    ...sectionOpening('contents', 'In this pack'),
    {
      table: { widths: ['*', 40], body: [[th('Section'), th('Page', 'right')], ...rows], headerRows: 1 },
      layout: RULED,
      margin: [0, 0, 0, 16],
    },
  ];
  const { edition } = model;
  if (edition.replaces !== null) {
    nodes.push({
      text: `What changed since version ${edition.replaces}`,
      style: 'h2',
      outline: true,
      id: 'changes',
    });
    nodes.push(
      edition.changes.length
        ? {
            table: {
              widths: ['*'],
              body: edition.changes.map((c) => [td(c)]),
              dontBreakRows: true,
            },
            layout: RULED,
          }
        : { text: 'No objective changed status, narrative or next steps.', style: 'note' },
    );
  }
  return nodes;
}
