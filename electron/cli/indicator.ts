// "indicator …": performance indicators from the command line, through the same indicators.*
// methods as the Performance screen: list, add, set a month's figure, import figures, record a
// definition change, and show one indicator's XmR chart month by month (as JSON for scripts).
import { Option, type Command } from 'commander';
import {
  MAX_UPLOAD_BYTES,
  type FigureImportPreview,
  type IndicatorDetail,
  type IndicatorListItem,
} from '../../shared/contract';
import { BETTER_DIRECTIONS, INDICATOR_UNITS, type Better, type IndicatorUnit } from '../../shared/indicator';
import { formatFigure } from '../../shared/spcWords';
import { decimal, wholeNumber } from './arguments';
import { formatTable, type CliContext } from './context';
import { readUpload } from './files';

interface AddOptions {
  title: string;
  unit: IndicatorUnit;
  per?: number;
  better: Better;
  outcome?: number;
  strand?: number;
  target?: number;
  source?: string;
}

function figureText(item: IndicatorListItem): string {
  const { latest, indicator } = item;
  if (latest === null || indicator.unit === null) return '';
  return formatFigure(latest.value, indicator.unit, indicator.per ?? undefined);
}

function printList(cli: CliContext, items: IndicatorListItem[]): void {
  const rows = items.map((item) => [
    item.indicator.ref,
    item.indicator.title.length > 50 ? `${item.indicator.title.slice(0, 49)}…` : item.indicator.title,
    item.latest?.month ?? (item.indicator.countable ? 'no figures' : 'not countable'),
    figureText(item),
    item.latest?.variationWords ?? '',
    item.assuranceWords ?? '',
  ]);
  cli.say(formatTable(['Ref', 'Indicator', 'Month', 'Figure', 'Variation', 'Assurance'], rows));
}

/** What `indicator show --json` prints: the chart month by month, and the series' assurance. */
export function showJson(detail: IndicatorDetail): unknown {
  return {
    ref: detail.indicator.ref,
    title: detail.indicator.title,
    unit: detail.indicator.unit,
    better: detail.indicator.better,
    month: detail.month,
    definitionChanges: detail.definitionChanges.map((c) => ({ month: c.month, note: c.note })),
    months: detail.months.map((m) => ({
      month: m.month,
      value: m.value,
      centre: m.centre,
      lower: m.lower,
      upper: m.upper,
      variation: m.variation,
    })),
    assurance: detail.assurance,
    sentence: detail.caption,
  };
}

function printShow(cli: CliContext, detail: IndicatorDetail): void {
  const { indicator } = detail;
  cli.say(`${indicator.ref}: ${indicator.title}`);
  cli.say(detail.caption);
  if (detail.months.length === 0) return;
  const n = (v: number | null) => (v === null ? '' : String(Math.round(v * 100) / 100));
  const rows = detail.months.map((m) => [
    m.month,
    n(m.value),
    n(m.centre),
    n(m.lower),
    n(m.upper),
    m.variation ?? '',
  ]);
  cli.say(formatTable(['Month', 'Value', 'Centre', 'Lower', 'Upper', 'Variation'], rows));
  if (detail.assuranceWords !== null) cli.say(`Assurance: ${detail.assuranceWords}.`);
}

function printPreview(cli: CliContext, source: string, p: FigureImportPreview): void {
  const count = (kind: string) => p.figures.filter((f) => f.change === kind).length;
  cli.say(
    `${source}: ${p.rows} row(s): ${count('new')} new figure(s), ${count('revised')} revised, ${count('unchanged')} unchanged.`,
  );
  for (const f of p.figures.filter((x) => x.change === 'revised'))
    cli.say(`  ${f.ref} ${f.month}: ${f.previous} → ${f.value}`);
  if (p.errors.length > 0) {
    cli.say(`${p.errors.length} row(s) have problems:`);
    for (const e of p.errors) cli.say(`  ${e.message}`);
  }
}

