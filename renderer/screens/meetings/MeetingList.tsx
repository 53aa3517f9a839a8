// Every meeting of the board, next first, with whether its pack has been issued.
import { dateLabel, monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { EmptyState, ErrorMessage, Loading } from '../../components/EmptyState';
import { hrefFor } from '../../state/route';
import { useResource } from '../../state/resource';
import { TableScroll } from '../../components/TableScroll';
import { useScreenTitle } from '../../state/title';
import { useExternalChanges } from '../../state/externalChanges';

export function MeetingList() {
  useScreenTitle('Meetings');
  const list = useResource('meetings', () => call('meetings.list'));
  const dashboard = useResource('dashboard:next', () => call('dashboard.get', {}));
  useExternalChanges(['meeting', 'issued_pack'], () => Promise.all([list.reload(), dashboard.reload()]));
  const next = dashboard.data?.nextMeeting?.meeting ?? null;
  const meetings = [...(list.data ?? [])].sort((a, b) => b.heldAt.localeCompare(a.heldAt));
  return (
    <section aria-labelledby="meetings-title">
      <div className="screen-head">
        <div>
          <h1 id="meetings-title">Meetings</h1>
          <p className="lede">The board&apos;s meetings, their agendas, minutes and actions.</p>
        </div>
        <div className="button-row">
          <a className="button" href={hrefFor('meetings', 'actions')}>
            Action log
          </a>
          <a className="button button-primary" href={hrefFor('meetings', 'new')}>
            Plan a meeting
          </a>
        </div>
      </div>
      <ErrorMessage text={list.error} />
      {!list.data && !list.error && <Loading what="meetings" />}
      {list.data && meetings.length === 0 && (
        <EmptyState title="No meetings yet">
          <p>
            <a href={hrefFor('meetings', 'new')}>Plan the first meeting</a>. Its agenda starts from the
            board&apos;s standing agenda.
          </p>
        </EmptyState>
      )}
      {meetings.length > 0 && (
        <div className="card">
          <TableScroll label="Meetings">
            <table>
              <caption className="visually-hidden">Meetings, latest first</caption>
              <thead>
                <tr>
                  <th scope="col">Meeting</th>
                  <th scope="col">Date</th>
                  <th scope="col">Reports on</th>
                  <th scope="col">Place</th>
                  <th scope="col">Pack</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <a href={hrefFor('meetings', m.id)}>{m.title}</a>
                      {next?.id === m.id && <span className="pill pill-warn next-pill">Next</span>}
                    </td>
                    <td className="nowrap">
                      {dateLabel(m.heldAt)}, {m.heldAt.slice(11, 16)}
                    </td>
                    <td>{monthLabel(m.reportingMonth)}</td>
                    <td>{m.place || '—'}</td>
                    <td>
                      {m.issuedVersions > 0 ? (
                        <span className="pill pill-ok">Issued, version {m.issuedVersions}</span>
                      ) : next && m.heldAt < next.heldAt ? (
                        <span className="muted">Not issued</span>
                      ) : (
                        <a href={hrefFor('pack', m.id)}>Build the pack</a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </section>
  );
}
