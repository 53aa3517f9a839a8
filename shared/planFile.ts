// The shape of a plan file in resources/plans/: the strategy transcribed from its document.
// Validated on load; a malformed file is refused with the path of the first bad field.
import './zodWithoutEval';
import { z } from 'zod';
import { planYearSchema, objectiveRefSchema } from './domain';
import { reportingMonthSchema } from './months';

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
  })
  .superRefine((plan, ctx) => {
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

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;
export type PlanStrand = PlanFile['strands'][number];
export type PlanObjective = PlanStrand['themes'][number]['objectives'][number];
