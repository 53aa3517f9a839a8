// What an exchange file's payload may hold: the request a secretariat sends and the return a
// strand lead sends back. The same schemas check every format version, and a file is checked with
// them before it is written as well as when it is read.
import { z } from 'zod';
import { objectiveRefSchema, planYearSchema, statusSchema } from '../../shared/domain';
import {
  betterSchema,
  indicatorRefSchema,
  indicatorTargetSchema,
  indicatorUnitSchema,
} from '../../shared/indicator';
import { calendarDateSchema, calendarTimestampSchema } from '../../shared/calendar';
import { addMonths, reportingMonthSchema } from '../../shared/months';
import { needsNarrative } from '../../shared/status';
import { returnedUpdateSchema } from './rejections';

const longText = z.string().max(20_000);
const name = z.string().trim().min(1).max(200);
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);

export const updateContentSchema = z.object({
  status: statusSchema,
  narrative: longText,
  nextSteps: longText,
  risks: longText,
  metricActual: z.number().finite().nullable(),
});

export const requestObjectiveSchema = z.object({
  ref: objectiveRefSchema,
  theme: name,
  themeCode: z.string().regex(/^[RIPE]+$/),
  text: z.string().min(1).max(5_000),
  year: planYearSchema.nullable(),
  targetText: z.string().nullable(),
  targetValue: z.number().finite().nullable(),
  targetUnit: z.string().nullable(),
  owner: z.string().nullable(),
  /** Last month's accepted update, for the lead to start from; null when there was none. */
  lastMonth: updateContentSchema.extend({ author: name }).nullable(),
  /**
   * The lead's update the secretariat rejected since the last request, with its reason. Added
   * after format version 2 first shipped: optional, so files written without it still open.
   */
  returned: returnedUpdateSchema.optional(),
});

/** The references that appear more than once, in order of their second appearance. */
export function repeatedRefs(items: readonly { ref: string }[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { ref } of items) {
    if (seen.has(ref)) repeated.add(ref);
    seen.add(ref);
  }
  return [...repeated];
}

/** A month's figure as the exchange carries it: what the store keeps of a figure, less its history. */
const figureFields = {
  month: reportingMonthSchema,
  value: z.number().finite(),
  numerator: z.number().finite().min(0).nullable(),
  denominator: z.number().finite().positive().nullable(),
  note: z.string().max(2_000),
};
const bothOrNeither = (f: { numerator: number | null; denominator: number | null }) =>
  (f.numerator === null) === (f.denominator === null);
const BOTH_OR_NEITHER = 'a figure has both a numerator and a denominator, or neither';

/** How many months before the request's month its figures go back (and a return may correct). */
export const FIGURE_CONTEXT_MONTHS = 12;

/**
 * One of the strand's indicators as a request carries it: its definition, its definition changes
 * and the secretariat's figures for the months of context. Added after format version 2 first
 * shipped, inside the optional `indicators` of a request.
 */
export const requestIndicatorSchema = z
  .object({
    ref: indicatorRefSchema,
    title: z.string().trim().min(1).max(300),
    outcome: z.number().int().positive().nullable(),
    countable: z.boolean(),
    unit: indicatorUnitSchema.nullable(),
    per: z.number().int().positive().nullable(),
    better: betterSchema.nullable(),
    target: indicatorTargetSchema.nullable(),
    source: z.string().max(2_000),
    notes: z.array(z.string().trim().min(1).max(2_000)).max(50),
    definitionChanges: z
      .array(z.object({ month: reportingMonthSchema, note: z.string().trim().min(1).max(2_000) }))
      .max(240),
    figures: z
      .array(z.object(figureFields).refine(bothOrNeither, BOTH_OR_NEITHER))
      .max(FIGURE_CONTEXT_MONTHS + 1),
  })
  .superRefine((indicator, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message });
    if (
      indicator.countable !== (indicator.unit !== null) ||
      indicator.countable !== (indicator.better !== null)
    )
      problem('a countable indicator has a unit and a better direction, and only a countable one does');
    if ((indicator.unit === 'rate') !== (indicator.per !== null))
      problem('a rate says what it is per, and only a rate does');
    if (!indicator.countable && indicator.figures.length > 0)
      problem('an indicator that is not countable has no figures');
    if (repeatedMonths(indicator.figures).length) problem('a month has more than one figure');
    if (repeatedMonths(indicator.definitionChanges).length)
      problem('a month has more than one definition change');
  });
export type RequestIndicator = z.infer<typeof requestIndicatorSchema>;

function repeatedMonths(items: readonly { month: string }[]): string[] {
  return repeatedRefs(items.map((i) => ({ ref: i.month })));
}

