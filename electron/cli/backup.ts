// "backup": a consistent copy of the database made with SQLite's online backup API, safe while
// the app has the database open.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BoardPackError } from '../../shared/errors';
import { backupDatabase } from '../store/backups';
import type { CliContext } from './context';

export function registerBackup(program: Command, cli: CliContext): void {
  program
    .command('backup')
    .description('Copy the whole database to a file, safely, even while the app is open.')
    .argument('<path>', 'the backup file to write')
    .option('--force', 'overwrite the file if it already exists')
    .addHelpText(
      'after',
      `
Examples:
  $ board-pack backup ~/Backups/board-pack-2007-10-18.db
  $ board-pack backup /media/usb/board-pack.db --force`,
    )
    .action(async (target: string, options: { force?: boolean }, command: Command) => {
      const destination = resolve(target);
      if (existsSync(destination) && !options.force) {
        throw new BoardPackError(
          'conflict',
          `${destination} already exists; choose another name or add --force to replace it.`,
        );
      }
      await cli.withStore(command, async (store) => {
        // The same checked, stand-alone copy the app makes: written beside the target, checked,
        // then renamed into place, so a failure never leaves half a file.
        const result = await backupDatabase(store, destination);
        const size = (result.bytes / 1024 / 1024).toFixed(1);
        cli.say(`Backed up ${store.path} to ${destination} (${size} MB); the copy passed its check.`);
      });
    });
}
