// "demo" and "demo remove": load or remove the demo updates and meetings.
import type { Command } from 'commander';
import { z } from 'zod';
import { dateLabel, monthLabel } from '../../shared/months';
import { DEFAULT_DEMO_MONTHS, DEFAULT_DEMO_SEED, loadDemo, removeDemo } from '../demo/generate';
import { parseOption, type CliContext } from './context';

const countSchema = z.coerce.number({ error: 'give a whole number' }).int('give a whole number');

export function registerDemo(program: Command, cli: CliContext): void {
  const demo = program
    .command('demo')
    .description(
      "Load demo data: monthly updates from the plan's start and three board meetings, all marked as demo.",
    )
    .option(
      '--months <n>',
      "how many months of updates, from the plan's start month",
      String(DEFAULT_DEMO_MONTHS),
    )
    .option(
      '--seed <n>',
      'seed for the generator: the same seed gives the same demo',
      String(DEFAULT_DEMO_SEED),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ board-pack demo --db board.db               # six months: 2007-04 to 2007-09
  $ board-pack demo --db board.db --months 24   # the whole plan period
  $ board-pack demo remove --db board.db        # take it all out again`,
    )
    .action(async (options: { months: string; seed: string }, command: Command) => {
      const months = parseOption(countSchema, options.months, '--months');
      const seed = parseOption(countSchema, options.seed, '--seed');
      await cli.withStore(command, (store) => {
        const loaded = loadDemo(store, { months, seed, actor: cli.actor(command) });
        const u = loaded.updates;
        const next = loaded.meetings.find((m) => !m.held);
        cli.say(
          [
            `Loaded demo data into ${store.path}:`,
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
      await cli.withStore(command, (store) => {
        const removed = removeDemo(store, cli.actor(command));
        cli.say(
          `Removed demo data: ${removed.updates} update revisions, ${removed.meetings} meetings and ${removed.actions} actions.`,
        );
      });
    });
}
