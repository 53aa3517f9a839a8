// The persistent navigation: one link per screen, the current one marked for sight and for
// assistive technology. Alt+1 … Alt+9 jump straight to the first nine screens.
import { useEffect, useMemo } from 'react';
import { hrefFor, useRoute, type Screen } from '../state/route';
import { useMenu } from '../state/menu';
import { useApp } from '../state/app';
import { isLeadCopy, LEAD_SCREENS, workingAsLabel } from '../state/leadCopy';

export const NAV_ITEMS: { screen: Screen; label: string }[] = [
  { screen: 'home', label: 'Home' },
  { screen: 'plan', label: 'Plan' },
  { screen: 'updates', label: 'Monthly updates' },
  { screen: 'performance', label: 'Performance' },
  { screen: 'meetings', label: 'Meetings' },
  { screen: 'pack', label: 'Board pack' },
  { screen: 'exchange', label: 'Exchange files' },
  { screen: 'files', label: 'Spreadsheets and backups' },
  { screen: 'settings', label: 'Settings' },
  { screen: 'audit', label: 'Audit log' },
];

/** Alt+1 … Alt+9: a tenth screen and after are reached by the links alone. */
const SHORTCUTS = 9;

export function Navigation() {
  const current = useRoute((r) => r.screen);
  const go = useRoute((r) => r.go);
  const open = useMenu((s) => s.open);
  const setOpen = useMenu((s) => s.setOpen);
  const settings = useApp((s) => s.settings);
  const leadCopy = isLeadCopy(settings);
  // A lead's copy offers only the screens a lead needs; Alt+1 … follow the links shown.
  const items = useMemo(
    () => (leadCopy ? NAV_ITEMS.filter((item) => LEAD_SCREENS.includes(item.screen)) : NAV_ITEMS),
    [leadCopy],
  );

  // On a narrow window the open menu closes once a screen is chosen, or with Escape.
  useEffect(() => setOpen(false), [current, setOpen]);
  useEffect(() => {
    if (!open) return undefined;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      document.querySelector<HTMLButtonElement>('.menu-button')?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, setOpen]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      if (Number.isInteger(index) && index >= 0 && index < Math.min(items.length, SHORTCUTS)) {
        event.preventDefault();
        go(items[index].screen);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, items]);

  return (
    <nav id="main-nav" className={open ? 'app-nav app-nav-open' : 'app-nav'} aria-label="Main">
      <ul>
        {items.map((item, i) => (
          <li key={item.screen}>
            <a
              href={hrefFor(item.screen)}
              aria-current={current === item.screen ? 'page' : undefined}
              aria-keyshortcuts={i < SHORTCUTS ? `Alt+${i + 1}` : undefined}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      {settings && <p className="nav-user">{workingAsLabel(settings)}</p>}
      <p className="nav-hint">Alt+1 to Alt+{Math.min(items.length, SHORTCUTS)} jump between these screens.</p>
    </nav>
  );
}
