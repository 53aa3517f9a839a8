// "pack": build a draft or final pack to a file, issue (freeze) a version, list and export issued
// versions, and verify a PDF file against them, through the packs.* methods the pack screen calls.
// Every --out is checked before any work is done, never names the database, its -wal/-shm or its
// backups folder, and is written through a temporary file, so a failure leaves no partial PDF.
import { rmSync } from 'node:fs';
import type { Command } from 'commander';
import { packSectionSchema, type IssuedPack, type PackSection } from '../../shared/contract';
import { BoardPackError } from '../../shared/errors';
import { monthLabel, reportingMonthSchema } from '../../shared/months';
import { PACK_SECTIONS } from '../../shared/packSections';
import { REFERENCE_LABEL, referenceText, staleLabel, verifiedPackSentence } from '../../shared/packWords';
import { repeatable, wholeNumber } from './arguments';
import { formatTable, type CliContext, type CliDoor } from './context';
import { checkOutputPath, readBytes, writeBase64 } from './files';

interface TargetOptions {
  meeting?: number;
  month?: string;
  sections?: string;
  marking?: string;
}

const meetingNumber = wholeNumber('the meeting by its number, for example 3');

async function meetingOf(door: CliDoor, options: TargetOptions): Promise<number> {
  if (options.meeting !== undefined && options.month !== undefined) {
    throw new BoardPackError('invalid_input', 'Give either --meeting or --month, not both.');
  }
  if (options.meeting !== undefined) return options.meeting;
  if (options.month !== undefined) {
    const parsed = reportingMonthSchema.safeParse(options.month);
    if (!parsed.success) throw new BoardPackError('invalid_input', parsed.error.issues[0].message);
    const month = parsed.data;
    const meeting = (await door.call('meetings.list', {})).find((m) => m.reportingMonth === month);
    if (!meeting)
      throw new BoardPackError(
        'not_found',
        `No meeting reports on ${monthLabel(month)}. Create the meeting first, or give --meeting.`,
      );
    return meeting.id;
  }
  throw new BoardPackError(
    'invalid_input',
    'Say which meeting the pack is for: --meeting ID or --month YYYY-MM.',
  );
}

/** The sections named, each checked against the contract's list so a typo is named with the choices. */
function sectionsOf(value: string | undefined): PackSection[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.map((name) => {
    const parsed = packSectionSchema.safeParse(name);
    if (!parsed.success)
      throw new BoardPackError(
        'invalid_input',
        `--sections: "${name}" is not a pack section; choose from ${PACK_SECTIONS.join(', ')}.`,
      );
    return parsed.data;
  });
}

/**
 * What each listed version is now: replaced by a later one, current, or stale (the data it printed
 * has changed since: the same list a reissue prints and the pack screen shows).
 */
async function packStates(door: CliDoor, packs: IssuedPack[]): Promise<Map<number, string>> {
  const latest = new Map<number, IssuedPack>();
  for (const p of packs) if ((latest.get(p.meetingId)?.version ?? 0) < p.version) latest.set(p.meetingId, p);
  const states = new Map<number, string>();
  for (const p of packs) {
    const last = latest.get(p.meetingId);
    if (last && last.version > p.version) {
      states.set(p.id, `replaced by version ${last.version}`);
      continue;
    }
    const changes = (await door.call('packs.changesSinceIssue', { meetingId: p.meetingId }))?.changes ?? [];
    states.set(p.id, changes.length ? staleLabel(changes.length) : 'current');
  }
  return states;
}

/**
 * Issues the pack and writes it to out as one transaction: the issued version is saved only once
 * its file is complete, so a full disk records nothing and leaves no file.
 */
async function issueAndWrite(
  door: CliDoor,
  issue: (door: CliDoor) => Promise<IssuedPack>,
  out: string | undefined,
): Promise<IssuedPack> {
  if (out === undefined) return await issue(door);
  let written = false;
  try {
    return await door.together(async (inside) => {
      const issued = await issue(inside);
      const { pdfBase64 } = await inside.call('packs.export', { id: issued.id });
      writeBase64(out, pdfBase64, await inside.protectedFiles());
      written = true;
      return issued;
    });
  } catch (error) {
    // Only when the commit itself failed after the file was written: the file must not outlive the record.
    if (written) rmSync(out, { force: true });
    throw error;
  }
}

function targetOptions(command: Command): Command {
  return command
    .option('--meeting <id>', 'the meeting the pack is for', meetingNumber)
    .option('--month <YYYY-MM>', 'or: the reporting month of the meeting')
    .option(
      '--sections <list>',
      `comma-separated sections to include (default: all: ${PACK_SECTIONS.join(',')})`,
    )
    .option('--marking <text>', "the protective marking (default: the plan's)");
}

