// meetings.* and actions.*: meetings with their agenda and minutes, and the board's action log
// (overdue is derived on the day asked, never stored).
import { BoardPackError } from '../../shared/errors';
import type { Store } from '../store/store';
import { issuedPackCount } from './packs';
import { actorOf } from './services';
import type { Group } from './table';

function actionView(store: Store, ref: string) {
  const found = store.meetings.actions(store.today()).find((a) => a.ref === ref);
  if (!found) throw new BoardPackError('not_found', `There is no action ${ref}.`);
  return found;
}

export const meetingsHandlers: Group<'meetings' | 'actions'> = {
  'meetings.list': ({ store }) =>
    store.meetings.list().map((m) => ({ ...m, issuedVersions: issuedPackCount(store, m.id) })),

  'meetings.get': ({ store }, { id }) => ({
    meeting: store.meetings.get(id),
    previous: store.meetings.previous(id),
    agenda: store.meetings.agenda(id),
    minutes: store.meetings.minutes(id),
    actions: store.meetings.actions(store.today(), { meetingId: id }),
  }),

  'meetings.create': (services, { useStandingAgenda, ...meeting }) => {
    const { store } = services;
    const agenda = useStandingAgenda ? store.plan.detail().standingAgenda : [];
    return store.meetings.create(meeting, store.now(), actorOf(services), agenda);
  },

  'meetings.update': (services, { id, ...meeting }) =>
    services.store.meetings.updateDetails(id, meeting, services.store.now(), actorOf(services)),

  'meetings.setAgenda': (services, { meetingId, items }) =>
    services.store.meetings.setAgenda(meetingId, items, services.store.now(), actorOf(services)),

  'meetings.addMinute': (services, { meetingId, agendaItemId, kind, text }) =>
    services.store.meetings.addMinute(
      meetingId,
      agendaItemId,
      kind,
      text,
      services.store.now(),
      actorOf(services),
    ),

  'meetings.editMinute': (services, { minuteId, text }) =>
    services.store.meetings.editMinute(minuteId, text, services.store.now(), actorOf(services)),

  'actions.list': ({ store }, { status, owner, meetingId }) =>
    store.meetings
      .actions(store.today(), { status, owner })
      .filter((a) => (meetingId === undefined ? true : a.meetingId === meetingId)),

  'actions.add': (services, input) => {
    const { store } = services;
    const action = store.meetings.addAction(input, store.now(), actorOf(services));
    return actionView(store, action.ref);
  },

  'actions.update': (services, { ref, note, status }) => {
    const { store } = services;
    store.meetings.updateAction(ref, { note, status, on: store.today() }, store.now(), actorOf(services));
    return actionView(store, ref);
  },
};
