// Performance: every indicator with its sparkline, variation and assurance; one indicator's chart,
// figures and history; and the grid a strand's or key outcome's figures are entered in.
//   #/performance            the list        #/performance/S3.M4          one indicator
//   #/performance/figures/strand/3           the figures grid of strand 3 (or outcome/N)
import { useState } from 'react';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { isLeadCopy } from '../../state/leadCopy';
import { useFigureGrid } from '../../state/figureGrid';
import { useResource } from '../../state/resource';
import { hrefFor, useRoute } from '../../state/route';
import { useSession } from '../../state/session';
import { useScreenTitle } from '../../state/title';
import { useExternalChanges } from '../../state/externalChanges';
import { FigureGrid } from './FigureGrid';
import { groupIndicators, groupTitle } from './groups';
import { IndicatorDetail } from './IndicatorDetail';
import { IndicatorForm } from './IndicatorForm';
import { IndicatorList } from './IndicatorList';
import './performance.css';

export function PerformanceScreen() {
  const parts = useRoute((r) => r.parts);
  if (parts[0] === 'figures' && (parts[1] === 'strand' || parts[1] === 'outcome') && Number(parts[2]) > 0)
    return <FiguresView kind={parts[1]} number={Number(parts[2])} />;
  if (parts[0]) return <IndicatorView indicatorRef={parts[0]} />;
  return <ListView />;
}

function ListView() {
  const month = useSession((s) => s.month);
  const plan = useApp((s) => s.plan);
  const go = useRoute((r) => r.go);
  const [adding, setAdding] = useState(false);
  // A lead's copy enters figures; defining indicators is the secretariat's.
  const secretariat = !isLeadCopy(useApp((s) => s.settings));
  const list = useResource(`indicators:${month}`, month ? () => call('indicators.list', { month }) : null);
  useScreenTitle(month ? `Performance: ${monthLabel(month)}` : 'Performance');
  useExternalChanges(['indicator', 'plan'], list.reload);
  const ready = list.data !== null && !list.loading;
  return (
    <section aria-labelledby="performance-title" data-ready={ready ? 'performance' : undefined}>
      <div className="screen-head">
        <div>
          <h1 id="performance-title">Performance{month ? `: ${monthLabel(month)}` : ''}</h1>
          <p className="lede">
            Each indicator&apos;s latest figure, whether it is a signal or noise, and whether its target will
            be met reliably. Choose one for its chart, figures and history.
          </p>
        </div>
        {secretariat && !adding && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add an indicator
          </button>
        )}
      </div>
      {adding && <IndicatorForm onDone={(ref) => go('performance', ref)} onCancel={() => setAdding(false)} />}
      <ErrorMessage text={list.error} />
      {!list.data && !list.error && <Loading what="the indicators" />}
      {list.data && list.data.length === 0 && <p className="muted">No indicators yet. Add one above.</p>}
      {list.data && (
        <IndicatorList key={month} groups={groupIndicators(list.data, (i) => i.indicator, plan)} />
      )}
    </section>
  );
}

function IndicatorView({ indicatorRef }: { indicatorRef: string }) {
  const month = useSession((s) => s.month);
  const saves = useFigureGrid((s) => s.saves);
  const [changes, setChanges] = useState(0);
  const detail = useResource(`indicator:${indicatorRef}@${month}#${saves}.${changes}`, () =>
    call('indicators.get', { ref: indicatorRef, ...(month ? { month } : {}) }),
  );
  useScreenTitle(`Performance: ${indicatorRef}`);
  useExternalChanges(['indicator'], detail.reload);
  const d = detail.data?.indicator.ref === indicatorRef ? detail.data : null;
  return (
    <div data-ready={d && !detail.loading ? 'indicator' : undefined}>
      <ErrorMessage text={detail.error} />
      {!d && !detail.error && <Loading what={`indicator ${indicatorRef}`} />}
      {d && <IndicatorDetail detail={d} month={month} onChanged={() => setChanges((n) => n + 1)} />}
    </div>
  );
}

function FiguresView({ kind, number }: { kind: 'strand' | 'outcome'; number: number }) {
  const month = useSession((s) => s.month);
  const plan = useApp((s) => s.plan);
  const title = groupTitle({ kind, number }, plan);
  useScreenTitle(`Enter figures: ${kind} ${number}`);
  // A cell being typed in holds the grid's reading back until it is saved (on leaving the cell).
  useExternalChanges(['indicator'], () => month && useFigureGrid.getState().load({ kind, number }, month));
  return (
    <section aria-labelledby="figures-title">
      <p className="small">
        <a href={hrefFor('performance')}>All indicators</a>
      </p>
      <h1 id="figures-title">Enter figures: {title}</h1>
      {month && <FigureGrid group={{ kind, number }} groupTitle={title} lastMonth={month} />}
    </section>
  );
}
