// Confirmations and errors that do not belong to one field, announced politely (or assertively
// for errors) and dismissable with a real button.
import { useNotices } from '../state/notices';
import { OtherDeskNotice } from './OtherDeskNotice';

export function NoticeArea() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="notice-area">
      {/* In the strip below the screen, so it never moves the field the person is typing in. */}
      <OtherDeskNotice />
      <div role="status" aria-live="polite">
        {notices
          .filter((n) => n.tone !== 'error')
          .map((n) => (
            <div key={n.id} className={`notice notice-${n.tone}`}>
              <span>{n.text}</span>
              <button type="button" className="button-quiet" onClick={() => dismiss(n.id)}>
                Dismiss
              </button>
            </div>
          ))}
      </div>
      <div role="alert">
        {notices
          .filter((n) => n.tone === 'error')
          .map((n) => (
            <div key={n.id} className="notice notice-error">
              <span>{n.text}</span>
              <button type="button" className="button-quiet" onClick={() => dismiss(n.id)}>
                Dismiss
              </button>
            </div>
          ))}
      </div>
    </div>
  );
}