export function registerIndicator(program: Command, cli: CliContext): void {
  const indicator = program
    .command('indicator')
    .description("Performance indicators: the strategy's outcomes and success measures as monthly figures.")
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack indicator list\n  $ board-pack indicator set KO1 --month 2007-09 --value 14\n  $ board-pack indicator show KO1 --json',
    );

  indicator
    .command('list')
    .description('List the indicators with their latest figure, variation and assurance.')
    .option('--month <YYYY-MM>', 'as at this month (default: the latest with a figure)')
    .option('--json', 'print the list as JSON')
    .action(async (options: { month?: string; json?: boolean }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const items = await door.call('indicators.list', { month: options.month });
        if (options.json) cli.say(JSON.stringify(items, null, 2));
        else printList(cli, items);
      });
    });

  indicator
    .command('add')
    .description('Add an indicator; prints its new reference.')
    .requiredOption('--title <text>', 'what is measured, in the board’s words')
    .addOption(
      new Option('--unit <unit>', 'count, percent or rate').choices(INDICATOR_UNITS).makeOptionMandatory(),
    )
    .addOption(
      new Option('--better <direction>', 'which direction is better')
        .choices(BETTER_DIRECTIONS)
        .makeOptionMandatory(),
    )
    .option('--per <n>', 'for a rate: per how many (e.g. 1000)', wholeNumber('--per as a whole number'))
    .option('--outcome <n>', 'the key outcome it measures', wholeNumber('the key outcome as a number'))
    .option('--strand <n>', 'the strand whose success measure it is', wholeNumber('the strand as a number'))
    .option('--target <value>', 'the target value', decimal('The target'))
    .option('--source <text>', 'where the figure comes from and how it is counted')
    .action(async (options: AddOptions, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const added = await door.call('indicators.add', {
          title: options.title,
          unit: options.unit,
          per: options.per ?? null,
          better: options.better,
          outcome: options.outcome ?? null,
          strand: options.strand ?? null,
          target: options.target === undefined ? null : { kind: 'value', value: options.target },
          source: options.source ?? '',
        });
        cli.say(added.ref);
      });
    });

  indicator
    .command('set')
    .description("Record an indicator's figure for a month (a new revision if it has one).")
    .argument('<ref>', 'the indicator reference, e.g. KO1 or S3.M2')
    .requiredOption('--month <YYYY-MM>', 'the month the figure is for')
    .requiredOption('--value <number>', 'the figure', decimal('The value'))
    .option('--numerator <number>', 'for a percentage or rate: what was counted', decimal('The numerator'))
    .option('--denominator <number>', 'for a percentage or rate: out of what', decimal('The denominator'))
    .option('--note <text>', 'a note kept with the figure')
    .action(
      async (
        ref: string,
        options: { month: string; value: number; numerator?: number; denominator?: number; note?: string },
        command: Command,
      ) => {
        await cli.withDoor(command, async (door) => {
          const saved = await door.call('indicators.setFigure', {
            ref,
            month: options.month,
            value: options.value,
            numerator: options.numerator ?? null,
            denominator: options.denominator ?? null,
            note: options.note ?? '',
          });
          cli.say(
            `Saved ${saved.ref} for ${saved.month}: ${saved.value} (revision ${saved.revision}), by ${saved.author}.`,
          );
        });
      },
    );

  indicator
    .command('import')
    .description(
      'Import figures from CSV or XLSX (indicator,month,value,numerator,denominator,note): shows what would change; --apply to do it.',
    )
    .argument('<file>', 'a .csv or .xlsx file, a row per indicator and month')
    .option('--apply', 'save the figures (without it, nothing is changed)')
    .option('--skip-bad-rows', 'import the good rows and leave out the bad ones')
    .action(async (file: string, options: { apply?: boolean; skipBadRows?: boolean }, command: Command) => {
      const upload = readUpload(file, {
        maxBytes: MAX_UPLOAD_BYTES,
        tooLarge: 'It is larger than any figures spreadsheet can be.',
        what: 'a figures spreadsheet',
      });
      await cli.withDoor(command, async (door) => {
        if (!options.apply) {
          printPreview(cli, upload.fileName, await door.call('indicators.previewImport', upload));
          cli.say('Nothing was changed. Run again with --apply to import.');
          return;
        }
        const r = await door.call('indicators.import', {
          ...upload,
          skipBadRows: Boolean(options.skipBadRows),
        });
        cli.say(
          `Imported ${upload.fileName}: saved ${r.saved} figure(s), ${r.unchanged} unchanged${r.skippedRows.length ? `; left out rows ${r.skippedRows.join(', ')}` : ''}.`,
        );
      });
    });

  indicator
    .command('break')
    .description(
      'Record a definition change: the series starts a new segment (its chart is rebased) at the month.',
    )
    .argument('<ref>', 'the indicator reference')
    .requiredOption('--month <YYYY-MM>', 'the first month measured the new way')
    .requiredOption('--note <text>', 'what changed in the definition')
    .action(async (ref: string, options: { month: string; note: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const change = await door.call('indicators.break', { ref, month: options.month, note: options.note });
        cli.say(`Recorded a definition change to ${ref} from ${change.month}: ${change.note}`);
      });
    });

  indicator
    .command('show')
    .description("Show an indicator's XmR chart month by month: value, centre line, limits and variation.")
    .argument('<ref>', 'the indicator reference')
    .option('--month <YYYY-MM>', 'as at this month (default: its latest figure)')
    .option('--json', 'print the chart as JSON')
    .action(async (ref: string, options: { month?: string; json?: boolean }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const detail = await door.call('indicators.get', { ref, month: options.month });
        if (options.json) cli.say(JSON.stringify(showJson(detail), null, 2));
        else printShow(cli, detail);
      });
    });
}
