// The IPC contract: every method the screens may call, with the zod schema of its input and of its
// output. The Electron shell, the browser bridge and the tests all dispatch through this one table.
import { z } from 'zod';
import { objectiveRefSchema, objectiveSchema, updateSchema } from './domain';
import type { BoardPackErrorCode } from './errors';
import type { MenuCommand } from './ipc';
import { reportingMonthSchema } from './months';
import {
  agendaItemInputSchema,
  agendaItemSchema,
  appInfoSchema,
  auditEntrySchema,
  auditFilterSchema,
  boardActionInputSchema,
  boardActionSchema,
  dashboardSchema,
  draftPackSchema,
  idSchema,
  issuedPackSchema,
  sinceIssueSchema,
  verifiedPackSchema,
  meetingDetailSchema,
  meetingInputSchema,
  meetingListItemSchema,
  meetingSchema,
  minuteSchema,
  monthsSchema,
  newObjectiveSchema,
  noInputSchema,
  objectiveFilterSchema,
  objectiveListSchema,
  packRequestSchema,
  personInputSchema,
  personSchema,
  planDetailSchema,
  rewordObjectiveSchema,
  saveDraftSchema,
  settingsSchema,
  settingsUpdateSchema,
  updatesGridSchema,
  workflowStepSchema,
  baseVersionSchema,
} from './contractSchemas';
import {
  backupInspectionSchema,
  backupSettingsInputSchema,
  backupSettingsSchema,
  createRequestInputSchema,
  createRequestOutputSchema,
  createReturnInputSchema,
  createReturnOutputSchema,
  downloadSchema,
  exchangeOverviewSchema,
  exportUpdatesInputSchema,
  importReturnInputSchema,
  importReturnOutputSchema,
  openRequestInputSchema,
  openRequestOutputSchema,
  planImportInputSchema,
  planImportOutputSchema,
  planImportPreviewSchema,
  previewReturnInputSchema,
  restoreOutputSchema,
  returnPreviewSchema,
  spreadsheetDownloadSchema,
  spreadsheetFormatSchema,
  trustedKeySchema,
  uploadSchema,
} from './contractOffline';
import {
  addPaperInputSchema,
  listPapersInputSchema,
  paperFileSchema,
  paperSchema,
  renamePaperInputSchema,
} from './contractPapers';
import {
  autoBackupResultSchema,
  buildPackInputSchema,
  changesInputSchema,
  changesSchema,
  databaseCheckSchema,
  demoLoadedSchema,
  demoLoadInputSchema,
  demoRemovedSchema,
  monthSummaryInputSchema,
  monthSummarySchema,
  planSeedSchema,
  recordUpdateInputSchema,
  trustKeyInputSchema,
} from './contractSummaries';
import {
  definitionBreakInputSchema,
  definitionChangeSchema,
  editIndicatorSchema,
  figureExportInputSchema,
  figureImportInputSchema,
  figureImportOutputSchema,
  figureImportPreviewSchema,
  figureSchema,
  indicatorDetailSchema,
  indicatorGetInputSchema,
  indicatorGridInputSchema,
  indicatorGridSchema,
  indicatorListInputSchema,
  indicatorListItemSchema,
  indicatorSchema,
  newIndicatorSchema,
  retireIndicatorSchema,
  setFigureInputSchema,
} from './contractIndicators';
import {
  carryForwardInputSchema,
  carryForwardStrandInputSchema,
  carryForwardStrandSchema,
  chaseListInputSchema,
  chaseListSchema,
  chasePdfSchema,
  chaseRequestsInputSchema,
  chaseRequestsSchema,
  statusStripInputSchema,
  statusStripSchema,
} from './contractChase';
import {
  actionNoteInputSchema,
  approveMinutesInputSchema,
  completeActionInputSchema,
  editActionInputSchema,
  removeActionInputSchema,
  removeMinuteInputSchema,
  reopenActionInputSchema,
  setAttendanceInputSchema,
  meetingUpdateInputSchema,
} from './contractMeetings';
import { minutesApprovalSchema } from './contractSchemas';
import { searchInputSchema, searchResultSchema } from './contractSearch';
import {
  connectSharedInputSchema,
  sharedConnectedSchema,
  sharedDatabaseStateSchema,
} from './contractSharedDatabase';

