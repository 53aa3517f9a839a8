// "search WORDS": the header's search from the command line, through the same handler, grouped by
// kind, each hit with where it lives.
import type { Command } from 'commander';
import { SEARCH_KIND_LABELS, type SearchHit } from '../../shared/contractSearch';
import { formatTable, type CliContext } from './context';

function snippetText(hit: SearchHit): string {
  // The words found are shown between ** as a terminal has no highlight of its own.
  return hit.snippet
    .map((part) => (part.hit ? `**${part.text}**` : part.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function registerSearch(program: Command, cli: CliContext): void {
  program
    .command('search')
    .description(
      'Search objectives, update narratives and next steps, minutes, decisions, actions, papers and indicators.',
    )
    .argument(
      '<words...>',
      'the words to find; case, accents and hyphens are ignored, each word may be the start of one',
    )
    .option('--per-kind <n>', 'at most this many hits of each kind (default 8)', (v) => Number(v))
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack search multi agency\n  $ board-pack search knife crime --json',
    )
    .action(async (words: string[], options: { perKind?: number; json?: boolean }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const result = await door.call('search.query', { words: words.join(' '), perKind: options.perKind });
        if (options.json) {
          cli.say(JSON.stringify(result, null, 2));
          return;
        }
        if (result.groups.length === 0) {
          cli.say(`Nothing found for "${result.words}".`);
          return;
        }
        for (const group of result.groups) {
          const shown = group.hits.length < group.total ? `, best ${group.hits.length} shown` : '';
          cli.say(`\n${SEARCH_KIND_LABELS[group.kind]} (${group.total}${shown})`);
          cli.say(
            formatTable(
              ['Where', 'What', 'Found'],
              group.hits.map((h) => [h.context, h.title, snippetText(h)]),
            ),
          );
        }
      });
    });
}
