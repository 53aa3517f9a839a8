// The input and output schemas of the IPC contract, one group per concern; shared/contract.ts
// holds the table that names a method for each pair. Types are z.infer of these.
import './zodWithoutEval';
import { z } from 'zod';
import { PACK_SECTIONS, type PackSection } from './packSections';
import {
  isoDateSchema,
  objectiveRefSchema,
  objectiveSchema,
  planSummarySchema,
  planYearSchema,
  reportedStatusSchema,
  statusSchema,
  strandSchema,
  updateSchema,
} from './domain';
import { reportingMonthSchema } from './months';
import { sharedServerSchema } from './contractSharedDatabase';

/** The input of a method that takes none. */
export const noInputSchema = z.object({}).strict().default({});
const text = z.string().trim();
const name = z.string().trim().min(1, 'A name cannot be empty.');
export const idSchema = z.number().int().positive();
const meetingTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'The meeting time is written YYYY-MM-DDTHH:MM.');

// ── Plan ─────────────────────────────────────────────────────────────────────────────────────────

export const planDetailSchema = planSummarySchema.extend({
  chairs: z.array(z.string()),
  outcomes: z.array(z.object({ number: z.number().int(), text: z.string() })),
  underpinningThemes: z.array(z.string()),
  crossCuttingThemes: z.array(z.object({ name: z.string(), summary: z.string() })),
  standingAgenda: z.array(z.string()),
  partners: z.array(z.string()),
  glossary: z.array(z.object({ term: z.string(), meaning: z.string() })),
  strands: z.array(strandSchema),
  /** The theme headings used in the plan's objectives, with their codes, in table order. */
  themes: z.array(z.object({ theme: z.string(), code: z.string() })),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** An objective with the status the board sees for the chosen month ("no_update" when none). */
export const objectiveWithStatusSchema = objectiveSchema.extend({ status: reportedStatusSchema });
export type ObjectiveWithStatus = z.infer<typeof objectiveWithStatusSchema>;

export const objectiveFilterSchema = z
  .object({
    month: reportingMonthSchema.optional(),
    strandNumber: z.number().int().optional(),
    themeCode: z.string().optional(),
    year: planYearSchema.optional(),
    status: reportedStatusSchema.optional(),
    /** Words to find in the objective, its reference, target or owner. */
    text: z.string().optional(),
    includeRetired: z.boolean().default(false),
  })
  .default({ includeRetired: false });

export const objectiveListSchema = z.object({
  month: reportingMonthSchema,
  objectives: z.array(objectiveWithStatusSchema),
});

export const newObjectiveSchema = z.object({
  strandNumber: z.number().int(),
  theme: name,
  themeCode: z.string().regex(/^[RIPE]+$/, 'A theme code is made of R, I, P and E (for example E or RP).'),
  text: z.string().trim().min(1, 'An objective needs its wording.'),
  year: planYearSchema.nullable(),
  targetText: z.string().nullable().optional(),
  targetValue: z.number().nullable().optional(),
  targetUnit: z.string().nullable().optional(),
  owner: z.string().nullable().optional(),
  /** The first month it reports in; the current reporting month when absent. */
  startMonth: reportingMonthSchema.optional(),
});

export const rewordObjectiveSchema = z.object({
  ref: objectiveRefSchema,
  text: z.string().trim().min(1, 'An objective needs its wording.').optional(),
  year: planYearSchema.nullable().optional(),
  targetText: z.string().nullable().optional(),
  targetValue: z.number().nullable().optional(),
  targetUnit: z.string().nullable().optional(),
  owner: z.string().nullable().optional(),
});

// ── Updates ──────────────────────────────────────────────────────────────────────────────────────

// A grid row carries only what the Monthly updates screen shows: at 250 objectives a strand's
// full objectives and last month's full updates made the reply ~315 KB and the strand switch slow.

/** The objective as the grid row and its detail panel show it. */
export const gridObjectiveSchema = objectiveSchema.pick({
  ref: true,
  text: true,
  theme: true,
  themeCode: true,
  year: true,
  targetText: true,
  targetValue: true,
});
export type GridObjective = z.infer<typeof gridObjectiveSchema>;

/** Last month's reported update, as much of it as the lead reads beside this month's. */
export const lastMonthUpdateSchema = updateSchema.pick({ narrative: true, nextSteps: true });

export const gridRowSchema = z.object({
  objective: gridObjectiveSchema,
  /** The revision being worked on this month, whatever its state; null when nothing is written. */
  working: updateSchema.nullable(),
  /** What the board sees this month; "no_update" when nothing is submitted or accepted. */
  reportedStatus: reportedStatusSchema,
  /** What the board saw last month, shown beside this month's. */
  lastMonthStatus: reportedStatusSchema,
  lastMonth: lastMonthUpdateSchema.nullable(),
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const updatesGridSchema = z.object({
  strand: strandSchema,
  month: reportingMonthSchema,
  previousMonth: reportingMonthSchema,
  rows: z.array(gridRowSchema),
});
export type UpdatesGrid = z.infer<typeof updatesGridSchema>;

/**
 * The edit count a change started from (the `version`, or a meeting's `agendaVersion`, the screen
 * read): the change is refused with edit_conflict, writing nothing, when another desk has saved
 * since. Left out, nothing is checked (the command line, older callers). 0 for an update not yet
 * written.
 */
export const baseVersionSchema = z.number().int().min(0).optional();

export const saveDraftSchema = z.object({
  ref: objectiveRefSchema,
  month: reportingMonthSchema,
  status: statusSchema,
  narrative: z.string().default(''),
  nextSteps: z.string().default(''),
  risks: z.string().default(''),
  metricActual: z.number().nullable().default(null),
  baseVersion: baseVersionSchema,
});

export const refMonthSchema = z.object({ ref: objectiveRefSchema, month: reportingMonthSchema });

/** Submit, accept or return: the update named, and the version the person saw. */
export const workflowStepSchema = refMonthSchema.extend({ baseVersion: baseVersionSchema });

// ── Dashboard and months ─────────────────────────────────────────────────────────────────────────

const statusCountsSchema = z.record(reportedStatusSchema, z.number().int());
const movementCountsSchema = z.object({
  improved: z.number().int(),
  worsened: z.number().int(),
  unchanged: z.number().int(),
  new: z.number().int(),
  no_update: z.number().int(),
});
export type MovementCounts = z.infer<typeof movementCountsSchema>;

export const packSectionSchema = z.enum(PACK_SECTIONS);
export type { PackSection };

export const meetingSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  heldAt: meetingTimeSchema,
  place: z.string(),
  reportingMonth: reportingMonthSchema,
  chairs: z.array(z.string()),
  members: z.array(z.string()),
  attendees: z.array(z.string()),
  apologies: z.array(z.string()),
  /** Members who neither came nor sent apologies. */
  absent: z.array(z.string()),
  /** Members represented by a named deputy. */
  represented: z.array(z.object({ member: z.string(), deputy: z.string() })),
  /** Visitors in attendance for an item. */
  visitors: z.array(z.string()),
  demo: z.boolean(),
  /** The agenda's edit count: it moves on with every save of the agenda (meetings.setAgenda). */
  agendaVersion: z.number().int(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** An action as the store keeps it; boardActionSchema adds the status a person sees on a day. */
export const boardActionRecordSchema = z.object({
  id: z.number().int(),
  ref: z.string(),
  meetingId: z.number().int(),
  agendaItemId: z.number().int().nullable(),
  description: z.string(),
  owner: z.string(),
  dueDate: isoDateSchema.nullable(),
  status: z.enum(['open', 'complete']),
  completedOn: isoDateSchema.nullable(),
  demo: z.boolean(),
  /** Progress notes, oldest first: dated, by whom, and what kind of entry each is. */
  updates: z.array(
    z.object({
      at: z.string(),
      author: z.string(),
      text: z.string(),
      kind: z.enum(['note', 'reassigned', 'edited', 'closing', 'reopened']),
    }),
  ),
  /** The note the action was closed with, while it is complete. */
  closingNote: z.string().nullable(),
  /** When and why the action was removed from the log; null while it is on it. */
  removedOn: isoDateSchema.nullable(),
  removedReason: z.string(),
  /** The action's edit count: it moves on with every change (edit, note, complete, reopen, remove). */
  version: z.number().int(),
});
export type BoardActionRecord = z.infer<typeof boardActionRecordSchema>;

export const boardActionSchema = boardActionRecordSchema.extend({
  shownStatus: z.enum(['open', 'overdue', 'complete']),
});
export type BoardAction = z.infer<typeof boardActionSchema>;

export const packChecklistItemSchema = z.object({
  key: z.enum([
    'missing_updates',
    'awaiting_acceptance',
    'drafts_not_submitted',
    'agenda',
    'overdue_actions',
    'issued',
  ]),
  label: z.string(),
  done: z.boolean(),
  count: z.number().int(),
});
export type PackChecklistItem = z.infer<typeof packChecklistItemSchema>;

export const dashboardSchema = z.object({
  month: reportingMonthSchema,
  previousMonth: reportingMonthSchema,
  strands: z.array(
    z.object({
      strandNumber: z.number().int(),
      strandTitle: z.string(),
      counts: statusCountsSchema,
      total: z.number().int(),
      movement: movementCountsSchema,
    }),
  ),
  totals: statusCountsSchema,
  total: z.number().int(),
  movement: movementCountsSchema,
  /** Objectives with nothing submitted or accepted for the month, in table order. */
  missing: z.array(
    z.object({ ref: z.string(), strandNumber: z.number().int(), text: z.string(), working: z.boolean() }),
  ),
  /** Updates submitted and waiting for the secretariat to accept or return. */
  awaitingAcceptance: z.number().int(),
  overdueActions: z.array(boardActionSchema),
  nextMeeting: z
    .object({
      meeting: meetingSchema,
      issuedVersions: z.number().int(),
      checklist: z.array(packChecklistItemSchema),
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const monthsSchema = z.object({
  /** Every month of the plan period, oldest first. */
  months: z.array(z.object({ month: reportingMonthSchema, reported: z.number().int() })),
  /** The month the app opens on: the current month inside the plan, else the latest reported. */
  current: reportingMonthSchema,
  /** The month the next meeting reports on (the app opens on it), if a meeting is ahead. */
  nextMeetingMonth: reportingMonthSchema.nullable(),
  latestReported: reportingMonthSchema.nullable(),
});

// ── Meetings and actions ─────────────────────────────────────────────────────────────────────────

export const meetingInputSchema = z.object({
  title: z.string().trim().min(1, 'A meeting needs a title.'),
  heldAt: meetingTimeSchema,
  place: text.default(''),
  reportingMonth: reportingMonthSchema,
  chairs: z.array(name).default([]),
  members: z.array(name).default([]),
  attendees: z.array(name).default([]),
  apologies: z.array(name).default([]),
  absent: z.array(name).default([]),
  represented: z.array(z.object({ member: name, deputy: name })).default([]),
  visitors: z.array(name).default([]),
});

export const agendaItemSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  presenter: z.string(),
  minutesAllotted: z.number().int(),
  packSection: packSectionSchema.nullable(),
  /** The edit count of the whole agenda the item is on (the meeting's agendaVersion). */
  agendaVersion: z.number().int(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaItemInputSchema = z.object({
  /** Present for an item already on the agenda; absent for a new one. */
  id: z.number().int().optional(),
  title: z.string().trim().min(1, 'An agenda item needs a title.'),
  presenter: text.default(''),
  minutesAllotted: z.number().int().min(0).max(600).default(0),
  packSection: packSectionSchema.nullable().default(null),
});

export const boardActionInputSchema = z.object({
  meetingId: idSchema,
  agendaItemId: z.number().int().nullable().default(null),
  description: z.string().trim().min(1, 'An action needs a description.'),
  owner: z.string().trim().min(1, 'An action needs an owner.'),
  dueDate: isoDateSchema.nullable().default(null),
  /** A due date before the meeting that raised the action is kept only when confirmed. */
  confirmEarlyDue: z.boolean().default(false),
});

export const minuteSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  agendaItemId: z.number().int().nullable(),
  position: z.number().int(),
  kind: z.enum(['minute', 'decision']),
  text: z.string(),
});
export type Minute = z.infer<typeof minuteSchema>;

/** The approval of a meeting's minutes, recorded at the next meeting; approved minutes are locked. */
export const minutesApprovalSchema = z.object({
  meetingId: z.number().int(),
  approvedAtMeetingId: z.number().int(),
  approvedOn: isoDateSchema,
  approvedBy: z.string(),
  corrections: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type MinutesApproval = z.infer<typeof minutesApprovalSchema>;

export const meetingDetailSchema = z.object({
  meeting: meetingSchema,
  previous: meetingSchema.nullable(),
  agenda: z.array(agendaItemSchema),
  minutes: z.array(minuteSchema),
  /** Actions arising at this meeting. */
  actions: z.array(boardActionSchema),
  /** The approval of this meeting's minutes, once the next meeting has recorded it. */
  approval: minutesApprovalSchema.nullable(),
  /** The approval of the previous meeting's minutes, once recorded (at this meeting). */
  previousApproval: minutesApprovalSchema.nullable(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingListItemSchema = meetingSchema.extend({ issuedVersions: z.number().int() });

// ── Packs ────────────────────────────────────────────────────────────────────────────────────────

export const packRequestSchema = z.object({
  meetingId: idSchema,
  /** Sections to include; all of them when absent. */
  sections: z.array(packSectionSchema).optional(),
  protectiveMarking: z.string().trim().min(1).optional(),
});

export const draftPackSchema = z.object({
  /** The PDF itself, base64-encoded, for the in-window viewer. */
  pdfBase64: z.string(),
  pages: z.number().int(),
  sha256: z.string(),
  /** The identifier the pack prints on its cover and every page (shared/packWords). */
  reference: z.string(),
});

export const issuedPackSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  version: z.number().int(),
  reportingMonth: reportingMonthSchema,
  sha256: z.string(),
  /** The identifier the pack prints on its cover and every page (shared/packWords). */
  reference: z.string(),
  sizeBytes: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  sections: z.array(packSectionSchema),
  /** What changed since the previous version (the secretariat's notes first); empty for the first issue. */
  changes: z.array(z.string()),
  /** Why this version does not claim to be archival PDF/A (a paper in it lacks its fonts); absent when it does. */
  notArchival: z.string().optional(),
});
export type IssuedPack = z.infer<typeof issuedPackSchema>;

/** A verified file's version, meeting and what replaced it: shared/packWords words it. */
export const verifiedPackSchema = z.object({
  version: z.number().int(),
  meetingHeldAt: z.string(),
  meetingTitle: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  reference: z.string(),
  replacedBy: z.object({ version: z.number().int(), issuedAt: z.string() }).nullable(),
});

/** Whether the latest issued version still matches the data, and what changed since it was issued. */
export const sinceIssueSchema = z
  .object({
    version: z.number().int(),
    issuedAt: z.string(),
    reference: z.string(),
    changes: z.array(z.string()),
  })
  .nullable();

// ── Settings, people, audit, app ─────────────────────────────────────────────────────────────────

export const settingsSchema = z.object({
  boardName: z.string(),
  protectiveMarking: z.string(),
  startMonth: reportingMonthSchema,
  endMonth: reportingMonthSchema,
  /** The name this copy of the app records as author in updates and the audit log. */
  userName: z.string(),
  /** False until this copy's user has given their name: a lead's copy asks for it once. */
  userNameSet: z.boolean(),
  /** On a strand lead's working copy (set up from a request), the strands it answers for; else null. */
  leadStrands: z.array(z.number().int()).nullable(),
  backupFolder: z.string(),
  backupSchedule: z.enum(['off', 'daily', 'weekly']),
  databasePath: z.string(),
  /** Where the shared database is and how it is reached; null on a database file. */
  sharedDatabase: sharedServerSchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.object({
  boardName: name.optional(),
  protectiveMarking: name.optional(),
  startMonth: reportingMonthSchema.optional(),
  endMonth: reportingMonthSchema.optional(),
  userName: name.optional(),
  backupFolder: z.string().trim().optional(),
  backupSchedule: z.enum(['off', 'daily', 'weekly']).optional(),
});

export const personRoleSchema = z.enum([
  'secretariat',
  'strand_lead',
  'deputy_lead',
  'objective_owner',
  'chair',
  'member',
  'officer',
]);
export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: personRoleSchema,
  strandNumber: z.number().int().nullable(),
  email: z.string(),
  retired: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const personInputSchema = z.object({
  id: z.number().int().optional(),
  name,
  role: personRoleSchema,
  strandNumber: z.number().int().nullable().default(null),
  email: text.default(''),
  retired: z.boolean().default(false),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** The computer (and run of the app on it) the change was made at; '' before schema 9. */
  desk: z.string(),
  /** The database user the change was made as; '' before schema 9. */
  dbUser: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Which audit entries to list, newest first: by entity, actor or words, a page before an id. */
export const auditFilterSchema = z.object({
  entity: z.string().optional(),
  actor: z.string().optional(),
  text: z.string().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  beforeId: z.number().int().optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  demoLoaded: z.boolean(),
  /** Which door the screens came through: the desktop app, the browser bridge, the command line or a test. */
  door: z.enum(['electron', 'bridge', 'cli', 'test']),
  plan: planSummarySchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;
