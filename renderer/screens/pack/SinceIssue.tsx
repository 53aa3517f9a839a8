// Before a reissue is offered: does the latest issued version still match the data, and if not,
// what changed since it was issued (the list the reissue will print, and `pack list` counts).
import { changesCount, referenceText } from '../../../shared/packWords';
import { dateLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useResource } from '../../state/resource';

export function SinceIssue({ meetingId, issuedCount }: { meetingId: number; issuedCount: number }) {
  // Keyed by the count too, so a new version is checked as soon as it is issued.
  const since = useResource(`since-issue:${meetingId}:${issuedCount}`, () =>
    call('packs.changesSinceIssue', { meetingId }),
  );
  const issued = since.data;
  if (since.error) return <ErrorMessage text={since.error} />;
  if (!issued) return null;
  const name = `Version ${issued.version} (${referenceText(issued.reference)}), issued ${dateLabel(issued.issuedAt)}`;
  if (issued.changes.length === 0) {
    return (
      <p className="small" data-testid="since-issue">
        {name}, still matches the updates and papers it printed.
      </p>
    );
  }
  return (
    <div className="callout" data-testid="since-issue" role="status">
      <p>
        <strong>
          {name}, no longer matches the data: {changesCount(issued.changes.length)} since it was issued.
        </strong>{' '}
        A reissue prints this list after its contents.
      </p>
      <ul className="small">
        {issued.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
    </div>
  );
}
