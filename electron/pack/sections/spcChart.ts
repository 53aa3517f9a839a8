// A small-multiple SPC chart for the pack, drawn as pdfmake vectors: the figures, centre line,
// process limits, target, segment breaks, and each point marked by a shape as well as a colour so
// that a greyscale print reads the same. Deterministic: the same chart, the same nodes.
// Its words are set into lines here (presetTables.ts): a chart's width is known, and pdfmake would
// otherwise measure, lay out and keep every word of every caption as an inline of its own.
import type { SpcChart, Variation } from '../../../shared/spc';
import { VARIATIONS } from '../../../shared/spc';
import {
  CHART_INK,
  VARIATION_COLOURS,
  VARIATION_SHAPES,
  chartScale,
  markPoints,
  round2,
  type ChartScale,
} from '../../../shared/spcMarks';
import { VARIATION_LABELS, formatNumber, spcCaption, type ChartSubject } from '../../../shared/spcWords';
import { addMonths, monthLabel } from '../../../shared/months';
import type { CanvasShape, Node, StackNode, TextNode } from '../content';
import { presetText } from '../presetTables';
import { INK } from '../theme';

export interface ChartFrame {
  /** The plot area, in points. */
  width: number;
  height: number;
}

const AXIS_WIDTH = 26;
const COMMON_RADIUS = 1.1;
const SIGNAL_RADIUS = 2.1;
const LIMIT_DASH = { length: 2.5, space: 1.5 };
const TRIAL_DASH = { length: 0.8, space: 1.6 };
const TARGET_DASH = { length: 5, space: 1.5 };
const BREAK_DASH = { length: 1, space: 1 };

const r2 = round2;

function scaleOf(chart: SpcChart, frame: ChartFrame): ChartScale {
  return chartScale(chart, frame.width, frame.height);
}

function hline(
  x1: number,
  x2: number,
  y: number,
  lineColor: string,
  lineWidth: number,
  dash?: { length: number; space: number },
): CanvasShape {
  return {
    type: 'line',
    x1: r2(x1),
    y1: y,
    x2: r2(x2),
    y2: y,
    lineColor,
    lineWidth,
    ...(dash ? { dash } : {}),
  };
}

/** Centre and limits per segment; trial limits dotted rather than dashed (and said in words). */
function segmentLines(chart: SpcChart, scale: ChartScale): CanvasShape[] {
  const shapes: CanvasShape[] = [];
  for (const segment of chart.segments) {
    if (segment.centre === null) continue;
    const x1 = segment.start * scale.step;
    const x2 = segment.end * scale.step;
    if (segment.lower !== null && segment.upper !== null) {
      const dash = segment.trial ? TRIAL_DASH : LIMIT_DASH;
      shapes.push(hline(x1, x2, scale.y(segment.upper), CHART_INK.limit, 0.6, dash));
      shapes.push(hline(x1, x2, scale.y(segment.lower), CHART_INK.limit, 0.6, dash));
    }
    shapes.push(hline(x1, x2, scale.y(segment.centre), CHART_INK.centre, 0.7));
  }
  return shapes;
}

function breakLines(chart: SpcChart, scale: ChartScale, frame: ChartFrame): CanvasShape[] {
  return chart.segments.slice(1).map((segment) => {
    const x = r2(segment.start * scale.step);
    return {
      type: 'line',
      x1: x,
      y1: 0,
      x2: x,
      y2: frame.height,
      lineColor: CHART_INK.break,
      lineWidth: 0.6,
      dash: BREAK_DASH,
    };
  });
}

/** The figures joined month to month; a month with no figure breaks the line. */
function valueLines(chart: SpcChart, scale: ChartScale): CanvasShape[] {
  const lines: CanvasShape[] = [];
  let run: { x: number; y: number }[] = [];
  const flush = () => {
    if (run.length > 1)
      lines.push({
        type: 'polyline',
        points: run,
        lineColor: CHART_INK.line,
        lineWidth: 0.6,
        lineJoin: 'round',
      });
    run = [];
  };
  chart.values.forEach((v, i) => {
    if (v === null) flush();
    else run.push({ x: scale.x(i), y: scale.y(v) });
  });
  flush();
  return lines;
}

/** One mark: a small grey dot for common cause, a larger outlined shape for special cause. */
export function markShape(variation: Variation, x: number, y: number, scale = 1): CanvasShape {
  if (variation === 'common_cause')
    return {
      type: 'ellipse',
      x,
      y,
      r1: r2(COMMON_RADIUS * scale),
      r2: r2(COMMON_RADIUS * scale),
      color: VARIATION_COLOURS.common_cause,
    };
  const points = markPoints(VARIATION_SHAPES[variation], x, y, SIGNAL_RADIUS * scale).map(([px, py]) => ({
    x: r2(px),
    y: r2(py),
  }));
  return {
    type: 'polyline',
    points,
    closePath: true,
    color: VARIATION_COLOURS[variation],
    lineColor: INK.text,
    lineWidth: 0.4,
  };
}

/**
 * A common-cause month in a plot: a stroke of no length with round ends, which a PDF reader draws
 * as a filled circle (ISO 32000-1, 8.5.3.2), the same as markShape's. Most months are common
 * cause, and as an ellipse each was four curves: two thirds of a chart page's drawing, every one of
 * them compressed with the page.
 */
