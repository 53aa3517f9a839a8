// "demo" and "demo remove": load or remove the demo updates and meetings (demo.load, demo.remove).
import type { Command } from 'commander';
import { dateLabel, monthLabel } from '../../shared/months';
import { wholeNumber } from './arguments';
import type { CliContext } from './context';

export function registerDemo(program: Command, cli: CliContext): void {
  const demo = program
    .command('demo')
    .description(
      "Load demo data: monthly updates from the plan's start and three board meetings, all marked as demo.",
    )
    .option(
      '--months <n>',
      "how many months of updates, from the plan's start month (default: six)",
      wholeNumber('the number of months'),
    )
    .option(
      '--seed <n>',
      'seed for the generator: the same seed gives the same demo (default: always the same one)',
      wholeNumber('the seed'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ board-pack demo --db board.db               # six months: 2007-04 to 2007-09
  $ board-pack demo --db board.db --months 24   # the whole plan period
  $ board-pack demo remove --db board.db        # take it all out again`,
    )
    .action(async (options: { months?: number; seed?: number }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const { loaded, databasePath } = await door.call('demo.load', {
          months: options.months,
          seed: options.seed,
        });
        const u = loaded.updates;
        const next = loaded.meetings.find((m) => !m.held);
        cli.say(
          [
            `Loaded demo data into ${databasePath}:`,
            `  updates for ${monthLabel(loaded.firstMonth)} to ${monthLabel(loaded.lastMonth)}: ${u.accepted} accepted, ${u.submitted} submitted, ${u.drafts} drafts, ${u.returned} returned, ${u.missing} missing (No update)`,
            `  ${loaded.meetings.length} meetings (${loaded.meetings.filter((m) => m.held).length} held, with minutes and ${loaded.actions} actions)` +
              (next
                ? `; the next is on ${dateLabel(next.heldAt)} and reports on ${monthLabel(next.reportingMonth)}`
                : ''),
            'Everything is marked as demo. Remove it with: board-pack demo remove',
          ].join('\n'),
        );
      });
    });

  demo
    .command('remove')
    .description(
      'Remove all demo data (updates, meetings, minutes, actions). Refused if a demo meeting has an issued pack.',
    )
    .addHelpText('after', '\nExample:\n  $ board-pack demo remove --db board.db')
    .action(async (_options: unknown, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const { removed } = await door.call('demo.remove', {});
        cli.say(
          `Removed demo data: ${removed.updates} update revisions, ${removed.meetings} meetings and ${removed.actions} actions.`,
        );
      });
    });
}
