// "keys": this installation's signing key, and the keys it trusts (strand leads' at the
// secretariat; the secretariat's at a strand lead's copy): exchange.overview and exchange.trustKey.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { BoardPackError } from '../../shared/errors';
import { wholeNumber } from './arguments';
import { formatTable, type CliContext } from './context';

export function registerKeys(program: Command, cli: CliContext): void {
  const keys = program
    .command('keys')
    .description("Signing keys for exchange files: show yours, trust a strand lead's.");

  keys
    .command('show')
    .description("Show this installation's key fingerprint (made on first use) and the keys it trusts.")
    .action(async (_options: unknown, command: Command) => {
      const { path } = cli.databasePath(command);
      if (!existsSync(path)) throw new BoardPackError('not_found', `There is no database at ${path}.`);
      // A lead's working copy may hold no plan: open without seeding one.
      await cli.withOpenStore(command, path, { seedPlan: null }, async (store) => {
        const overview = await cli.door(command, store).call('exchange.overview', {});
        cli.say(`This installation's key: ${overview.ownFingerprint}.`);
        if (overview.trustedKeys.length === 0) {
          cli.say('No other keys are trusted yet.');
          return;
        }
        cli.say(
          formatTable(
            ['Fingerprint', 'Name', 'For', 'Trusted'],
            overview.trustedKeys.map((k) => [
              k.fingerprint,
              k.name,
              k.strandNumber === null ? 'secretariat' : `strand ${k.strandNumber}`,
              `${k.trustedAt.slice(0, 10)} by ${k.trustedBy}`,
            ]),
          ),
        );
      });
    });

  keys
    .command('trust')
    .description(
      "Trust a strand lead's key for their strand (or, at a lead's copy, the secretariat's key), after confirming the fingerprint with them, as with SSH.",
    )
    .argument('<fingerprint>', 'the fingerprint the other person read out, e.g. 3f2a-91c0-…')
    .requiredOption(
      '--name <name>',
      "whose key it is; a lead's name is recorded as the author of their accepted updates",
    )
    .option(
      '--strand <n>',
      'the strand the lead answers for',
      wholeNumber('the strand as a number such as 2'),
    )
    .option('--secretariat', "at a strand lead's copy: this is the secretariat's key")
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack keys trust 3f2a-91c0-5b7e-0d44-8e19-c2a6-77f0-1b3d --strand 2 --name "DCS Jane Smith"\n  $ board-pack keys trust 9c1e-… --secretariat --name "Board secretariat"',
    )
    .action(
      async (
        fingerprint: string,
        options: { name: string; strand?: number; secretariat?: boolean },
        command: Command,
      ) => {
        if ((options.strand === undefined) === !options.secretariat) {
          throw new BoardPackError(
            'invalid_input',
            "Say either --strand N (a lead's key) or --secretariat (the secretariat's key).",
          );
        }
        await cli.withDoor(command, async (door) => {
          const k = await door.call('exchange.trustKey', {
            fingerprint,
            name: options.name,
            strandNumber: options.strand ?? null,
          });
          cli.say(
            k.strandNumber === null
              ? `Trusted ${k.fingerprint} as the secretariat's key (${k.name}). Requests signed with it will be opened.`
              : `Trusted ${k.fingerprint} as ${k.name} for strand ${k.strandNumber}. Returns signed with it will be accepted for that strand.`,
          );
        });
      },
    );
}
