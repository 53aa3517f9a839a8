// Demo meetings of the board: two past meetings with attendance, agenda, minutes, decisions and
// actions arising, and the next meeting (agenda only) reporting on the last demo month.
import { addMonths, dateLabel, monthLabel, type ReportingMonth } from '../../shared/months';
import { STATUS_LABELS } from '../../shared/status';
import type { AgendaItemInput, Meeting, PackSection } from '../store/meetings';
import type { StoreTx } from '../store/port';
import { DEMO_SECRETARIAT } from './progress';

export const DEMO_PLACE = 'New Scotland Yard, Room 1015';

/** The board meets on the third Thursday of the month at 10:00. */
export function thirdThursday(month: ReportingMonth): string {
  const [year, mon] = month.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, mon - 1, 1)).getUTCDay();
  const first = 1 + ((4 - weekday + 7) % 7);
  return `${month}-${String(first + 14).padStart(2, '0')}`;
}

function addDays(isoDate: string, days: number): string {
  const [year, mon, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, mon - 1, day + days)).toISOString().slice(0, 10);
}

const at = (isoDate: string, time: string) => `${isoDate}T${time}:00.000Z`;

const MEMBERS = [
  'Detective Chief Superintendent, Violent Crime Directorate (Strands 1–4 and 7)',
  'Detective Chief Superintendent, Specialist Crime Directorate (Strands 5 and 6)',
  'Detective Chief Superintendent, Child Abuse Investigation Command (Strand 8)',
  'Head of the Met Intelligence Bureau',
  'Borough Commander, Lambeth (Territorial Policing representative)',
  'Head of Performance, Violent Crime Directorate',
];
const ATTENDEES = [
  'MPA Link Member for serious violence',
  'Home Office Violent Crime Unit representative',
  'CPS London Area violence lead',
  'London Probation Area MAPPA lead',
  DEMO_SECRETARIAT,
];
const VCD = MEMBERS[0];
const SCD = MEMBERS[1];
const CAIC = MEMBERS[2];
const MIB = MEMBERS[3];
const PERFORMANCE = MEMBERS[5];

/** Presenter, time and pack section for each standing item, recognised by its wording. */
const ITEM_DETAILS: { match: RegExp; presenter: string; minutes: number; section: PackSection | null }[] = [
  { match: /apolog/i, presenter: 'Chair', minutes: 5, section: null },
  { match: /minutes|actions/i, presenter: 'Board secretariat', minutes: 10, section: 'minutes' },
  { match: /performance/i, presenter: PERFORMANCE, minutes: 30, section: 'exceptions' },
  { match: /intelligence/i, presenter: MIB, minutes: 15, section: null },
  { match: /operation/i, presenter: VCD, minutes: 15, section: null },
  { match: /problem|partnership|engagement/i, presenter: 'Strand leads', minutes: 20, section: 'strands' },
  { match: /other business/i, presenter: 'Chair', minutes: 5, section: null },
  { match: /next meeting/i, presenter: 'Chair', minutes: 5, section: null },
];

function itemDetails(title: string): Omit<AgendaItemInput, 'title'> {
  const found = ITEM_DETAILS.find((d) => d.match.test(title));
  return found
    ? { presenter: found.presenter, minutesAllotted: found.minutes, packSection: found.section }
    : { presenter: 'Chair', minutesAllotted: 10, packSection: null };
}

interface DemoMeetingPlan {
  reportingMonth: ReportingMonth;
  date: string;
  apologies: string[];
}

async function createMeeting(store: StoreTx, plan: DemoMeetingPlan, actor: string): Promise<Meeting> {
  const detail = await store.plan.detail();
  const present = (list: string[]) => list.filter((p) => !plan.apologies.includes(p));
  const createdAt = at(addDays(plan.date, -21), '09:00');
  const meeting = await store.meetings.create(
    {
      title: detail.boardName,
      heldAt: `${plan.date}T10:00`,
      place: DEMO_PLACE,
      reportingMonth: plan.reportingMonth,
      chairs: detail.chairs,
      members: present(MEMBERS),
      attendees: present(ATTENDEES),
      apologies: plan.apologies,
      demo: true,
    },
    createdAt,
    actor,
    detail.standingAgenda,
  );
  const items = (await store.meetings.agenda(meeting.id)).map((item) => ({
    id: item.id,
    title: item.title,
    ...itemDetails(item.title),
  }));
  await store.meetings.setAgenda(meeting.id, items, createdAt, actor);
  return meeting;
}

