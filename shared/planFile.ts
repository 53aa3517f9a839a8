// The shape of a plan file in resources/plans/: the strategy transcribed from its document.
// Validated on load; a malformed file is refused with the path of the first bad field.
import './zodWithoutEval';
import { z } from 'zod';
import { planYearSchema, objectiveRefSchema } from './domain';
import { reportingMonthSchema } from './months';
import { betterSchema, indicatorRefSchema, indicatorTargetSchema, indicatorUnitSchema } from './indicator';

const text = z.string().trim().min(1);

export const planTargetSchema = z.object({
  /** The words of the document that state the target, e.g. "85% detection rate". */
  text,
  value: z.number(),
  unit: z.string(),
});

export const planObjectiveSchema = z.object({
  ref: objectiveRefSchema,
  text,
  year: planYearSchema.nullable(),
  target: planTargetSchema.nullable().default(null),
  owner: z.string().nullable().default(null),
  /** True where the document states this same bullet more than once; the copy is kept. */
  repeated: z.boolean().default(false),
  /** Lines of the table that are not objectives, kept beside the bullet they follow. */
  notes: z.array(text).default([]),
});

export const planThemeGroupSchema = z.object({
  /** The heading as the table gives it: "Enforcement", "Reassurance and Prevention", … */
  theme: text,
  /** Initials of the RIPE themes in the heading ("E", "RP", "RPE"): the middle of a reference. */
  code: z.string().regex(/^[RIPE]+$/),
  objectives: z.array(planObjectiveSchema).min(1),
});

export const planStrandSchema = z.object({
  number: z.number().int().positive(),
  title: text,
  operation: z.string().nullable(),
  lead: text,
  successMeasures: z.array(text),
  aims: z.array(text),
  themes: z.array(planThemeGroupSchema).min(1),
});

const indicatorPlace = {
  ref: indicatorRefSchema,
  /** Worded exactly as the document words it (a part of a measure where it joins two figures). */
  title: text,
  /** The key outcome and/or the strand whose success measure this is. */
  outcome: z.number().int().positive().nullable().default(null),
  strand: z.number().int().positive().nullable().default(null),
  notes: z.array(text).default([]),
};

/**
 * A default indicator: a key outcome or a strand's success measure. A measure that states no
 * figure the board could count month by month is kept, flagged, with the reason in its notes.
 */
export const planIndicatorSchema = z.discriminatedUnion('countable', [
  z.object({
    ...indicatorPlace,
    countable: z.literal(true),
    unit: indicatorUnitSchema,
    /** A rate's base: per 1,000, per 100,000 … */
    per: z.number().int().positive().optional(),
    better: betterSchema,
    target: indicatorTargetSchema.nullable().default(null),
    /** Where the figure comes from and how it is counted, until the board's framework says. */
    source: text,
  }),
  z.object({ ...indicatorPlace, countable: z.literal(false), notes: z.array(text).min(1) }),
]);

export const planFileSchema = z
  .object({
    formatVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: text,
    organisation: text,
    boardName: text,
    aim: text,
    period: z.object({ startMonth: reportingMonthSchema, endMonth: reportingMonthSchema }),
    protectiveMarking: text,
    chairs: z.array(text),
    outcomes: z.array(z.object({ number: z.number().int().positive(), text })).min(1),
    underpinningThemes: z.array(text),
    crossCuttingThemes: z.array(z.object({ name: text, summary: text })),
    standingAgenda: z.array(text),
    strands: z.array(planStrandSchema).min(1),
    partners: z.array(text),
    glossary: z.array(z.object({ term: text, meaning: text })),
    /** Optional: a plan file written before indicators existed has none. */
    indicators: z.array(planIndicatorSchema).default([]),
  })
  .superRefine((plan, ctx) => {
    checkIndicators(plan, ctx);
    const seen = new Set<string>();
    for (const strand of plan.strands) {
      for (const group of strand.themes) {
        for (const objective of group.objectives) {
          const [strandPart, codePart] = objective.ref.split('.');
          if (Number(strandPart) !== strand.number || codePart !== group.code) {
            ctx.addIssue({
              code: 'custom',
              message: `Objective ${objective.ref} is filed under strand ${strand.number}, theme ${group.code}.`,
            });
          }
          if (seen.has(objective.ref)) {
            ctx.addIssue({ code: 'custom', message: `Objective reference ${objective.ref} is used twice.` });
          }
          seen.add(objective.ref);
        }
      }
    }
  });

type PlanFileShape = {
  outcomes: { number: number }[];
  strands: { number: number }[];
  indicators: z.infer<typeof planIndicatorSchema>[];
};

function checkIndicators(plan: PlanFileShape, ctx: z.RefinementCtx): void {
  const refs = new Set<string>();
  const outcomes = new Set(plan.outcomes.map((o) => o.number));
  const strands = new Set(plan.strands.map((s) => s.number));
  for (const indicator of plan.indicators) {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['indicators'] });
    if (refs.has(indicator.ref)) problem(`Indicator reference ${indicator.ref} is used twice.`);
    refs.add(indicator.ref);
    if (indicator.outcome === null && indicator.strand === null)
      problem(`Indicator ${indicator.ref} belongs to no key outcome and no strand.`);
    if (indicator.outcome !== null && !outcomes.has(indicator.outcome))
      problem(
        `Indicator ${indicator.ref} names key outcome ${indicator.outcome}, which the plan does not have.`,
      );
    if (indicator.strand !== null && !strands.has(indicator.strand))
      problem(`Indicator ${indicator.ref} names strand ${indicator.strand}, which the plan does not have.`);
    if (indicator.countable && (indicator.unit === 'rate') !== (indicator.per !== undefined))
      problem(`Indicator ${indicator.ref}: a rate says what it is per, and only a rate does.`);
  }
}

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanIndicator = z.infer<typeof planIndicatorSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;
export type PlanStrand = PlanFile['strands'][number];
export type PlanObjective = PlanStrand['themes'][number]['objectives'][number];
