// The plan: objectives to search, filter and edit, and the strategy they serve.
import { useState } from 'react';
import { useApp } from '../../state/app';
import { Loading } from '../../components/EmptyState';
import { ObjectivesView } from './ObjectivesView';
import { StrategyView } from './StrategyView';
import { useScreenTitle } from '../../state/title';

type Tab = 'objectives' | 'strategy';

export function PlanScreen() {
  useScreenTitle('Plan');
  const plan = useApp((s) => s.plan);
  const [tab, setTab] = useState<Tab>('objectives');
  return (
    <section aria-labelledby="plan-title">
      <div className="screen-head">
        <div>
          <h1 id="plan-title">Plan</h1>
          <p className="lede">{plan ? `${plan.title} · ${plan.aim}` : ''}</p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Plan views">
        <button
          type="button"
          role="tab"
          id="tab-objectives"
          aria-controls="panel-plan"
          aria-selected={tab === 'objectives'}
          onClick={() => setTab('objectives')}
        >
          Objectives
        </button>
        <button
          type="button"
          role="tab"
          id="tab-strategy"
          aria-controls="panel-plan"
          aria-selected={tab === 'strategy'}
          onClick={() => setTab('strategy')}
        >
          Strategy, outcomes and strands
        </button>
      </div>
      <div role="tabpanel" id="panel-plan" aria-labelledby={`tab-${tab}`}>
        {!plan && <Loading what="the plan" />}
        {plan && tab === 'objectives' && <ObjectivesView plan={plan} />}
        {plan && tab === 'strategy' && <StrategyView plan={plan} />}
      </div>
    </section>
  );
}
