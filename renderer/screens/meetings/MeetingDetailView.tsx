// One meeting: details and attendance, the agenda builder, minutes and decisions per item, and the
// actions arising.
import { dateLabel, monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { useNotices } from '../../state/notices';
import { hrefFor } from '../../state/route';
import { useResource } from '../../state/resource';
import { ActionsArising } from './ActionsArising';
import { AttendancePanel } from './AttendancePanel';
import { AgendaBuilder } from './AgendaBuilder';
import { MeetingForm, type MeetingFields } from './MeetingForm';
import { MinutesPanel } from './MinutesPanel';
import { useScreenTitle } from '../../state/title';
import { useExternalChanges } from '../../state/externalChanges';
import { typedFields } from '../../state/typedFields';
import { hasUnsavedAgenda } from '../../state/unsavedAgenda';

/**
 * The parts of a meeting drawn anew from each read (details, attendance, the agenda): typing there
 * holds another desk's change back. Minutes and actions keep what is typed in them across a read.
 */
const REDRAWN = '#main details.card, #main [data-testid="agenda"]';

export function MeetingDetailView({ id }: { id: number }) {
  const detail = useResource(`meeting:${id}`, () => call('meetings.get', { id }));
  const papers = useResource(`papers:${id}`, () => call('papers.list', { meetingId: id }));
  const show = useNotices((s) => s.show);
  const d = detail.data;
  useExternalChanges(['meeting', 'board_action', 'person'], detail.reload, {
    editing: () => typedFields(REDRAWN).length > 0 || hasUnsavedAgenda(id),
  });
  useExternalChanges(['paper'], papers.reload);
  useScreenTitle(d ? `Meeting of ${dateLabel(d.meeting.heldAt)}` : 'Meeting');

  // Attendance is the attendance panel's: the details are saved without it, and the database keeps
  // the attendance it holds when the save is written (an attendance save made since the form was
  // drawn, by this desk or another, or waiting with it for the server to answer, is not undone).
  async function saveDetails(fields: MeetingFields) {
    const { title, heldAt, place, reportingMonth, chairs } = fields;
    await call('meetings.update', { id, title, heldAt, place, reportingMonth, chairs });
    show('success', 'Meeting details saved.');
    await detail.reload();
  }

  return (
    <section aria-labelledby="meeting-heading">
      <p className="small">
        <a href={hrefFor('meetings')}>All meetings</a>
      </p>
      <ErrorMessage text={detail.error} />
      {!d && !detail.error && <Loading what="the meeting" />}
      {d && (
        <>
          <div className="screen-head">
            <div>
              <h1 id="meeting-heading">
                {d.meeting.title}: meeting of {dateLabel(d.meeting.heldAt)}
              </h1>
              <p className="lede">
                {dateLabel(d.meeting.heldAt)} at {d.meeting.heldAt.slice(11, 16)}
                {d.meeting.place ? `, ${d.meeting.place}` : ''} · reports on{' '}
                {monthLabel(d.meeting.reportingMonth)}
              </p>
            </div>
            <a className="button button-primary" href={hrefFor('pack', id)}>
              Build this meeting&apos;s pack
            </a>
          </div>
          <details className="card">
            <summary>
              <h2 className="summary-heading">Details and attendance</h2>
              <span className="muted small">
                {d.meeting.chairs.length + d.meeting.members.length + d.meeting.attendees.length} present,{' '}
                {d.meeting.apologies.length} {d.meeting.apologies.length === 1 ? 'apology' : 'apologies'},{' '}
                {d.meeting.represented.length} represented, {d.meeting.absent.length} absent
                {d.meeting.visitors.length ? `, ${d.meeting.visitors.length} visiting` : ''}
              </span>
            </summary>
            <MeetingForm
              key={JSON.stringify(d.meeting)}
              initial={d.meeting}
              submitLabel="Save details"
              onSubmit={saveDetails}
            />
            <AttendancePanel
              key={`attendance-${JSON.stringify(d.meeting)}`}
              meeting={d.meeting}
              onSaved={detail.reload}
            />
          </details>
          <AgendaBuilder
            key={`${d.meeting.agendaVersion}:${JSON.stringify(d.agenda)}`}
            meetingId={id}
            agenda={d.agenda}
            agendaVersion={d.meeting.agendaVersion}
            onSaved={detail.reload}
            papers={papers.data}
            onPapersChanged={papers.reload}
          />
          <ErrorMessage text={papers.error} />
          <MinutesPanel
            meeting={d.meeting}
            previous={d.previous}
            agenda={d.agenda}
            minutes={d.minutes}
            approval={d.approval}
            previousApproval={d.previousApproval}
            onSaved={detail.reload}
          />
          <ActionsArising meetingId={id} agenda={d.agenda} actions={d.actions} onSaved={detail.reload} />
        </>
      )}
    </section>
  );
}
