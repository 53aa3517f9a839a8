// "paper": the PDF papers an agenda item carries into the board pack — add one from a file, list a
// meeting's papers, rename one, remove one, and write one's bytes back to a file. Each is the
// papers.* method the meeting screen calls; the command line reads and writes the files.
import type { Command } from 'commander';
import type { AgendaItem } from '../../shared/contract';
import { BoardPackError } from '../../shared/errors';
import {
  MAX_PAPER_BYTES,
  MAX_PAPER_PAGES,
  MAX_PAPER_TITLE_LENGTH,
  PAPER_TOO_LARGE,
} from '../../shared/paperLimits';
import { wholeNumber } from './arguments';
import { formatTable, type CliContext, type CliDoor } from './context';
import { readUpload, writeBase64 } from './files';

interface AddOptions {
  meeting: number;
  item?: number;
  itemId?: number;
  file: string;
  title?: string;
}

const paperId = wholeNumber('a paper by its id (see "paper list")');

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function pages(n: number): string {
  return n === 1 ? '1 page' : `${n} pages`;
}

/** The agenda item named by its number on the agenda (--item) or its id (--item-id). */
function itemOf(meetingId: number, agenda: AgendaItem[], options: AddOptions): AgendaItem {
  if (options.item !== undefined && options.itemId !== undefined)
    throw new BoardPackError('invalid_input', 'Give either --item or --item-id, not both.');
  if (options.itemId !== undefined) {
    const item = agenda.find((a) => a.id === options.itemId);
    if (!item)
      throw new BoardPackError(
        'not_found',
        `Agenda item id ${options.itemId} is not on meeting ${meetingId}'s agenda.`,
      );
    return item;
  }
  if (options.item === undefined)
    throw new BoardPackError(
      'invalid_input',
      'Say which agenda item the paper is for: --item N (its number) or --item-id ID.',
    );
  const position = options.item;
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
async function issuedNote(door: CliDoor, meetingId: number): Promise<string> {
  const issued = await door.call('packs.list', { meetingId });
  const latest = issued.at(-1);
  if (!latest) return '';
  return `\nVersion ${latest.version} of this meeting's pack is issued and stays as it is; issue a new version (board-pack pack issue --meeting ${meetingId}) for the pack to show this change.`;
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
    .requiredOption('--meeting <id>', 'the meeting', wholeNumber('the meeting by its number'))
    .option(
      '--item <n>',
      "the agenda item's number on that meeting's agenda",
      wholeNumber('the item by its number'),
    )
    .option('--item-id <id>', "or: the agenda item's id", wholeNumber('the item id'))
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
      // Read no further than the 25 MB limit: stat() says 0 for /dev/zero and a named pipe would
      // block, so only an ordinary file is read, and reading stops one byte past the limit.
      const upload = readUpload(options.file, {
        maxBytes: MAX_PAPER_BYTES,
        tooLarge: PAPER_TOO_LARGE,
        what: 'a paper',
      });
      await cli.withDoor(command, async (door) => {
        const { meeting, agenda } = await door.call('meetings.get', { id: options.meeting });
        const item = itemOf(meeting.id, agenda, options);
        const added = await door.call('papers.add', {
          meetingId: meeting.id,
          agendaItemId: item.id,
          title: options.title,
          fileName: upload.fileName,
          pdfBase64: upload.base64,
        });
        cli.say(
          `Added paper ${added.id} "${added.title}" (${pages(added.pages)}, ${kilobytes(added.sizeBytes)}) as paper ${item.position}.${added.position} under item ${item.position} "${item.title}" of meeting ${meeting.id}.\nSHA-256 ${added.sha256}${await issuedNote(door, meeting.id)}${added.notice ? `\n${added.notice}` : ''}`,
        );
      });
    });

  paper
    .command('list')
    .description("List a meeting's papers in agenda order.")
    .requiredOption('--meeting <id>', 'the meeting', wholeNumber('the meeting by its number'))
    .option('--json', 'print the papers as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack paper list --meeting 3\n  $ board-pack paper list --meeting 3 --json',
    )
    .action(async (options: { meeting: number; json?: boolean }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const { meeting, agenda } = await door.call('meetings.get', { id: options.meeting });
        const papers = await door.call('papers.list', { meetingId: meeting.id });
        if (options.json) {
          cli.say(JSON.stringify(papers, null, 2));
          return;
        }
        if (papers.length === 0) {
          cli.say(`Meeting ${meeting.id} has no papers.`);
          return;
        }
        const positions = new Map(agenda.map((a) => [a.id, a.position]));
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
    .argument('<id>', 'the paper (see "paper list")', paperId)
    .requiredOption(
      '--title <text>',
      `the new title printed in the pack (at most ${MAX_PAPER_TITLE_LENGTH} characters)`,
    )
    .addHelpText('after', '\nExample:\n  $ board-pack paper rename 7 --title "Knife crime problem profile"')
    .action(async (id: number, options: { title: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const before = await door.call('papers.get', { id });
        const after = await door.call('papers.rename', { id, title: options.title });
        if (after.title === before.title) {
          cli.say(`Paper ${after.id} is already titled "${after.title}"; nothing changed.`);
          return;
        }
        cli.say(
          `Renamed paper ${after.id} "${before.title}" to "${after.title}" in meeting ${after.meetingId}.${await issuedNote(door, after.meetingId)}`,
        );
      });
    });

  paper
    .command('remove')
    .description('Remove a paper from its agenda item. Packs already issued keep their own copy of it.')
    .argument('<id>', 'the paper (see "paper list")', paperId)
    .addHelpText('after', '\nExample:\n  $ board-pack paper remove 7')
    .action(async (id: number, _options: object, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const removed = await door.call('papers.get', { id });
        await door.call('papers.remove', { id });
        cli.say(
          `Removed paper ${removed.id} "${removed.title}" from meeting ${removed.meetingId}.${await issuedNote(door, removed.meetingId)}`,
        );
      });
    });

  paper
    .command('export')
    .description("Write a paper's PDF, exactly as added, to a file.")
    .argument('<id>', 'the paper (see "paper list")', paperId)
    .requiredOption('--out <file>', 'where to write the PDF')
    .addHelpText('after', '\nExample:\n  $ board-pack paper export 7 --out profile.pdf')
    .action(async (id: number, options: { out: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const file = await door.call('papers.open', { id });
        const written = writeBase64(options.out, file.pdfBase64, await door.protectedFiles());
        const bytes = Buffer.byteLength(file.pdfBase64, 'base64');
        cli.say(`Wrote ${written} (${bytes} bytes, SHA-256 ${file.sha256}).`);
      });
    });
}
