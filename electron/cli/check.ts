// "check": SQLite's integrity and foreign-key checks on the database (app.checkDatabase); exit 1
// with the problems.
import type { Command } from 'commander';
import { BoardPackError } from '../../shared/errors';
import type { CliContext } from './context';

export function registerCheck(program: Command, cli: CliContext): void {
  program
    .command('check')
    .description(
      'Check the database file for damage (integrity and foreign keys). Exits with 1 if problems are found.',
    )
    .addHelpText('after', '\nExample:\n  $ board-pack check --db board.db')
    .action(async (_options: unknown, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const { databasePath, problems } = await door.call('app.checkDatabase', {});
        if (problems.length > 0) {
          for (const problem of problems.slice(0, 50)) cli.io.err(`${problem}\n`);
          throw new BoardPackError(
            'conflict',
            `The database at ${databasePath} has ${problems.length} problem(s); restore it from a backup.`,
          );
        }
        cli.say(`The database at ${databasePath} is sound (integrity and foreign keys checked).`);
      });
    });
}
