// The application frame: skip link, header with the board and the reporting month, the persistent
// navigation, and the current screen in <main>. Every screen is one hash route away.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useApp } from './state/app';
import { onMenuCommand } from './api';
import { useRoute, type Screen } from './state/route';
import { Navigation } from './components/Navigation';
import { Header } from './components/Header';
import { NoticeArea } from './components/NoticeArea';
import { ErrorBoundary } from './components/ErrorBoundary';
import { UnreachableBanner } from './components/UnreachableBanner';
import { startChangesPoller } from './state/changesPoller';
import { useExternalChanges } from './state/externalChanges';
import { watchTyping } from './state/typedFields';
import { HomeScreen } from './screens/home/HomeScreen';
import { PlanScreen } from './screens/plan/PlanScreen';
import { UpdatesScreen } from './screens/updates/UpdatesScreen';
import { PerformanceScreen } from './screens/performance/PerformanceScreen';
import { MeetingsScreen } from './screens/meetings/MeetingsScreen';
import { PackScreen } from './screens/pack/PackScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { AuditScreen } from './screens/audit/AuditScreen';
import { ExchangeScreen } from './screens/offline/ExchangeScreen';
import { FilesScreen } from './screens/offline/FilesScreen';
import { ConnectScreen } from './screens/connect/ConnectScreen';

const SCREEN_COMPONENTS: Record<Screen, () => React.JSX.Element> = {
  home: HomeScreen,
  plan: PlanScreen,
  updates: UpdatesScreen,
  performance: PerformanceScreen,
  meetings: MeetingsScreen,
  pack: PackScreen,
  settings: SettingsScreen,
  audit: AuditScreen,
  exchange: ExchangeScreen,
  files: FilesScreen,
  connect: ConnectScreen,
};

/**
 * While the desktop app waits at start-up for the shared database's password there is no plan to
 * show: only the connect dialog, under the bare header (the File menu still opens a file instead).
 */
function AwaitingDatabase() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Board Pack</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main app-main-alone">
        <ConnectScreen />
      </main>
      <NoticeArea />
    </div>
  );
}

export function App() {
  const screen = useRoute((r) => r.screen);
  const mainRef = useRef<HTMLElement>(null);
  const Current = SCREEN_COMPONENTS[screen];
  const loadError = useApp((s) => s.loadError);
  const awaitingDatabase = useApp((s) => s.awaitingDatabase);

  useEffect(() => {
    void useApp.getState().load();
  }, []);

  // Other desks' work: one poller for the window; the plan and settings every screen reads are
  // read again here (the settings form is redrawn from them, so not while it holds typing).
  useEffect(() => {
    watchTyping();
    return startChangesPoller();
  }, []);
  useExternalChanges(['plan', 'setting'], () => useApp.getState().load(), { within: '.settings-form' });

  // The native menu: another database opened or restored means every screen starts again from
  // it; File → Build pack… opens the pack screen, File → Connect to a shared database… its dialog.
  useEffect(() => {
    if (!window.boardPack) return undefined;
    return onMenuCommand((command) => {
      if (command === 'build-pack' || command === 'connect-shared') {
        useRoute.getState().go(command === 'build-pack' ? 'pack' : 'connect');
        return;
      }
      window.location.hash = '#/home';
      window.location.reload();
    });
  }, []);

  // Moving to another screen moves focus to its content, so keyboard and screen-reader users
  // start reading where the page changed rather than at the top of the navigation. A layout effect,
  // so the focus moves in the same task as the new screen is drawn: a key pressed just after (Ctrl+K)
  // is not undone by a focus that lands late.
  const shown = useRef(screen);
  useLayoutEffect(() => {
    if (shown.current === screen) return;
    shown.current = screen;
    mainRef.current?.focus();
  }, [screen]);

  if (awaitingDatabase) return <AwaitingDatabase />;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header />
      <div className="app-body">
        <Navigation />
        <main id="main" ref={mainRef} tabIndex={-1} className="app-main" data-screen={screen}>
          <UnreachableBanner />
          {loadError ? (
            <p className="error-message" role="alert">
              {loadError}
            </p>
          ) : (
            <ErrorBoundary resetKey={screen}>
              <Current />
            </ErrorBoundary>
          )}
        </main>
      </div>
      <NoticeArea />
    </div>
  );
}
