// The handlers' public face for the doors (Electron IPC, the bridge, the command line, tests):
// build the services, then dispatch calls.
export {
  dispatch,
  dispatchWithoutDatabase,
  validateCall,
  describeInvalidInput,
  NO_DATABASE_MESSAGE,
} from './dispatch';
export { callMethod } from './call';
export { handlers } from './registry';
export {
  createServices,
  actorOf,
  type Services,
  type ServicesOptions,
  type Door,
  type ErrorLog,
  type SharedDatabaseDoor,
} from './services';
