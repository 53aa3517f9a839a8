// "pack": build a draft or final pack to a file, issue (freeze) a version, list and export issued
// versions, and verify a PDF file against them. Every --out is checked before any work is done,
// never names the database, its -wal/-shm or its backups folder, and is written through a
// temporary file, so a failure leaves no partial PDF.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { monthLabel, reportingMonthSchema } from '../../shared/months';
import { REFERENCE_LABEL, referenceText, staleLabel, verifiedPackSentence } from '../../shared/packWords';
import {
  buildPack,
  changesSinceIssue,
  issuePack,
  issuedPackPdf,
  listIssuedPacks,
  verifyPackBytes,
  PACK_SECTIONS,
  type IssuedPackSummary,
  type PackSection,
} from '../pack/index';
import { readFileLimited } from '../files/readLimited';
import { checkOutputPath, writeFileAtomically } from '../files/writeAtomically';
import { protectedFiles } from '../store/backups';
import { packSectionSchema } from '../store/meetings';
import type { Store } from '../store/store';
import { writeTransactionAsync } from '../store/writeTransaction';
import { formatTable, parseOption, type CliContext } from './context';

interface TargetOptions {
  meeting?: string;
  month?: string;
  sections?: string;
  marking?: string;
}

const meetingIdSchema = z.coerce.number().int().positive('A meeting is given by its number, for example 3.');

function meetingOf(store: Store, options: TargetOptions): number {
  if (options.meeting !== undefined && options.month !== undefined) {
    throw new BoardPackError('invalid_input', 'Give either --meeting or --month, not both.');
  }
  if (options.meeting !== undefined)
    return store.meetings.get(parseOption(meetingIdSchema, options.meeting, '--meeting')).id;
  if (options.month !== undefined) {
    const month = parseOption(reportingMonthSchema, options.month, '--month');
    const meeting = store.meetings.forMonth(month);
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
 * Issues the pack and writes it to out while holding the write lock: the issued version is
 * committed only once its file is complete, so a full disk records nothing and leaves no file.
 */
async function issueAndWrite(
  store: Store,
  issue: () => Promise<IssuedPackSummary>,
  out: string,
): Promise<IssuedPackSummary> {
  let written = false;
  try {
    return await writeTransactionAsync(store.db, async () => {
      const issued = await issue();
      writeFileAtomically(out, issuedPackPdf(store, issued.id), protectedFiles(store));
      written = true;
      return issued;
    });
  } catch (error) {
    // Only when the commit itself failed after the file was written: the file must not outlive the record.
    if (written) rmSync(out, { force: true });
    throw error;
  }
}

/** No file larger than the largest issued pack can be one of them: the most bytes verify reads. */
function largestIssuedPack(store: Store): number {
  return Math.max(0, ...listIssuedPacks(store).map((p) => p.sizeBytes));
}

/**
 * What each listed version is now: replaced by a later one, current, or stale (the data it printed
 * has changed since: the same list a reissue prints and the pack screen shows).
 */
function packStates(store: Store, packs: IssuedPackSummary[]): Map<number, string> {
  const latest = new Map<number, IssuedPackSummary>();
  for (const p of packs) if ((latest.get(p.meetingId)?.version ?? 0) < p.version) latest.set(p.meetingId, p);
  const states = new Map<number, string>();
  for (const p of packs) {
    const last = latest.get(p.meetingId);
    if (last && last.version > p.version) {
      states.set(p.id, `replaced by version ${last.version}`);
      continue;
    }
    const changes = changesSinceIssue(store, p.meetingId)?.changes ?? [];
    states.set(p.id, changes.length ? staleLabel(changes.length) : 'current');
  }
  return states;
}

function targetOptions(command: Command): Command {
  return command
    .option('--meeting <id>', 'the meeting the pack is for')
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
      await cli.withStore(command, async (store) => {
        const started = performance.now();
        const protect = protectedFiles(store);
        const out = checkOutputPath(options.out, protect);
        const built = await buildPack(store, {
          meetingId: meetingOf(store, options),
          draft: Boolean(options.draft),
          sections: sectionsOf(options.sections),
          protectiveMarking: options.marking,
        });
        writeFileAtomically(out, built.pdf, protect);
        cli.say(
          `Wrote ${out}: ${built.pages} pages, ${(built.pdf.length / 1024).toFixed(0)} KB, in ${((performance.now() - started) / 1000).toFixed(2)} s.\n${referenceText(built.reference)} · SHA-256 ${built.sha256}`,
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
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .action(async (options: TargetOptions & { out?: string; note: string[] }, command: Command) => {
      await cli.withStore(command, async (store) => {
        const protect = protectedFiles(store);
        const out = options.out === undefined ? undefined : checkOutputPath(options.out, protect);
        const issue = () =>
          issuePack(
            store,
            {
              meetingId: meetingOf(store, options),
              sections: sectionsOf(options.sections),
              protectiveMarking: options.marking,
              notes: options.note,
            },
            cli.actor(command),
          );
        const issued = out === undefined ? await issue() : await issueAndWrite(store, issue, out);
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
    .option('--meeting <id>', "only this meeting's packs")
    .action(async (options: { meeting?: string }, command: Command) => {
      await cli.withStore(command, (store) => {
        const meetingId =
          options.meeting === undefined
            ? undefined
            : parseOption(meetingIdSchema, options.meeting, '--meeting');
        const packs = listIssuedPacks(store, meetingId);
        if (packs.length === 0) {
          cli.say('No pack has been issued yet.');
          return;
        }
        const states = packStates(store, packs);
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
    .requiredOption('--id <id>', 'the issued pack (see "pack list")')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (options: { id: string; out: string }, command: Command) => {
      await cli.withStore(command, (store) => {
        const protect = protectedFiles(store);
        const out = checkOutputPath(options.out, protect);
        const bytes = issuedPackPdf(store, parseOption(meetingIdSchema, options.id, '--id'));
        writeFileAtomically(out, bytes, protect);
        cli.say(`Wrote ${out} (${bytes.length} bytes).`);
      });
    });

  pack
    .command('verify')
    .description('Check a PDF file against the issued packs: which version it is, or that it matches none.')
    .argument('<file>', 'the PDF file to check')
    .action(async (file: string, _options: object, command: Command) => {
      await cli.withStore(command, (store) => {
        const largest = largestIssuedPack(store);
        if (largest === 0)
          throw new BoardPackError(
            'not_found',
            `No pack has been issued from this database yet, so ${file} matches none.`,
          );
        const bytes = readFileLimited(resolve(file), {
          maxBytes: largest,
          tooLarge: 'It is larger than every pack issued from this database, so it matches none of them.',
          what: 'a board pack',
        });
        const { sha256, verified } = verifyPackBytes(store, bytes);
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
