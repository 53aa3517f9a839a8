// sharedDatabase.*: the connect dialog. Connecting replaces the open database, so it goes through
// the door's session (the desktop app's DatabaseSession), as restoring a backup does; a door with
// no session (the command line, a plain bridge) says where it can be done.
import type { SharedDatabaseState } from '../../shared/contractSharedDatabase';
import { BoardPackError } from '../../shared/errors';
import type { SharedDatabaseDoor } from './services';
import type { Group } from './table';

const NOT_OFFERED: SharedDatabaseState = {
  offered: false,
  databaseOpen: true,
  keepsPasswords: false,
  server: null,
  reason: null,
};

function doorOf(door: SharedDatabaseDoor | undefined): SharedDatabaseDoor {
  if (door) return door;
  throw new BoardPackError(
    'read_only',
    'Connecting to a shared database replaces the open database, which only the desktop app can do (File → Connect to a shared database…). Nothing was changed.',
  );
}

export const sharedDatabaseHandlers: Group<'sharedDatabase'> = {
  'sharedDatabase.state': (services) => services.sharedDatabase?.state() ?? NOT_OFFERED,
  'sharedDatabase.connect': (services, input) => doorOf(services.sharedDatabase).connect(input),
};