export * from './contractSchemas';
export * from './contractOffline';
export * from './contractPapers';
export * from './contractSummaries';
export * from './contractIndicators';
export * from './contractChase';
export * from './contractMeetings';
export * from './contractSearch';
export * from './contractSharedDatabase';
export { CALL_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, UNEXPECTED_MESSAGE, type MenuCommand } from './ipc';

// ── The table ────────────────────────────────────────────────────────────────────────────────────

export const contract = {
  'plan.get': { input: noInputSchema, output: planDetailSchema },
  'plan.objectives': { input: objectiveFilterSchema, output: objectiveListSchema },
  'plan.addObjective': { input: newObjectiveSchema, output: objectiveSchema },
  'plan.rewordObjective': { input: rewordObjectiveSchema, output: objectiveSchema },
  'plan.retireObjective': {
    input: z.object({ ref: objectiveRefSchema, fromMonth: reportingMonthSchema }),
    output: objectiveSchema,
  },
  'plan.unretireObjective': {
    input: z.object({ ref: objectiveRefSchema }),
    output: objectiveSchema,
  },
  'plan.deleteObjective': {
    input: z.object({ ref: objectiveRefSchema }),
    output: z.object({ deleted: objectiveRefSchema }),
  },

  'updates.grid': {
    input: z.object({ strandNumber: z.number().int(), month: reportingMonthSchema }),
    output: updatesGridSchema,
  },
  'updates.saveDraft': { input: saveDraftSchema, output: updateSchema },
  'updates.submit': { input: workflowStepSchema, output: updateSchema },
  'updates.accept': { input: workflowStepSchema, output: updateSchema },
  'updates.return': {
    input: workflowStepSchema.extend({
      comment: z.string().trim().min(1, 'Say why the update is being returned.'),
    }),
    output: updateSchema,
  },
  'updates.record': { input: recordUpdateInputSchema, output: updateSchema },
  'updates.monthSummary': { input: monthSummaryInputSchema, output: monthSummarySchema.nullable() },
  'updates.history': {
    input: z.object({ ref: objectiveRefSchema, month: reportingMonthSchema.optional() }),
    output: z.array(updateSchema),
  },
  'updates.carryForward': { input: carryForwardInputSchema, output: updateSchema },
  'updates.carryForwardStrand': { input: carryForwardStrandInputSchema, output: carryForwardStrandSchema },
  'updates.statusStrip': { input: statusStripInputSchema, output: statusStripSchema },

  'chase.list': { input: chaseListInputSchema, output: chaseListSchema },
  'chase.pdf': { input: chaseListInputSchema, output: chasePdfSchema },
  'chase.makeRequests': { input: chaseRequestsInputSchema, output: chaseRequestsSchema },

  'dashboard.get': {
    input: z.object({ month: reportingMonthSchema.optional() }).default({}),
    output: dashboardSchema,
  },
  'months.list': { input: noInputSchema, output: monthsSchema },

  'meetings.list': { input: noInputSchema, output: z.array(meetingListItemSchema) },
  'meetings.get': { input: z.object({ id: idSchema }), output: meetingDetailSchema },
  'meetings.create': {
    input: meetingInputSchema.extend({ useStandingAgenda: z.boolean().default(true) }),
    output: meetingSchema,
  },
  'meetings.update': { input: meetingUpdateInputSchema, output: meetingSchema },
  'meetings.setAgenda': {
    input: z.object({
      meetingId: idSchema,
      items: z.array(agendaItemInputSchema),
      /** The meeting's agendaVersion the edits started from. */
      baseVersion: baseVersionSchema,
    }),
    output: z.array(agendaItemSchema),
  },
  'meetings.addMinute': {
    input: z.object({
      meetingId: idSchema,
      agendaItemId: z.number().int().nullable().default(null),
      kind: z.enum(['minute', 'decision']).default('minute'),
      text: z.string().trim().min(1, 'A minute cannot be empty.'),
    }),
    output: minuteSchema,
  },
  'meetings.editMinute': {
    input: z.object({ minuteId: idSchema, text: z.string().trim().min(1, 'A minute cannot be empty.') }),
    output: minuteSchema,
  },
  'meetings.removeMinute': { input: removeMinuteInputSchema, output: minuteSchema },
  'meetings.approveMinutes': { input: approveMinutesInputSchema, output: minutesApprovalSchema },
  'meetings.setAttendance': { input: setAttendanceInputSchema, output: meetingSchema },

  'actions.list': {
    input: z
      .object({
        status: z.enum(['open', 'overdue', 'complete']).optional(),
        owner: z.string().optional(),
        meetingId: z.number().int().optional(),
      })
      .default({}),
    output: z.array(boardActionSchema),
  },
  'actions.add': {
    input: boardActionInputSchema,
    output: boardActionSchema,
  },
  'actions.update': {
    input: z.object({
      ref: z.string().min(1),
      note: z.string().optional(),
      status: z.enum(['open', 'complete']).optional(),
      baseVersion: baseVersionSchema,
    }),
    output: boardActionSchema,
  },
  'actions.edit': { input: editActionInputSchema, output: boardActionSchema },
  'actions.note': { input: actionNoteInputSchema, output: boardActionSchema },
  'actions.complete': { input: completeActionInputSchema, output: boardActionSchema },
  'actions.reopen': { input: reopenActionInputSchema, output: boardActionSchema },
  'actions.remove': {
    input: removeActionInputSchema,
    output: boardActionSchema.omit({ shownStatus: true }),
  },

  'packs.buildDraft': { input: packRequestSchema, output: draftPackSchema },
  'packs.build': { input: buildPackInputSchema, output: draftPackSchema },
  'packs.issue': {
    input: packRequestSchema.extend({
      changes: z.array(z.string().trim().min(1)).default([]),
      /**
       * The version the person is issuing, as the screen named it: refused in words when another
       * desk has issued it (or a later one) first. Left out, the next version is issued.
       */
      version: z.number().int().min(1).optional(),
    }),
    output: issuedPackSchema,
  },
  'packs.list': {
    input: z.object({ meetingId: z.number().int().optional() }).default({}),
    output: z.array(issuedPackSchema),
  },
  'packs.export': {
    input: z.object({ id: idSchema }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() }),
  },
  'packs.verify': {
    input: z.object({ pdfBase64: z.string().min(1, 'Choose a PDF file to verify.') }),
    output: z.object({
      sha256: z.string(),
      match: issuedPackSchema.nullable(),
      verified: verifiedPackSchema.nullable(),
    }),
  },
  'packs.changesSinceIssue': {
    input: z.object({ meetingId: idSchema }),
    output: sinceIssueSchema,
  },

  'papers.list': { input: listPapersInputSchema, output: z.array(paperSchema) },
  'papers.get': { input: z.object({ id: idSchema }), output: paperSchema },
  'papers.add': {
    input: addPaperInputSchema,
    // notice: said when the paper does not carry its fonts (an issued pack with it is not PDF/A).
    output: paperSchema.extend({ notice: z.string().optional() }),
  },
  'papers.rename': { input: renamePaperInputSchema, output: paperSchema },
  'papers.remove': { input: z.object({ id: idSchema }), output: z.object({ removed: idSchema }) },
  'papers.open': { input: z.object({ id: idSchema }), output: paperFileSchema },

  'settings.get': { input: noInputSchema, output: settingsSchema },
  'settings.update': { input: settingsUpdateSchema, output: settingsSchema },
  'people.list': { input: noInputSchema, output: z.array(personSchema) },
  'people.save': { input: personInputSchema, output: personSchema },
  'audit.list': {
    input: auditFilterSchema.default({}),
    output: z.array(auditEntrySchema),
  },
  'app.info': { input: noInputSchema, output: appInfoSchema },
  'app.backupNow': { input: noInputSchema, output: z.object({ path: z.string() }) },
  'app.checkDatabase': { input: noInputSchema, output: databaseCheckSchema },
  'app.changes': { input: changesInputSchema, output: changesSchema },
  'demo.load': { input: demoLoadInputSchema, output: appInfoSchema.extend({ loaded: demoLoadedSchema }) },
  'demo.remove': { input: noInputSchema, output: appInfoSchema.extend({ removed: demoRemovedSchema }) },

  'exchange.overview': { input: noInputSchema, output: exchangeOverviewSchema },
  'exchange.createRequest': { input: createRequestInputSchema, output: createRequestOutputSchema },
  'exchange.openRequest': { input: openRequestInputSchema, output: openRequestOutputSchema },
  'exchange.createReturn': { input: createReturnInputSchema.default({}), output: createReturnOutputSchema },
  'exchange.previewReturn': { input: previewReturnInputSchema, output: returnPreviewSchema },
  'exchange.importReturn': { input: importReturnInputSchema, output: importReturnOutputSchema },
  'exchange.trustKey': { input: trustKeyInputSchema, output: trustedKeySchema },

  'spreadsheets.exportPlan': {
    input: z.object({ format: spreadsheetFormatSchema.default('xlsx') }).default({ format: 'xlsx' }),
    output: spreadsheetDownloadSchema,
  },
  'spreadsheets.exportUpdates': { input: exportUpdatesInputSchema, output: spreadsheetDownloadSchema },
  'spreadsheets.previewPlanImport': {
    input: uploadSchema.extend({
      retireFrom: reportingMonthSchema.optional(),
      seed: planSeedSchema.optional(),
    }),
    output: planImportPreviewSchema,
  },
  'spreadsheets.importPlan': {
    input: planImportInputSchema.extend({ seed: planSeedSchema.optional() }),
    output: planImportOutputSchema,
  },

  'indicators.list': { input: indicatorListInputSchema, output: z.array(indicatorListItemSchema) },
  'indicators.get': { input: indicatorGetInputSchema, output: indicatorDetailSchema },
  'indicators.add': { input: newIndicatorSchema, output: indicatorSchema },
  'indicators.edit': { input: editIndicatorSchema, output: indicatorSchema },
  'indicators.retire': { input: retireIndicatorSchema, output: indicatorSchema },
  'indicators.break': { input: definitionBreakInputSchema, output: definitionChangeSchema },
  'indicators.setFigure': { input: setFigureInputSchema, output: figureSchema },
  'indicators.grid': { input: indicatorGridInputSchema, output: indicatorGridSchema },
  'indicators.previewImport': { input: uploadSchema, output: figureImportPreviewSchema },
  'indicators.import': { input: figureImportInputSchema, output: figureImportOutputSchema },
  'indicators.export': { input: figureExportInputSchema, output: spreadsheetDownloadSchema },

  'search.query': { input: searchInputSchema, output: searchResultSchema },

  'backups.settings': { input: noInputSchema, output: backupSettingsSchema },
  'backups.configure': { input: backupSettingsInputSchema, output: backupSettingsSchema },
  'backups.download': { input: noInputSchema, output: downloadSchema },
  'backups.auto': { input: noInputSchema, output: autoBackupResultSchema },
  'backups.toFolder': {
    input: noInputSchema,
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  'backups.inspect': { input: uploadSchema, output: backupInspectionSchema },
  'backups.restore': { input: uploadSchema, output: restoreOutputSchema },

  'sharedDatabase.state': { input: noInputSchema, output: sharedDatabaseStateSchema },
  'sharedDatabase.connect': { input: connectSharedInputSchema, output: sharedConnectedSchema },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after the schema has filled in defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

// ── The result every door returns, and window.boardPack ──────────────────────────────────────────

export type CallErrorCode = BoardPackErrorCode | 'unexpected';
export interface CallError<T = unknown> {
  code: CallErrorCode;
  message: string;
  /**
   * Only with edit_conflict, and only where the refused method can answer it: the record as it is
   * now (another desk saved it first), shaped as the method's output and checked against it, so the
   * screen can show it beside the person's unsaved version.
   */
  current?: T;
}
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError<T> };

/** The input argument of a typed call: it may be left out when every field of it is optional. */
export type InputArg<M extends MethodName> =
  undefined extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

/** Arguments of call(): the method name, then its input (which may be left out when optional). */
export type CallArgs<M extends MethodName> = [method: M, ...rest: InputArg<M>];

/** window.boardPack: the contract, and nothing else. The input is checked again on the far side. */
export interface BoardPackApi {
  call<M extends MethodName>(...args: CallArgs<M>): Promise<CallResult<MethodOutput<M>>>;
  /** Listens for native menu commands; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
