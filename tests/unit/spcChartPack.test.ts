// The pack's SPC chart is a pure drawing: the same chart gives the same vectors, and every kind of
// point is marked by its own shape (not only a colour), so a greyscale print reads the same.
import { describe, expect, it } from 'vitest';
import { spcChart } from '../../shared/spc';
import { VARIATION_SHAPES, markPoints } from '../../shared/spcMarks';
import { chartCanvas, chartMarks, markShape, spcChartNode } from '../../electron/pack/sections/spcChart';

const frame = { width: 200, height: 70 };

/** 8, 12 … with a month of 40 (concern where lower is better) and a last run of 7 at 9 (improvement). */
function knifeCrime() {
  const values: (number | null)[] = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 8 : 12));
  values[6] = 40;
  values[10] = null;
  for (let i = 23; i < 30; i++) values[i] = 9;
  return spcChart({ firstMonth: '2005-04', values, better: 'lower', target: 5, breaks: [] });
}

const subject = { ref: 'S4.M2', title: 'Knife-enabled offences', unit: 'count' as const };

/** The words of a node as a reader meets them: its text is set into lines, one inline per line. */
function wordsOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(wordsOf).join('');
  if (typeof node !== 'object' || node === null) return '';
  const parts = ['text', 'stack', 'columns'].map((key) =>
    key in node ? wordsOf(node[key as keyof typeof node]) : '',
  );
  return parts.join(' ').replace(/\s+/g, ' ');
}

describe('the pack’s SPC chart', () => {
  it('draws the same vectors every time', () => {
    const first = JSON.stringify(spcChartNode(subject, knifeCrime(), frame));
    const second = JSON.stringify(spcChartNode(subject, knifeCrime(), frame));
    expect(second).toBe(first);
  });

  it('marks each special-cause point with its variation’s shape, on top of the common-cause dots', () => {
    const chart = knifeCrime();
    const marks = chartMarks(chart, frame);
    const byVariation = new Map(marks.map((m) => [m.variation, m]));
    expect([...byVariation.keys()].sort()).toEqual([
      'common_cause',
      'special_cause_concern',
      'special_cause_improvement',
    ]);
    expect(marks.find((m) => m.month === 6)?.variation).toBe('special_cause_concern');
    // The 8 before the run of 9s is below the mean too: the run is 8 long.
    expect(marks.filter((m) => m.variation === 'special_cause_improvement').map((m) => m.month)).toEqual([
      22, 23, 24, 25, 26, 27, 28, 29,
    ]);
    expect(marks.some((m) => m.month === 10)).toBe(false);
    // Signals last, so no grey dot is drawn over one.
    const firstSignal = marks.findIndex((m) => m.variation !== 'common_cause');
    expect(marks.slice(firstSignal).every((m) => m.variation !== 'common_cause')).toBe(true);
    // The marks are the last vectors of the plot.
    expect(chartCanvas(chart, frame).slice(-marks.length)).toEqual(marks.map((m) => m.shape));
  });

  it('gives every variation a different outline', () => {
    const outlines = (
      [
        'common_cause',
        'special_cause_improvement',
        'special_cause_concern',
        'special_cause_neutral_high',
        'special_cause_neutral_low',
      ] as const
    ).map((v) => JSON.stringify(markShape(v, 0, 0)));
    expect(new Set(outlines).size).toBe(5);
    const concern = markShape('special_cause_concern', 10, 10);
    expect(concern).toMatchObject({ type: 'polyline', closePath: true });
    expect(concern.type === 'polyline' && concern.points.map((p) => [p.x, p.y])).toEqual(
      markPoints(VARIATION_SHAPES.special_cause_concern, 10, 10, 2.1),
    );
    expect(markShape('common_cause', 10, 10).type).toBe('ellipse');
  });

  it('draws a common-cause month as a round dot: a stroke of no length as wide as the circle', () => {
    const marks = chartMarks(knifeCrime(), frame).filter((m) => m.variation === 'common_cause');
    expect(marks.length).toBeGreaterThan(10);
    const circle = markShape('common_cause', 0, 0);
    if (circle.type !== 'ellipse') throw new Error('a common-cause mark is a circle');
    for (const { shape } of marks) {
      expect(shape).toMatchObject({ type: 'line', lineCap: 'round', lineColor: circle.color });
      if (shape.type !== 'line') continue;
      expect([shape.x2 - shape.x1, shape.y2 - shape.y1]).toEqual([0, 0]);
      expect(shape.lineWidth).toBe(2 * circle.r1);
    }
  });

  it('draws the target, a segment break and trial limits in their own strokes', () => {
    const chart = spcChart({
      firstMonth: '2007-04',
      values: [60, 64, 60, 64, 60, 64, 60, 64, 70, 74, 70, 74],
      better: 'higher',
      target: 85,
      breaks: ['2007-12'],
    });
    const canvas = chartCanvas(chart, frame);
    const dashed = canvas.filter((s) => s.type === 'line' && s.dash !== undefined);
    const vertical = dashed.filter((s) => s.type === 'line' && s.x1 === s.x2);
    expect(vertical).toHaveLength(1);
    expect(dashed.some((s) => s.type === 'line' && s.dash?.length === 5)).toBe(true); // target
    expect(dashed.some((s) => s.type === 'line' && s.dash?.length === 0.8)).toBe(true); // trial limits
    const words = wordsOf(spcChartNode({ ...subject, unit: 'percent' }, chart, frame));
    expect(words).toContain('trial limits (fewer than 12 months)');
    expect(words).toContain('Rebased December 2007: definition changed.');
  });
});
