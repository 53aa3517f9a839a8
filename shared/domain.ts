// The board's nouns as zod schemas; every TypeScript type here is inferred from a schema so the
// contract, the store and the screens agree on one shape.
import './zodWithoutEval';
import { z } from 'zod';
import { reportingMonthSchema } from './months';

/** Statuses a strand lead can record. "No update" is never stored: it is the absence of one. */
export const STATUSES = ['complete', 'green', 'amber', 'red', 'not_started'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** What a month shows for an objective: a recorded status, or the derived "no_update". */
export const reportedStatusSchema = z.enum([...STATUSES, 'no_update']);
export type ReportedStatus = z.infer<typeof reportedStatusSchema>;

export const WORKFLOW_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export const workflowStateSchema = z.enum(WORKFLOW_STATES);
export type WorkflowState = z.infer<typeof workflowStateSchema>;

export const planYearSchema = z.enum(['Year 1', 'Year 2', 'Year 1 & 2']);
export type PlanYear = z.infer<typeof planYearSchema>;

export const objectiveRefSchema = z
  .string()
  .regex(/^\d+\.[A-Z]+\.\d+$/, 'An objective reference looks like 2.E.3 (strand, theme, number).');

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.');
export const isoTimestampSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/);

export const planSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  organisation: z.string(),
  boardName: z.string(),
  aim: z.string(),
  startMonth: reportingMonthSchema,
  endMonth: reportingMonthSchema,
  protectiveMarking: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const strandSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  operation: z.string().nullable(),
  lead: z.string(),
  successMeasures: z.array(z.string()),
  aims: z.array(z.string()),
});
export type Strand = z.infer<typeof strandSchema>;

export const objectiveSchema = z.object({
  id: z.number().int(),
  ref: objectiveRefSchema,
  strandNumber: z.number().int(),
  theme: z.string(),
  themeCode: z.string(),
  text: z.string(),
  year: planYearSchema.nullable(),
  targetText: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
  owner: z.string().nullable(),
  repeated: z.boolean(),
  notes: z.array(z.string()),
  position: z.number().int(),
  retired: z.boolean(),
  /** The first reporting month it reports in. */
  startMonth: reportingMonthSchema,
  /** The first reporting month it no longer reports in; null while it is live. */
  retiredFrom: reportingMonthSchema.nullable(),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const updateSchema = z.object({
  id: z.number().int(),
  objectiveId: z.number().int(),
  ref: objectiveRefSchema,
  month: reportingMonthSchema,
  revision: z.number().int(),
  status: statusSchema,
  narrative: z.string(),
  nextSteps: z.string(),
  risks: z.string(),
  metricActual: z.number().nullable(),
  author: z.string(),
  createdAt: isoTimestampSchema,
  state: workflowStateSchema,
  comment: z.string(),
  demo: z.boolean(),
  /**
   * The edit count of the objective's update for the month: it moves on with every save and
   * workflow step (a new revision carries it on), so a screen sends back the count it read and a
   * save made meanwhile by another desk is found.
   */
  version: z.number().int(),
});
export type Update = z.infer<typeof updateSchema>;

export const boardActionStatusSchema = z.enum(['open', 'complete']);
export type BoardActionStatus = z.infer<typeof boardActionStatusSchema>;
/** The status a person sees: "overdue" is derived from an open action past its due date. */
export type BoardActionShownStatus = BoardActionStatus | 'overdue';
