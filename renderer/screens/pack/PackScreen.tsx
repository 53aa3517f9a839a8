// The board pack: choose the meeting and sections, build a draft and read it here, issue it, and
// keep the issued versions (hashes, reissue, export, verify).
import { useEffect } from 'react';
import { dateLabel } from '../../../shared/months';
import { call } from '../../api';
import { EmptyState, ErrorMessage, Loading } from '../../components/EmptyState';
import { hrefFor, useRoute } from '../../state/route';
import { useResource } from '../../state/resource';
import { DraftBuilder } from './DraftBuilder';
import { IssuedVersions } from './IssuedVersions';
import { VerifyFile } from './VerifyFile';
import { useScreenTitle } from '../../state/title';

export function PackScreen() {
  const parts = useRoute((r) => r.parts);
  const go = useRoute((r) => r.go);
  const meetings = useResource('meetings', () => call('meetings.list'));
  const list = [...(meetings.data ?? [])].sort((a, b) => b.heldAt.localeCompare(a.heldAt));
  const chosen = list.find((m) => m.id === Number(parts[0])) ?? null;
  useScreenTitle(chosen ? `Board pack: meeting of ${dateLabel(chosen.heldAt)}` : 'Board pack');
  const issued = useResource(
    `issued:${chosen?.id}`,
    chosen ? () => call('packs.list', { meetingId: chosen.id }) : null,
  );

  // With no meeting named, open on the next meeting (the one the dashboard is preparing for).
  useEffect(() => {
    if (parts[0] || list.length === 0) return;
    void call('dashboard.get', {})
      .then((d) => go('pack', d.nextMeeting?.meeting.id ?? list[0].id))
      .catch(() => go('pack', list[0].id));
  }, [list, parts, go]);

  return (
    <section aria-labelledby="pack-title">
      <div className="screen-head">
        <div>
          <h1 id="pack-title">Board pack</h1>
          <p className="lede">
            Build a draft to check it, then issue it. An issued pack is frozen; a correction is a new version.
          </p>
        </div>
        {list.length > 0 && (
          <div className="field-inline">
            <label htmlFor="pack-meeting">Meeting</label>
            <select id="pack-meeting" value={chosen?.id ?? ''} onChange={(e) => go('pack', e.target.value)}>
              {list.map((m) => (
                <option key={m.id} value={m.id}>
                  {dateLabel(m.heldAt)}: {m.title}
                  {m.issuedVersions > 0 ? ` (issued v${m.issuedVersions})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <ErrorMessage text={meetings.error} />
      {!meetings.data && !meetings.error && <Loading what="meetings" />}
      {meetings.data && list.length === 0 && (
        <EmptyState title="There is no meeting to build a pack for">
          <p>
            A pack belongs to a meeting. <a href={hrefFor('meetings', 'new')}>Plan the next meeting</a> first.
          </p>
        </EmptyState>
      )}
      {chosen && (
        <div className="pack-layout">
          <DraftBuilder
            key={chosen.id}
            meeting={chosen}
            issuedCount={issued.data?.length ?? 0}
            onIssued={async () => {
              await issued.reload();
              await meetings.reload();
            }}
          />
          <div className="pack-side">
            <IssuedVersions versions={issued.data} error={issued.error} />
            <VerifyFile />
          </div>
        </div>
      )}
    </section>
  );
}
