// When the database cannot be opened at start (not ours, damaged, newer, read-only), say why and
// let the person choose another file, start a new one, or quit; never touch the refused file.
import { dialog } from 'electron';
import { isBoardPackError } from '../../shared/errors';

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
