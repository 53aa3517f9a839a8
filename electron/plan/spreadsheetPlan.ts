// The action plan as a spreadsheet: a row per objective (strand number, strand title, theme,
// reference, objective, year, target, owner, then the target's value and unit, repeated, notes),
// and in XLSX two more sheets, "Strands" and "Plan", so a workbook carries the whole plan.
import { z } from 'zod';
import { objectiveRefSchema, planYearSchema } from '../../shared/domain';
import { MAX_OBJECTIVE_NUMBER, MAX_STRAND_NUMBER, referencePart } from '../../shared/objectiveRefs';
import type { Objective } from '../../shared/domain';
import type { StoreTx } from '../store/port';
import type { PlanDetail } from '../store/plan';
import type { Strand } from '../../shared/domain';
import {
  columnLetters,
  formatOf,
  writeSpreadsheet,
  type CellOut,
  type SheetIn,
  type SheetOut,
} from './spreadsheetFile';

export const PLAN_SHEET = 'Action plan';
export const STRANDS_SHEET = 'Strands';
export const DETAILS_SHEET = 'Plan';

export const PLAN_COLUMNS = [
  'Strand number',
  'Strand title',
  'Theme',
  'Reference',
  'Objective',
  'Year',
  'Target',
  'Owner',
  'Target value',
  'Target unit',
  'Repeated',
  'Notes',
] as const;
/** The columns a plan spreadsheet must have; the rest may be left out. */
export const REQUIRED_COLUMNS = PLAN_COLUMNS.slice(0, 8);

export const STRAND_COLUMNS = ['Number', 'Title', 'Operation', 'Lead', 'Success measures', 'Aims'] as const;

/** One objective row as read from a spreadsheet, before it is checked. */
export type PlanRowCells = Record<(typeof PLAN_COLUMNS)[number], string>;

const optionalText = z.string().transform((s) => (s === '' ? null : s));

/** Far beyond any target a board sets, and exact as a number: 12 digits before the point. */
export const MAX_TARGET_VALUE = 999_999_999_999;

/** A long cell shown in a sentence: its start, and how many digits or characters it has. */
function shown(text: string): string {
  return text.length > 24 ? `${text.slice(0, 12)}… (${text.length} characters)` : text;
}

const strandNumberSchema = z
  .string()
  .regex(/^[1-9]\d*$/, 'the strand number must be a whole number such as 2')
  .refine((v) => referencePart(v, MAX_STRAND_NUMBER) !== null, {
    error: (issue) =>
      `the strand number ${shown(String(issue.input))} is too large (strands are numbered 1 to ${MAX_STRAND_NUMBER})`,
  })
  .transform(Number);

const targetValueSchema = z
  .string()
  .regex(/^(-?\d+(\.\d+)?)?$/, 'the target value must be a number')
  .refine((v) => v === '' || Math.abs(Number(v)) <= MAX_TARGET_VALUE, {
    error: (issue) =>
      `the target value ${shown(String(issue.input))} is too large (a target value is at most ${MAX_TARGET_VALUE.toLocaleString('en-GB')})`,
  })
  .transform((v) => (v === '' ? null : Number(v)));

/** A valid row, with the sentence for the first thing wrong in an invalid one. */
export const planRowSchema = z
  .object({
    'Strand number': strandNumberSchema,
    'Strand title': z.string().min(1, 'the strand title is empty'),
    Theme: z.string().min(1, 'the theme is empty'),
    Reference: z.union([z.literal(''), objectiveRefSchema]),
    Objective: z.string().min(1, 'the objective is empty'),
    Year: z.union([z.literal('').transform(() => null), planYearSchema], {
      error: (issue) =>
        `the year "${String(issue.input)}" is not Year 1, Year 2 or Year 1 & 2 (or left empty)`,
    }),
    Target: optionalText,
    Owner: optionalText,
    'Target value': targetValueSchema,
    'Target unit': optionalText,
    Repeated: z
      .enum(['', 'yes', 'no', 'Yes', 'No', 'TRUE', 'FALSE', 'true', 'false'], {
        error: 'repeated is Yes, No or empty',
      })
      .transform((v) => /^(yes|true)$/i.test(v)),
    Notes: z.string().transform((s) =>
      s === ''
        ? []
        : s
            .split('\n')
            .map((n) => n.trim())
            .filter(Boolean),
    ),
  })
  .superRefine((row, ctx) => {
    const [strandPart = '', , numberPart = ''] = row.Reference.split('.');
    if (row.Reference && referencePart(numberPart, MAX_OBJECTIVE_NUMBER) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['Reference'],
        message: `the reference ${shown(row.Reference)} must end in a whole number from 1 to ${MAX_OBJECTIVE_NUMBER}, such as 2.E.3`,
      });
      return;
    }
    if (row.Reference && referencePart(strandPart, MAX_STRAND_NUMBER) !== row['Strand number']) {
      ctx.addIssue({
        code: 'custom',
        message: `the reference ${row.Reference} does not belong to strand ${row['Strand number']}`,
      });
    }
    if (row.Reference && !/^[RIPE]+$/.test(row.Reference.split('.')[1])) {
      ctx.addIssue({
        code: 'custom',
        message: `the middle of the reference ${row.Reference} must be made of R, I, P and E`,
      });
    }
    if (!row.Reference && themeCodeOf(row.Theme) === null) {
      ctx.addIssue({
        code: 'custom',
        message: `give a reference, or a theme named from Reassurance, Intelligence, Prevention and Enforcement (not "${row.Theme}")`,
      });
    }
  });
