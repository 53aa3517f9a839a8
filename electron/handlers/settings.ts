// settings.*, people.*, audit.list, app.* and demo.*: the board's settings, who uses the plan, the
// read-only audit log, and facts about this copy of the app.
import { join } from 'node:path';
import type { Settings } from '../../shared/contract';
import { workingCopy } from '../exchange/history';
import { isDemoLoaded, loadDemo, removeDemo } from '../demo/generate';
import {
  autoBackupSettings,
  backupDatabase,
  configureAutoBackup,
  ensureBackupFolder,
} from '../store/backups';
import { writeTransaction } from '../store/writeTransaction';
import { actorOf, BACKUP_SCHEDULE_SETTING, USER_NAME_SETTING, type Services } from './services';
import type { Group } from './table';

const SCHEDULES = ['off', 'daily', 'weekly'] as const;

function readSettings(services: Services): Settings {
  const { store } = services;
  const plan = store.plan.summary();
  const schedule = store.getSetting(BACKUP_SCHEDULE_SETTING);
  return {
    boardName: plan.boardName,
    protectiveMarking: plan.protectiveMarking,
    startMonth: plan.startMonth,
    endMonth: plan.endMonth,
    userName: actorOf(services),
    userNameSet: store.getSetting(USER_NAME_SETTING) !== null,
    leadStrands: workingCopy(store)?.strandNumbers ?? null,
    backupFolder: autoBackupSettings(store).folder,
    backupSchedule: SCHEDULES.find((s) => s === schedule) ?? 'off',
    databasePath: store.path,
  };
}

function appInfo(services: Services) {
  const { store } = services;
  return {
    version: services.version,
    databasePath: store.path,
    schemaVersion: store.db.pragma('user_version', { simple: true }) as number,
    demoLoaded: isDemoLoaded(store),
    door: services.door,
    plan: store.plan.summary(),
  };
}

/** A file name that sorts by time: board-pack-2007-10-04T09-30-00.db. */
function backupFileName(isoNow: string): string {
  return `board-pack-${isoNow.slice(0, 19).replace(/:/g, '-')}.db`;
}

export const settingsHandlers: Group<'settings' | 'people' | 'audit' | 'app' | 'demo'> = {
  'settings.get': (services) => readSettings(services),

  'settings.update': (services, changes) => {
    const { store } = services;
    const actor = actorOf(services);
    const at = store.now();
    // Plan settings and this copy's settings change together or not at all.
    writeTransaction(store.db, () => {
      const { boardName, protectiveMarking, startMonth, endMonth } = changes;
      if (
        boardName !== undefined ||
        protectiveMarking !== undefined ||
        startMonth !== undefined ||
        endMonth !== undefined
      ) {
        const planChanges = Object.fromEntries(
          Object.entries({ boardName, protectiveMarking, startMonth, endMonth }).filter(
            ([, v]) => v !== undefined,
          ),
        );
        store.plan.updateSettings(planChanges, at, actor);
      }
      if (changes.userName !== undefined) store.setSetting(USER_NAME_SETTING, changes.userName, actor);
      if (changes.backupFolder) configureAutoBackup(store, { folder: changes.backupFolder }, actor);
      if (changes.backupSchedule !== undefined)
        store.setSetting(BACKUP_SCHEDULE_SETTING, changes.backupSchedule, actor);
    });
    return readSettings(services);
  },

  'people.list': ({ people }) => people.list(),

  'people.save': (services, input) => services.people.save(input, services.store.now(), actorOf(services)),

  'audit.list': ({ store }, filter) => store.audit.list(filter),

  'app.info': (services) => appInfo(services),

  'app.backupNow': async (services) => {
    const folder = ensureBackupFolder(services.store, autoBackupSettings(services.store).folder);
    const { path } = await backupDatabase(services.store, join(folder, backupFileName(services.store.now())));
    return { path };
  },

  'demo.load': (services) => {
    loadDemo(services.store, { actor: actorOf(services) });
    return appInfo(services);
  },

  'demo.remove': (services) => {
    removeDemo(services.store, actorOf(services));
    return appInfo(services);
  },
};
