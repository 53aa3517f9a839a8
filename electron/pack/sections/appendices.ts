// Appendices: the full action plan (every live objective), the glossary and the partners.
import type { Node } from '../content';
import type { PackModel } from '../model';
import { INK } from '../theme';
import { ruledTable, sectionOpening, td, th } from './common';

export function appendicesSection(model: PackModel): Node[] {
  const planRows: Node[][] = model.strands.flatMap((s) =>
    // Theme, year and target share a cell: one text node per row less to measure and lay out.
    s.objectives.map((o): Node[] => [
      td(o.ref, { style: 'ref' }),
      td(o.text),
      td([
        o.theme,
        { text: `\n${o.year ?? 'No year given'}`, color: INK.muted },
        ...(o.targetText ? [{ text: `\nTarget: ${o.targetText}`, color: INK.muted }] : []),
      ]),
    ]),
  );
  const glossaryRows: Node[][] = model.plan.glossary.map((g) => [td(g.term, { bold: true }), td(g.meaning)]);
  const half = Math.ceil(model.plan.partners.length / 2);
  const partnerRows: Node[][] = model.plan.partners
    .slice(0, half)
    .map((p, i) => [td(p), td(model.plan.partners[half + i] ?? '')]);
  return [
    ...sectionOpening(
      'appendices',
      'For reference',
      `A: the full action plan (${planRows.length} objectives). B: glossary. C: partners.`,
    ),
    ruledTable(
      [34, '*', 150],
      [th('Ref'), th('Objective'), th('Theme, year and target')],
      planRows,
      'A. Full action plan',
    ),
    glossaryRows.length
      ? ruledTable([90, '*'], [th('Term'), th('Meaning')], glossaryRows, 'B. Glossary')
      : [],
    partnerRows.length
      ? ruledTable(['*', '*'], [th('Partner'), th('Partner')], partnerRows, 'C. Partners')
      : [],
  ];
}
