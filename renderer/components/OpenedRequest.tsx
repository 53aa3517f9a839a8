// What opening a request did: the strand and month asked for, the plan changes it brought, and
// the secretariat's key fingerprint to confirm by phone. Shown on Exchange files and Monthly updates.
import { CLEAR_EXCHANGE_FILE_WARNING } from '../../shared/contractOffline';
import { monthLabel } from '../../shared/months';
import type { OpenedRequestSummary } from '../state/openedRequest';

export function OpenedRequest({ opened }: { opened: OpenedRequestSummary }) {
  const changes = [
    opened.addedObjectives.length && `${opened.addedObjectives.length} objectives added`,
    opened.rewordedObjectives.length && `${opened.rewordedObjectives.length} reworded`,
    opened.retiredObjectives.length && `${opened.retiredObjectives.length} retired`,
  ].filter(Boolean);
  return (
    <div className="offline-ok" data-testid="request-opened">
      {!opened.encrypted && (
        <p className="offline-clear-warning" data-testid="clear-file-warning">
          {CLEAR_EXCHANGE_FILE_WARNING}
        </p>
      )}
      <p>
        Opened the request for strand {opened.strandNumber}. {opened.strandTitle}, {monthLabel(opened.month)}:{' '}
        {opened.objectives} objectives, to answer by {opened.expiresOn}.
        {opened.seeded ? ' This copy was set up from it.' : ''}
        {changes.length ? ` The plan here followed the secretariat's: ${changes.join(', ')}.` : ''}
      </p>
      {opened.secretariatKey !== 'known' && (
        <p>
          It is signed by the secretariat&apos;s key{' '}
          <span className="mono fingerprint">{opened.secretariatFingerprint}</span>. Confirm that fingerprint
          with the secretariat by phone; later requests signed with another key will be refused.
        </p>
      )}
    </div>
  );
}
