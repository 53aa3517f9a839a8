// Where an indicator belongs: a key outcome, a strand, or both (either may be none).
import type { PlanDetail } from '../../../shared/contract';

interface Props {
  id: string;
  plan: PlanDetail | null;
  outcome: string;
  strand: string;
  onOutcome(value: string): void;
  onStrand(value: string): void;
}

export function IndicatorPlacement({ id, plan, outcome, strand, onOutcome, onStrand }: Props) {
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Key outcome</label>
        <select id={`${id}-outcome`} value={outcome} onChange={(e) => onOutcome(e.target.value)}>
          <option value="">None</option>
          {plan?.outcomes.map((o) => (
            <option key={o.number} value={o.number}>
              {o.number}. {o.text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-strand`}>Strand</label>
        <select id={`${id}-strand`} value={strand} onChange={(e) => onStrand(e.target.value)}>
          <option value="">None</option>
          {plan?.strands.map((s) => (
            <option key={s.number} value={s.number}>
              {s.number}. {s.title}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
