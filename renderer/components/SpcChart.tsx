// An indicator's SPC chart on screen (SVG), and the sparkline of the indicator list. The chart's
// text alternative is the same sentence the pack prints under it; every mark is a shape as well
// as a colour, and the key names each in words.
import { useId } from 'react';
import type { SpcChart as SpcChartData, Variation } from '../../shared/spc';
import { VARIATIONS } from '../../shared/spc';
import {
  CHART_INK,
  VARIATION_COLOURS,
  VARIATION_SHAPES,
  chartScale,
  markPoints,
  type ChartScale,
} from '../../shared/spcMarks';
import { VARIATION_LABELS, formatNumber, spcCaption, type ChartSubject } from '../../shared/spcWords';
import { addMonths, monthLabel, type ReportingMonth } from '../../shared/months';

const PAD = { left: 48, right: 8, top: 8, bottom: 22 };

/** A point's mark: its shape and colour say its variation (used by the key and the screens' lists). */
export function Mark({ variation, x, y, r }: { variation: Variation; x: number; y: number; r: number }) {
  if (variation === 'common_cause')
    return <circle cx={x} cy={y} r={r * 0.55} fill={VARIATION_COLOURS.common_cause} />;
  const points = markPoints(VARIATION_SHAPES[variation], x, y, r)
    .map(([px, py]) => `${px.toFixed(2)},${py.toFixed(2)}`)
    .join(' ');
  return <polygon points={points} fill={VARIATION_COLOURS[variation]} stroke="#1d2330" strokeWidth={0.6} />;
}

/** The figures as one path per run of months with a value. */
function valuePath(chart: SpcChartData, scale: ChartScale): string {
  let d = '';
  let drawing = false;
  chart.values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'}${scale.x(i)},${scale.y(v)}`;
    drawing = true;
  });
  return d;
}

function SegmentLines({ chart, scale }: { chart: SpcChartData; scale: ChartScale }) {
  return (
    <g>
      {chart.segments.map((s) => {
        if (s.centre === null) return null;
        const [x1, x2] = [s.start * scale.step, s.end * scale.step];
        const dash = s.trial ? '1 2' : '4 3';
        return (
          <g key={s.start}>
            {s.upper !== null && s.lower !== null && (
              <>
                <line
                  x1={x1}
                  x2={x2}
                  y1={scale.y(s.upper)}
                  y2={scale.y(s.upper)}
                  stroke={CHART_INK.limit}
                  strokeDasharray={dash}
                />
                <line
                  x1={x1}
                  x2={x2}
                  y1={scale.y(s.lower)}
                  y2={scale.y(s.lower)}
                  stroke={CHART_INK.limit}
                  strokeDasharray={dash}
                />
              </>
            )}
            <line x1={x1} x2={x2} y1={scale.y(s.centre)} y2={scale.y(s.centre)} stroke={CHART_INK.centre} />
            {s.start > 0 && (
              <line
                x1={x1}
                x2={x1}
                y1={0}
                y2={scale.y(scale.min)}
                stroke={CHART_INK.break}
                strokeDasharray="2 2"
              />
            )}
          </g>
        );
      })}
    </g>
  );
}

export interface SpcChartProps {
  subject: ChartSubject;
  chart: SpcChartData;
  /** The month the screen reports on; the latest figure when unset. */
  month?: ReportingMonth;
  width?: number;
  height?: number;
}

export function SpcChart({ subject, chart, month, width = 640, height = 220 }: SpcChartProps) {
  const captionId = useId();
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const scale = chartScale(chart, plotWidth, plotHeight);
  const last = addMonths(chart.firstMonth, Math.max(0, chart.values.length - 1));
  return (
    <figure className="spc-chart">
      <svg
        role="img"
        aria-label={`SPC chart: ${subject.title}`}
        aria-describedby={captionId}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          <text x={-6} y={scale.y(scale.max) + 4} textAnchor="end" fontSize={11} fill="#5d6676">
            {formatNumber(scale.max, 1)}
          </text>
          <text x={-6} y={scale.y(scale.min)} textAnchor="end" fontSize={11} fill="#5d6676">
            {formatNumber(scale.min, 1)}
          </text>
          {chart.target !== null && (
            <line
              x1={0}
              x2={plotWidth}
              y1={scale.y(chart.target)}
              y2={scale.y(chart.target)}
              stroke={CHART_INK.target}
              strokeWidth={1.5}
              strokeDasharray="8 3"
            />
          )}
          <SegmentLines chart={chart} scale={scale} />
          <path d={valuePath(chart, scale)} fill="none" stroke={CHART_INK.line} strokeLinejoin="round" />
          {chart.values.map((v, i) => {
            const variation = chart.variation[i];
            if (v === null || variation === null) return null;
            return (
              <Mark
                key={i}
                variation={variation}
                x={scale.x(i)}
                y={scale.y(v)}
                r={variation === 'common_cause' ? 4 : 5}
              />
            );
          })}
          <text x={0} y={plotHeight + 16} fontSize={11} fill="#5d6676">
            {monthLabel(chart.firstMonth)}
          </text>
          <text x={plotWidth} y={plotHeight + 16} textAnchor="end" fontSize={11} fill="#5d6676">
            {monthLabel(last)}
          </text>
        </g>
      </svg>
      <figcaption id={captionId}>{spcCaption(subject, chart, month)}</figcaption>
      <SpcKey />
    </figure>
  );
}

const KEY_LINES = [
  { label: 'Mean', stroke: CHART_INK.centre, dash: undefined },
  { label: 'Process limits', stroke: CHART_INK.limit, dash: '4 3' },
  { label: 'Trial limits (fewer than 12 months)', stroke: CHART_INK.limit, dash: '1 2' },
  { label: 'Target', stroke: CHART_INK.target, dash: '8 3' },
  { label: 'Definition changed: rebased', stroke: CHART_INK.break, dash: '2 2' },
];

/** The key: each mark's shape and each line's stroke beside its words. */
export function SpcKey() {
  return (
    <ul className="spc-key">
      {VARIATIONS.map((v) => (
        <li key={v}>
          <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true">
            <Mark variation={v} x={7} y={7} r={v === 'common_cause' ? 4 : 4.5} />
          </svg>{' '}
          {VARIATION_LABELS[v]}
        </li>
      ))}
      {KEY_LINES.map(({ label, stroke, dash }) => (
        <li key={label}>
          <svg width={22} height={14} viewBox="0 0 22 14" aria-hidden="true">
            <line x1={1} x2={21} y1={7} y2={7} stroke={stroke} strokeWidth={1.5} strokeDasharray={dash} />
          </svg>{' '}
          {label}
        </li>
      ))}
    </ul>
  );
}

/** A sparkline for the indicator list: the figures and the latest month's mark. The variation's
 *  words stand beside it in the list, so the drawing itself is decorative. */
export function Sparkline({
  chart,
  width = 96,
  height = 24,
}: {
  chart: SpcChartData;
  width?: number;
  height?: number;
}) {
  const scale = chartScale(chart, width - 8, height - 8);
  let latest = -1;
  chart.values.forEach((v, i) => {
    if (v !== null) latest = i;
  });
  const value = latest >= 0 ? chart.values[latest] : null;
  const variation = latest >= 0 ? chart.variation[latest] : null;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
    >
      <g transform="translate(4,4)">
        <path d={valuePath(chart, scale)} fill="none" stroke={CHART_INK.line} strokeWidth={1} />
        {value !== null && variation !== null && (
          <Mark variation={variation} x={scale.x(latest)} y={scale.y(value)} r={3} />
        )}
      </g>
    </svg>
  );
}
