// Seeding a database that has no plan from a spreadsheet: objectives from the rows, strands and
// plan details from the "Strands" and "Plan" sheets of an XLSX export (defaults for a CSV file).
import { basename } from 'node:path';
import { BoardPackError } from '../../shared/errors';
import { MAX_OBJECTIVE_NUMBER } from '../../shared/objectiveRefs';
import { planFileSchema, type PlanFile } from '../../shared/planFile';
import type { SheetIn } from './spreadsheetFile';
import { DETAILS_SHEET, STRANDS_SHEET, themeCodeOf, type PlanRow } from './spreadsheetPlan';

/** Plan details for seeding from a CSV file, which carries only the objectives. */
export interface SeedDetails {
  id?: string;
  title?: string;
  organisation?: string;
  boardName?: string;
  aim?: string;
  startMonth?: string;
  endMonth?: string;
}

export interface ValidRow {
  rowNumber: number;
  row: PlanRow;
}

function detailsFrom(sheets: SheetIn[]): Map<string, [string, string][]> {
  const details = new Map<string, [string, string][]>();
  const sheet = sheets.find((s) => s.name === DETAILS_SHEET);
  for (const r of sheet?.rows ?? []) {
    const [field, value = '', detail = ''] = r.cells;
    details.set(field, [...(details.get(field) ?? []), [value, detail]]);
  }
  return details;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'imported-plan'
  );
}

/** A whole plan file from the spreadsheet: objectives from the rows, the rest from the other sheets. */
export function seedPlanFrom(
  today: string,
  path: string,
  valid: ValidRow[],
  sheets: SheetIn[],
  seed: SeedDetails,
): PlanFile {
  const details = detailsFrom(sheets);
  const one = (field: string, fallback: string) => details.get(field)?.[0]?.[0] || fallback;
  const many = (field: string) => details.get(field) ?? [];
  const title = seed.title ?? one('Title', basename(path).replace(/\.(xlsx|csv)$/i, ''));
  const startMonth = seed.startMonth ?? one('Start month', today.slice(0, 7));
  const aim = seed.aim ?? one('Aim', 'Not stated');
  const strandSheet = sheets.find((s) => s.name === STRANDS_SHEET);
  const strandInfo = new Map((strandSheet?.rows ?? []).map((r) => [Number(r.cells[0]), r.cells]));
  const lines = (text: string | undefined) =>
    text
      ? text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : [];
  const byStrand = new Map<number, ValidRow[]>();
  for (const v of valid)
    byStrand.set(v.row['Strand number'], [...(byStrand.get(v.row['Strand number']) ?? []), v]);
  const strands = [...byStrand.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, rows]) => {
      const info = strandInfo.get(number);
      const groups: PlanFile['strands'][number]['themes'] = [];
      const nextNumber = new Map<string, number>();
      for (const r of rows)
        if (r.row.Reference) {
          const [, code, n] = r.row.Reference.split('.');
          nextNumber.set(code, Math.max(nextNumber.get(code) ?? 0, Number(n)));
        }
      for (const { row } of rows) {
        const code = row.Reference ? row.Reference.split('.')[1] : themeCodeOf(row.Theme)!;
        let ref = row.Reference;
        if (!ref) {
          const next = (nextNumber.get(code) ?? 0) + 1;
          if (next > MAX_OBJECTIVE_NUMBER)
            throw new BoardPackError(
              'invalid_plan',
              `${basename(path)} uses every reference up to ${number}.${code}.${MAX_OBJECTIVE_NUMBER}, so "${row.Objective.slice(0, 60)}" cannot be given one. Nothing was imported.`,
            );
          nextNumber.set(code, next);
          ref = `${number}.${code}.${next}`;
        }
        let group = groups[groups.length - 1];
        if (!group || group.theme !== row.Theme || group.code !== code) {
          group = { theme: row.Theme, code, objectives: [] };
          groups.push(group);
        }
        const target =
          row.Target !== null && row['Target value'] !== null
            ? { text: row.Target, value: row['Target value'], unit: row['Target unit'] ?? '' }
            : null;
        group.objectives.push({
          ref,
          text: row.Objective,
          year: row.Year,
          target,
          owner: row.Owner,
          repeated: row.Repeated,
          notes: row.Notes,
        });
      }
      return {
        number,
        title: rows[0].row['Strand title'],
        operation: info?.[2] || null,
        lead: info?.[3] || 'Not stated',
        successMeasures: lines(info?.[4]),
        aims: lines(info?.[5]),
        themes: groups,
      };
    });
  const candidate = {
    formatVersion: 1,
    id: seed.id ?? one('Plan id', slug(title)),
    title,
    organisation: seed.organisation ?? one('Organisation', 'Not stated'),
    boardName: seed.boardName ?? one('Board name', 'Strategy Board'),
    aim,
    period: {
      startMonth,
      endMonth:
        seed.endMonth ?? one('End month', `${Number(startMonth.slice(0, 4)) + 2}-${startMonth.slice(5)}`),
    },
    protectiveMarking: one('Protective marking', 'OFFICIAL-SENSITIVE'),
    chairs: many('Chair').map(([v]) => v),
    outcomes: many('Outcome').length
      ? many('Outcome').map(([n, text]) => ({ number: Number(n), text }))
      : [{ number: 1, text: aim }],
    underpinningThemes: many('Underpinning theme').map(([v]) => v),
    crossCuttingThemes: many('Cross-cutting theme').map(([name, summary]) => ({ name, summary })),
    standingAgenda: many('Standing agenda item').map(([v]) => v),
    strands,
    partners: many('Partner').map(([v]) => v),
    glossary: many('Glossary').map(([term, meaning]) => ({ term, meaning })),
  };
  const checked = planFileSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new BoardPackError(
      'invalid_plan',
      `${basename(path)} does not make a whole plan: at ${issue.path.join('.') || 'the top level'}, ${issue.message}. Nothing was imported.`,
    );
  }
  return checked.data;
}
