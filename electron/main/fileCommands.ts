// What File → Open / New database, Backup… and Restore… do: native dialogs around the database
// session, with refusals shown in words and the screens told to reload after a change.
import { dialog, type BrowserWindow } from 'electron';
import { isBoardPackError } from '../../shared/errors';
import { MENU_CHANNEL, UNEXPECTED_MESSAGE, type MenuCommand } from '../../shared/ipc';
import { actorOf, type ErrorLog } from '../handlers/index';
import { rememberDatabase, type DatabaseSession } from '../shell/databaseSession';
import type { FileCommands } from './menu';

const DATABASE_FILTERS = [{ name: 'Board Pack database', extensions: ['db'] }];

export interface FileCommandContext {
  session: () => DatabaseSession;
  window: () => BrowserWindow | null;
  rememberFile: string;
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

function today(context: FileCommandContext): string {
  return context.session().services.store.today();
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
      const opened = await context.session().open(choice.filePaths[0]);
      rememberDatabase(context.rememberFile, opened.store.path);
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
      const created = await context.session().create(choice.filePath);
      rememberDatabase(context.rememberFile, created.store.path);
      // The screens reload themselves on it (renderer/App.tsx).
      send(context, 'database-changed');
    }),
    backup: run('Backup', async () => {
      const choice = await dialog.showSaveDialog({
        title: 'Back up the database',
        defaultPath: `board-pack-backup-${today(context)}.db`,
        filters: DATABASE_FILTERS,
      });
      if (choice.canceled || !choice.filePath) return;
      const written = await context.session().backup(choice.filePath);
      await tell(context, 'Backup', `The database was backed up to ${written}.`);
    }),
    restore: run('Restore', async () => {
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
