// Meetings: the list, one meeting's detail, a new meeting, and the board's action log.
import { useRoute } from '../../state/route';
import { ActionLog } from './ActionLog';
import { MeetingDetailView } from './MeetingDetailView';
import { MeetingList } from './MeetingList';
import { NewMeeting } from './NewMeeting';

export function MeetingsScreen() {
  const parts = useRoute((r) => r.parts);
  if (parts[0] === 'actions') return <ActionLog />;
  if (parts[0] === 'new') return <NewMeeting />;
  if (parts[0] && Number(parts[0]) > 0) return <MeetingDetailView id={Number(parts[0])} />;
  return <MeetingList />;
}
