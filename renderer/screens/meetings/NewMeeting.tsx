// Planning a meeting: its agenda starts from the board's standing agenda.
import { useState } from 'react';
import { call } from '../../api';
import { useApp } from '../../state/app';
import { messageOf, useNotices } from '../../state/notices';
import { useRoute } from '../../state/route';
import { useSession } from '../../state/session';
import { MeetingForm, type MeetingFields } from './MeetingForm';

export function NewMeeting() {
  const plan = useApp((s) => s.plan);
  const month = useSession((s) => s.month) ?? '';
  const go = useRoute((r) => r.go);
  const show = useNotices((s) => s.show);
  const [error, setError] = useState<string | null>(null);
  const initial: MeetingFields = {
    title: plan?.boardName ?? 'Board meeting',
    heldAt: '',
    place: '',
    reportingMonth: month,
    chairs: plan?.chairs ?? [],
    members: [],
    attendees: [],
    apologies: [],
  };

  async function create(fields: MeetingFields) {
    try {
      const meeting = await call('meetings.create', { ...fields, useStandingAgenda: true });
      show('success', 'Meeting planned. Its agenda starts from the standing agenda.');
      await useApp.getState().load();
      go('meetings', meeting.id);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section aria-labelledby="new-meeting-title">
      <div className="screen-head">
        <div>
          <h1 id="new-meeting-title">Plan a meeting</h1>
          <p className="lede">Give the date, place and who is invited. The agenda starts from the standing agenda.</p>
        </div>
      </div>
      <div className="card">
        <MeetingForm initial={initial} submitLabel="Plan meeting" error={error} onSubmit={create} />
      </div>
    </section>
  );
}