export function commonCauseDot(x: number, y: number): CanvasShape {
  return {
    type: 'line',
    x1: x,
    y1: y,
    x2: x,
    y2: y,
    lineWidth: r2(2 * COMMON_RADIUS),
    lineCap: 'round',
    lineColor: VARIATION_COLOURS.common_cause,
  };
}

export interface ChartMark {
  month: number;
  variation: Variation;
  shape: CanvasShape;
}

/** Each month's mark, common cause first so that signals are drawn on top. */
export function chartMarks(chart: SpcChart, frame: ChartFrame): ChartMark[] {
  return marksAt(chart, scaleOf(chart, frame));
}

function marksAt(chart: SpcChart, scale: ChartScale): ChartMark[] {
  const marks: ChartMark[] = [];
  chart.values.forEach((v, i) => {
    const variation = chart.variation[i];
    if (v === null || variation === null) return;
    const [x, y] = [scale.x(i), scale.y(v)];
    const shape = variation === 'common_cause' ? commonCauseDot(x, y) : markShape(variation, x, y);
    marks.push({ month: i, variation, shape });
  });
  return [
    ...marks.filter((m) => m.variation === 'common_cause'),
    ...marks.filter((m) => m.variation !== 'common_cause'),
  ];
}

/** The plot as vectors: target, limits and centre, breaks, the figures, then the marks. */
export function chartCanvas(chart: SpcChart, frame: ChartFrame): CanvasShape[] {
  return canvasAt(chart, frame, scaleOf(chart, frame));
}

function canvasAt(chart: SpcChart, frame: ChartFrame, scale: ChartScale): CanvasShape[] {
  const axis = hline(0, frame.width, frame.height, INK.rule, 0.5);
  const target =
    chart.target === null
      ? []
      : [hline(0, frame.width, scale.y(chart.target), CHART_INK.target, 0.8, TARGET_DASH)];
  return [
    axis,
    ...target,
    ...segmentLines(chart, scale),
    ...breakLines(chart, scale, frame),
    ...valueLines(chart, scale),
    ...marksAt(chart, scale).map((m) => m.shape),
  ];
}

const small = { fontSize: 6.5, color: INK.muted };

export interface PackChartSubject extends ChartSubject {
  ref: string;
}

/** One small multiple: title, plot with its scale, first and last month, and the sentence. */
export function spcChartNode(subject: PackChartSubject, chart: SpcChart, frame: ChartFrame): StackNode {
  const scale = scaleOf(chart, frame);
  const width = AXIS_WIDTH + frame.width;
  const title: TextNode = {
    text: [{ text: `${subject.ref}\u00a0\u00a0`, bold: true, color: INK.accent }, subject.title],
    fontSize: 8,
    bold: true,
    margin: [0, 0, 0, 3],
  };
  const caption: TextNode = {
    text: spcCaption(subject, chart),
    fontSize: 7,
    color: INK.text,
    lineHeight: 1.2,
  };
  const month = (text: string, extra: Partial<TextNode> = {}): TextNode =>
    presetText({ width: frame.width / 2, text, ...small, ...extra }, frame.width / 2);
  const axisLabels: StackNode = {
    width: AXIS_WIDTH,
    stack: [
      { text: formatNumber(scale.max, 1), ...small, alignment: 'right', margin: [0, 0, 3, 0] },
      {
        text: formatNumber(scale.min, 1),
        ...small,
        alignment: 'right',
        margin: [0, frame.height - 16, 3, 0],
      },
    ],
  };
  const last = addMonths(chart.firstMonth, Math.max(0, chart.values.length - 1));
  return {
    unbreakable: true,
    margin: [0, 0, 0, 10],
    stack: [
      presetText(title, width),
      {
        columns: [axisLabels, { width: frame.width, canvas: canvasAt(chart, frame, scale) }],
        columnGap: 0,
      },
      {
        columns: [
          { width: AXIS_WIDTH, text: '' },
          month(monthLabel(chart.firstMonth)),
          month(monthLabel(last), { alignment: 'right' }),
        ],
        columnGap: 0,
        margin: [0, 1, 0, 2],
      },
      presetText(caption, width),
    ],
  };
}

/** The key: every mark and line with its words, so that nothing rests on colour alone. */
export function spcKeyNode(): Node {
  const cell = (canvas: CanvasShape[], label: string): Node[] => [
    { width: 14, canvas, margin: [0, 2, 0, 0] },
    { width: 'auto', text: label, ...small, noWrap: true, margin: [0, 0, 12, 0] },
  ];
  const mark = (v: Variation) => cell([markShape(v, 5, 4)], VARIATION_LABELS[v]);
  const line = (lineColor: string, dash: { length: number; space: number } | undefined, label: string) =>
    cell([hline(0, 11, 4, lineColor, 0.8, dash)], label);
  return {
    stack: [
      { columns: VARIATIONS.flatMap(mark), columnGap: 0, margin: [0, 0, 0, 3] },
      {
        columns: [
          ...line(CHART_INK.centre, undefined, 'Mean'),
          ...line(CHART_INK.limit, LIMIT_DASH, 'Process limits'),
          ...line(CHART_INK.limit, TRIAL_DASH, 'Trial limits (fewer than 12 months)'),
          ...line(CHART_INK.target, TARGET_DASH, 'Target'),
          ...line(CHART_INK.break, BREAK_DASH, 'Definition changed: rebased'),
        ],
        columnGap: 0,
      },
    ],
    margin: [0, 0, 0, 10],
  };
}
