// "chase": who still owes what for a reporting month, through the chase.* methods Home's chase list
// calls: printed as a table, as JSON, as the PDF (--pdf), and, with --requests, one request file
// per strand that still owes updates written into a folder.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { OWED_LABELS, type ChaseList, type ChaseRequests } from '../../shared/contract';
import { dateLabel, monthLabel } from '../../shared/months';
import { formatTable, type CliContext } from './context';
import { checkOutputPath, writeBase64 } from './files';

interface ChaseOptions {
  month?: string;
  pdf?: string;
  json?: boolean;
  requests?: string;
}

function printList(cli: CliContext, list: ChaseList): void {
  cli.say(`Chase list for ${monthLabel(list.month)}. ${list.issueByRule}`);
  if (list.leads.length === 0) {
    cli.say('Nothing is owed: every strand has reported.');
    return;
  }
  const rows = list.leads.flatMap((lead) => [
    ...lead.objectives.map((o) => [
      String(lead.strandNumber),
      lead.contact.name,
      o.ref,
      OWED_LABELS[o.state],
    ]),
    ...lead.indicators.map((i) => [String(lead.strandNumber), lead.contact.name, i.ref, 'No figure']),
  ]);
  cli.say(formatTable(['Strand', 'Lead', 'Ref', 'Owed'], rows));
}

function printRequests(cli: CliContext, made: ChaseRequests, folder: string): void {
  for (const r of made.made)
    cli.say(
      `Wrote ${join(folder, r.fileName)}: strand ${r.strandNumber} for ${r.leadName}, ${r.owed} of ${r.objectives} objectives owed, expires ${dateLabel(r.expiresOn)}.`,
    );
  for (const s of made.skipped) cli.say(`No request for strand ${s.strandNumber}: ${s.reason}`);
}

export function registerChase(program: Command, cli: CliContext): void {
  program
    .command('chase')
    .description(
      'Who still owes updates for a reporting month, per strand lead, and the date the pack must be issued by.',
    )
    .option('--month <YYYY-MM>', 'the reporting month (default: the next meeting’s)')
    .option('--pdf <file>', 'also write the printable chase list (a page per lead) here')
    .option('--json', 'print the chase list as JSON, email texts included')
    .option(
      '--requests <folder>',
      'write a request file for every strand that still owes updates into this folder',
    )
    .addHelpText(
      'after',
      `
Nothing is sent: each lead's email text is in --json as a mailto: link. A request is made only for
a strand whose lead's key is trusted; the others are listed with why.

Examples:
  $ board-pack chase --month 2007-10
  $ board-pack chase --month 2007-10 --pdf chase.pdf
  $ board-pack chase --month 2007-10 --requests ./requests`,
    )
    .action(async (options: ChaseOptions, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const protect = await door.protectedFiles();
        const pdfOut = options.pdf === undefined ? undefined : checkOutputPath(options.pdf, protect);
        const list = await door.call('chase.list', { month: options.month });
        if (options.json) cli.say(JSON.stringify(list, null, 2));
        else printList(cli, list);
        if (pdfOut !== undefined) {
          const pdf = await door.call('chase.pdf', { month: list.month });
          writeBase64(pdfOut, pdf.pdfBase64, protect);
          if (!options.json) cli.say(`Wrote ${pdfOut}: ${pdf.pages} pages.`);
        }
        if (options.requests !== undefined) {
          const folder = resolve(options.requests);
          // Every file name is checked before any request is recorded.
          for (const lead of list.leads)
            checkOutputPath(join(folder, `strand-${lead.strandNumber}-${list.month}.bpreq`), protect);
          const written: string[] = [];
          const made = await door
            .together(async (inside) => {
              const result = await inside.call('chase.makeRequests', { month: list.month });
              for (const r of result.made)
                written.push(writeBase64(join(folder, r.fileName), r.base64, protect));
              return result;
            })
            .catch((error: unknown) => {
              // The requests were not recorded: no file of them may be left to send.
              for (const path of written) rmSync(path, { force: true });
              throw error;
            });
          printRequests(cli, made, folder);
        }
      });
    });
}
