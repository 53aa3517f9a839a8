// "backup": a consistent copy of the database, safe while the app has the database open. The copy
// is made and checked by backups.download, the same as the screens' Download backup; the command
// line then writes it to the file named, through a temporary file, so a failure leaves no file.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BoardPackError } from '../../shared/errors';
import type { CliContext } from './context';
import { checkOutputPath, writeBase64 } from './files';

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
      await cli.withDoor(command, async (door) => {
        const protect = { database: resolve(door.databasePath) };
        checkOutputPath(destination, protect);
        const copy = await door.call('backups.download', {});
        writeBase64(destination, copy.base64, protect);
        const size = (copy.bytes / 1024 / 1024).toFixed(1);
        cli.say(`Backed up ${door.databasePath} to ${destination} (${size} MB); the copy passed its check.`);
      });
    });
}
