// At the "Minutes and actions of the last meeting" item: the approval of the previous meeting's
// minutes (by whom, on which day, corrections noted), after which they are locked.
import { useState, type FormEvent } from 'react';
import type { Meeting, MinutesApproval } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { InputField } from '../../components/InputField';
import { PersonField, useRoster } from '../../components/PersonField';
import { messageOf, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

interface Props {
  meeting: Meeting;
  previous: Meeting;
  approval: MinutesApproval | null;
  onSaved(): Promise<void>;
}

export function ApproveMinutes({ meeting, previous, approval, onSaved }: Props) {
  const roster = useRoster();
  const show = useNotices((s) => s.show);
  const [by, setBy] = useState(meeting.chairs[0] ?? '');
  const [on, setOn] = useState(meeting.heldAt.slice(0, 10));
  const [corrections, setCorrections] = useState('');
  const [error, setError] = useState<string | null>(null);
  const of = dateLabel(previous.heldAt.slice(0, 10));
  const server = useSaveWhenReachable(() => record());

  if (approval) {
    return (
      <p className="minutes-approval">
        The minutes of {of} were approved on {dateLabel(approval.approvedOn)} by {approval.approvedBy}.
        {approval.corrections && ` Corrections noted: ${approval.corrections}`}
      </p>
    );
  }

  function approve(event: FormEvent) {
    event.preventDefault();
    setError(null);
    void record();
  }

  async function record() {
    try {
      await call('meetings.approveMinutes', {
        meetingId: previous.id,
        approvedBy: by,
        approvedOn: on,
        corrections,
      });
      server.saved();
      show('success', `The minutes of ${of} are approved and now locked.`);
      await onSaved();
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  return (
    <form className="minutes-approval" onSubmit={approve} aria-labelledby="approve-minutes-title">
      <h4 id="approve-minutes-title">Approve the minutes of {of}</h4>
      <p className="small muted">Once approved, the minutes of that meeting are locked.</p>
      <ErrorMessage text={error} />
      <div className="form-grid">
        <PersonField id="approve-by" label="Approved by" value={by} people={roster.data} onChange={setBy} />
        <InputField id="approve-on" label="Approved on" type="date" value={on} onChange={setOn} />
        <InputField
          id="approve-corrections"
          label="Corrections noted (optional)"
          value={corrections}
          onChange={setCorrections}
        />
      </div>
      <button type="submit" className="button button-primary">
        Record approval
      </button>
    </form>
  );
}
