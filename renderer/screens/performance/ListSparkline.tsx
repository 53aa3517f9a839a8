// The indicator list's sparkline: the months' figures as a line and the latest month's mark. The
// words beside it say what it shows, so the drawing is decorative.
import { memo } from 'react';
import type { Variation } from '../../../shared/spc';
import { CHART_INK } from '../../../shared/spcMarks';
import { Mark } from '../../components/SpcChart';

const WIDTH = 96;
const HEIGHT = 24;
const PAD = 4;

function linePath(values: readonly (number | null)[]): { d: string; last: [number, number] | null } {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return { d: '', last: null };
  const min = Math.min(...known);
  const span = Math.max(...known) - min || 1;
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  let d = '';
  let drawing = false;
  let last: [number, number] | null = null;
  for (const [i, v] of values.entries()) {
    if (v === null) {
      drawing = false;
      continue;
    }
    const point: [number, number] = [PAD + i * step, HEIGHT - PAD - ((v - min) / span) * (HEIGHT - 2 * PAD)];
    d += `${drawing ? 'L' : 'M'}${point[0].toFixed(1)},${point[1].toFixed(1)}`;
    drawing = true;
    last = point;
  }
  return { d, last };
}

export const ListSparkline = memo(function ListSparkline({
  values,
  variation,
}: {
  values: readonly (number | null)[];
  variation: Variation | null;
}) {
  const { d, last } = linePath(values);
  if (!d) return null;
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
    >
      <path d={d} fill="none" stroke={CHART_INK.line} strokeWidth={1} />
      {last && variation && <Mark variation={variation} x={last[0]} y={last[1]} r={3} />}
    </svg>
  );
});
