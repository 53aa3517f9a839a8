// How a chart marks each kind of point, the same in the pack and on screen: a shape for every
// variation (so a greyscale print reads as the colour one does), a colour, and the words of the key.
import type { SpcChart, Variation } from './spc';

export type MarkShape = 'circle' | 'diamond' | 'square' | 'triangle_up' | 'triangle_down';

/** One distinct shape per variation. Improvement and concern differ in shape, not only in hue. */
export const VARIATION_SHAPES: Record<Variation, MarkShape> = {
  common_cause: 'circle',
  special_cause_improvement: 'diamond',
  special_cause_concern: 'square',
  special_cause_neutral_high: 'triangle_up',
  special_cause_neutral_low: 'triangle_down',
};

/** As "Making Data Count" colours them: grey noise, blue improvement, orange concern, purple neutral. */
export const VARIATION_COLOURS: Record<Variation, string> = {
  common_cause: '#8b93a1',
  special_cause_improvement: '#1f5fa8',
  special_cause_concern: '#c25400',
  special_cause_neutral_high: '#5b3a8c',
  special_cause_neutral_low: '#5b3a8c',
};

export const CHART_INK = {
  line: '#5d6676',
  centre: '#1d2330',
  limit: '#8b93a1',
  target: '#2e7d32',
  break: '#1d2330',
} as const;

/**
 * A mark's outline as points around (x, y), radius r: the same geometry for the pack's canvas and
 * the screen's SVG. A circle is drawn as a circle, so it has no points here.
 */
export function markPoints(shape: MarkShape, x: number, y: number, r: number): [number, number][] {
  switch (shape) {
    case 'diamond':
      return [
        [x, y - r * 1.3],
        [x + r * 1.3, y],
        [x, y + r * 1.3],
        [x - r * 1.3, y],
      ];
    case 'square':
      return [
        [x - r, y - r],
        [x + r, y - r],
        [x + r, y + r],
        [x - r, y + r],
      ];
    case 'triangle_up':
      return [
        [x, y - r * 1.3],
        [x + r * 1.2, y + r * 0.8],
        [x - r * 1.2, y + r * 0.8],
      ];
    case 'triangle_down':
      return [
        [x, y + r * 1.3],
        [x + r * 1.2, y - r * 0.8],
        [x - r * 1.2, y - r * 0.8],
      ];
    case 'circle':
      return [];
  }
}

/** Where a chart's months and values fall in a plot of width × height (y down, as drawn). */
export interface ChartScale {
  x: (i: number) => number;
  y: (v: number) => number;
  min: number;
  max: number;
  /** The width of one month. */
  step: number;
}

/** Two decimals: enough for any drawing, and short numbers in the file. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Fits every figure, centre, limit and the target, with a little room above and below. */
export function chartScale(chart: SpcChart, width: number, height: number): ChartScale {
  let min = Infinity;
  let max = -Infinity;
  const see = (v: number | null) => {
    if (v === null) return;
    if (v < min) min = v;
    if (v > max) max = v;
  };
  for (const v of chart.values) see(v);
  for (const s of chart.segments) [s.centre, s.lower, s.upper].forEach(see);
  see(chart.target);
  if (min === Infinity) [min, max] = [0, 1];
  if (max - min < 1e-9) [min, max] = [min - 1, max + 1];
  const pad = (max - min) * 0.06;
  const [low, high] = [min - pad, max + pad];
  const step = width / Math.max(1, chart.values.length);
  return {
    x: (i) => round2((i + 0.5) * step),
    y: (v) => round2(height - ((v - low) / (high - low)) * height),
    min: low,
    max: high,
    step,
  };
}
