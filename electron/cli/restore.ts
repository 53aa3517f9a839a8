// "backup auto" (today's rotating backup, keep N) and "restore" (check a backup, keep the
// current database aside, then replace it). "backup FILE" itself lives in backup.ts.
import type { Command } from 'commander';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { autoBackup, configureAutoBackup, restoreDatabase } from '../store/backups';
import { parseOption, type CliContext } from './context';

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
    .option('--keep <n>', 'how many daily backups to keep (default 14)')
    .addHelpText('after', '\nExample:\n  $ board-pack backup auto --folder /media/usb/board-pack --keep 30')
    .action(async (options: { folder?: string; keep?: string }, command: Command) => {
      const keep =
        options.keep === undefined
          ? undefined
          : parseOption(z.coerce.number().int().min(1).max(365), options.keep, '--keep');
      await cli.withStore(command, async (store) => {
        if (options.folder !== undefined || keep !== undefined)
          configureAutoBackup(store, { folder: options.folder, keep }, cli.actor(command));
        const r = await autoBackup(store);
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
