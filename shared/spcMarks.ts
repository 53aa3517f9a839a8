// How a chart marks each kind of point, the same in the pack and on screen: a shape for every
// variation (so a greyscale print reads as the colour one does), a colour, and the words of the key.
import type { Variation } from './spc';

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