export type PlanRow = z.infer<typeof planRowSchema>;

/** "Reassurance and Prevention" → "RP": the RIPE initials of a theme heading, or null. */
export function themeCodeOf(theme: string): string | null {
  const words = theme.toLowerCase();
  const code = [
    ['R', 'reassurance'],
    ['I', 'intelligence'],
    ['P', 'prevention'],
    ['E', 'enforcement'],
  ]
    .filter(([, word]) => words.includes(word))
    .map(([letter]) => letter)
    .join('');
  return code || null;
}

function objectiveRow(o: Objective, strandTitle: string): CellOut[] {
  return [
    o.strandNumber,
    strandTitle,
    o.theme,
    o.ref,
    o.text,
    o.year ?? '',
    o.targetText ?? '',
    o.owner ?? '',
    o.targetValue,
    o.targetUnit ?? '',
    o.repeated ? 'Yes' : '',
    o.notes.join('\n'),
  ];
}

function detailRows(plan: PlanDetail): CellOut[][] {
  return [
    ['Plan id', plan.id, ''],
    ['Title', plan.title, ''],
    ['Organisation', plan.organisation, ''],
    ['Board name', plan.boardName, ''],
    ['Aim', plan.aim, ''],
    ['Start month', plan.startMonth, ''],
    ['End month', plan.endMonth, ''],
    ['Protective marking', plan.protectiveMarking, ''],
    ...plan.chairs.map((c) => ['Chair', c, '']),
    ...plan.outcomes.map((o) => ['Outcome', o.number, o.text]),
    ...plan.underpinningThemes.map((t) => ['Underpinning theme', t, '']),
    ...plan.crossCuttingThemes.map((t) => ['Cross-cutting theme', t.name, t.summary]),
    ...plan.standingAgenda.map((t) => ['Standing agenda item', t, '']),
    ...plan.partners.map((p) => ['Partner', p, '']),
    ...plan.glossary.map((g) => ['Glossary', g.term, g.meaning]),
  ];
}

function strandRow(s: Strand): CellOut[] {
  return [s.number, s.title, s.operation ?? '', s.lead, s.successMeasures.join('\n'), s.aims.join('\n')];
}

/** The sheets of a plan export: objectives first (the only one a CSV holds). */
export async function planSheets(store: StoreTx): Promise<SheetOut[]> {
  const strands = await store.plan.strands();
  const titles = new Map(strands.map((s) => [s.number, s.title]));
  return [
    {
      name: PLAN_SHEET,
      header: [...PLAN_COLUMNS],
      rows: (await store.plan.objectives()).map((o) => objectiveRow(o, titles.get(o.strandNumber) ?? '')),
      widths: [8, 30, 22, 10, 80, 10, 30, 24, 8, 12, 9, 40],
    },
    {
      name: STRANDS_SHEET,
      header: [...STRAND_COLUMNS],
      rows: strands.map(strandRow),
      widths: [8, 40, 14, 40, 60, 60],
    },
    {
      name: DETAILS_SHEET,
      header: ['Field', 'Value', 'Detail'],
      rows: detailRows(await store.plan.detail()),
      widths: [22, 60, 80],
    },
  ];
}

export interface SpreadsheetExportResult {
  path: string;
  format: 'xlsx' | 'csv';
  rows: number;
  bytes: number;
}

/** Writes the live objectives of the plan (and, in XLSX, its strands and details). */
export async function exportPlan(store: StoreTx, out: string): Promise<SpreadsheetExportResult> {
  const sheets = await planSheets(store);
  const format = formatOf(out);
  const written = await writeSpreadsheet(
    out,
    format === 'csv' ? sheets.slice(0, 1) : sheets,
    new Date(store.now()),
    await store.backups.protectedFiles(),
  );
  return { path: written.path, format, rows: sheets[0].rows.length, bytes: written.bytes };
}

/** A plan column named twice, with the letters of both columns; null when every name is used once. */
function twiceNamed(header: string[]): { column: string; at: [string, string] } | null {
  const known = new Map<string, string>(PLAN_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const first = new Map<string, number>();
  for (const [i, h] of header.entries()) {
    const column = known.get(h.toLowerCase());
    if (!column) continue;
    const earlier = first.get(column);
    if (earlier !== undefined) return { column, at: [columnLetters(earlier), columnLetters(i)] };
    first.set(column, i);
  }
  return null;
}

/** Maps a sheet's rows onto the plan columns by header name, whatever order they come in. */
export function rowCells(sheet: SheetIn): {
  missing: string[];
  /** A plan column named twice, which would leave it unclear which one to take. */
  duplicate: { column: string; at: [string, string] } | null;
  rows: { rowNumber: number; cells: PlanRowCells }[];
} {
  const duplicate = twiceNamed(sheet.header);
  const index = new Map(sheet.header.map((h, i) => [h.toLowerCase(), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c.toLowerCase()));
  const rows = sheet.rows.map((r) => {
    const cells = Object.fromEntries(
      PLAN_COLUMNS.map((c) => {
        const i = index.get(c.toLowerCase());
        return [c, i === undefined ? '' : (r.cells[i] ?? '')];
      }),
    ) as PlanRowCells;
    return { rowNumber: r.rowNumber, cells };
  });
  return { missing, duplicate, rows };
}
