// Saving the agenda builder's items: the whole agenda in one go, from the agenda version the edits
// started from, and the save made when the person leaves the meeting with edits not saved.
import type { AgendaItem, CallResult } from '../../../shared/contract';
import { tryCall } from '../../api';
import { forgetAgenda } from '../../state/unsavedAgenda';
import { messageOf, useNotices } from '../../state/notices';
import type { Item } from './AgendaRow';

export const toItem = (a: AgendaItem): Item => ({
  id: a.id,
  key: `i${a.id}`,
  title: a.title,
  presenter: a.presenter,
  minutesAllotted: a.minutesAllotted,
  packSection: a.packSection,
});

/** Sends the whole agenda in one go, from the version it started at; new items get their ids from the store. */
export async function saveAgenda(
  meetingId: number,
  items: Item[],
  baseVersion: number,
): Promise<CallResult<AgendaItem[]>> {
  return tryCall('meetings.setAgenda', {
    meetingId,
    baseVersion,
    items: items.map(({ id, title, presenter, minutesAllotted, packSection }) => ({
      id,
      title,
      presenter,
      minutesAllotted,
      packSection,
    })),
  }).catch((e: unknown) => ({ ok: false, error: { code: 'unexpected', message: messageOf(e) } }));
}

export async function saveOnLeaving(meetingId: number, items: Item[], baseVersion: number): Promise<void> {
  const notices = useNotices.getState();
  const result = await saveAgenda(meetingId, items, baseVersion);
  if (result.ok) {
    forgetAgenda(meetingId);
    notices.show('success', 'Your agenda changes were saved as you left the meeting.');
    return;
  }
  notices.show(
    'error',
    `Your agenda changes were not saved: ${result.error.message} They are kept here; open the meeting to finish them.`,
  );
}
