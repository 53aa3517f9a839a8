// Attendance from the roster: each person is present, sent apologies, absent, or represented by a
// named deputy, and in one of those only (a select per person cannot be two); visitors are added
// by name. The chairs are present by chairing. A save the shared database could not take waits for
// it with every choice kept, and is made when it answers.
import { useState, type FormEvent } from 'react';
import type { Meeting, Person } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useRoster } from '../../components/PersonField';
import { TableScroll } from '../../components/TableScroll';
import { messageOf, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

type State = '' | 'present' | 'apologies' | 'absent' | 'represented';
interface Row {
  name: string;
  role: string;
  state: State;
  deputy: string;
  wasAttendee: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const has = (list: readonly string[], name: string) => list.some((n) => same(n, name));

function rowsOf(meeting: Meeting, people: readonly Person[]): Row[] {
  const names = [
    ...people.filter((p) => !p.retired && !has(meeting.chairs, p.name)).map((p) => p.name),
    ...meeting.members,
    ...meeting.attendees,
    ...meeting.apologies,
    ...meeting.absent,
    ...meeting.represented.map((r) => r.member),
  ].filter((n) => !has(meeting.chairs, n));
  const unique = names.filter((n, i) => names.findIndex((m) => same(m, n)) === i);
  return unique.map((name) => {
    const represented = meeting.represented.find((r) => same(r.member, name));
    const state: State =
      has(meeting.members, name) || has(meeting.attendees, name)
        ? 'present'
        : has(meeting.apologies, name)
          ? 'apologies'
          : has(meeting.absent, name)
            ? 'absent'
            : represented
              ? 'represented'
              : '';
    const person = people.find((p) => same(p.name, name));
    return {
      name,
      role: person ? person.role.replace('_', ' ') : 'not on the roster',
      state,
      deputy: represented?.deputy ?? '',
      wasAttendee:
        has(meeting.attendees, name) || (person !== undefined && !['member', 'chair'].includes(person.role)),
    };
  });
}

export function AttendancePanel({ meeting, onSaved }: { meeting: Meeting; onSaved(): Promise<void> }) {
  const roster = useRoster();
  const show = useNotices((s) => s.show);
  const [edited, setEdited] = useState<Row[] | null>(null);
  const [visitors, setVisitors] = useState(meeting.visitors.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const rows = edited ?? (roster.data ? rowsOf(meeting, roster.data) : []);
  const set = (i: number, change: Partial<Row>) =>
    setEdited(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const server = useSaveWhenReachable(() => save());

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    void save();
  }

  async function save() {
    const named = (state: State) => rows.filter((r) => r.state === state);
    try {
      await call('meetings.setAttendance', {
        meetingId: meeting.id,
        members: named('present')
          .filter((r) => !r.wasAttendee)
          .map((r) => r.name),
        attendees: named('present')
          .filter((r) => r.wasAttendee)
          .map((r) => r.name),
        apologies: named('apologies').map((r) => r.name),
        absent: named('absent').map((r) => r.name),
        represented: named('represented').map((r) => ({ member: r.name, deputy: r.deputy })),
        visitors: visitors
          .split('\n')
          .map((v) => v.trim())
          .filter(Boolean),
      });
      server.saved();
      setError(null);
      setEdited(null);
      show('success', 'Attendance saved.');
      await onSaved();
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="attendance-title">
      <h3 id="attendance-title">Attendance</h3>
      <p className="small muted">
        Chairing: {meeting.chairs.join('; ') || 'no chair named'}. Everyone else on the roster is listed once,
        in one state.
      </p>
      <ErrorMessage text={error ?? roster.error} />
      <TableScroll label="Attendance">
        <table className="attendance-table" aria-labelledby="attendance-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Attendance</th>
              <th scope="col">Deputy</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>{r.role}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`attendance-${i}`}>
                    Attendance of {r.name}
                  </label>
                  <select
                    id={`attendance-${i}`}
                    value={r.state}
                    onChange={(e) => set(i, { state: e.target.value as State })}
                  >
                    <option value="">Not recorded</option>
                    <option value="present">Present</option>
                    <option value="apologies">Sent apologies</option>
                    <option value="absent">Absent</option>
                    <option value="represented">Represented by a deputy</option>
                  </select>
                </td>
                <td>
                  {r.state === 'represented' && (
                    <>
                      <label className="visually-hidden" htmlFor={`deputy-${i}`}>
                        Deputy for {r.name}
                      </label>
                      <input
                        id={`deputy-${i}`}
                        type="text"
                        value={r.deputy}
                        onChange={(e) => set(i, { deputy: e.target.value })}
                      />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="field">
        <label htmlFor="attendance-visitors">Visitors</label>
        <span className="hint" id="attendance-visitors-hint">
          One name per line
        </span>
        <textarea
          id="attendance-visitors"
          rows={3}
          aria-describedby="attendance-visitors-hint"
          value={visitors}
          onChange={(e) => setVisitors(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary">
        Save attendance
      </button>
    </form>
  );
}
