// Before building: how many papers the meeting's agenda carries and how many pages they add, so the
// secretariat sees a missing or surplus paper before the pack goes out.
import { call } from '../../api';
import { hrefFor } from '../../state/route';
import { useResource } from '../../state/resource';

export function PapersReadiness({ meetingId }: { meetingId: number }) {
  const papers = useResource(`papers:${meetingId}`, () => call('papers.list', { meetingId }));
  const list = papers.data;
  if (!list) return null;
  const pages = list.reduce((sum, p) => sum + p.pages, 0);
  return (
    <p className="small" data-testid="pack-papers">
      {list.length === 0
        ? 'No papers are attached to this meeting’s agenda.'
        : `This meeting carries ${list.length === 1 ? '1 paper' : `${list.length} papers`} (${pages === 1 ? '1 page' : `${pages} pages`}), printed in the pack’s Papers section.`}{' '}
      {/* Kept on one line: a link broken before its last word reads as two. */}
      <a className="nowrap" href={hrefFor('meetings', meetingId)}>
        Attach or remove papers
      </a>
    </p>
  );
}
