// Planning a meeting: its agenda starts from the board's standing agenda.
import { useResource } from '../../state/resource';
import { Loading } from '../../components/EmptyState';
import { call } from '../../api';
import { useApp } from '../../state/app';
import { useNotices } from '../../state/notices';
import { useRoute } from '../../state/route';
import { useSession } from '../../state/session';
import { MeetingForm, type MeetingFields } from './MeetingForm';
import { useScreenTitle } from '../../state/title';

export function NewMeeting() {
  useScreenTitle('Plan a meeting');
  const plan = useApp((s) => s.plan);
  const month = useSession((s) => s.month) ?? '';
  const go = useRoute((r) => r.go);
  const show = useNotices((s) => s.show);
  // A new meeting starts like the last one: same title, place, chairs and members.
  const meetings = useResource('meetings', () => call('meetings.list'));
  const last = [...(meetings.data ?? [])].sort((a, b) => b.heldAt.localeCompare(a.heldAt))[0];
  const initial: MeetingFields = {
    title: last?.title ?? plan?.boardName ?? 'Board meeting',
    heldAt: '',
    place: last?.place ?? '',
    reportingMonth: month,
    chairs: last?.chairs ?? plan?.chairs ?? [],
    members: last?.members ?? [],
    attendees: [],
    apologies: [],
  };

  async function create(fields: MeetingFields) {
    const meeting = await call('meetings.create', { ...fields, useStandingAgenda: true });
    show('success', 'Meeting planned. Its agenda starts from the standing agenda.');
    await useApp.getState().load();
    go('meetings', meeting.id);
  }

  return (
    <section aria-labelledby="new-meeting-title">
      <div className="screen-head">
        <div>
          <h1 id="new-meeting-title">Plan a meeting</h1>
          <p className="lede">
            Give the date, place and who is invited. The agenda starts from the standing agenda.
          </p>
        </div>
      </div>
      <div className="card">
        {meetings.data || meetings.error ? (
          <MeetingForm initial={initial} submitLabel="Plan meeting" onSubmit={create} />
        ) : (
          <Loading what="the last meeting's details" />
        )}
      </div>
    </section>
  );
}
