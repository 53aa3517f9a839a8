// The benchmarks' generated plan: 2,000 objectives (8 strands × 250) over 120 reporting months.
import { addMonths } from '../../shared/months';
import type { PlanFileInput } from '../../shared/planFile';

export const STRANDS = 8;
export const OBJECTIVES_PER_STRAND = 250;
export const MONTHS = 120;
export const START = '2007-04';
export const END = addMonths(START, MONTHS - 1);
const CODES = ['R', 'I', 'P', 'E'] as const;

export function syntheticPlan(): PlanFileInput {
  return {
    formatVersion: 1,
    id: 'bench-plan',
    title: 'Benchmark strategy',
    organisation: 'Benchmark',
    boardName: 'Benchmark Board',
    aim: 'To measure the store.',
    period: { startMonth: START, endMonth: END },
    protectiveMarking: 'OFFICIAL',
    chairs: ['Chair'],
    outcomes: [{ number: 1, text: 'Outcome' }],
    underpinningThemes: [],
    crossCuttingThemes: [],
    standingAgenda: ['Apologies'],
    partners: [],
    glossary: [],
    strands: Array.from({ length: STRANDS }, (_, s) => ({
      number: s + 1,
      title: `Strand ${s + 1}`,
      operation: null,
      lead: 'Lead',
      successMeasures: ['Measure'],
      aims: ['Aim'],
      themes: CODES.map((code, t) => ({
        theme: code,
        code,
        objectives: Array.from(
          {
            length: OBJECTIVES_PER_STRAND / CODES.length + (t < OBJECTIVES_PER_STRAND % CODES.length ? 1 : 0),
          },
          (_, i) => ({
            ref: `${s + 1}.${code}.${i + 1}`,
            text: `Objective ${i + 1} of theme ${code} in strand ${s + 1}.`,
            year: 'Year 1 & 2' as const,
            target: i % 10 === 0 ? { text: 'Target 100%', value: 100, unit: '%' } : null,
          }),
        ),
      })),
    })),
  };
}
