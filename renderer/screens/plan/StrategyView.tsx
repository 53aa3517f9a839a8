// The strategy as the board wrote it: aim, key outcomes, themes, strands with their measures and
// aims, partners and glossary.
import type { PlanDetail } from '../../../shared/contract';

export function StrategyView({ plan }: { plan: PlanDetail }) {
  return (
    <div className="strategy">
      <div className="card">
        <h2>{plan.title}</h2>
        <p>
          <strong>Aim:</strong> {plan.aim}
        </p>
        <p className="muted">
          {plan.organisation} · {plan.startMonth} to {plan.endMonth} · chaired by{' '}
          {plan.chairs.join(' and ') || 'not recorded'}
        </p>
        <h3>Key outcomes</h3>
        <ol>
          {plan.outcomes.map((o) => (
            <li key={o.number}>{o.text}</li>
          ))}
        </ol>
        <h3>Themes</h3>
        <p>
          <strong>Underpinning:</strong> {plan.underpinningThemes.join(', ')}
        </p>
        <ul>
          {plan.crossCuttingThemes.map((t) => (
            <li key={t.name}>
              <strong>{t.name}</strong>
              {t.summary ? `: ${t.summary}` : ''}
            </li>
          ))}
        </ul>
      </div>
      {plan.strands.map((s) => (
        <div className="card" key={s.number}>
          <h2>
            Strand {s.number}: {s.title}
            {s.operation ? ` (${s.operation})` : ''}
          </h2>
          <p className="muted">Lead: {s.lead}</p>
          <div className="two-columns">
            <div>
              <h3>Success measures</h3>
              <ul>
                {s.successMeasures.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
            <div>
              <h3>Aims</h3>
              <ul>
                {s.aims.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      ))}
      <div className="card two-columns">
        <div>
          <h2>Partners</h2>
          <ul>
            {plan.partners.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
        <div>
          <h2>Glossary</h2>
          <dl className="glossary">
            {plan.glossary.map((g) => (
              <div key={g.term}>
                <dt>{g.term}</dt>
                <dd>{g.meaning}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </div>
  );
}
