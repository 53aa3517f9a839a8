// "status": counts per strand and status for a reporting month, "No update" included.
import type { Command } from 'commander';
import { reportingMonthSchema, monthLabel } from '../../shared/months';
import { STATUS_LABELS, STATUS_ORDER } from '../../shared/status';
import type { MonthSummary } from '../store/updates';
import { formatTable, parseOption, type CliContext } from './context';

export function statusTable(summary: MonthSummary): string {
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
      const given =
        options.month === undefined ? undefined : parseOption(reportingMonthSchema, options.month, '--month');
      await cli.withStore(command, (store) => {
        const month = given ?? store.updates.latestReportedMonth();
        if (month === null) {
          cli.say(
            'No updates have been reported yet, so there is no month to show. Give one with --month YYYY-MM.',
          );
          return;
        }
        store.plan.assertMonthInPlan(month);
        const summary = store.updates.monthSummary(month);
        if (options.json) {
          cli.say(JSON.stringify(summary, null, 2));
          return;
        }
        const which = given ? '' : ', the latest month with updates';
        cli.say(`Status for ${monthLabel(month)} (${month})${which}:\n\n${statusTable(summary)}`);
      });
    });
}