/** Writes the minutes, decisions and actions of a meeting that has been held. */
async function minuteMeeting(
  store: StoreTx,
  meeting: Meeting,
  previous: Meeting | null,
  nextDate: string,
  actor: string,
): Promise<void> {
  const written = at(addDays(meeting.heldAt.slice(0, 10), 2), '15:00');
  const agenda = await store.meetings.agenda(meeting.id);
  const itemFor = (match: RegExp) => agenda.find((a) => match.test(a.title))?.id ?? null;
  const minute = (match: RegExp, kind: 'minute' | 'decision', text: string) =>
    store.meetings.addMinute(meeting.id, itemFor(match), kind, text, written, actor);
  const summary = await store.updates.monthSummary(meeting.reportingMonth);
  const worst = [...summary.strands].sort(
    (a, b) => b.counts.red - a.counts.red || a.strandNumber - b.strandNumber,
  )[0];

  await minute(
    /apolog/i,
    'minute',
    meeting.apologies.length
      ? `Apologies were received from: ${meeting.apologies.join('; ')}.`
      : 'No apologies were received.',
  );
  if (previous) {
    await minute(
      /minutes|actions/i,
      'minute',
      `The minutes of the meeting held on ${dateLabel(previous.heldAt)} were agreed as a true record. The action log was reviewed and updated.`,
    );
  } else {
    await minute(
      /minutes|actions/i,
      'minute',
      'This was the first meeting to use the new monthly board pack; the secretariat outlined the reporting timetable.',
    );
  }
  await minute(
    /performance/i,
    'minute',
    `The board reviewed performance for ${monthLabel(meeting.reportingMonth)}: ${summary.totals.red} objectives ${STATUS_LABELS.red}, ${summary.totals.amber} ${STATUS_LABELS.amber}, ${summary.totals.green} ${STATUS_LABELS.green} and ${summary.totals.complete} ${STATUS_LABELS.complete}; ${summary.totals.no_update} had no update. Strand ${worst.strandNumber} (${worst.strandTitle}) holds the most Red objectives.`,
  );
  await minute(
    /performance/i,
    'decision',
    'Strand leads with Red objectives to present a recovery plan, with dates and owners, at the next meeting.',
  );
  await minute(
    /intelligence/i,
    'minute',
    'MIB presented the monthly serious violence problem profile. Knife-enabled violence among under-20s is rising in Southwark, Lambeth and Newham; borough intelligence units to share tactical assessments with Curb.',
  );
  await minute(
    /operation/i,
    'minute',
    'The board was briefed on current Curb and Sapphire operational activity, including weapons sweeps around transport hubs and the Havens out-of-hours cover.',
  );
  await minute(
    /problem|partnership|engagement/i,
    'minute',
    'Partnership engagement with CDRPs, YOTs and the CPS was discussed. London Councils has offered a seat on its community safety group.',
  );
  await minute(
    /problem|partnership|engagement/i,
    'decision',
    'The board agreed to invite the London Councils community safety lead to the next meeting.',
  );
  await minute(
    /other business/i,
    'minute',
    'The MPA Link Member asked for a short note on the use of stop and search in Curb operations; the Chair agreed.',
  );
  await minute(
    /next meeting/i,
    'minute',
    `The next meeting will be held on ${dateLabel(nextDate)} at 10:00, ${DEMO_PLACE}.`,
  );
}

interface DemoAction {
  match: RegExp;
  description: string;
  owner: string;
  dueInDays: number;
  /** Days after the meeting it was completed, or null while open. */
  completedAfter: number | null;
  note?: { afterDays: number; text: string };
}

