// Cells shared by the exceptions and the strand reports: one text node per cell (pdfmake measures
// each node separately, so fewer nodes is a faster pack), status as colour and word.
import { monthLabel } from '../../../shared/months';
import { styled, type Node, type TextNode, type TextPart } from '../content';
import type { PackModel, PackObjective } from '../model';
import { fontRuns } from '../fontRuns';
import { INK, movementText, statusText } from '../theme';
import { paragraphs } from './common';

export function statusCell(o: PackObjective, lastMonth: string): TextNode {
  const short = monthLabel(lastMonth).slice(0, 3);
  const last = styled([`${short}: `, ...statusText(o.last, { bold: false })], {
    fontSize: 7,
    color: INK.muted,
  });
  // With no update this month there is no movement to show; saying "No update" twice adds nothing.
  const movement =
    o.now === 'no_update'
      ? []
      : [...styled(movementText(o.movement), { fontSize: 7, color: INK.muted }), '\n'];
  return { text: [...statusText(o.now), '\n', ...movement, ...last], style: 'td' };
}

export function objectiveCell(o: PackObjective): TextNode {
  const facts = [
    o.year,
    o.targetText ? `Target: ${o.targetText}` : null,
    o.owner ? `Owner: ${o.owner}` : null,
  ].filter((f): f is string => Boolean(f));
  const text: TextPart[] = [...fontRuns(o.text)];
  if (facts.length) text.push({ text: `\n${facts.join(' · ')}`, fontSize: 7, color: INK.muted });
  return { text, style: 'td' };
}

/** Narrative, next steps and risks; a missing update says so and never repeats last month's words. */
export function updateCell(o: PackObjective, model: PackModel): TextNode {
  if (o.now === 'no_update') {
    return {
      text: [
        {
          text: `No update received for ${monthLabel(model.reportingMonth)}.`,
          italics: true,
          color: INK.muted,
        },
      ],
      style: 'td',
    };
  }
  const text: TextPart[] = [];
  const narrative = paragraphs(o.narrative);
  if (narrative.length) text.push(...narrative);
  else text.push({ text: 'No narrative given.', italics: true, color: INK.muted });
  if (o.nextSteps.trim())
    text.push({ text: '\nNext steps\u2002', bold: true, color: INK.accent }, ...paragraphs(o.nextSteps));
  if (o.risks.trim())
    text.push({ text: '\nRisks\u2002', bold: true, color: INK.accent }, ...paragraphs(o.risks));
  if (o.metricActual !== null)
    text.push({ text: `\nActual this month\u2002`, bold: true, color: INK.accent }, String(o.metricActual));
  return { text, style: 'td' };
}

export function refCell(o: PackObjective, strandNumber?: number): Node {
  if (strandNumber === undefined) return { text: o.ref, style: 'ref' };
  return {
    text: [o.ref, { text: `\nStrand ${strandNumber}`, bold: false, fontSize: 7, color: INK.muted }],
    style: 'ref',
  };
}
