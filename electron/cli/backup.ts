// "backup": a consistent copy of the database made with SQLite's online backup API, safe while
// the app has the database open.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { BoardPackError } from '../../shared/errors';
import type { CliContext } from './context';

function verifyCopy(path: string): void {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new BoardPackError('conflict', `The backup at ${path} failed its check (${String(result)}).`);
  } finally {
    copy.close();
  }
}

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
        throw new BoardPackError('conflict', `${destination} already exists; choose another name or add --force to replace it.`);
      }
      if (!existsSync(dirname(destination))) throw new BoardPackError('not_found', `The folder ${dirname(destination)} does not exist.`);
      await cli.withStore(command, async (store) => {
        if (resolve(store.path) === destination) throw new BoardPackError('invalid_input', 'A backup cannot be written over the database itself.');
        // Written beside the destination and renamed into place, so a failure never leaves half a file.
        const partial = `${destination}.partial-${process.pid}`;
        try {
          await store.backup(partial);
          verifyCopy(partial);
          renameSync(partial, destination);
        } finally {
          rmSync(partial, { force: true });
        }
        const size = (statSync(destination).size / 1024 / 1024).toFixed(1);
        cli.say(`Backed up ${store.path} to ${destination} (${size} MB); the copy passed its check.`);
      });
    });
}
