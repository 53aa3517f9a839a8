// "db copy": a whole database into an empty one — a desk's file onto the shared PostgreSQL server,
// or the server's record back into a file for a desk that must go offline. Like restore, it does
// not go through dispatch: it works on two databases at once, and a contract method runs on one.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BoardPackError } from '../../shared/errors';
import { copyStores } from '../store/copyDatabase';
import { isServerLocation, openStore, type SqlStore } from '../store/store';
import type { CliContext } from './context';

function location(given: string, what: string): string {
  if (!given.trim()) throw new BoardPackError('invalid_input', `Say which database to copy ${what}.`);
  return isServerLocation(given) ? given.trim() : resolve(given);
}

export function registerDb(program: Command, cli: CliContext): void {
  const db = program.command('db').description('Move a whole database between a file and a shared server.');
  db.command('copy')
    .description(
      'Copy every row of one database into an empty one (a file or a postgres:// address), then check both sides table by table.',
    )
    .requiredOption('--from <location>', 'the database to copy: a file, or postgres://user@host/database')
    .requiredOption(
      '--to <location>',
      'the empty database to copy into: a new file, or an empty server database',
    )
    .addHelpText(
      'after',
      '\nThe password of a server is read from PGPASSWORD (or ~/.pgpass), never from the command line.\n\nExamples:\n  $ board-pack db copy --from board.db --to postgres://secretariat@db.force.local/board_pack\n  $ board-pack db copy --from postgres://secretariat@db.force.local/board_pack --to offline.db',
    )
    .action(async (options: { from: string; to: string }, command: Command) => {
      const from = location(options.from, 'from');
      const to = location(options.to, 'into');
      if (from === to)
        throw new BoardPackError(
          'invalid_input',
          'The database to copy and the one to copy into are the same.',
        );
      if (!isServerLocation(from) && !existsSync(from))
        throw new BoardPackError('not_found', `There is no database at ${from}.`);
      if (!isServerLocation(to) && existsSync(to))
        throw new BoardPackError(
          'conflict',
          `${to} already exists; copy into a new file, so nothing is overwritten. Nothing was copied.`,
        );
      const clock = cli.io.clock ?? (() => new Date());
      const source = await openStore(from, { clock, create: false, seedPlan: null });
      let target: SqlStore | undefined;
      try {
        target = await openStore(to, { clock, seedPlan: null });
        const report = await copyStores(source, target, {
          at: clock().toISOString(),
          actor: cli.actor(command),
        });
        cli.say(
          `Copied ${report.rows} rows in ${report.tables.length} tables from ${source.path} to ${target.path}; every table has the same rows and content on both sides.`,
        );
      } catch (error) {
        // A new file that did not receive the copy is not left behind to be mistaken for one.
        await target?.close();
        target = undefined;
        if (!isServerLocation(to))
          for (const file of [to, `${to}-wal`, `${to}-shm`]) rmSync(file, { force: true });
        throw error;
      } finally {
        await target?.close();
        await source.close();
      }
    });
}
