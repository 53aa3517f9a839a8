// The summary dashboard: status counts per strand as a table and as stacked bars drawn as vectors,
// movement since last month, missing updates, and the key outcome measures.
import type { ReportedStatus } from '../../../shared/domain';
import { monthLabel } from '../../../shared/months';
import { STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER, type Movement } from '../../../shared/status';
import type { CanvasShape, Node, TextNode } from '../content';
import { statusCounts, type PackModel, type PackStrand } from '../model';
import { CONTENT_WIDTH, INK, movementText, PLAIN, statusMark, statusText } from '../theme';
import { emptyNote, keptTogether, ruledTable, sectionOpening, td, th } from './common';

const MOVEMENTS: Movement[] = ['improved', 'worsened', 'unchanged', 'new', 'no_update'];

/** Column heads short enough for a count column; the legend under the bars gives the full words. */
const HEADER_LABELS: Record<ReportedStatus, string> = {
  ...STATUS_LABELS,
  not_started: 'Not\nstarted',
  no_update: 'No\nupdate',
};

function movementCounts(strand: PackStrand): Record<Movement, number> {
  const counts: Record<Movement, number> = { improved: 0, worsened: 0, unchanged: 0, new: 0, no_update: 0 };
  for (const o of strand.objectives) counts[o.movement] += 1;
  return counts;
}

function num(n: number, bold = false): TextNode {
  return {
    text: n === 0 ? '–' : String(n),
    style: 'td',
    alignment: 'right',
    bold,
    color: n === 0 ? INK.faint : INK.text,
  };
}

function strandLabel(s: PackStrand): TextNode {
  return td([{ text: `${s.number}\u00a0\u00a0`, bold: true, color: INK.accent }, s.title]);
}

function statusTable(model: PackModel): Node {
  const totals = statusCounts(model.strands.flatMap((s) => s.objectives));
  const rows = model.strands.map((s): Node[] => {
    const counts = statusCounts(s.objectives);
    return [strandLabel(s), ...STATUS_ORDER.map((st) => num(counts[st])), num(s.objectives.length, true)];
  });
  const all = STATUS_ORDER.reduce((sum, st) => sum + totals[st], 0);
  rows.push([
    td('All strands', { bold: true }),
    ...STATUS_ORDER.map((st) => num(totals[st], true)),
    num(all, true),
  ]);
  const header: TextNode[] = [
    th('Strand'),
    ...STATUS_ORDER.map((st): TextNode => ({
      text: [statusMark(st), `\u00a0${HEADER_LABELS[st]}`],
      style: 'th',
      alignment: 'right',
    })),
    th('Total', 'right'),
  ];
  return keptTogether(ruledTable(['*', 30, 40, 38, 46, 40, 40, 30], header, rows, 'Status by strand'));
}

const BAR_LABEL = 150;
const BAR_HEIGHT = 9;

function bar(counts: Record<ReportedStatus, number>, total: number, width: number): CanvasShape[] {
  const shapes: CanvasShape[] = [];
  if (total === 0)
    return [
      {
        type: 'rect',
        x: 0,
        y: 0,
        w: width,
        h: BAR_HEIGHT,
        color: '#ffffff',
        lineColor: INK.rule,
        lineWidth: 0.5,
      },
    ];
  let x = 0;
  for (const st of STATUS_ORDER) {
    const w = (counts[st] / total) * width;
    if (w <= 0) continue;
    shapes.push(
      st === 'no_update'
        ? { type: 'rect', x, y: 0, w, h: BAR_HEIGHT, color: '#ffffff', lineColor: INK.faint, lineWidth: 0.5 }
        : { type: 'rect', x, y: 0, w, h: BAR_HEIGHT, color: STATUS_COLOURS[st] },
    );
    x += w;
  }
  // A hairline between segments keeps neighbouring colours apart in greyscale.
  let edge = 0;
  for (const st of STATUS_ORDER) {
    edge += (counts[st] / total) * width;
    if (edge > 0 && edge < width - 0.1)
      shapes.push({
        type: 'line',
        x1: edge,
        y1: 0,
        x2: edge,
        y2: BAR_HEIGHT,
        lineColor: '#ffffff',
        lineWidth: 0.8,
      });
  }
  return shapes;
}

