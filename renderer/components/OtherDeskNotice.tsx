// The quiet line a screen shows when another desk changed what the person is editing: "Changed on
// another desk by NAME at HH:MM — Show". What the person typed stays in its fields; Show reloads
// the screen, or, for one update, shows the other desk's version beside theirs to take or leave.
import { useState } from 'react';
import { clockTime, useOtherDesk, type OtherDeskNotice as Notice } from '../state/otherDesk';

function sentence(notice: Notice): string {
  const by = notice.by ? ` by ${notice.by}` : '';
  const at = notice.at ? ` at ${clockTime(notice.at)}` : '';
  return `${notice.what ? `${notice.what}: changed` : 'Changed'} on another desk${by}${at}`;
}

export function OtherDeskNotice() {
  const notice = useOtherDesk((s) => s.notice);
  const clear = useOtherDesk((s) => s.clear);
  const [open, setOpen] = useState<Notice | null>(null);
  if (!notice) return null;
  const other = notice.other;
  const showing = open === notice && other;
  return (
    <div className="other-desk" role="status" data-testid="other-desk-notice">
      <p className="other-desk-line">
        <span>{sentence(notice)} — </span>
        {other ? (
          <button
            type="button"
            className="button-quiet"
            aria-expanded={!!showing}
            onClick={() => setOpen(showing ? null : notice)}
          >
            {showing ? 'Hide the other version' : 'Show the other version'}
          </button>
        ) : (
          <button type="button" className="button-quiet" onClick={notice.show}>
            Show
          </button>
        )}
        <button type="button" className="button-quiet" onClick={() => clear(notice.source)}>
          {other ? 'Keep mine' : 'Dismiss'}
        </button>
      </p>
      {showing && (
        <div className="other-version">
          <h2 className="other-version-title">The other desk&apos;s version</h2>
          <dl>
            {other.lines.map(([label, text]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{text || '—'}</dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className="button"
            onClick={() => {
              other.use();
              clear(notice.source);
            }}
          >
            Use this version instead of mine
          </button>
        </div>
      )}
    </div>
  );
}
