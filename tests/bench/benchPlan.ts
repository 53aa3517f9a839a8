// The benchmarks' generated plan: 2,000 objectives (8 strands × 250) over 120 reporting months.
import type Database from 'better-sqlite3';
import { addMonths, monthsBetween } from '../../shared/months';
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

/**
 * The benchmarks' history in a file seeded with syntheticPlan(): one accepted revision per
 * objective per month, ~6% missing, ~3% with an earlier returned revision, written straight to the
 * table in one transaction (what years of saving through the app would leave). Answers the rows.
 */
export function writeBenchHistory(raw: Database.Database): number {
  const objectives = raw.prepare('SELECT id FROM objectives ORDER BY id').all() as { id: number }[];
  const insert = raw.prepare(
    `INSERT INTO updates (objective_id, month, revision, is_current, is_reported, status, narrative, next_steps, risks, metric_actual,
       author, created_at, saved_at, state, comment) VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?, 'Bench', ?, ?, ?, ?)`,
  );
  const statuses = [
    'green',
    'green',
    'green',
    'green',
    'green',
    'amber',
    'amber',
    'red',
    'complete',
    'not_started',
  ] as const;
  let rows = 0;
  let seed = 1;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  raw.transaction(() => {
    for (const month of monthsBetween(START, END)) {
      const at = `${addMonths(month, 1)}-05T10:00:00.000Z`;
      for (const { id } of objectives) {
        if (rand() < 0.06) continue;
        const status = statuses[Math.floor(rand() * statuses.length)];
        const narrative =
          status === 'red' || status === 'amber' ? 'Behind plan; recovery in hand.' : 'On track.';
        let revision = 1;
        if (rand() < 0.03) {
          insert.run(id, month, 1, 0, 0, status, narrative, null, at, at, 'returned', 'Please add detail.');
          revision = 2;
          rows += 1;
        }
        insert.run(id, month, revision, 1, 1, status, narrative, null, at, at, 'accepted', '');
        rows += 1;
      }
    }
  })();
  return rows;
}
