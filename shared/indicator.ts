// The nouns of a performance indicator as zod schemas: its reference, unit, the direction that is
// better and its target. The plan file, and later the store and the contract, share these shapes.
import './zodWithoutEval';
import { z } from 'zod';

const text = z.string().trim().min(1);

/** KO1 … KO7 for the key outcomes, S3.M2 for strand 3's second success measure (S2.M1a for a part). */
export const indicatorRefSchema = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9]*(\.[A-Z0-9]+[a-z]?)*$/,
    'An indicator reference looks like KO1 or S3.M2 (capitals, digits and dots).',
  )
  .max(20);
export type IndicatorRef = z.infer<typeof indicatorRefSchema>;

export const INDICATOR_UNITS = ['count', 'percent', 'rate'] as const;
export const indicatorUnitSchema = z.enum(INDICATOR_UNITS);
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

export const BETTER_DIRECTIONS = ['lower', 'higher', 'neither'] as const;
export const betterSchema = z.enum(BETTER_DIRECTIONS);
export type Better = z.infer<typeof betterSchema>;

export const indicatorTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('value'),
    value: z.number(),
    /** The words of the document that state it, e.g. "85%". */
    text: text.optional(),
  }),
  z.object({
    kind: z.literal('change'),
    /** Signed: -10 is a 10% reduction on the baseline. */
    percent: z.number(),
    baselineNote: text,
  }),
]);
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;

/** How a value is measured: what the figures need and how sums of months combine. */
export const indicatorMeasureSchema = z
  .object({
    unit: indicatorUnitSchema,
    /** For a rate: the value is numerator / denominator × per (e.g. per 1,000 population). */
    per: z.number().int().positive().optional(),
    better: betterSchema,
  })
  .refine((m) => (m.unit === 'rate') === (m.per !== undefined), {
    message: 'A rate says what it is per (per: 1000), and only a rate does.',
    path: ['per'],
  });
export type IndicatorMeasure = z.infer<typeof indicatorMeasureSchema>;

/** The multiplier of numerator / denominator for a unit: 100 for a percentage. */
export function ratioScale(measure: Pick<IndicatorMeasure, 'unit' | 'per'>): number | null {
  if (measure.unit === 'percent') return 100;
  if (measure.unit === 'rate') return measure.per ?? null;
  return null;
}

export const UNIT_LABELS: Record<IndicatorUnit, string> = {
  count: 'count',
  percent: 'percentage',
  rate: 'rate',
};
