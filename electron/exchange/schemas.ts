// What an exchange file's payload may hold: the request a secretariat sends and the return a
// strand lead sends back. The same schemas check every format version, and a file is checked with
// them before it is written as well as when it is read.
import { z } from 'zod';
import { objectiveRefSchema, planYearSchema, statusSchema } from '../../shared/domain';
import { calendarDateSchema, calendarTimestampSchema } from '../../shared/calendar';
import { reportingMonthSchema } from '../../shared/months';
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
  })
  .refine((p) => p.month >= p.plan.startMonth && p.month <= p.plan.endMonth, {
    message: 'the month is outside the plan period',
    path: ['month'],
  });
export type RequestPayload = z.infer<typeof requestPayloadSchema>;

export const returnUpdateSchema = updateContentSchema
  .extend({ ref: objectiveRefSchema, savedAt: calendarTimestampSchema })
  .refine((u) => !needsNarrative(u.status) || u.narrative.trim().length > 0, {
    message: 'A Red or Amber update needs a narrative.',
  });

export const returnPayloadSchema = z.object({
  fileId: z.uuid(),
  requestId: z.uuid(),
  createdAt: calendarTimestampSchema,
  planId: z.string(),
  strandNumber: z.number().int().positive(),
  month: reportingMonthSchema,
  author: z.object({ name }),
  updates: z.array(returnUpdateSchema).max(1_000),
});
export type ReturnPayload = z.infer<typeof returnPayloadSchema>;
export type ReturnUpdate = ReturnPayload['updates'][number];

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
