// Home: the chosen reporting month at a glance, and what is left before the next pack can go out.
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { useResource } from '../../state/resource';
import { useSession } from '../../state/session';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { NextMeetingCard } from './NextMeetingCard';
import { StrandCountsTable } from './StrandCountsTable';
import { MissingUpdates } from './MissingUpdates';
import { OverdueActions } from './OverdueActions';
import { MovementSummary } from './MovementSummary';
import { KeyFigures } from './KeyFigures';
import { ChaseList } from './ChaseList';
import { useScreenTitle } from '../../state/title';
import { useExternalChanges } from '../../state/externalChanges';

/** Everything the dashboard counts or lists. */
const SHOWN = [
  'update',
  'objective',
  'plan',
  'indicator',
  'meeting',
  'board_action',
  'issued_pack',
  'paper',
  'person',
  'exchange_request',
  'exchange_return',
] as const;

export function HomeScreen() {
  const month = useSession((s) => s.month);
  const dashboard = useResource(`dashboard:${month}`, month ? () => call('dashboard.get', { month }) : null);
  const d = dashboard.data;
  const indicators = useResource(
    `indicators:${month}`,
    month ? () => call('indicators.list', { month }) : null,
  );
  const concerns =
    indicators.data?.filter(
      (i) => i.latest?.month === month && i.latest.variation === 'special_cause_concern',
    ).length ?? null;
  const chase = useResource(`chase:${month}`, month ? () => call('chase.list', { month }) : null);
  useScreenTitle(month ? `Home: ${monthLabel(month)}` : 'Home');
  useExternalChanges(SHOWN, () => Promise.all([dashboard.reload(), indicators.reload(), chase.reload()]));

  return (
    <section aria-labelledby="home-title" data-ready={d && d.month === month ? 'dashboard' : undefined}>
      <div className="screen-head">
        <div>
          <h1 id="home-title">{month ? monthLabel(month) : 'Home'}</h1>
          <p className="lede">Progress against the plan this month, and what is left before the next pack.</p>
        </div>
      </div>
      <ErrorMessage text={dashboard.error} />
      {!d && !dashboard.error && <Loading what="the dashboard" />}
      {d && (
        <>
          <div className="home-top">
            <KeyFigures dashboard={d} concerns={concerns} />
            <NextMeetingCard dashboard={d} />
          </div>
          <StrandCountsTable dashboard={d} />
          <div className="home-pair">
            <MissingUpdates dashboard={d} />
            <div>
              <MovementSummary dashboard={d} />
              <OverdueActions dashboard={d} />
            </div>
          </div>
          <ErrorMessage text={chase.error} />
          {chase.data && chase.data.month === month && <ChaseList list={chase.data} />}
        </>
      )}
    </section>
  );
}
