// "exchange": request and return files for strand leads who work offline, through the exchange.*
// methods of the Offline screen. The secretariat issues a request and imports the return; the
// lead opens the request and exports the return. The command line reads and writes the files.
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import {
  CLEAR_EXCHANGE_FILE_WARNING,
  MAX_UPLOAD_BYTES,
  type ReturnPreviewView,
  type Upload,
} from '../../shared/contract';
import { BoardPackError } from '../../shared/errors';
import { STATUS_LABELS } from '../../shared/status';
import { commaList, wholeNumber } from './arguments';
import type { CliContext, CliDoor } from './context';
import { readUpload, writeBase64 } from './files';

const strandNumber = wholeNumber('the strand as a number such as 2');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function exchangeFile(file: string): Upload {
  return readUpload(file, {
    maxBytes: MAX_UPLOAD_BYTES,
    tooLarge: 'It is too large to be one of ours.',
    what: 'an exchange file',
  });
}

/**
 * A lead's laptop may have no database yet: opening a request makes one, with no plan in it. A
 * database made here for a command that is then refused is removed, so a refusal leaves nothing.
 */
async function withLeadDoor<T>(
  cli: CliContext,
  command: Command,
  work: (door: CliDoor) => Promise<T>,
): Promise<T> {
  const { path } = cli.databasePath(command);
  if (!existsSync(dirname(path)))
    throw new BoardPackError('not_found', `The folder ${dirname(path)} does not exist.`);
  const isNew = !existsSync(path);
  let done = false;
  try {
    const result = await cli.withOpenStore(command, path, { seedPlan: null }, (store) =>
      work(cli.door(command, store)),
    );
    done = true;
    return result;
  } finally {
    if (isNew && !done)
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  }
}

