// "plan export / plan import" (the action plan as XLSX or CSV) and "updates export", through the
// spreadsheets.* methods of the Plan and Updates screens; the command line reads and writes files.
import { existsSync, rmSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { Command } from 'commander';
import { MAX_UPLOAD_BYTES, type PlanImportPreviewView } from '../../shared/contract';
import { BoardPackError } from '../../shared/errors';
import { wholeNumber } from './arguments';
import type { CliContext } from './context';
import { checkOutputPath, readUpload, writeBase64 } from './files';

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** The spreadsheet format a file name asks for, by its extension. */
function formatOf(path: string): 'xlsx' | 'csv' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv') return ext === '.csv' ? 'csv' : 'xlsx';
  throw new BoardPackError('invalid_input', `${path} is neither an .xlsx nor a .csv file.`);
}

function printPlanPreview(cli: CliContext, source: string, p: PlanImportPreviewView): void {
  cli.say(
    `${source}: ${p.rows} row(s); ${p.mode === 'seed' ? 'this database has no plan, so the spreadsheet would become its plan' : 'compared with the plan held here'}.`,
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
      const format = formatOf(options.out);
      await cli.withDoor(command, async (door) => {
        const protect = await door.protectedFiles();
        checkOutputPath(options.out, protect);
        const r = await door.call('spreadsheets.exportPlan', { format });
        const path = writeBase64(options.out, r.base64, protect);
        cli.say(`Wrote ${r.rows} objectives to ${path} (${(r.bytes / 1024).toFixed(1)} KB).`);
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
        const seed = { title: options.title, startMonth: options.start, endMonth: options.end };
        const { path } = cli.databasePath(command);
        if (!existsSync(dirname(path)))
          throw new BoardPackError('not_found', `The folder ${dirname(path)} does not exist.`);
        const upload = readUpload(file, {
          maxBytes: MAX_UPLOAD_BYTES,
          tooLarge: 'It is larger than any plan spreadsheet can be.',
          what: 'a plan spreadsheet',
        });
        // A new database gets its plan from the spreadsheet, not the built-in one; a preview for a
        // database that does not exist yet is made against an empty one in memory, leaving no file.
        const creating = !existsSync(path);
        const target = creating && !options.apply ? ':memory:' : path;
        let imported = false;
        try {
          await cli.withOpenStore(command, target, { seedPlan: null }, async (store) => {
            const door = cli.door(command, store);
            if (!options.apply) {
              const preview = await door.call('spreadsheets.previewPlanImport', {
                ...upload,
                retireFrom: options.retireFrom,
                seed,
              });
              printPlanPreview(cli, upload.fileName, preview);
              cli.say('Nothing was changed. Run again with --apply to import.');
              return;
            }
            const r = await door.call('spreadsheets.importPlan', {
              ...upload,
              skipBadRows: Boolean(options.skipBadRows),
              retireFrom: options.retireFrom,
              seed,
            });
            imported = true;
            cli.say(
              `Imported ${upload.fileName}: added ${r.added.length}, changed ${r.changed.length}, retired ${r.retired.length}${r.skippedRows.length ? `; left out rows ${r.skippedRows.join(', ')}` : ''}.`,
            );
          });
        } finally {
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
    .option('--strand <n>', 'only this strand', wholeNumber('the strand as a number such as 2'))
    .action(async (options: { from: string; to: string; out: string; strand?: number }, command: Command) => {
      const format = formatOf(options.out);
      await cli.withDoor(command, async (door) => {
        const protect = await door.protectedFiles();
        checkOutputPath(options.out, protect);
        const r = await door.call('spreadsheets.exportUpdates', {
          from: options.from,
          to: options.to,
          strandNumber: options.strand,
          format,
        });
        const path = writeBase64(options.out, r.base64, protect);
        cli.say(
          `Wrote ${r.rows} rows (${options.from} to ${options.to}) to ${path} (${(r.bytes / 1024).toFixed(1)} KB).`,
        );
      });
    });
}
