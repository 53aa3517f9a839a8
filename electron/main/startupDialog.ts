// When the database cannot be opened at start (not ours, damaged, newer, read-only), say why and
// let the person choose another file, start a new one, or quit; never touch the refused file. A
// shared database that cannot be reached is said in one sentence, with the choice of trying again or
// opening a file for now: the app never falls back to a file by itself.
import { dialog } from 'electron';
import { isBoardPackError } from '../../shared/errors';
import { withoutPassword } from '../shell/sharedAddress';

/** The person's answer to a shared database refused at start: try it again. */
export const TRY_AGAIN = Symbol('try the shared database again');

const DATABASE_FILTERS = [{ name: 'Board Pack database', extensions: ['db'] }];

export async function chooseAfterServerRefusal(
  address: string,
  error: unknown,
): Promise<typeof TRY_AGAIN | string | null> {
  const reason = isBoardPackError(error)
    ? error.message
    : `The shared database at ${withoutPassword(address)} could not be opened.`;
  const answer = await dialog.showMessageBox({
    type: 'error',
    title: 'Board Pack',
    message: reason,
    detail:
      'Try again when the server answers, or open a database file for now; Board Pack will try the shared database again at its next start.',
    buttons: ['Try again', 'Open a database file instead…', 'Quit'],
    defaultId: 0,
    cancelId: 2,
  });
  if (answer.response === 0) return TRY_AGAIN;
  if (answer.response !== 1) return null;
  const choice = await dialog.showOpenDialog({ properties: ['openFile'], filters: DATABASE_FILTERS });
  return choice.canceled || choice.filePaths.length === 0
    ? chooseAfterServerRefusal(address, error)
    : choice.filePaths[0];
}

export async function chooseDatabaseAfterRefusal(path: string, error: unknown): Promise<string | null> {
  const reason = isBoardPackError(error) ? error.message : `The database at ${path} could not be opened.`;
  const answer = await dialog.showMessageBox({
    type: 'error',
    title: 'Board Pack',
    message: 'Board Pack could not open its database.',
    detail: `${reason}\n\nThe file has not been changed.`,
    buttons: ['Open another database…', 'Start a new database…', 'Quit'],
    defaultId: 0,
    cancelId: 2,
  });
  if (answer.response === 0) {
    const choice = await dialog.showOpenDialog({
      properties: ['openFile'],
      filters: [{ name: 'Board Pack database', extensions: ['db'] }],
    });
    return choice.canceled || choice.filePaths.length === 0
      ? chooseDatabaseAfterRefusal(path, error)
      : choice.filePaths[0];
  }
  if (answer.response === 1) {
    const choice = await dialog.showSaveDialog({
      defaultPath: 'board-pack.db',
      filters: [{ name: 'Board Pack database', extensions: ['db'] }],
    });
    return choice.canceled || !choice.filePath ? chooseDatabaseAfterRefusal(path, error) : choice.filePath;
  }
  return null;
}
