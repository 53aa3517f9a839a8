// The agenda items that the audit log's paper entries point at, looked up from their meetings as they
// stand now, so "item 3, Performance against the plan" can be said rather than an item's id.
import type { AuditEntry } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { ApiError, call } from '../../api';
import { useResource } from '../../state/resource';
import { paperMeetingId, type AgendaItemPlace } from './describeChange';

/** The agenda items of one meeting by id; none when the meeting is gone (demo data removed). */
async function placesIn(meetingId: number): Promise<[number, AgendaItemPlace][]> {
  try {
    const detail = await call('meetings.get', { id: meetingId });
    const meetingDate = dateLabel(detail.meeting.heldAt);
    return detail.agenda.map((a) => [a.id, { number: a.position, title: a.title, meetingDate }]);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'not_found') return [];
    throw e;
  }
}

/** Looks up where each paper entry's agenda item is; undefined until loaded or when it is gone. */
export function useAgendaItemPlaces(entries: AuditEntry[]): {
  placeOf(agendaItemId: number): AgendaItemPlace | undefined;
  error: string | null;
} {
  const meetingIds = [
    ...new Set(
      entries
        .filter((e) => e.entity === 'paper')
        .map((e) => paperMeetingId(e.before, e.after))
        .filter((id): id is number => id !== null),
    ),
  ].sort((a, b) => a - b);
  const places = useResource(
    `agenda-items:${meetingIds.join(',')}`,
    meetingIds.length === 0
      ? null
      : async () => new Map((await Promise.all(meetingIds.map(placesIn))).flat()),
  );
  return { placeOf: (id) => places.data?.get(id), error: places.error };
}
