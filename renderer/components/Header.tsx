// The top bar: which board, which protective marking, which reporting month, and who is working.
import { monthLabel } from '../../shared/months';
import { useApp } from '../state/app';
import { useSession } from '../state/session';

export function Header() {
  const plan = useApp((s) => s.plan);
  const settings = useApp((s) => s.settings);
  const months = useApp((s) => s.months);
  const month = useSession((s) => s.month);
  const setMonth = useSession((s) => s.setMonth);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Board Pack</span>
        <span className="brand-board">{settings?.boardName ?? plan?.boardName ?? ''}</span>
      </div>
      {settings && <span className="marking">{settings.protectiveMarking}</span>}
      <div className="header-tools">
        {months && month && (
          <div className="field-inline">
            <label htmlFor="reporting-month">Reporting month</label>
            <select id="reporting-month" value={month} onChange={(e) => setMonth(e.target.value)}>
              {months.months.map((m) => (
                <option key={m.month} value={m.month}>
                  {monthLabel(m.month)}
                  {m.reported === 0 ? ' (no updates yet)' : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {settings && <span className="user">Working as {settings.userName}</span>}
      </div>
    </header>
  );
}
