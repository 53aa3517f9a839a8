// "backup auto" (today's rotating backup, keep N: backups.configure and backups.auto) and
// "restore" (check a backup, keep the current database aside, then replace it). "backup FILE"
// itself lives in backup.ts.
//
// restore does not go through dispatch: it replaces the database file itself, and must work when
// that file is too damaged to open, which is what a restore is for; a contract method runs on an
// open database. The desktop app restores through backups.restore with a hook that closes and
// reopens its database; the command line has no database open to close.
import type { Command } from 'commander';
import { BoardPackError } from '../../shared/errors';
import { restoreDatabase } from '../store/restore';
import { wholeNumber } from './arguments';
import type { CliContext } from './context';

export function registerRestore(program: Command, cli: CliContext): void {
  const backup =
    program.commands.find((c) => c.name() === 'backup') ??
    program.command('backup').description('Backups of the whole database.');

  backup
    .command('auto')
    .description(
      "Make today's backup if there is none yet, keeping the newest N in a folder (the folder and N are remembered).",
    )
    .option('--folder <dir>', 'where daily backups go (default: a "backups" folder beside the database)')
    .option('--keep <n>', 'how many daily backups to keep (default 14)', wholeNumber('how many to keep'))
    .addHelpText('after', '\nExample:\n  $ board-pack backup auto --folder /media/usb/board-pack --keep 30')
    .action(async (options: { folder?: string; keep?: number }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        if (options.folder !== undefined || options.keep !== undefined)
          await door.call('backups.configure', { folder: options.folder, keep: options.keep });
        const r = await door.call('backups.auto', {});
        cli.say(
          r.created
            ? `Made today's backup: ${r.created}.`
            : `Today's backup was already made; nothing new written.`,
        );
        cli.say(
          `Keeping the newest ${r.keep} in ${r.folder} (${r.kept.length} there now)${r.removed.length ? `; removed ${r.removed.length} older` : ''}.`,
        );
      });
    });

  program
    .command('restore')
    .description(
      'Replace the database with a backup, after checking it; the current database is kept as a backup first.',
    )
    .argument('<file>', 'the backup to restore')
    .option(
      '--keep-folder <dir>',
      'where to keep the current database (default: a "backups" folder beside it)',
    )
    .addHelpText(
      'after',
      '\nClose the desktop app first.\n\nExample:\n  $ board-pack restore backups/board-pack-2007-10-18.db',
    )
    .action(async (file: string, options: { keepFolder?: string }, command: Command) => {
      const { path } = cli.databasePath(command);
      if (!file.trim()) throw new BoardPackError('invalid_input', 'Say which backup to restore.');
      const r = await restoreDatabase({
        databasePath: path,
        backupPath: file,
        keepFolder: options.keepFolder,
        now: (cli.io.clock ?? (() => new Date()))(),
        actor: cli.actor(command),
      });
      cli.say(
        `Restored ${r.databasePath} from ${r.restoredFrom} (schema ${r.schemaVersion}); it passed its checks.`,
      );
      if (r.previousKeptAt) cli.say(`The database as it was is kept at ${r.previousKeptAt}.`);
    });
}
