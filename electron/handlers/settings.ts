// settings.*, people.*, audit.list, app.* and demo.*: the board's settings, who uses the plan, the
// read-only audit log, and facts about this copy of the app.
import { join } from 'node:path';
import type { Settings } from '../../shared/contract';
import { workingCopy } from '../exchange/history';
import { isDemoLoaded, loadDemo, removeDemo } from '../demo/generate';
import { actorOf, BACKUP_SCHEDULE_SETTING, USER_NAME_SETTING, type Services } from './services';
import type { Group } from './table';

const SCHEDULES = ['off', 'daily', 'weekly'] as const;

async function readSettings(services: Services): Promise<Settings> {
  const { store } = services;
  const plan = await store.plan.summary();
  const schedule = await store.settings.get(BACKUP_SCHEDULE_SETTING);
  return {
    boardName: plan.boardName,
    protectiveMarking: plan.protectiveMarking,
    startMonth: plan.startMonth,
    endMonth: plan.endMonth,
    userName: await actorOf(services),
    userNameSet: (await store.settings.get(USER_NAME_SETTING)) !== null,
    leadStrands: (await workingCopy(store))?.strandNumbers ?? null,
    // A shared database is backed up with pg_dump where the server is: it has no backup folder here.
    backupFolder: store.shared ? '' : (await store.backups.settings()).folder,
    backupSchedule: SCHEDULES.find((s) => s === schedule) ?? 'off',
    databasePath: store.path,
    sharedDatabase: store.server,
  };
}

async function appInfo(services: Services) {
  const { store } = services;
  return {
    version: services.version,
    databasePath: store.path,
    schemaVersion: await store.settings.schemaVersion(),
    demoLoaded: await isDemoLoaded(store),
    door: services.door,
    plan: await store.plan.summary(),
  };
}

/** A file name that sorts by time: board-pack-2007-10-04T09-30-00.db. */
function backupFileName(isoNow: string): string {
  return `board-pack-${isoNow.slice(0, 19).replace(/:/g, '-')}.db`;
}

export const settingsHandlers: Group<'settings' | 'people' | 'audit' | 'app' | 'demo'> = {
  'settings.get': async (services) => await readSettings(services),

  'settings.update': async (services, changes) => {
    const { store } = services;
    const actor = await actorOf(services);
    const at = store.now();
    // Plan settings and this copy's settings change together or not at all.
    await store.transaction(async (tx) => {
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
        await tx.plan.updateSettings(planChanges, at, actor);
      }
      if (changes.userName !== undefined)
        await tx.settings.set({ [USER_NAME_SETTING]: changes.userName }, actor);
      if (changes.backupFolder) await tx.backups.configure({ folder: changes.backupFolder }, actor);
      if (changes.backupSchedule !== undefined)
        await tx.settings.set({ [BACKUP_SCHEDULE_SETTING]: changes.backupSchedule }, actor);
    });
    return await readSettings(services);
  },

  'people.list': async ({ store }) => await store.people.list(),

  'people.save': async (services, input) =>
    await services.store.people.save(input, services.store.now(), await actorOf(services)),

  'audit.list': async ({ store }, filter) => await store.audit.list(filter),

  'app.info': async (services) => await appInfo(services),

  'app.backupNow': async (services) => {
    const { store } = services;
    const folder = await store.backups.folder();
    const { path } = await store.backups.backup(join(folder, backupFileName(store.now())));
    return { path };
  },

  'app.checkDatabase': async ({ store }) => ({ databasePath: store.path, problems: await store.check() }),

  // Asked every few seconds by every open window: one read of the newest audit id when nothing has
  // changed. A window asking from 0 has just read everything, so only where to ask from next.
  'app.changes': async ({ store }, { since }) => {
    if (since === 0)
      return { last: (await store.audit.changesSince(Number.MAX_SAFE_INTEGER)).last, entities: [] };
    return await store.audit.changesSince(since);
  },

  'demo.load': async (services, { months, seed }) => {
    const loaded = await loadDemo(services.store, { months, seed, actor: await actorOf(services) });
    return { ...(await appInfo(services)), loaded };
  },

  'demo.remove': async (services) => {
    const removed = await removeDemo(services.store, await actorOf(services));
    return { ...(await appInfo(services)), removed };
  },
};
