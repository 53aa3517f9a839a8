// The next meeting and the checklist before its pack can be issued; the first unfinished item is
// the next thing to do.
import type { Dashboard } from '../../../shared/contract';
import { dateLabel, monthLabel } from '../../../shared/months';
import { EmptyState } from '../../components/EmptyState';
import { hrefFor } from '../../state/route';

function linkFor(key: string, meetingId: number): string {
  if (key === 'agenda') return hrefFor('meetings', meetingId);
  if (key === 'overdue_actions') return hrefFor('meetings', 'actions');
  if (key === 'issued') return hrefFor('pack', meetingId);
  return hrefFor('updates');
}

export function NextMeetingCard({ dashboard }: { dashboard: Dashboard }) {
  const next = dashboard.nextMeeting;
  if (!next) {
    return (
      <div className="card">
        <h2>Next meeting</h2>
        <EmptyState title="No meeting is planned">
          <p>
            <a href={hrefFor('meetings', 'new')}>Plan the next board meeting</a> so its pack can be built.
          </p>
        </EmptyState>
      </div>
    );
  }
  const { meeting, checklist, issuedVersions } = next;
  return (
    <div className="card next-meeting" data-testid="next-meeting">
      <div className="card-head">
        <h2>Next meeting</h2>
        {issuedVersions > 0 ? (
          <span className="pill pill-ok">Pack issued (version {issuedVersions})</span>
        ) : (
          <span className="pill pill-warn">Pack not issued</span>
        )}
      </div>
      <div className="next-meeting-body">
        <div className="next-meeting-when">
          <p className="next-meeting-title">
            <a href={hrefFor('meetings', meeting.id)}>{meeting.title}</a>
          </p>
          <p className="muted">
            {dateLabel(meeting.heldAt)} at {meeting.heldAt.slice(11, 16)}
            {meeting.place ? `, ${meeting.place}` : ''}
            <br />
            Reports on {monthLabel(meeting.reportingMonth)}
          </p>
          <a className="button button-primary" href={hrefFor('pack', meeting.id)}>
            {issuedVersions > 0 ? 'Open the pack' : 'Build the pack'}
          </a>
        </div>
        <div>
          <h3>Before the pack can be issued</h3>
          <ul className="checklist">
            {checklist.map((item) => (
              <li key={item.key} className={item.done ? 'check-done' : 'check-todo'}>
                <span className="check-mark" aria-hidden="true">
                  {item.done ? '✓' : '•'}
                </span>
                <span>
                  <span className="visually-hidden">{item.done ? 'Done: ' : 'To do: '}</span>
                  {item.done ? item.label : <a href={linkFor(item.key, meeting.id)}>{item.label}</a>}
                  {!item.done && item.count > 0 && <span className="muted small"> · {item.count} to go</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
