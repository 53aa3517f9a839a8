// "status": counts per strand and status for a reporting month, "No update" included, from
// updates.monthSummary.
import type { Command } from 'commander';
import type { MonthSummaryOutput } from '../../shared/contract';
import { monthLabel } from '../../shared/months';
import { STATUS_LABELS, STATUS_ORDER } from '../../shared/status';
import { formatTable, type CliContext } from './context';

export function statusTable(summary: MonthSummaryOutput): string {
  const header = ['Strand', ...STATUS_ORDER.map((s) => STATUS_LABELS[s]), 'Total'];
  const rows = summary.strands.map((s) => [
    `${s.strandNumber} ${s.strandTitle}`,
    ...STATUS_ORDER.map((st) => s.counts[st]),
    s.total,
  ]);
  const footer = ['All strands', ...STATUS_ORDER.map((st) => summary.totals[st]), summary.total];
  return formatTable(header, rows, footer);
}

export function registerStatus(program: Command, cli: CliContext): void {
  program
    .command('status')
    .description(
      'Show how many objectives in each strand are at each status for a month, including No update.',
    )
    .option('--month <YYYY-MM>', 'the reporting month (default: the latest month that has updates)')
    .option('--json', 'print the counts as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ board-pack status                      # the latest month with updates
  $ board-pack status --month 2007-09
  $ board-pack status --month 2007-09 --json`,
    )
    .action(async (options: { month?: string; json?: boolean }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const summary = await door.call('updates.monthSummary', { month: options.month });
        if (summary === null) {
          cli.say(
            'No updates have been reported yet, so there is no month to show. Give one with --month YYYY-MM.',
          );
          return;
        }
        if (options.json) {
          cli.say(JSON.stringify(summary, null, 2));
          return;
        }
        const which = options.month === undefined ? ', the latest month with updates' : '';
        cli.say(
          `Status for ${monthLabel(summary.month)} (${summary.month})${which}:\n\n${statusTable(summary)}`,
        );
      });
    });
}