export function registerPack(program: Command, cli: CliContext): void {
  const pack = program
    .command('pack')
    .description('Build, issue, list, export and verify board packs (PDF).');

  targetOptions(pack.command('build'))
    .description('Build a pack to a PDF file; a draft carries a DRAFT watermark. Nothing is stored.')
    .option('--draft', 'mark the pack as a draft')
    .requiredOption('--out <file>', 'where to write the PDF')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack pack build --month 2007-09 --draft --out pack.pdf\n  $ board-pack pack build --meeting 3 --sections cover,dashboard,exceptions --out summary.pdf',
    )
    .action(async (options: TargetOptions & { draft?: boolean; out: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const started = performance.now();
        const protect = await door.protectedFiles();
        const out = checkOutputPath(options.out, protect);
        const built = await door.call('packs.build', {
          meetingId: await meetingOf(door, options),
          draft: Boolean(options.draft),
          sections: sectionsOf(options.sections),
          protectiveMarking: options.marking,
        });
        writeBase64(out, built.pdfBase64, protect);
        const bytes = Buffer.byteLength(built.pdfBase64, 'base64');
        cli.say(
          `Wrote ${out}: ${built.pages} pages, ${(bytes / 1024).toFixed(0)} KB, in ${((performance.now() - started) / 1000).toFixed(2)} s.\n${referenceText(built.reference)} · SHA-256 ${built.sha256}`,
        );
      });
    });

  targetOptions(pack.command('issue'))
    .description(
      "Issue the final pack: its bytes, SHA-256 and options are frozen as the meeting's next version.",
    )
    .option('--out <file>', 'also write the issued PDF here')
    .option(
      '--note <text>',
      'what changed, in your own words, listed before the computed changes (repeatable)',
      repeatable,
      [],
    )
    .action(async (options: TargetOptions & { out?: string; note: string[] }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const out =
          options.out === undefined ? undefined : checkOutputPath(options.out, await door.protectedFiles());
        const issued = await issueAndWrite(
          door,
          async (inside) =>
            await inside.call('packs.issue', {
              meetingId: await meetingOf(inside, options),
              sections: sectionsOf(options.sections),
              protectiveMarking: options.marking,
              changes: options.note,
            }),
          out,
        );
        const changes =
          issued.version > 1
            ? `\n${issued.changes.length} change(s) since version ${issued.version - 1}${issued.changes.length ? `:\n  ${issued.changes.join('\n  ')}` : '.'}`
            : '';
        cli.say(
          `Issued version ${issued.version} of the pack for meeting ${issued.meetingId} (${monthLabel(issued.reportingMonth)}), ${(issued.sizeBytes / 1024).toFixed(0)} KB.\n${referenceText(issued.reference)} · SHA-256 ${issued.sha256}${out ? `\nWrote ${out}` : ''}${changes}${issued.notArchival ? `\n${issued.notArchival}` : ''}`,
        );
      });
    });

  pack
    .command('list')
    .description('List issued packs, oldest first.')
    .option('--meeting <id>', "only this meeting's packs", meetingNumber)
    .action(async (options: { meeting?: number }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const packs = await door.call('packs.list', { meetingId: options.meeting });
        if (packs.length === 0) {
          cli.say('No pack has been issued yet.');
          return;
        }
        const states = await packStates(door, packs);
        cli.say(
          formatTable(
            ['Id', 'Meeting', 'Version', 'Month', 'Issued', 'By', REFERENCE_LABEL, 'Now', 'SHA-256'],
            packs.map((p) => [
              p.id,
              p.meetingId,
              p.version,
              p.reportingMonth,
              p.issuedAt.slice(0, 16).replace('T', ' '),
              p.issuedBy,
              p.reference,
              states.get(p.id) ?? '',
              p.sha256.slice(0, 16),
            ]),
          ),
        );
      });
    });

  pack
    .command('export')
    .description("Write an issued pack's frozen bytes to a file.")
    .requiredOption('--id <id>', 'the issued pack (see "pack list")', wholeNumber('the pack by its id'))
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (options: { id: number; out: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const protect = await door.protectedFiles();
        const out = checkOutputPath(options.out, protect);
        const exported = await door.call('packs.export', { id: options.id });
        writeBase64(out, exported.pdfBase64, protect);
        cli.say(`Wrote ${out} (${Buffer.byteLength(exported.pdfBase64, 'base64')} bytes).`);
      });
    });

  pack
    .command('verify')
    .description('Check a PDF file against the issued packs: which version it is, or that it matches none.')
    .argument('<file>', 'the PDF file to check')
    .action(async (file: string, _options: object, command: Command) => {
      await cli.withDoor(command, async (door) => {
        // No file larger than the largest issued pack can be one of them: the most bytes verify reads.
        const largest = Math.max(0, ...(await door.call('packs.list', {})).map((p) => p.sizeBytes));
        if (largest === 0)
          throw new BoardPackError(
            'not_found',
            `No pack has been issued from this database yet, so ${file} matches none.`,
          );
        const bytes = readBytes(file, {
          maxBytes: largest,
          tooLarge: 'It is larger than every pack issued from this database, so it matches none of them.',
          what: 'a board pack',
        });
        const { sha256, verified } = await door.call('packs.verify', { pdfBase64: bytes.toString('base64') });
        if (!verified) {
          throw new BoardPackError(
            'not_found',
            `${file} matches no issued pack (SHA-256 ${sha256}). It may have been changed, or it was never issued from this database.`,
          );
        }
        cli.say(`${verifiedPackSentence(file, verified)}\nSHA-256 ${sha256}`);
      });
    });
}
