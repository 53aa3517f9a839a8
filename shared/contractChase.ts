// The contract's schemas for the month as the secretariat runs it (issue 16, parts 2, 7 and 8): the
// chase list (who still owes what, and by when), the request files for every strand that owes,
// carrying an unchanged objective forward, and an objective's status month by month.
import './zodWithoutEval';
import { z } from 'zod';
import { isoDateSchema, objectiveRefSchema, reportedStatusSchema, updateSchema } from './domain';
import { downloadSchema } from './contractOffline';
import { reportingMonthSchema } from './months';

// ── The chase list ───────────────────────────────────────────────────────────────────────────────

/** Why an objective is on the chase list: nothing written, a draft not submitted, or returned. */
export const OWED_STATES = ['no_update', 'draft', 'returned'] as const;
export const owedStateSchema = z.enum(OWED_STATES);
export type OwedState = z.infer<typeof owedStateSchema>;

export const OWED_LABELS: Record<OwedState, string> = {
  no_update: 'No update',
  draft: 'Draft not submitted',
  returned: 'Returned',
};

export const owedObjectiveSchema = z.object({
  ref: objectiveRefSchema,
  text: z.string(),
  state: owedStateSchema,
  /** The secretariat's comment on a returned update; empty otherwise. */
  comment: z.string(),
});
export type OwedObjective = z.infer<typeof owedObjectiveSchema>;

export const owedIndicatorSchema = z.object({ ref: z.string(), title: z.string() });

/** Who is chased for a strand: today the plan's strand lead; the People roster can replace it. */
export const chaseContactSchema = z.object({ name: z.string(), email: z.string().nullable() });
export type ChaseContact = z.infer<typeof chaseContactSchema>;

export const chaseLeadSchema = z.object({
  strandNumber: z.number().int(),
  strandTitle: z.string(),
  contact: chaseContactSchema,
  objectives: z.array(owedObjectiveSchema),
  /** Countable indicators of the strand with no figure for the month. */
  indicators: z.array(owedIndicatorSchema),
  /** The email text as a mailto: link the person's own mail program opens; nothing is sent. */
  mailto: z.string(),
  subject: z.string(),
  body: z.string(),
});
export type ChaseLead = z.infer<typeof chaseLeadSchema>;

export const chaseListSchema = z.object({
  month: reportingMonthSchema,
  boardName: z.string(),
  /** The meeting that reports on the month, if there is one yet. */
  meeting: z.object({ id: z.number().int(), title: z.string(), heldAt: z.string() }).nullable(),
  /** The date the pack must be issued by: the meeting's date less `daysBefore`; null with no meeting. */
  issueBy: isoDateSchema.nullable(),
  daysBefore: z.number().int(),
  /** How the issue date was found, in words, for the screen and the printed list. */
  issueByRule: z.string(),
  /** Strands that still owe something, in strand order. */
  leads: z.array(chaseLeadSchema),
  /** Strands that owe nothing this month. */
  clear: z.array(z.object({ strandNumber: z.number().int(), strandTitle: z.string() })),
});
export type ChaseList = z.infer<typeof chaseListSchema>;

export const chaseListInputSchema = z.object({ month: reportingMonthSchema.optional() }).default({});

export const chasePdfSchema = z.object({
  fileName: z.string(),
  pdfBase64: z.string(),
  pages: z.number().int(),
  sha256: z.string(),
});

// ── Requests for every strand that owes ─────────────────────────────────────────────────────────

export const chaseRequestsInputSchema = z.object({
  month: reportingMonthSchema,
  expiresOn: isoDateSchema.optional(),
});

export const madeRequestSchema = downloadSchema.extend({
  strandNumber: z.number().int(),
  strandTitle: z.string(),
  leadName: z.string(),
  objectives: z.number().int(),
  owed: z.number().int(),
  expiresOn: z.string(),
});

export const skippedStrandSchema = z.object({
  strandNumber: z.number().int(),
  strandTitle: z.string(),
  reason: z.string(),
});

export const chaseRequestsSchema = z.object({
  month: reportingMonthSchema,
  made: z.array(madeRequestSchema),
  /** Strands that owe updates but got no file, each with why (no trusted key for the lead …). */
  skipped: z.array(skippedStrandSchema),
});
export type ChaseRequests = z.infer<typeof chaseRequestsSchema>;

// ── Carry forward ────────────────────────────────────────────────────────────────────────────────

export const carryForwardInputSchema = z.object({
  ref: objectiveRefSchema,
  month: reportingMonthSchema,
  /** The narrative to record; "No change since <last month>." when left out. */
  narrative: z.string().trim().min(1, 'A carried-forward update needs a narrative.').optional(),
});

export const carryForwardStrandInputSchema = z.object({
  strandNumber: z.number().int(),
  month: reportingMonthSchema,
});

export const carryForwardStrandSchema = z.object({
  month: reportingMonthSchema,
  carried: z.array(updateSchema),
  /** Objectives not carried, each with why (already has an update, nothing last month). */
  skipped: z.array(z.object({ ref: objectiveRefSchema, reason: z.string() })),
});

// ── Status month by month ────────────────────────────────────────────────────────────────────────

export const statusStripInputSchema = z.object({
  ref: objectiveRefSchema,
  /** The last month shown; the strip starts at the plan's (or the objective's) first month. */
  to: reportingMonthSchema,
});

export const statusStripSchema = z.object({
  ref: objectiveRefSchema,
  months: z.array(z.object({ month: reportingMonthSchema, status: reportedStatusSchema })),
});
export type StatusStrip = z.infer<typeof statusStripSchema>;
