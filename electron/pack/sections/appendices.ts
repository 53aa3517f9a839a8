// Appendices: the full action plan (every live objective), the glossary and the partners.
import type { Node } from '../content';
import type { PackModel } from '../model';
import { INK } from '../theme';
import { ruledTable, sectionOpening, td, th } from './common';

export function appendicesSection(model: PackModel): Node[] {
  const planRows: Node[][] = model.strands.flatMap((s) =>
    s.objectives.map((o): Node[] => [
      td(o.ref, { style: 'ref' }),
      td(o.text),
      td(o.theme),
      td(o.year ?? '—'),
      td(o.targetText ?? '—', { color: o.targetText ? INK.text : INK.faint }),
    ]),
  );
  const glossaryRows: Node[][] = model.plan.glossary.map((g) => [td(g.term, { bold: true }), td(g.meaning)]);
  const half = Math.ceil(model.plan.partners.length / 2);
  const partnerRows: Node[][] = model.plan.partners.slice(0, half).map((p, i) => [td(p), td(model.plan.partners[half + i] ?? '')]);
  return [
    ...sectionOpening('appendices', 'For reference', `A: the full action plan (${planRows.length} objectives). B: glossary. C: partners.`),
    ruledTable([34, '*', 92, 46, 90], [th('Ref'), th('Objective'), th('Theme'), th('Year'), th('Target')], planRows, 'A. Full action plan'),
    glossaryRows.length ? ruledTable([90, '*'], [th('Term'), th('Meaning')], glossaryRows, 'B. Glossary') : [],
    partnerRows.length ? ruledTable(['*', '*'], [th('Partner'), th('Partner')], partnerRows, 'C. Partners') : [],
  ];
}
