// The command line: one commander program over the same store the desktop app uses. Each command
// group lives in its own file and is registered below; run() is exported so tests call the
// program in-process with captured output.
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { isBoardPackError } from '../../shared/errors';
import { CliContext, type CliIo } from './context';
import { registerBackup } from './backup';
import { registerChase } from './chase';
import { registerCheck } from './check';
import { registerDemo } from './demo';
import { registerIndicator } from './indicator';
import { registerInit } from './init';
import { registerPack } from './pack';
import { registerPaper } from './paper';
import { registerStatus } from './status';
import { registerSearch } from './search';
import { registerUpdate } from './update';
import { registerExchange } from './exchange';
import { registerKeys } from './keys';
import { registerPlanIo } from './planio';
import { registerRestore } from './restore';
import { registerPeople } from './people';
import { registerMinutes } from './minutes';
import { registerAction } from './action';
import { registerDb } from './db';
import { UNEXPECTED_MESSAGE } from '../../shared/ipc';
import { databaseFailure } from '../store/databaseErrors';

type RegisterCommands = (program: Command, cli: CliContext) => void;

/** Command groups, in the order --help lists them. To add one: import its register function and list it here. */
const COMMAND_GROUPS: RegisterCommands[] = [
  registerInit,
  registerDemo,
  registerStatus,
  registerUpdate,
  registerChase,
  registerIndicator,
  registerSearch,
  registerBackup,
  registerCheck,
  registerPack,
  registerPaper,
  registerExchange,
  registerKeys,
  registerPlanIo,
  registerRestore,
  registerPeople,
  registerMinutes,
  registerAction,
  registerDb,
];

export function buildProgram(cli: CliContext): Command {
  const program = new Command('board-pack')
    .description(
      'Board Pack from the command line: the plan, monthly updates and meetings in the same database as the desktop app.',
    )
    .option(
      '--db <path>',
      "the database: a file, or a shared server's postgres://user@host/database address (default: $BOARD_PACK_DATABASE, else the desktop app's user-data folder)",
    )
    .option('--as <name>', 'who is acting, for the audit log (default: your user name)')
    .option('--debug', 'show the details of unexpected errors')
    .exitOverride()
    .configureOutput({ writeOut: (text) => cli.io.out(text), writeErr: (text) => cli.io.err(text) })
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack init --db board.db\n  $ board-pack demo --db board.db\n  $ board-pack status --db board.db --month 2007-09',
    );
  for (const register of COMMAND_GROUPS) register(program, cli);
  // Subcommands report usage errors the same way as the program: through run(), never process.exit.
  const inherit = (command: Command) => {
    for (const sub of command.commands) {
      sub
        .exitOverride()
        .configureOutput({ writeOut: (text) => cli.io.out(text), writeErr: (text) => cli.io.err(text) });
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Runs the command line and returns the exit code; nothing here calls process.exit. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const cli = new CliContext(io);
  const program = buildProgram(cli);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander has already said what was wrong
    // SQLite's own refusals (busy, disk full) are expected too: say them, do not call them unexpected.
    const expected = isBoardPackError(error) ? error : databaseFailure(error);
    if (expected) {
      io.err(`${expected.message}\n`);
      return 1;
    }
    io.err(`${UNEXPECTED_MESSAGE}\n`);
    if (argv.includes('--debug'))
      io.err(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    else io.err('Run again with --debug to see the details.\n');
    return 2;
  }
}

export async function main(): Promise<void> {
  // A reader that stops early (`board-pack plan import … | head`) closes the pipe: the output
  // is no longer wanted, which is no error of ours and must not crash with EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
