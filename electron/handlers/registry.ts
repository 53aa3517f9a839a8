// Every contract method's handler, gathered into one table; dispatch.ts is the way in.
import { chaseHandlers } from './chase';
import { dashboardHandlers } from './dashboard';
import { indicatorsHandlers } from './indicators';
import { meetingsHandlers } from './meetings';
import { offlineHandlers } from './offline';
import { packsHandlers } from './packs';
import { papersHandlers } from './papers';
import { planHandlers } from './plan';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { sharedDatabaseHandlers } from './sharedDatabase';
import type { HandlerTable } from './table';
import { updatesHandlers } from './updates';

export const handlers: HandlerTable = {
  ...planHandlers,
  ...updatesHandlers,
  ...dashboardHandlers,
  ...meetingsHandlers,
  ...packsHandlers,
  ...papersHandlers,
  ...settingsHandlers,
  ...offlineHandlers,
  ...indicatorsHandlers,
  ...chaseHandlers,
  ...searchHandlers,
  ...sharedDatabaseHandlers,
};
