// Which database the desktop app opens when it starts, and opening it: the one remembered from the
// last run (a file, or a shared server with its sealed password), else $BOARD_PACK_DATABASE (a file
// or a postgres:// address, its password from PGPASSWORD or ~/.pgpass), else the file in the
// user-data folder. A shared database that wants a password it does not have is not a failure: the
// app opens its window on the connect dialog. Any other refusal is handed back for the app to say in
// words and let the person try again or choose a file; nothing here falls back to a file by itself.
import { existsSync } from 'node:fs';
import { isBoardPackError } from '../../shared/errors';
import { defaultDatabasePath } from '../store/paths';
import { isServerLocation } from '../store/store';
import { DatabaseSession, type DatabaseSessionOptions } from './databaseSession';
import { readRememberedDatabase } from './rememberedDatabase';
import { fieldsOfAddress } from './sharedAddress';

export type StartupChoice =
  | { kind: 'file'; path: string }
  | {
      kind: 'server';
      address: string;
      /** The password unsealed from the last run; undefined leaves it to PGPASSWORD or ~/.pgpass. */
      password: string | undefined;
      /** Said before the server's own words when a kept password could not be unsealed. */
      note: string | null;
    };

export type StartupOutcome =
  { kind: 'open'; session: DatabaseSession } | { kind: 'refused'; choice: StartupChoice; error: unknown };

const UNSEALED_NOTE = 'The password kept on this computer can no longer be read.';

/** The database to open at start: what was remembered, else the environment's, else the default file. */
export function startupChoice(
  options: Pick<DatabaseSessionOptions, 'memory' | 'log'>,
  env: NodeJS.ProcessEnv = process.env,
): StartupChoice {
  const memory = options.memory;
  const remembered = memory ? readRememberedDatabase(memory.file) : null;
  if (remembered?.kind === 'server') {
    if (!remembered.sealedPassword || !memory)
      return { kind: 'server', address: remembered.address, password: undefined, note: null };
    try {
      const password = memory.keeper.open(remembered.sealedPassword);
      return { kind: 'server', address: remembered.address, password, note: null };
    } catch (error) {
      // Another user, a new keyring or a restored profile: ask for the password again.
      options.log?.('unsealing the shared database’s password', error);
      return { kind: 'server', address: remembered.address, password: undefined, note: UNSEALED_NOTE };
    }
  }
  // A remembered file that has since been moved away is not silently recreated empty.
  if (remembered?.kind === 'file' && existsSync(remembered.path))
    return { kind: 'file', path: remembered.path };
  const location = defaultDatabasePath(env);
  return isServerLocation(location)
    ? { kind: 'server', address: location, password: undefined, note: null }
    : { kind: 'file', path: location };
}

/** Opens the chosen database; a server that wants a password opens the session waiting for it. */
export async function startSession(
  choice: StartupChoice,
  options: DatabaseSessionOptions,
): Promise<StartupOutcome> {
  const location = choice.kind === 'file' ? choice.path : choice.address;
  try {
    const session = await DatabaseSession.start(
      location,
      options,
      choice.kind === 'server' ? choice.password : undefined,
    );
    return { kind: 'open', session };
  } catch (error) {
    if (choice.kind !== 'server' || !isBoardPackError(error) || error.code !== 'access_refused')
      return { kind: 'refused', choice, error };
    const fields = fieldsOfAddress(choice.address);
    if (!fields) return { kind: 'refused', choice, error };
    const reason = choice.note ? `${choice.note} ${error.message}` : error.message;
    return {
      kind: 'open',
      session: DatabaseSession.awaiting({ address: choice.address, fields, reason }, options),
    };
  }
}
