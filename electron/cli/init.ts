// "init": create a database and seed the built-in plan, or report on one that is already there.
// Making the file is the command line's own work (no contract method opens or creates a database:
// the screens are given one by the shell); what it holds is read through plan.get.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from './context';

export function registerInit(program: Command, cli: CliContext): void {
  program
    .command('init')
    .description('Create the database (if there is none) and load the built-in plan into it.')
    .addHelpText(
      'after',
      `
Examples:
  $ board-pack init                  # in the desktop app's user-data folder
  $ board-pack init --db board.db    # a database file of your choosing`,
    )
    .action(async (_options: unknown, command: Command) => {
      const { path } = cli.databasePath(command);
      const existed = existsSync(path);
      await cli.withDoor(
        command,
        async (door) => {
          const plan = await door.call('plan.get', {});
          const { objectives } = await door.call('plan.objectives', {});
          const what = `"${plan.title}" (${plan.strands.length} strands, ${objectives.length} objectives, ${plan.startMonth} to ${plan.endMonth})`;
          if (existed) {
            cli.say(
              `The database at ${path} already exists and holds the plan ${what}. It is ready to use; nothing else was changed.`,
            );
          } else {
            cli.say(`Created a new database at ${path} and loaded the plan ${what}.`);
          }
        },
        { create: true },
      );
    });
}