/** Actions from the first and second past meetings. The last one of the first stays open past its due date. */
const ACTIONS: DemoAction[][] = [
  [
    {
      match: /performance/i,
      description: 'Strand 2 to present a recovery plan for sanction detections of serious sexual offences.',
      owner: VCD,
      dueInDays: 28,
      completedAfter: 27,
      note: { afterDays: 27, text: 'Recovery plan circulated to members with the September pack.' },
    },
    {
      match: /minutes|actions/i,
      description: 'Secretariat to circulate the revised monthly reporting template to strand leads.',
      owner: 'Board secretariat',
      dueInDays: 14,
      completedAfter: 13,
    },
    {
      match: /intelligence/i,
      description:
        'MIB and Strand 4 to produce a joint problem profile on knife-enabled violence among under-20s.',
      owner: MIB,
      dueInDays: 50,
      completedAfter: null,
      note: { afterDays: 40, text: 'Data from three boroughs still awaited; draft delayed.' },
    },
  ],
  [
    {
      match: /performance/i,
      description: 'Strand 8 to report the results of the SOP compliance dip-sample across CAITs.',
      owner: CAIC,
      dueInDays: 21,
      completedAfter: 20,
      note: { afterDays: 20, text: 'Results presented in the strand report: compliance at 91%.' },
    },
    {
      match: /problem|partnership|engagement/i,
      description: 'Chair to write to London Councils about funding for gang exit programmes.',
      owner: 'Commander Violent Crime Directorate (VCD)',
      dueInDays: 56,
      completedAfter: null,
    },
    {
      match: /operation/i,
      description: 'Strand 7 to agree an A&E data-sharing pilot with two PCTs.',
      owner: SCD,
      dueInDays: 41,
      completedAfter: null,
      note: { afterDays: 15, text: 'Two PCTs identified; information sharing agreement in draft.' },
    },
  ],
];

async function raiseActions(
  store: StoreTx,
  meeting: Meeting,
  actions: DemoAction[],
  actor: string,
): Promise<number> {
  const held = meeting.heldAt.slice(0, 10);
  const agenda = await store.meetings.agenda(meeting.id);
  for (const a of actions) {
    const raised = await store.meetings.addAction(
      {
        meetingId: meeting.id,
        agendaItemId: agenda.find((item) => a.match.test(item.title))?.id ?? null,
        description: a.description,
        owner: a.owner,
        dueDate: addDays(held, a.dueInDays),
        demo: true,
      },
      at(addDays(held, 2), '15:30'),
      actor,
    );
    if (a.note && a.completedAfter !== a.note.afterDays) {
      await store.meetings.updateAction(
        raised.ref,
        { note: a.note.text, on: addDays(held, a.note.afterDays) },
        at(addDays(held, a.note.afterDays), '11:00'),
        a.owner,
      );
    }
    if (a.completedAfter !== null) {
      const on = addDays(held, a.completedAfter);
      const note = a.note && a.note.afterDays === a.completedAfter ? a.note.text : 'Completed.';
      await store.meetings.updateAction(
        raised.ref,
        { note, status: 'complete', on },
        at(on, '16:00'),
        a.owner,
      );
    }
  }
  return actions.length;
}

export interface DemoMeetingCounts {
  meetings: { id: number; heldAt: string; reportingMonth: ReportingMonth; held: boolean }[];
  actions: number;
}

/** Two past meetings reporting on the two months before the last, and the next one reporting on the last. */
export async function writeDemoMeetings(
  store: StoreTx,
  lastMonth: ReportingMonth,
  actor: string,
): Promise<DemoMeetingCounts> {
  const plans: DemoMeetingPlan[] = [
    {
      reportingMonth: addMonths(lastMonth, -2),
      date: thirdThursday(addMonths(lastMonth, -1)),
      apologies: [ATTENDEES[1], MEMBERS[4]],
    },
    { reportingMonth: addMonths(lastMonth, -1), date: thirdThursday(lastMonth), apologies: [ATTENDEES[3]] },
    { reportingMonth: lastMonth, date: thirdThursday(addMonths(lastMonth, 1)), apologies: [ATTENDEES[2]] },
  ];
  const meetings: Meeting[] = [];
  for (const p of plans) meetings.push(await createMeeting(store, p, actor));
  let actions = 0;
  for (let i = 0; i < 2; i++) {
    await minuteMeeting(store, meetings[i], i > 0 ? meetings[i - 1] : null, plans[i + 1].date, actor);
    actions += await raiseActions(store, meetings[i], ACTIONS[i], actor);
  }
  return {
    meetings: meetings.map((m, i) => ({
      id: m.id,
      heldAt: m.heldAt,
      reportingMonth: m.reportingMonth,
      held: i < 2,
    })),
    actions,
  };
}
