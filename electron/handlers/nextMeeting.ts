// The meeting the secretariat is preparing for, shared by the dashboard and the month the app
// opens on.
import type { Meeting } from '../store/meetings';
import type { Store } from '../store/store';

/**
 * The first meeting from now on. Demo data is set in 2007 whatever today's date is, so when no
 * meeting is ahead, the demo's meeting not yet held (no minutes taken) is the next one.
 */
export async function nextMeeting(store: Store): Promise<Meeting | null> {
  const meetings = await store.meetings.list();
  const now = store.now().slice(0, 16);
  const ahead = meetings.find((m) => m.heldAt >= now);
  if (ahead) return ahead;
  for (const m of meetings) {
    if (m.demo && (await store.meetings.minutes(m.id)).length === 0) return m;
  }
  return null;
}
