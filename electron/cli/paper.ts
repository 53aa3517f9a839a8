// "paper": the PDF papers an agenda item carries into the board pack — add one from a file, list a
// meeting's papers, rename one, remove one, and write one's bytes back to a file.
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import {
  MAX_PAPER_BYTES,
  MAX_PAPER_PAGES,
  MAX_PAPER_TITLE_LENGTH,
  PAPER_TOO_LARGE,
} from '../../shared/paperLimits';
import { readFileLimited } from '../files/readLimited';
import { writeFileAtomically } from '../files/writeAtomically';
import { listIssuedPacks } from '../pack/index';
import { fontsNotice } from '../pdf/paperFonts';
import { protectedFiles } from '../store/backups';
import type { PaperRecord } from '../store/papers';
import type { Store } from '../store/store';
import { formatTable, parseOption, type CliContext } from './context';

const meetingIdSchema = z.coerce.number().int().positive('A meeting is given by its number, for example 3.');
const itemNumberSchema = z.coerce
  .number()
  .int()
  .positive('An agenda item is given by its number, for example 3.');
const itemIdSchema = z.coerce.number().int().positive('An agenda item id is a number, for example 12.');
const paperIdSchema = z.coerce.number().int().positive('A paper is given by its id (see "paper list").');

interface AddOptions {
  meeting: string;
  item?: string;
  itemId?: string;
  file: string;
  title?: string;
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function pages(n: number): string {
  return n === 1 ? '1 page' : `${n} pages`;
}

/** The agenda item named by its number on the agenda (--item) or its id (--item-id). */
function itemOf(
  store: Store,
  meetingId: number,
  options: AddOptions,
): { id: number; position: number; title: string } {
  if (options.item !== undefined && options.itemId !== undefined)
    throw new BoardPackError('invalid_input', 'Give either --item or --item-id, not both.');
  const agenda = store.meetings.agenda(meetingId);
  if (options.itemId !== undefined) {
    const id = parseOption(itemIdSchema, options.itemId, '--item-id');
    const item = agenda.find((a) => a.id === id);
    if (!item)
      throw new BoardPackError('not_found', `Agenda item id ${id} is not on meeting ${meetingId}'s agenda.`);
    return item;
  }
  if (options.item === undefined)
    throw new BoardPackError(
      'invalid_input',
      'Say which agenda item the paper is for: --item N (its number) or --item-id ID.',
    );
  const position = parseOption(itemNumberSchema, options.item, '--item');
  const item = agenda.find((a) => a.position === position);
  if (!item)
    throw new BoardPackError(
      'not_found',
      agenda.length
        ? `Meeting ${meetingId} has no agenda item ${position}; its items are numbered 1 to ${agenda.length}.`
        : `Meeting ${meetingId} has no agenda yet; set its agenda first.`,
    );
  return item;
}

/** When the meeting's pack has been issued: that version stands as it is until a new one is issued. */
function issuedNote(store: Store, meetingId: number): string {
  const issued = listIssuedPacks(store, meetingId);
  if (issued.length === 0) return '';
  const latest = issued[issued.length - 1];
  return `\nVersion ${latest.version} of this meeting's pack is issued and stays as it is; issue a new version (board-pack pack issue --meeting ${meetingId}) for the pack to show this change.`;
}

/**
 * The file's bytes, read no further than the 25 MB limit: stat() says 0 for /dev/zero and a named
 * pipe would block, so only an ordinary file is read, and reading stops one byte past the limit.
 */
function readPaperFile(file: string): Uint8Array {
  return readFileLimited(resolve(file), {
    maxBytes: MAX_PAPER_BYTES,
    tooLarge: PAPER_TOO_LARGE,
    what: 'a paper',
  });
}

export function registerPaper(program: Command, cli: CliContext): void {
  const paper = program
    .command('paper')
    .description(
      "Papers (PDF files) an agenda item carries; the pack prints each one after its item's divider.",
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack paper add --meeting 3 --item 4 --file "Knife crime profile.pdf"\n  $ board-pack paper list --meeting 3\n  $ board-pack paper rename 7 --title "Knife crime problem profile"\n  $ board-pack paper export 7 --out copy.pdf\n  $ board-pack paper remove 7',
    );

  paper
    .command('add')
    .description("Add a PDF paper to an agenda item, after the item's other papers.")
    .requiredOption('--meeting <id>', 'the meeting')
    .option('--item <n>', "the agenda item's number on that meeting's agenda")
    .option('--item-id <id>', "or: the agenda item's id")
    .requiredOption(
      '--file <paper.pdf>',
      `the PDF file (at most 25 MB and ${MAX_PAPER_PAGES} pages; not password-protected)`,
    )
    .option('--title <text>', 'the title printed in the pack (default: the file name without .pdf)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack paper add --meeting 3 --item 4 --file "Knife crime profile.pdf"\n  $ board-pack paper add --meeting 3 --item 4 --file kc.pdf --title "Knife crime problem profile"',
    )
    .action(async (options: AddOptions, command: Command) => {
      const pdf = readPaperFile(options.file);
      await cli.withStore(command, async (store) => {
        const meetingId = store.meetings.get(parseOption(meetingIdSchema, options.meeting, '--meeting')).id;
        const item = itemOf(store, meetingId, options);
        const added = await store.papers.add(
          { meetingId, agendaItemId: item.id, title: options.title, fileName: basename(options.file), pdf },
          store.now(),
          cli.actor(command),
        );
        const { notice } = await fontsNotice(pdf, added.title);
        cli.say(
          `Added paper ${added.id} "${added.title}" (${pages(added.pages)}, ${kilobytes(added.sizeBytes)}) as paper ${item.position}.${added.position} under item ${item.position} "${item.title}" of meeting ${meetingId}.\nSHA-256 ${added.sha256}${issuedNote(store, meetingId)}${notice ? `\n${notice}` : ''}`,
        );
      });
    });

  paper
    .command('list')
    .description("List a meeting's papers in agenda order.")
    .requiredOption('--meeting <id>', 'the meeting')
    .option('--json', 'print the papers as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack paper list --meeting 3\n  $ board-pack paper list --meeting 3 --json',
    )
    .action(async (options: { meeting: string; json?: boolean }, command: Command) => {
      await cli.withStore(command, (store) => {
        const meetingId = store.meetings.get(parseOption(meetingIdSchema, options.meeting, '--meeting')).id;
        const papers: PaperRecord[] = store.papers.list(meetingId);
        if (options.json) {
          cli.say(JSON.stringify(papers, null, 2));
          return;
        }
        if (papers.length === 0) {
          cli.say(`Meeting ${meetingId} has no papers.`);
          return;
        }
        const positions = new Map(store.meetings.agenda(meetingId).map((a) => [a.id, a.position]));
        cli.say(
          formatTable(
            ['Id', 'No.', 'Title', 'Pages', 'KB', 'File', 'Added', 'By'],
            papers.map((p) => [
              p.id,
              `${positions.get(p.agendaItemId) ?? '?'}.${p.position}`,
              p.title,
              p.pages,
              Math.max(1, Math.round(p.sizeBytes / 1024)),
              p.fileName,
              p.addedAt.slice(0, 16).replace('T', ' '),
              p.addedBy,
            ]),
          ),
        );
      });
    });

  paper
    .command('rename')
    .description('Give a paper a new title. Packs already issued keep the title they were issued with.')
    .argument('<id>', 'the paper (see "paper list")')
    .requiredOption(
      '--title <text>',
      `the new title printed in the pack (at most ${MAX_PAPER_TITLE_LENGTH} characters)`,
    )
    .addHelpText('after', '\nExample:\n  $ board-pack paper rename 7 --title "Knife crime problem profile"')
    .action(async (id: string, options: { title: string }, command: Command) => {
      await cli.withStore(command, (store) => {
        const before = store.papers.get(parseOption(paperIdSchema, id, 'paper'));
        const after = store.papers.rename(before.id, options.title, store.now(), cli.actor(command));
        if (after.title === before.title) {
          cli.say(`Paper ${after.id} is already titled "${after.title}"; nothing changed.`);
          return;
        }
        cli.say(
          `Renamed paper ${after.id} "${before.title}" to "${after.title}" in meeting ${after.meetingId}.${issuedNote(store, after.meetingId)}`,
        );
      });
    });

  paper
    .command('remove')
    .description('Remove a paper from its agenda item. Packs already issued keep their own copy of it.')
    .argument('<id>', 'the paper (see "paper list")')
    .addHelpText('after', '\nExample:\n  $ board-pack paper remove 7')
    .action(async (id: string, _options: object, command: Command) => {
      await cli.withStore(command, (store) => {
        const removed = store.papers.get(parseOption(paperIdSchema, id, 'paper'));
        store.papers.remove(removed.id, store.now(), cli.actor(command));
        cli.say(
          `Removed paper ${removed.id} "${removed.title}" from meeting ${removed.meetingId}.${issuedNote(store, removed.meetingId)}`,
        );
      });
    });

  paper
    .command('export')
    .description("Write a paper's PDF, exactly as added, to a file.")
    .argument('<id>', 'the paper (see "paper list")')
    .requiredOption('--out <file>', 'where to write the PDF')
    .addHelpText('after', '\nExample:\n  $ board-pack paper export 7 --out profile.pdf')
    .action(async (id: string, options: { out: string }, command: Command) => {
      await cli.withStore(command, (store) => {
        const paperId = parseOption(paperIdSchema, id, 'paper');
        const bytes = store.papers.pdf(paperId);
        // Never over the database, its -wal/-shm or its backups; through a temporary file, so a full
        // disk or a bad path leaves nothing behind.
        const written = writeFileAtomically(options.out, bytes, protectedFiles(store));
        cli.say(`Wrote ${written} (${bytes.length} bytes, SHA-256 ${store.papers.get(paperId).sha256}).`);
      });
    });
}
