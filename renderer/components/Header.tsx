// The top bar: which board (and which shared database, when it is one), which protective marking,
// which reporting month, and who is working.
import { workingAsLabel } from '../state/leadCopy';
import { monthLabel } from '../../shared/months';
import { useApp } from '../state/app';
import { useSession } from '../state/session';
import { useMenu } from '../state/menu';
import { HeaderSearch } from './HeaderSearch';

export function Header() {
  const plan = useApp((s) => s.plan);
  const settings = useApp((s) => s.settings);
  const months = useApp((s) => s.months);
  const month = useSession((s) => s.month);
  const setMonth = useSession((s) => s.setMonth);
  const menuOpen = useMenu((s) => s.open);
  const setMenuOpen = useMenu((s) => s.setOpen);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Board Pack</span>
        <span className="brand-board">{settings?.boardName ?? plan?.boardName ?? ''}</span>
        {settings?.sharedDatabase && (
          <span
            className="brand-shared"
            data-testid="shared-database-name"
            title={`Shared database ${settings.sharedDatabase.name}`}
          >
            Shared: {settings.sharedDatabase.database} on {settings.sharedDatabase.host}
          </span>
        )}
      </div>
      {settings && <span className="marking">{settings.protectiveMarking}</span>}
      {/* Shown only on a narrow window (styles/reflow.css), where the navigation folds away. */}
      <button
        type="button"
        className="menu-button"
        aria-expanded={menuOpen}
        aria-controls="main-nav"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        Menu
      </button>
      <div className="header-tools">
        <HeaderSearch />
        {months && month && (
          <div className="field-inline">
            <label htmlFor="reporting-month">
              <span className="header-long">Reporting month</span>
              <span className="header-short">Month</span>
            </label>
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
        {settings && <span className="user header-user">{workingAsLabel(settings)}</span>}
      </div>
    </header>
  );
}
