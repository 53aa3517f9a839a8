// A stacked bar of status counts, worst first, drawn with SVG attributes (no inline styles, so it
// works under a strict style CSP). The table beside it carries the numbers in words.
import type { ReportedStatus } from '../../shared/domain';
import { STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER } from '../../shared/status';

export function StatusBar({
  counts,
  total,
  label,
}: {
  counts: Partial<Record<ReportedStatus, number>>;
  total: number;
  label: string;
}) {
  const width = 240;
  let x = 0;
  const parts = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0).map((status) => {
    const w = total > 0 ? ((counts[status] ?? 0) / total) * width : 0;
    const part = { status, x, w };
    x += w;
    return part;
  });
  const summary = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${counts[s]} ${STATUS_LABELS[s]}`)
    .join(', ');
  return (
    <svg
      className="bars"
      viewBox={`0 0 ${width} 18`}
      height="18"
      role="img"
      aria-label={`${label}: ${summary || 'no objectives'}`}
    >
      <rect x="0" y="0" width={width} height="18" fill="#ffffff" stroke="#8a929e" strokeWidth="1" />
      {parts.map((p) => (
        <rect
          key={p.status}
          x={p.x}
          y="0"
          width={p.w}
          height="18"
          fill={p.status === 'no_update' ? '#ffffff' : STATUS_COLOURS[p.status]}
          stroke={p.status === 'no_update' ? '#8a929e' : '#ffffff'}
          strokeWidth="1"
          strokeDasharray={p.status === 'no_update' ? '3 2' : undefined}
        />
      ))}
    </svg>
  );
}

export function StatusLegend() {
  return (
    <ul className="legend" aria-label="Status key">
      {STATUS_ORDER.map((s) => (
        <li key={s} className={`status status-${s}`}>
          <span className="status-swatch" aria-hidden="true" />
          {STATUS_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}
