// The handlers' public face for the three doors: build the services, then dispatch calls.
export { dispatch, validateCall, describeInvalidInput } from './dispatch';
export { handlers } from './registry';
export {
  createServices,
  actorOf,
  type Services,
  type ServicesOptions,
  type Door,
  type ErrorLog,
} from './services';
