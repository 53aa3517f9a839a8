// A status as colour and word together, so it reads the same on screen, to a screen reader and in
// greyscale. The swatch is decorative; the word carries the meaning.
import type { ReportedStatus } from '../../shared/domain';
import { MOVEMENT_LABELS, MOVEMENT_MARKS, STATUS_LABELS, type Movement } from '../../shared/status';

export function StatusBadge({ status }: { status: ReportedStatus }) {
  return (
    <span className={`status status-${status}`}>
      <span className="status-swatch" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}

export function MovementMark({ movement }: { movement: Movement }) {
  return (
    <span className={`movement movement-${movement}`}>
      <span aria-hidden="true">{MOVEMENT_MARKS[movement]} </span>
      {MOVEMENT_LABELS[movement]}
    </span>
  );
}
