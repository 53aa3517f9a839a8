// "update set" records one objective's update for a month; "update show" prints its history.
import type { Command } from 'commander';
import { z } from 'zod';
import { objectiveRefSchema, type Update } from '../../shared/domain';
import { reportingMonthSchema } from '../../shared/months';
import { parseStatus, STATUS_LABELS } from '../../shared/status';
import { formatTable, parseOption, type CliContext } from './context';

const updateSetSchema = z.object({
  ref: objectiveRefSchema,
  month: reportingMonthSchema,
  status: z.string().transform((value, ctx) => {
    const status = parseStatus(value);
    if (status === null) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a status; use Complete, Green, Amber, Red or "Not started".`,
      });
      return z.NEVER;
    }
    return status;
  }),
  narrative: z.string().default(''),
  nextSteps: z.string().default(''),
  risks: z.string().default(''),
  // Written out in decimal: Number() would take "" (and blanks) as 0, and "0x10" or "1e999" as numbers.
  metric: z
    .string()
    .trim()
    .regex(/^[-+]?(\d+(\.\d*)?|\.\d+)$/, { error: 'the metric actual must be a number' })
    .transform(Number)
    .optional(),
  state: z
    .enum(['draft', 'submitted', 'accepted'], { error: 'the state is draft, submitted or accepted' })
    .default('submitted'),
});

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
    .requiredOption('--status <status>', 'Complete, Green, Amber, Red or "Not started"')
    .option('--narrative <text>', 'progress this month (required for Red and Amber)')
    .option('--next-steps <text>', 'what happens next')
    .option('--risks <text>', 'risks and issues')
    .option('--metric <number>', 'the metric actual, where the objective has a numeric target')
    .option(
      '--state <state>',
      'draft, submitted or accepted (the secretariat records accepted updates)',
      'submitted',
    )
    .addHelpText(
      'after',
      `
The update is recorded as the person given by --as (default: your user name).

Examples:
  $ board-pack update set 2.E.3 --month 2007-09 --status green --narrative "On track."
  $ board-pack update set 8.E.4 --month 2007-09 --status amber --metric 79 \\
      --narrative "Below the 85% target: two CAITs short-staffed." --next-steps "Recovery plan to the board."
  $ board-pack update set 2.E.3 --month 2007-09 --status red --state accepted --as "Board secretariat" \\
      --narrative "Off track: forensic backlog; gold group set up."`,
    )
    .action(async (ref: string, options: Record<string, string | undefined>, command: Command) => {
      const input = parseOption(updateSetSchema, { ref, ...options }, 'update set');
      await cli.withStore(command, (store) => {
        const saved = store.updates.save(
          {
            ref: input.ref,
            month: input.month,
            status: input.status,
            narrative: input.narrative,
            nextSteps: input.nextSteps,
            risks: input.risks,
            metricActual: input.metric ?? null,
            author: cli.actor(command),
            state: input.state,
          },
          store.now(),
        );
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
      const validRef = parseOption(objectiveRefSchema, ref, 'reference');
      const month =
        options.month === undefined ? undefined : parseOption(reportingMonthSchema, options.month, '--month');
      await cli.withStore(command, (store) => {
        const objective = store.plan.objective(validRef);
        const history = store.updates.history(validRef, month);
        if (options.json) {
          cli.say(JSON.stringify(history, null, 2));
          return;
        }
        cli.say(`${objective.ref}: ${firstLine(objective.text, 100)}`);
        if (history.length === 0) {
          cli.say(month ? `No update has been written for ${month}.` : 'No update has been written yet.');
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
