// A month's variation and the target's assurance, each as a mark (shape and colour) and words, so
// neither colour nor shape is needed to read them.
import type { Assurance, Variation } from '../../../shared/spc';
import { ASSURANCE_LABELS, VARIATION_LABELS } from '../../../shared/spcWords';
import { Mark } from '../../components/SpcChart';

export function VariationWords({ variation }: { variation: Variation | null }) {
  if (variation === null) return <span className="muted">No figure this month</span>;
  return (
    <span className={`variation variation-${variation}`} data-variation={variation}>
      <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true">
        <Mark variation={variation} x={7} y={7} r={variation === 'common_cause' ? 4 : 4.5} />
      </svg>{' '}
      {VARIATION_LABELS[variation]}
    </span>
  );
}

const ASSURANCE_MARKS: Record<Assurance, string> = {
  consistent_pass: '✓',
  consistent_fail: '✕',
  inconsistent: '~',
};

export function AssuranceWords({
  assurance,
  hasTarget,
}: {
  assurance: Assurance | null;
  hasTarget: boolean;
}) {
  if (assurance === null)
    return <span className="muted">{hasTarget ? 'Target: not yet judged' : 'No target'}</span>;
  return (
    <span className={`assurance assurance-${assurance}`} data-assurance={assurance}>
      <span className="assurance-mark" aria-hidden="true">
        {ASSURANCE_MARKS[assurance]}
      </span>{' '}
      {ASSURANCE_LABELS[assurance]}
    </span>
  );
}
