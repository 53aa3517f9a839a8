// meetings.* and actions.*: meetings with their agenda and minutes, and the board's action log
// (overdue is derived on the day asked, never stored).
import { BoardPackError } from '../../shared/errors';
import type { Store } from '../store/store';
import { issuedPackCount } from './packs';
import { actorOf } from './services';
import type { Group } from './table';

async function actionView(store: Store, ref: string) {
  const found = (await store.meetings.actions(store.today())).find((a) => a.ref === ref);
  if (!found) throw new BoardPackError('not_found', `There is no action ${ref}.`);
  return found;
}

async function previousApproval(store: Store, id: number) {
  const previous = await store.meetings.previous(id);
  return previous ? await store.meetings.approval(previous.id) : null;
}

export const meetingsHandlers: Group<'meetings' | 'actions'> = {
  'meetings.list': async ({ store }) => {
    const meetings = [];
    for (const m of await store.meetings.list())
      meetings.push({ ...m, issuedVersions: await issuedPackCount(store, m.id) });
    return meetings;
  },

  'meetings.get': async ({ store }, { id }) => ({
    meeting: await store.meetings.get(id),
    previous: await store.meetings.previous(id),
    agenda: await store.meetings.agenda(id),
    minutes: await store.meetings.minutes(id),
    actions: await store.meetings.actions(store.today(), { meetingId: id }),
    approval: await store.meetings.approval(id),
    previousApproval: await previousApproval(store, id),
  }),

  'meetings.create': async (services, { useStandingAgenda, ...meeting }) => {
    const { store } = services;
    const agenda = useStandingAgenda ? (await store.plan.detail()).standingAgenda : [];
    return await store.meetings.create(meeting, store.now(), await actorOf(services), agenda);
  },

  'meetings.update': async (services, { id, ...meeting }) =>
    await services.store.meetings.updateDetails(id, meeting, services.store.now(), await actorOf(services)),

  'meetings.setAgenda': async (services, { meetingId, items, baseVersion }) =>
    await services.store.meetings.setAgenda(
      meetingId,
      items,
      services.store.now(),
      await actorOf(services),
      baseVersion,
    ),

  'meetings.addMinute': async (services, { meetingId, agendaItemId, kind, text }) =>
    await services.store.meetings.addMinute(
      meetingId,
      agendaItemId,
      kind,
      text,
      services.store.now(),
      await actorOf(services),
    ),

  'meetings.editMinute': async (services, { minuteId, text }) =>
    await services.store.meetings.editMinute(minuteId, text, services.store.now(), await actorOf(services)),

  'meetings.removeMinute': async (services, { minuteId }) =>
    await services.store.meetings.removeMinute(minuteId, services.store.now(), await actorOf(services)),

  'meetings.approveMinutes': async (services, input) =>
    await services.store.meetings.approveMinutes(input, services.store.now(), await actorOf(services)),

  'meetings.setAttendance': async (services, { meetingId, ...lists }) =>
    await services.store.meetings.setAttendance(
      meetingId,
      lists,
      services.store.now(),
      await actorOf(services),
    ),

  'actions.list': async ({ store }, { status, owner, meetingId }) =>
    (await store.meetings.actions(store.today(), { status, owner })).filter((a) =>
      meetingId === undefined ? true : a.meetingId === meetingId,
    ),

  'actions.add': async (services, input) => {
    const { store } = services;
    const action = await store.meetings.addAction(input, store.now(), await actorOf(services));
    return await actionView(store, action.ref);
  },

  'actions.update': async (services, { ref, note, status, baseVersion }) => {
    const { store } = services;
    await store.meetings.updateAction(
      ref,
      { note, status, on: store.today(), baseVersion },
      store.now(),
      await actorOf(services),
    );
    return await actionView(store, ref);
  },

  'actions.edit': async (services, { ref, ...edit }) => {
    const { store } = services;
    const action = await store.meetings.editAction(ref, edit, store.now(), await actorOf(services));
    return await actionView(store, action.ref);
  },

  'actions.note': async (services, { ref, text, baseVersion }) => {
    const { store } = services;
    const action = await store.meetings.addNote(ref, text, store.now(), await actorOf(services), baseVersion);
    return await actionView(store, action.ref);
  },

  'actions.complete': async (services, { ref, note, baseVersion }) => {
    const { store } = services;
    const action = await store.meetings.completeAction(
      ref,
      note,
      store.today(),
      store.now(),
      await actorOf(services),
      baseVersion,
    );
    return await actionView(store, action.ref);
  },

  'actions.reopen': async (services, { ref, note, baseVersion }) => {
    const { store } = services;
    const action = await store.meetings.reopenAction(
      ref,
      note,
      store.now(),
      await actorOf(services),
      baseVersion,
    );
    return await actionView(store, action.ref);
  },

  'actions.remove': async (services, { ref, reason, baseVersion }) => {
    const { store } = services;
    return await store.meetings.removeAction(
      ref,
      reason,
      store.today(),
      store.now(),
      await actorOf(services),
      baseVersion,
    );
  },
};