function barChart(model: PackModel): Node {
  const barWidth = CONTENT_WIDTH - BAR_LABEL - 36;
  const rows: Node[][] = model.strands.map((s) => [
    {
      text: [{ text: `${s.number}\u00a0\u00a0`, bold: true, color: INK.accent }, s.title],
      fontSize: 7.5,
      color: INK.text,
      noWrap: false,
      margin: [0, 2, 8, 4],
    },
    { canvas: bar(statusCounts(s.objectives), s.objectives.length, barWidth), margin: [0, 3, 0, 4] },
    {
      text: String(s.objectives.length),
      fontSize: 7.5,
      color: INK.muted,
      alignment: 'right',
      margin: [0, 2, 0, 4],
    },
  ]);
  const legend: TextNode = {
    text: STATUS_ORDER.flatMap((st) => [...statusText(st, { bold: false }), '\u2003']),
    fontSize: 7.5,
    color: INK.muted,
    colSpan: 3,
    margin: [0, 4, 0, 0],
  };
  return {
    table: {
      widths: [BAR_LABEL, barWidth, 36],
      body: [
        [
          { text: 'Share of objectives by status', style: 'h3', colSpan: 3, margin: [0, 6, 0, 6] },
          { text: '' },
          { text: '' },
        ],
        ...rows,
        [legend, { text: '' }, { text: '' }],
      ],
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
    },
    layout: PLAIN,
    margin: [0, 0, 0, 14],
  };
}

function movementTable(model: PackModel): Node {
  const rows = model.strands.map((s): Node[] => {
    const counts = movementCounts(s);
    return [strandLabel(s), ...MOVEMENTS.map((m) => num(counts[m], m === 'worsened' && counts[m] > 0))];
  });
  const header: TextNode[] = [
    th('Strand'),
    ...MOVEMENTS.map((m): TextNode => ({ text: movementText(m), style: 'th', alignment: 'right' })),
  ];
  return keptTogether(
    ruledTable(['*', 52, 52, 56, 36, 52], header, rows, `Movement since ${monthLabel(model.lastMonth)}`),
  );
}

function missingTable(model: PackModel): Node {
  const rows = model.strands
    .map((s) => ({ s, refs: s.objectives.filter((o) => o.now === 'no_update').map((o) => o.ref) }))
    .filter((r) => r.refs.length > 0)
    .map((r): Node[] => [strandLabel(r.s), num(r.refs.length, true), td(r.refs.join(', '))]);
  if (rows.length === 0)
    return emptyNote(`Every objective has an update for ${monthLabel(model.reportingMonth)}.`);
  return keptTogether(
    ruledTable(
      [150, 40, '*'],
      [th('Strand'), th('Missing', 'right'), th('Objectives with no update this month')],
      rows,
      'Missing updates',
    ),
  );
}

function measuresTable(model: PackModel): Node {
  const rows: Node[][] = [];
  for (const s of model.strands) {
    for (const o of s.objectives) {
      if (!o.targetText) continue;
      rows.push([
        td(o.ref, { style: 'ref' }),
        td(o.text),
        td(o.targetText),
        td(o.metricActual === null ? '—' : String(o.metricActual), { alignment: 'right' }),
        td(statusText(o.now)),
      ]);
    }
  }
  if (rows.length === 0) return emptyNote('No objective in the plan states a measurable target.');
  return ruledTable(
    [34, '*', 110, 40, 62],
    [th('Ref'), th('Objective'), th('Target'), th('Actual', 'right'), th('Status')],
    rows,
    'Key outcome measures',
  );
}

export function dashboardSection(model: PackModel): Node[] {
  const total = model.strands.reduce((sum, s) => sum + s.objectives.length, 0);
  const missing = model.strands.reduce(
    (sum, s) => sum + s.objectives.filter((o) => o.now === 'no_update').length,
    0,
  );
  const worsened = model.strands.reduce(
    (sum, s) => sum + s.objectives.filter((o) => o.movement === 'worsened').length,
    0,
  );
  const lede = `${monthLabel(model.reportingMonth)}: ${total} objectives across ${model.strands.length} strands; ${total - missing} updates received, ${missing} missing; ${worsened} worsened since ${monthLabel(model.lastMonth)}.`;
  return [
    ...sectionOpening('dashboard', 'Item 3 · Performance against the plan', lede),
    statusTable(model),
    barChart(model),
    movementTable(model),
    missingTable(model),
    measuresTable(model),
  ];
}
