// "plan export / plan import" (the action plan as XLSX or CSV) and "updates export".
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { reportingMonthSchema } from '../../shared/months';
import { currentReportingMonth } from '../handlers/currentMonth';
import { exportPlan } from '../plan/spreadsheetPlan';
import { importPlan, previewPlanImport, type PlanImportPreview } from '../plan/spreadsheetImport';
import { exportUpdates } from '../plan/spreadsheetUpdates';
import { openStore } from '../store/store';
import { parseOption, type CliContext } from './context';

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function printPlanPreview(cli: CliContext, p: PlanImportPreview): void {
  cli.say(
    `${p.source}: ${p.rows} row(s); ${p.mode === 'seed' ? 'this database has no plan, so the spreadsheet would become its plan' : 'compared with the plan held here'}.`,
  );
  cli.say(
    `Added${p.startFrom ? `, reporting from ${p.startFrom}` : ''}: ${p.added.length}${
      p.added.length
        ? ` (${p.added
            .map((a) => a.ref ?? `row ${a.row}`)
            .slice(0, 20)
            .join(', ')}${p.added.length > 20 ? ', …' : ''})`
        : ''
    }`,
  );
  if (p.mode === 'merge') {
    cli.say(`Changed: ${p.changed.length}`);
    for (const c of p.changed)
      cli.say(
        `  ${c.ref}: ${c.changes.map((ch) => `${ch.field} "${ch.from ?? ''}" → "${ch.to ?? ''}"`).join('; ')}`,
      );
    cli.say(
      `Retired${p.retireFrom ? ` from ${p.retireFrom}` : ''}: ${p.retired.length}${p.retired.length ? ` (${p.retired.map((r) => r.ref).join(', ')})` : ''}`,
    );
    cli.say(`Unchanged: ${p.unchanged}`);
  }
  for (const w of p.warnings) cli.say(`Note: ${w}`);
  if (p.errors.length) {
    cli.say(`${p.errors.length} row(s) have problems:`);
    for (const e of p.errors) cli.say(`  ${e.message}`);
  }
}

export function registerPlanIo(program: Command, cli: CliContext): void {
  const plan =
    program.commands.find((c) => c.name() === 'plan') ??
    program.command('plan').description('The action plan.');

  plan
    .command('export')
    .description('Write the action plan to XLSX (with its strands and details) or CSV (a row per objective).')
    .requiredOption('--out <file>', 'a .xlsx or .csv file')
    .action(async (options: { out: string }, command: Command) => {
      await cli.withStore(command, async (store) => {
        const r = await exportPlan(store, options.out);
        cli.say(`Wrote ${r.rows} objectives to ${r.path} (${(r.bytes / 1024).toFixed(1)} KB).`);
      });
    });

  plan
    .command('import')
    .description(
      'Import an action plan from XLSX or CSV: shows what would be added, changed and retired; --apply to do it.',
    )
    .argument('<file>', 'a .xlsx or .csv file, a row per objective')
    .option('--apply', 'make the changes (without it, nothing is changed)')
    .option('--skip-bad-rows', 'import the good rows and leave out the bad ones')
    .option('--retire-from <YYYY-MM>', 'first month retired objectives stop reporting (default: this month)')
    .option('--title <title>', 'for a new database from CSV: the plan title')
    .option('--start <YYYY-MM>', 'for a new database from CSV: first month of the plan')
    .option('--end <YYYY-MM>', 'for a new database from CSV: last month of the plan')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack plan import plan.xlsx\n  $ board-pack plan import plan.xlsx --apply --retire-from 2007-11',
    )
    .action(
      async (
        file: string,
        options: {
          apply?: boolean;
          skipBadRows?: boolean;
          retireFrom?: string;
          title?: string;
          start?: string;
          end?: string;
        },
        command: Command,
      ) => {
        const month = z.string().optional().pipe(reportingMonthSchema.optional());
        const retireFrom = parseOption(month, options.retireFrom, '--retire-from');
        const seed = {
          title: options.title,
          startMonth: parseOption(month, options.start, '--start'),
          endMonth: parseOption(month, options.end, '--end'),
        };
        const { path } = cli.databasePath(command);
        if (!existsSync(dirname(path)))
          throw new BoardPackError('not_found', `The folder ${dirname(path)} does not exist.`);
        // A new database gets its plan from the spreadsheet, not the built-in one; a preview for a
        // database that does not exist yet is made against an empty one in memory, leaving no file.
        const creating = !existsSync(path);
        const target = creating && !options.apply ? ':memory:' : path;
        const store = openStore(target, { clock: cli.io.clock, seedPlan: null, actor: cli.actor(command) });
        let imported = false;
        try {
          // Added objectives report from the current reporting month, not in months gone by.
          const startFrom = store.plan.hasPlan() ? currentReportingMonth(store) : undefined;
          if (!options.apply) {
            printPlanPreview(cli, await previewPlanImport(store, file, { retireFrom, startFrom, seed }));
            cli.say('Nothing was changed. Run again with --apply to import.');
            return;
          }
          const r = await importPlan(store, {
            path: file,
            actor: cli.actor(command),
            skipBadRows: options.skipBadRows,
            retireFrom,
            startFrom,
            seed,
          });
          imported = true;
          cli.say(
            `Imported ${r.preview.source}: added ${r.added.length}, changed ${r.changed.length}, retired ${r.retired.length}${r.skippedRows.length ? `; left out rows ${r.skippedRows.join(', ')}` : ''}.`,
          );
        } finally {
          store.close();
          // A refused import leaves no new database behind: nothing was changed means no file either.
          if (creating && target === path && !imported) removeDatabase(path);
        }
      },
    );

  const updates =
    program.commands.find((c) => c.name() === 'updates') ??
    program.command('updates').description('Monthly updates in bulk.');
  updates
    .command('export')
    .description(
      'Write the updates the board sees for a range of months to XLSX or CSV ("No update" where none was reported).',
    )
    .requiredOption('--from <YYYY-MM>', 'first month')
    .requiredOption('--to <YYYY-MM>', 'last month')
    .requiredOption('--out <file>', 'a .xlsx or .csv file')
    .option('--strand <n>', 'only this strand')
    .action(async (options: { from: string; to: string; out: string; strand?: string }, command: Command) => {
      const from = parseOption(reportingMonthSchema, options.from, '--from');
      const to = parseOption(reportingMonthSchema, options.to, '--to');
      const strandNumber =
        options.strand === undefined
          ? undefined
          : parseOption(z.coerce.number().int().positive(), options.strand, '--strand');
      await cli.withStore(command, async (store) => {
        const r = await exportUpdates(store, { from, to, out: options.out, strandNumber });
        cli.say(`Wrote ${r.rows} rows (${from} to ${to}) to ${r.path} (${(r.bytes / 1024).toFixed(1)} KB).`);
      });
    });
}
