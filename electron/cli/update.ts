// "update set" records one objective's update for a month; "update show" prints its history.
// Both go through the contract: a draft is updates.saveDraft, a submitted or accepted update is
// updates.record (the screens' save draft → submit → accept, as one transaction).
import { Option, type Command } from 'commander';
import type { Status, Update } from '../../shared/domain';
import { STATUS_LABELS } from '../../shared/status';
import { decimal, status } from './arguments';
import { formatTable, type CliContext } from './context';

const STATES = ['draft', 'submitted', 'accepted'] as const;
type State = (typeof STATES)[number];

interface SetOptions {
  month: string;
  status: Status;
  narrative?: string;
  nextSteps?: string;
  risks?: string;
  metric?: number;
  state: State;
}

function firstLine(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

function describe(update: Update): string {
  return `${STATUS_LABELS[update.status]}, ${update.state} (revision ${update.revision})`;
}

export function registerUpdate(program: Command, cli: CliContext): void {
  const update = program
    .command('update')
    .description('Record or look at the monthly progress updates of an objective.')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack update set 2.E.3 --month 2007-09 --status green --narrative "On track."\n  $ board-pack update show 2.E.3',
    );

  update
    .command('set')
    .description(
      "Record an objective's update for a month. Red and Amber need a narrative: why, and what is being done.",
    )
    .argument('<ref>', 'the objective reference, e.g. 2.E.3')
    .requiredOption('--month <YYYY-MM>', 'the reporting month')
    .requiredOption('--status <status>', 'Complete, Green, Amber, Red or "Not started"', status)
    .option('--narrative <text>', 'progress this month (required for Red and Amber)')
    .option('--next-steps <text>', 'what happens next')
    .option('--risks <text>', 'risks and issues')
    .option(
      '--metric <number>',
      'the metric actual, where the objective has a numeric target',
      decimal('The metric actual'),
    )
    .addOption(
      new Option('--state <state>', 'draft, submitted or accepted (the secretariat records accepted updates)')
        .choices(STATES)
        .default('submitted'),
    )
    .addHelpText(
      'after',
      `
The update is recorded as the person given by --as (default: your user name). A submitted or
accepted update is saved, submitted and accepted by the same rules as in the app, in one step.

Examples:
  $ board-pack update set 2.E.3 --month 2007-09 --status green --narrative "On track."
  $ board-pack update set 8.E.4 --month 2007-09 --status amber --metric 79 \\
      --narrative "Below the 85% target: two CAITs short-staffed." --next-steps "Recovery plan to the board."
  $ board-pack update set 2.E.3 --month 2007-09 --status red --state accepted --as "Board secretariat" \\
      --narrative "Off track: forensic backlog; gold group set up."`,
    )
    .action(async (ref: string, options: SetOptions, command: Command) => {
      const written = {
        ref,
        month: options.month,
        status: options.status,
        narrative: options.narrative,
        nextSteps: options.nextSteps,
        risks: options.risks,
        metricActual: options.metric ?? null,
      };
      await cli.withDoor(command, async (door) => {
        const saved =
          options.state === 'draft'
            ? await door.call('updates.saveDraft', written)
            : await door.call('updates.record', { ...written, state: options.state });
        cli.say(
          `Saved the update for ${saved.ref} in ${saved.month}: ${describe(saved)}, by ${saved.author}.`,
        );
      });
    });

  update
    .command('show')
    .description("Show every revision of an objective's updates, newest first.")
    .argument('<ref>', 'the objective reference, e.g. 2.E.3')
    .option('--month <YYYY-MM>', 'only this reporting month')
    .option('--json', 'print the revisions as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack update show 2.E.3\n  $ board-pack update show 2.E.3 --month 2007-09',
    )
    .action(async (ref: string, options: { month?: string; json?: boolean }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const history = await door.call('updates.history', { ref, month: options.month });
        if (options.json) {
          cli.say(JSON.stringify(history, null, 2));
          return;
        }
        const { objectives } = await door.call('plan.objectives', { includeRetired: true });
        const objective = objectives.find((o) => o.ref === ref.trim());
        cli.say(`${objective?.ref ?? ref}: ${firstLine(objective?.text ?? '', 100)}`);
        if (history.length === 0) {
          cli.say(
            options.month
              ? `No update has been written for ${options.month}.`
              : 'No update has been written yet.',
          );
          return;
        }
        const rows = history.map((u) => [
          u.month,
          u.revision,
          STATUS_LABELS[u.status],
          u.state,
          u.author,
          u.createdAt.slice(0, 16).replace('T', ' '),
          firstLine(u.narrative, 60),
        ]);
        cli.say(formatTable(['Month', 'Rev', 'Status', 'State', 'Author', 'Written', 'Narrative'], rows));
      });
    });
}
