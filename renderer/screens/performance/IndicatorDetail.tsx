// One indicator: its SPC chart with the sentence that says what it shows, the variation and the
// assurance in words, its figures, the grid its figures are entered in, and its definition history.
import { useMemo, useState } from 'react';
import type { IndicatorDetail as Detail } from '../../../shared/contractIndicators';
import { indicatorSeries } from '../../../shared/indicatorSeries';
import { UNIT_LABELS } from '../../../shared/indicator';
import { monthLabel, type ReportingMonth } from '../../../shared/months';
import { formatFigure } from '../../../shared/spcWords';
import { SpcChart } from '../../components/SpcChart';
import { useApp } from '../../state/app';
import { isLeadCopy } from '../../state/leadCopy';
import { hrefFor } from '../../state/route';
import { DefinitionHistory } from './DefinitionHistory';
import { FigureGrid } from './FigureGrid';
import { FiguresTable } from './FiguresTable';
import { groupOf, groupTitle } from './groups';
import { IndicatorForm } from './IndicatorForm';
import { RetireIndicator } from './RetireIndicator';
import { AssuranceWords, VariationWords } from './VariationWords';

const BETTER_WORDS = {
  lower: 'lower is better',
  higher: 'higher is better',
  neither: 'neither way is better',
};

interface Props {
  detail: Detail;
  month: ReportingMonth | null;
  onChanged(): void;
}

function targetWords(detail: Detail): string {
  const { target, unit, per } = detail.indicator;
  if (target === null) return 'No target';
  if (target.kind === 'change') return `Target: ${target.percent}% change on ${target.baselineNote}`;
  return `Target: ${target.text ?? formatFigure(target.value, unit ?? 'count', per ?? undefined)}`;
}

export function IndicatorDetail({ detail, month, onChanged }: Props) {
  const plan = useApp((s) => s.plan);
  // A lead's copy enters figures; defining indicators is the secretariat's.
  const secretariat = !isLeadCopy(useApp((s) => s.settings));
  const [form, setForm] = useState<'edit' | 'retire' | null>(null);
  const { indicator } = detail;
  const series = useMemo(
    () =>
      indicatorSeries(
        indicator,
        detail.figures,
        detail.definitionChanges.map((c) => c.month),
        plan?.startMonth ?? month ?? '2000-01',
        month ?? undefined,
      ),
    [indicator, detail, plan, month],
  );
  const group = groupOf(indicator);
  const at = detail.month === null ? undefined : detail.months.find((m) => m.month === detail.month);
  const done = () => {
    setForm(null);
    onChanged();
  };

  return (
    <article aria-labelledby="indicator-title" data-testid="indicator-detail" data-ref={indicator.ref}>
      <p className="small">
        <a href={hrefFor('performance')}>All indicators</a>
      </p>
      <div className="screen-head">
        <div>
          <h1 id="indicator-title">
            <span className="ref">{indicator.ref}</span> {indicator.title}
          </h1>
          <p className="lede">
            {groupTitle(group, plan)} ·{' '}
            {indicator.countable && indicator.unit
              ? `${UNIT_LABELS[indicator.unit]}, ${BETTER_WORDS[indicator.better ?? 'neither']} · ${targetWords(detail)}`
              : 'Not counted month by month'}
            {indicator.retiredFrom ? ` · Retired from ${monthLabel(indicator.retiredFrom)}` : ''}
          </p>
        </div>
        {secretariat && (
          <div className="button-row">
            <button
              type="button"
              className="button"
              aria-expanded={form === 'edit'}
              onClick={() => setForm(form === 'edit' ? null : 'edit')}
            >
              Edit indicator
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={form === 'retire'}
              onClick={() => setForm(form === 'retire' ? null : 'retire')}
            >
              {indicator.retiredFrom ? 'Bring back' : 'Retire'}
            </button>
          </div>
        )}
      </div>
      {form === 'edit' && (
        <IndicatorForm indicator={indicator} onDone={done} onCancel={() => setForm(null)} />
      )}
      {form === 'retire' && (
        <RetireIndicator indicator={indicator} month={month} onDone={done} onCancel={() => setForm(null)} />
      )}
      {indicator.source && <p className="small">Source: {indicator.source}</p>}
      {indicator.notes.map((note) => (
        <p key={note} className="callout">
          {note}
        </p>
      ))}
      {series.chart && indicator.unit ? (
        <section className="card" aria-labelledby="chart-title">
          <h2 id="chart-title">Chart{detail.month ? `, as at ${monthLabel(detail.month)}` : ''}</h2>
          <dl className="indicator-verdict">
            <div>
              <dt>Variation</dt>
              <dd>
                <VariationWords variation={at?.variation ?? null} />
              </dd>
            </div>
            <div>
              <dt>Assurance</dt>
              <dd>
                <AssuranceWords assurance={detail.assurance} hasTarget={indicator.target !== null} />
              </dd>
            </div>
          </dl>
          <SpcChart
            subject={{ title: indicator.title, unit: indicator.unit, per: indicator.per ?? undefined }}
            chart={series.chart}
            month={month ?? undefined}
          />
        </section>
      ) : (
        <p className="muted" data-testid="indicator-sentence">
          {detail.sentence}
        </p>
      )}
      {indicator.countable && <FiguresTable detail={detail} />}
      {indicator.countable && group && month && (
        <section className="card" aria-labelledby="entry-title">
          <h2 id="entry-title">Enter figures: {groupTitle(group, plan)}</h2>
          <FigureGrid group={group} groupTitle={groupTitle(group, plan)} lastMonth={month} />
        </section>
      )}
      <DefinitionHistory
        indicatorRef={indicator.ref}
        changes={detail.definitionChanges}
        month={month}
        onChanged={onChanged}
      />
    </article>
  );
}