function line(text: string, width = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

export function printPreview(cli: CliContext, preview: ReturnPreviewView): void {
  if (!preview.encrypted) cli.say(`Warning: ${CLEAR_EXCHANGE_FILE_WARNING}`);
  cli.say(
    `Return from ${preview.author} for strand ${preview.strandNumber} (${preview.strandTitle}), ${preview.month}: ${preview.updates.length} update(s).`,
  );
  cli.say(
    `Signed by key ${preview.fingerprint}${preview.keyTrusted ? ` (trusted as ${preview.leadName})` : ' (not yet trusted: it will be trusted for this strand on import)'}.`,
  );
  for (const item of preview.updates) {
    cli.say(`\n${item.ref}${item.conflict ? '  CONFLICT: changed here after the request went out' : ''}`);
    cli.say(`  Objective: ${line(item.objective)}`);
    cli.say(
      `  Here:      ${item.current ? `${STATUS_LABELS[item.current.status]} (${item.current.state}, revision ${item.current.revision}, by ${item.current.author}) ${line(item.current.narrative, 50)}` : 'nothing yet'}`,
    );
    cli.say(`  Incoming:  ${STATUS_LABELS[item.incoming.status]} ${line(item.incoming.narrative, 50)}`);
  }
  if (preview.unanswered.length)
    cli.say(`\nNot answered (left as they are): ${preview.unanswered.join(', ')}`);
  if (preview.figures.length) cli.say(`\nFigures (${preview.figures.length}):`);
  for (const f of preview.figures) {
    const value = (v: { value: number; numerator: number | null; denominator: number | null }) =>
      v.numerator === null ? `${v.value}` : `${v.value} (${v.numerator} of ${v.denominator})`;
    cli.say(
      `  ${f.key}  ${line(f.indicator, 40)}: here ${f.current ? `${value(f.current)} (${f.current.source}, by ${f.current.author})` : 'nothing yet'}; incoming ${value(f.incoming)}${f.conflict ? '  CONFLICT: changed here after the request went out' : ''}`,
    );
  }
}

export function registerExchange(program: Command, cli: CliContext): void {
  const exchange = program
    .command('exchange')
    .description('Request and return files for strand leads working offline.');

  exchange
    .command('request')
    .description(
      'Secretariat: write a signed request for one strand and month, for the strand lead to answer.',
    )
    .requiredOption('--strand <n>', 'the strand number', strandNumber)
    .requiredOption('--month <YYYY-MM>', 'the reporting month')
    .requiredOption('--out <file>', 'the request file to write (.bpreq)')
    .option('--expires <YYYY-MM-DD>', 'last day the lead may answer (default: four weeks from today)')
    .option('--lead <name>', "who may answer (default: the strand's trusted lead, else its lead role)")
    .option(
      '--passphrase-lock',
      "lock the file with a new passphrase even when the lead's key is known (the lead has a new laptop)",
    )
    .addHelpText(
      'after',
      "\nThe file is sealed to the lead's key once a return from them has been taken in; before that (a\nfirst request) it is locked with a passphrase, printed once, for you to read out to the lead by phone.\n\nExample:\n  $ board-pack exchange request --strand 2 --month 2007-10 --out strand-2-2007-10.bpreq --expires 2007-10-25",
    )
    .action(
      async (
        options: {
          strand: number;
          month: string;
          out: string;
          expires?: string;
          lead?: string;
          passphraseLock?: boolean;
        },
        command: Command,
      ) => {
        await cli.withDoor(command, async (door) => {
          const protect = await door.protectedFiles();
          const r = await door.call('exchange.createRequest', {
            strandNumber: options.strand,
            month: options.month,
            expiresOn: options.expires,
            leadName: options.lead,
            lockWithPassphrase: options.passphraseLock,
          });
          const path = writeBase64(options.out, r.base64, protect);
          cli.say(
            `Wrote ${path} (${kb(r.bytes)}): strand ${r.strandNumber}, ${r.month}, ${r.objectives} objectives, for ${r.leadName}, expires ${r.expiresOn}.`,
          );
          if (r.passphrase)
            cli.say(
              `Locked with the passphrase ${r.passphrase}. Read it out to ${r.leadName} by phone, not in the email or on the stick; it is shown only now.`,
            );
          else {
            const { trustedKeys } = await door.call('exchange.overview', {});
            const lead = trustedKeys.find(
              (k) => k.role === 'strand_lead' && k.strandNumber === r.strandNumber,
            );
            cli.say(`Sealed to ${r.leadName}'s key ${lead?.fingerprint ?? ''}: only their copy can open it.`);
          }
          cli.say(
            `Signed with this installation's key ${r.signedBy}; give the lead this fingerprint to check when they open it.`,
          );
        });
      },
    );

  exchange
    .command('open')
    .description("Strand lead: open a request; a copy with no plan yet becomes this strand's working copy.")
    .argument('<file>', 'the request file (.bpreq)')
    .option('--trust', 'trust a secretariat key that differs from the one this copy knows (confirm it first)')
    .option('--passphrase <code>', 'for a first request: the passphrase the secretariat read out by phone')
    .action(async (file: string, options: { trust?: boolean; passphrase?: string }, command: Command) => {
      const upload = exchangeFile(file);
      await withLeadDoor(cli, command, async (door) => {
        const r = await door.call('exchange.openRequest', {
          ...upload,
          trust: Boolean(options.trust),
          passphrase: options.passphrase,
        });
        if (!r.encrypted) cli.say(`Warning: ${CLEAR_EXCHANGE_FILE_WARNING}`);
        cli.say(
          `Opened the request for strand ${r.strandNumber} (${r.strandTitle}), ${r.month}: ${r.objectives} objectives, answer by ${r.expiresOn}.`,
        );
        if (r.seeded)
          cli.say(`This database is now a working copy of "${r.planTitle}" for strand ${r.strandNumber}.`);
        const planChanges = [
          r.addedObjectives.length ? `added ${r.addedObjectives.join(', ')}` : '',
          r.rewordedObjectives.length ? `reworded ${r.rewordedObjectives.join(', ')}` : '',
          r.retiredObjectives.length ? `retired ${r.retiredObjectives.join(', ')}` : '',
        ].filter(Boolean);
        if (planChanges.length)
          cli.say(`The secretariat's plan has changed since the last request: ${planChanges.join('; ')}.`);
        if (r.secretariatKey !== 'known')
          cli.say(
            `The secretariat's key is ${r.secretariatFingerprint}: check it with the secretariat by phone or in person.`,
          );
        cli.say(
          `Your key is ${r.ownFingerprint}: the secretariat will ask you to confirm it when your return arrives.`,
        );
        cli.say(
          `Write your updates (board-pack update set REF --month ${r.month} --state draft …), then: board-pack exchange return --out FILE.bpret`,
        );
      });
    });

  exchange
    .command('return')
    .description('Strand lead: write your updates for an opened request to a signed return file.')
    .requiredOption('--out <file>', 'the return file to write (.bpret)')
    .option('--strand <n>', 'which request to answer (default: the one opened last)', strandNumber)
    .option('--month <YYYY-MM>', 'which request to answer (default: the one opened last)')
    .option('--author <name>', 'your name as the secretariat will see it (default: --as)')
    .action(
      async (
        options: { out: string; strand?: number; month?: string; author?: string },
        command: Command,
      ) => {
        await withLeadDoor(cli, command, async (door) => {
          const protect = await door.protectedFiles();
          const r = await door.call('exchange.createReturn', {
            strandNumber: options.strand,
            month: options.month,
            authorName: options.author ?? (cli.globals(command).as?.trim() || undefined),
          });
          const path = writeBase64(options.out, r.base64, protect);
          cli.say(
            `Wrote ${path} (${kb(r.bytes)}): ${r.updates} update(s) for strand ${r.strandNumber}, ${r.month}, signed with your key ${r.signedBy} and sealed to the secretariat's key.`,
          );
          if (r.missing.length)
            cli.say(`Nothing written yet for ${r.missing.join(', ')}: these will show as No update.`);
        });
      },
    );

  exchange
    .command('import')
    .description(
      "Secretariat: check a lead's return, show each update beside ours, and accept or reject them.",
    )
    .argument('<file>', 'the return file (.bpret)')
    .option('--accept-all', 'accept every update that is not in conflict')
    .option(
      '--accept <refs>',
      'accept these updates and figures (comma-separated references; a figure as S1.M2@2007-10)',
    )
    .option('--reject <refs>', 'reject these updates and figures (with --reason)')
    .option(
      '--reason <text>',
      'why the rejected updates are rejected; sent to the lead with the next request',
    )
    .option('--take-theirs <refs>', "for conflicts: take the lead's version")
    .option('--keep-ours <refs>', 'for conflicts: keep the version held here')
    .option('--trust', "trust the lead's key for this strand (after confirming its fingerprint with them)")
    .addHelpText(
      'after',
      '\nWithout a decision the return is only shown, and nothing is changed.\n\nExample:\n  $ board-pack exchange import strand-2-2007-10.bpret --accept-all --keep-ours 2.E.3',
    )
    .action(
      async (
        file: string,
        options: {
          acceptAll?: boolean;
          accept?: string;
          reject?: string;
          reason?: string;
          takeTheirs?: string;
          keepOurs?: string;
          trust?: boolean;
        },
        command: Command,
      ) => {
        const decisions: Record<string, 'accept' | 'reject'> = {};
        const figureDecisions: Record<string, 'accept' | 'reject'> = {};
        // A figure is named REF@YYYY-MM; an objective's reference never holds an @.
        const decide = (key: string, choice: 'accept' | 'reject') =>
          ((key.includes('@') ? figureDecisions : decisions)[key] = choice);
        for (const ref of [...commaList(options.accept), ...commaList(options.takeTheirs)])
          decide(ref, 'accept');
        for (const ref of [...commaList(options.reject), ...commaList(options.keepOurs)])
          decide(ref, 'reject');
        const upload = exchangeFile(file);
        await cli.withDoor(command, async (door) => {
          const trust = Boolean(options.trust);
          if (
            !options.acceptAll &&
            Object.keys(decisions).length === 0 &&
            Object.keys(figureDecisions).length === 0
          ) {
            printPreview(cli, await door.call('exchange.previewReturn', { ...upload, trust }));
            cli.say(
              '\nNothing was changed. To take the updates in: --accept-all (and --keep-ours/--take-theirs for each conflict), or --accept/--reject REFS.',
            );
            return;
          }
          const r = await door.call('exchange.importReturn', {
            ...upload,
            trust,
            acceptAll: Boolean(options.acceptAll),
            decisions,
            reasons: Object.fromEntries(
              commaList(options.reject)
                .filter((ref) => !ref.includes('@'))
                .map((ref) => [ref, options.reason ?? '']),
            ),
            figureDecisions,
            figureReasons: Object.fromEntries(
              Object.keys(figureDecisions)
                .filter((key) => figureDecisions[key] === 'reject')
                .map((key) => [key, options.reason ?? '']),
            ),
          });
          if (!r.preview.encrypted) cli.say(`Warning: ${CLEAR_EXCHANGE_FILE_WARNING}`);
          if (r.trustedNow)
            cli.say(
              `Trusted key ${r.preview.fingerprint} as ${r.preview.leadName} for strand ${r.preview.strandNumber}.`,
            );
          cli.say(
            `Imported the return from ${r.preview.leadName} for strand ${r.preview.strandNumber}, ${r.preview.month}: accepted ${r.accepted.length}${r.accepted.length ? ` (${r.accepted.join(', ')})` : ''}, rejected ${r.rejected.length}${r.rejected.length ? ` (${r.rejected.join(', ')})` : ''}.`,
          );
          if (r.preview.figures.length)
            cli.say(
              `Figures: recorded ${r.figuresAccepted.length}${r.figuresAccepted.length ? ` (${r.figuresAccepted.join(', ')})` : ''}, rejected ${r.figuresRejected.length}${r.figuresRejected.length ? ` (${r.figuresRejected.join(', ')})` : ''}.`,
            );
        });
      },
    );
}
