// What File → Open / New database, Connect to a shared database…, Backup… and Restore… do: native
// dialogs around the database session (which remembers what opened), with refusals shown in words
// and the screens told to reload after a change. Connecting asks in the screens' own dialog, since
// a native one cannot take a password.
import { dialog, type BrowserWindow } from 'electron';
import { isBoardPackError } from '../../shared/errors';
import { MENU_CHANNEL, UNEXPECTED_MESSAGE, type MenuCommand } from '../../shared/ipc';
import { actorOf, type ErrorLog } from '../handlers/index';
import type { DatabaseSession } from '../shell/databaseSession';
import { serverBackupRefusal } from '../store/backups';
import type { Store } from '../store/store';
import type { FileCommands } from './menu';

const DATABASE_FILTERS = [{ name: 'Board Pack database', extensions: ['db'] }];

export interface FileCommandContext {
  session: () => DatabaseSession;
  window: () => BrowserWindow | null;
  log: ErrorLog;
}

function send(context: FileCommandContext, command: MenuCommand): void {
  context.window()?.webContents.send(MENU_CHANNEL, command);
}

async function report(context: FileCommandContext, title: string, error: unknown): Promise<void> {
  const message = isBoardPackError(error) ? error.message : UNEXPECTED_MESSAGE;
  if (!isBoardPackError(error)) context.log(title, error);
  const window = context.window();
  const options = { type: 'error' as const, title, message };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

async function tell(context: FileCommandContext, title: string, message: string): Promise<void> {
  const window = context.window();
  const options = { type: 'info' as const, title, message };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

/** The open database, refused in words when it is shared: only a file is copied or replaced from here. */
function databaseFile(context: FileCommandContext): Store {
  const { store } = context.session().services;
  if (store.shared) throw serverBackupRefusal();
  return store;
}

export function fileCommands(context: FileCommandContext): FileCommands {
  const run = (title: string, action: () => Promise<void>) => () => {
    action().catch((error: unknown) => report(context, title, error));
  };
  return {
    openDatabase: run('Open database', async () => {
      const choice = await dialog.showOpenDialog({
        title: 'Open a Board Pack database',
        properties: ['openFile'],
        filters: DATABASE_FILTERS,
      });
      if (choice.canceled || choice.filePaths.length === 0) return;
      await context.session().open(choice.filePaths[0]);
      // The screens reload themselves on it (renderer/App.tsx).
      send(context, 'database-changed');
    }),
    newDatabase: run('New database', async () => {
      const choice = await dialog.showSaveDialog({
        title: 'Start a new Board Pack database',
        defaultPath: 'board-pack.db',
        filters: DATABASE_FILTERS,
      });
      if (choice.canceled || !choice.filePath) return;
      await context.session().create(choice.filePath);
      // The screens reload themselves on it (renderer/App.tsx).
      send(context, 'database-changed');
    }),
    connectShared: () => {
      const window = context.window();
      if (window?.isMinimized()) window.restore();
      window?.focus();
      send(context, 'connect-shared');
    },
    backup: run('Backup', async () => {
      const choice = await dialog.showSaveDialog({
        title: 'Back up the database',
        defaultPath: `board-pack-backup-${databaseFile(context).today()}.db`,
        filters: DATABASE_FILTERS,
      });
      if (choice.canceled || !choice.filePath) return;
      const written = await context.session().backup(choice.filePath);
      await tell(context, 'Backup', `The database was backed up to ${written}.`);
    }),
    restore: run('Restore', async () => {
      databaseFile(context);
      const choice = await dialog.showOpenDialog({
        title: 'Restore from a backup',
        properties: ['openFile'],
        filters: DATABASE_FILTERS,
      });
      if (choice.canceled || choice.filePaths.length === 0) return;
      const confirm = await dialog.showMessageBox({
        type: 'warning',
        title: 'Restore',
        message: 'Replace the open database with this backup?',
        detail: 'The current database is kept beside it as a safety copy first.',
        buttons: ['Restore', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      });
      if (confirm.response !== 0) return;
      const session = context.session();
      const restored = await session.restore(choice.filePaths[0], await actorOf(session.services));
      // The screens reload themselves on it (renderer/App.tsx).
      send(context, 'database-changed');
      const kept = restored.previousKeptAt
        ? ` The database as it was before is kept at ${restored.previousKeptAt}.`
        : '';
      await tell(context, 'Restore', `The backup was restored.${kept}`);
    }),
    buildPack: () => send(context, 'build-pack'),
  };
}
