// The desktop app's lifecycle: one instance, a hardened session, the app:// protocol, the database
// (the one last opened — a file, or a shared server with its sealed password — else the one the
// environment names, else the file in the user-data folder), IPC, the menu and the window.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBoardPackError } from '../../shared/errors';
import { warmPackInIdleTime } from '../handlers/packs';
import { developmentPolicy } from '../shell/csp';
import type { DatabaseSession, DatabaseSessionOptions } from '../shell/databaseSession';
import { createErrorLog } from '../shell/errorLog';
import { scheduledBackup } from '../shell/scheduledBackup';
import { startSession, startupChoice } from '../shell/startupDatabase';
import { setDefaultNativeBinding } from '../store/open';
import { PRODUCT_NAME } from '../store/paths';
import { fileCommands } from './fileCommands';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { APP_START_URL, handleAppProtocol, registerAppScheme } from './protocol';
import { hardenContents, hardenSession, isAppUrl } from './security';
import { safeStorageKeeper } from './safeStorageKeeper';
import { createMainWindow } from './window';
import { chooseAfterServerRefusal, chooseDatabaseAfterRefusal, TRY_AGAIN } from './startupDialog';

/** How long after the window shows the pack is warmed: the first screen has loaded its data by then. */
const WARM_AFTER_MS = 1500;

/** Where the built app's pieces are, relative to this bundle (out/main/index.js). */
const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The database to work on at start. A refusal is said in words with a choice: another file, a new
 * one, or quit; for a shared database, try again or open a file for now. null: the person quit.
 */
async function openAtStart(options: DatabaseSessionOptions): Promise<DatabaseSession | null> {
  let choice = startupChoice(options);
  for (;;) {
    const outcome = await startSession(choice, options);
    if (outcome.kind === 'open') return outcome.session;
    const { error } = outcome;
    if (!isBoardPackError(error)) options.log?.('opening the database at start', error);
    const next =
      choice.kind === 'server'
        ? await chooseAfterServerRefusal(choice.address, error)
        : await chooseDatabaseAfterRefusal(choice.path, error);
    if (next === null) return null;
    if (next !== TRY_AGAIN) choice = { kind: 'file', path: next };
  }
}

function personName(): string {
  try {
    return userInfo().username || 'Board Pack user';
  } catch {
    return 'Board Pack user';
  }
}

export function startApp(): void {
  // userData is "Board Pack" on every platform, as the command line expects (electron/store/paths.ts).
  app.setName(PRODUCT_NAME);
  app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));
  const userData = app.getPath('userData');
  const log = createErrorLog(join(userData, 'logs', 'board-pack.log'));
  process.on('uncaughtException', (error) => log('uncaught exception in main', error));
  process.on('unhandledRejection', (reason) => log('unhandled rejection in main', reason));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();

  // Development only (npm run dev): the screens come from the Vite dev server with hot reload.
  const devUrl = app.isPackaged ? undefined : process.env.BOARD_PACK_DEV_URL;
  const devOrigin = devUrl ? new URL(devUrl).origin : undefined;
  // npm start passes better-sqlite3 built for Electron; a packaged app has it rebuilt in place.
  const nativeBinding = app.isPackaged ? undefined : process.env.BOARD_PACK_SQLITE_BINDING;

  let window: BrowserWindow | null = null;
  let database: DatabaseSession | null = null;

  const openWindow = () => {
    window = createMainWindow({
      preload: here('../preload/index.cjs'),
      url: devUrl ?? APP_START_URL,
      boundsFile: join(userData, 'window.json'),
      icon: here('../../resources/icons/png/512x512.png'),
    });
    window.on('closed', () => {
      window = null;
    });
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devOrigin));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (database && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    database?.close().catch((error: unknown) => log('closing the database', error));
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      if (devOrigin) {
        session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
          callback({
            responseHeaders: {
              ...details.responseHeaders,
              'Content-Security-Policy': [developmentPolicy(devOrigin)],
            },
          });
        });
      } else {
        handleAppProtocol(here('../renderer'));
      }

      mkdirSync(userData, { recursive: true });
      setDefaultNativeBinding(nativeBinding);
      database = await openAtStart({
        door: 'electron',
        version: app.getVersion(),
        defaultActor: personName(),
        log,
        nativeBinding,
        // database.json, beside window.json; a shared database's password sealed by the system.
        memory: { file: join(userData, 'database.json'), keeper: safeStorageKeeper() },
      });
      if (!database) {
        app.quit();
        return;
      }
      const current = () => database as DatabaseSession;
      // A failed automatic backup is logged; it never stops the app opening. A session waiting for
      // a shared database's password has nothing to back up, and a shared database is never copied.
      if (current().isOpen)
        scheduledBackup(current().services.store).catch((error: unknown) => log('scheduled backup', error));
      registerIpc(
        ipcMain,
        (method, input) => current().answer(method, input),
        (url) => isAppUrl(url, devOrigin),
      );
      installMenu(
        fileCommands({ session: current, window: () => window, log }),
        process.platform,
        !app.isPackaged,
      );
      openWindow();
      // In the idle time after the window shows, so the session's first pack is as fast as the next.
      window?.once('ready-to-show', () => {
        setTimeout(() => {
          if (!current().isOpen) return;
          warmPackInIdleTime(current().services.store, (line) => log('pack speed-up', line)).catch(
            (error: unknown) => log('warming the pack', error),
          );
        }, WARM_AFTER_MS);
      });
    })
    .catch((error: unknown) => {
      log('starting the app', error);
      app.quit();
    });
}