export const requestPayloadSchema = z
  .object({
    fileId: z.uuid(),
    issuedAt: calendarTimestampSchema,
    issuedBy: name,
    expiresOn: calendarDateSchema,
    month: reportingMonthSchema,
    plan: z
      .object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        title: name,
        organisation: name,
        boardName: name,
        aim: z.string().min(1).max(5_000),
        startMonth: reportingMonthSchema,
        endMonth: reportingMonthSchema,
        protectiveMarking: name,
        outcomes: z
          .array(z.object({ number: z.number().int().positive(), text: z.string().min(1).max(5_000) }))
          .min(1),
      })
      .refine((plan) => plan.startMonth <= plan.endMonth, {
        message: 'the plan starts after it ends',
        path: ['startMonth'],
      }),
    strand: z.object({
      number: z.number().int().positive(),
      title: name,
      operation: z.string().nullable(),
      lead: name,
      successMeasures: z.array(z.string().min(1)),
      aims: z.array(z.string().min(1)),
    }),
    objectives: z
      .array(requestObjectiveSchema)
      .min(1)
      .max(1_000)
      .superRefine((objectives, context) => {
        const repeated = repeatedRefs(objectives);
        if (repeated.length)
          context.addIssue({ code: 'custom', message: `${repeated.join(', ')} is listed more than once` });
      }),
    /** Who may answer: the lead's name and, once known, the fingerprint of their key. */
    respondent: z.object({ name, fingerprint: fingerprintSchema.nullable() }),
    /**
     * The strand's indicators, with figures for the FIGURE_CONTEXT_MONTHS months before the
     * request's month and for the month itself. Added after format version 2 first shipped:
     * optional, so files written without it still open (and a copy of Board Pack from before
     * drops it unread, which is safe: its return then carries no figures).
     */
    indicators: z
      .array(requestIndicatorSchema)
      .max(200)
      .superRefine((indicators, context) => {
        const repeated = repeatedRefs(indicators);
        if (repeated.length)
          context.addIssue({
            code: 'custom',
            message: `indicator ${repeated.join(', ')} is listed more than once`,
          });
      })
      .optional(),
  })
  .refine((p) => p.month >= p.plan.startMonth && p.month <= p.plan.endMonth, {
    message: 'the month is outside the plan period',
    path: ['month'],
  })
  .superRefine((p, context) => {
    const outcomes = new Set(p.plan.outcomes.map((o) => o.number));
    const first = addMonths(p.month, -FIGURE_CONTEXT_MONTHS);
    (p.indicators ?? []).forEach((indicator, i) => {
      const path = ['indicators', i];
      if (indicator.outcome !== null && !outcomes.has(indicator.outcome))
        context.addIssue({
          code: 'custom',
          path,
          message: `indicator ${indicator.ref} names key outcome ${indicator.outcome}, which the plan does not have`,
        });
      const outside = indicator.figures.find((f) => f.month < first || f.month > p.month);
      if (outside)
        context.addIssue({
          code: 'custom',
          path,
          message: `indicator ${indicator.ref} has a figure for ${outside.month}, outside the months a request carries (${first} to ${p.month})`,
        });
    });
  });
export type RequestPayload = z.infer<typeof requestPayloadSchema>;

export const returnUpdateSchema = updateContentSchema
  .extend({ ref: objectiveRefSchema, savedAt: calendarTimestampSchema })
  .refine((u) => !needsNarrative(u.status) || u.narrative.trim().length > 0, {
    message: 'A Red or Amber update needs a narrative.',
  });

/** A figure the lead entered or changed since the request: for its month or a correction to an earlier one. */
export const returnFigureSchema = z
  .object({ ref: indicatorRefSchema, ...figureFields, savedAt: calendarTimestampSchema })
  .refine(bothOrNeither, BOTH_OR_NEITHER);

export const returnPayloadSchema = z.object({
  fileId: z.uuid(),
  requestId: z.uuid(),
  createdAt: calendarTimestampSchema,
  planId: z.string(),
  strandNumber: z.number().int().positive(),
  month: reportingMonthSchema,
  author: z.object({ name }),
  updates: z.array(returnUpdateSchema).max(1_000),
  /**
   * Added after format version 2 first shipped: optional, so files written without it still open.
   * Only a request that carried indicators is answered with figures.
   */
  figures: z
    .array(returnFigureSchema)
    .max(200 * (FIGURE_CONTEXT_MONTHS + 1))
    .optional(),
});
export type ReturnPayload = z.infer<typeof returnPayloadSchema>;
export type ReturnUpdate = ReturnPayload['updates'][number];
export type ReturnFigure = z.infer<typeof returnFigureSchema>;

export const signatureSchema = z.object({
  algorithm: z.literal('ed25519'),
  fingerprint: fingerprintSchema,
  publicKey: z.string().min(1).max(200),
  value: z.string().min(1).max(200),
});

/** The signed part of a file: in clear in version 1, sealed inside version 2. */
export const signedContentsSchemas = {
  request: z.object({ payload: requestPayloadSchema, signature: signatureSchema }),
  return: z.object({ payload: returnPayloadSchema, signature: signatureSchema }),
} as const;
