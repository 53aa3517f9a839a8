// Importing an action plan from XLSX or CSV: every row checked first (a sentence per bad row),
// then a preview of what would be added, changed and retired; applied only when asked, in one
// transaction through the plan repository. A fresh database is seeded from the spreadsheet.
import { basename } from 'node:path';
import { BoardPackError } from '../../shared/errors';
import type { Objective } from '../../shared/domain';
import { isWithin, reportingMonthSchema } from '../../shared/months';
import type { StoreTx } from '../store/port';
import type { SheetIn } from './spreadsheetFile';
import { readSpreadsheet } from './spreadsheetRead';
import { PLAN_SHEET, planRowSchema, rowCells, themeCodeOf, type PlanRow } from './spreadsheetPlan';
import { seedPlanFrom, type SeedDetails, type ValidRow } from './spreadsheetSeed';

export type { SeedDetails } from './spreadsheetSeed';

export interface RowError {
  row: number;
  message: string;
}

export interface FieldChange {
  field: 'text' | 'year' | 'targetText' | 'targetValue' | 'targetUnit' | 'owner';
  from: string | number | null;
  to: string | number | null;
}

export interface PlanImportPreview {
  source: string;
  format: 'xlsx' | 'csv';
  /** seed: the database has no plan and will be given this one; merge: add / reword / retire. */
  mode: 'seed' | 'merge';
  rows: number;
  errors: RowError[];
  added: { row: number; ref: string | null; strandNumber: number; text: string }[];
  changed: { row: number; ref: string; changes: FieldChange[] }[];
  retired: { ref: string; text: string }[];
  unchanged: number;
  warnings: string[];
  /** The first month retired objectives no longer report in. */
  retireFrom: string | null;
  /** The first month added objectives report in, so they are not "No update" in months gone by. */
  startFrom: string | null;
}

export interface PlanImportOptions {
  retireFrom?: string;
  /** The first month added objectives report in (the caller passes the current reporting month). */
  startFrom?: string;
  seed?: SeedDetails;
}

interface Parsed {
  format: 'xlsx' | 'csv';
  sheets: SheetIn[];
  sha256: string;
  valid: ValidRow[];
  errors: RowError[];
  mentioned: Set<string>;
  rows: number;
}

function describeIssue(message: string, rowNumber: number, column: string | undefined): string {
  return `Row ${rowNumber}${column ? ` (${column})` : ''}: ${message}.`;
}

async function parseRows(store: StoreTx, path: string): Promise<Parsed> {
  const { format, sheets, sha256 } = await readSpreadsheet(path);
  const sheet = sheets.find((s) => s.name === PLAN_SHEET) ?? sheets[0];
  if (!sheet) throw new BoardPackError('invalid_input', `${basename(path)} holds no sheet to import.`);
  const { missing, duplicate, rows } = rowCells(sheet);
  if (duplicate) {
    throw new BoardPackError(
      'invalid_input',
      `${basename(path)} has two columns named "${duplicate.column}" (${duplicate.at.join(' and ')}), so it is not clear which to import; keep one. Nothing was imported.`,
    );
  }
  if (missing.length) {
    throw new BoardPackError(
      'invalid_input',
      `${basename(path)} has no column named ${missing.map((m) => `"${m}"`).join(', ')}; the first row must name the columns. Nothing was imported.`,
    );
  }
  const merging = await store.plan.hasPlan();
  const strands = merging
    ? new Map((await store.plan.strands()).map((s) => [s.number, s.title]))
    : new Map<number, string>();
  const errors: RowError[] = [];
  const valid: ValidRow[] = [];
  const mentioned = new Set<string>();
  const firstRowOfRef = new Map<string, number>();
  const titleOfStrand = new Map<number, string>();
  for (const { rowNumber, cells } of rows) {
    if (cells.Reference) mentioned.add(cells.Reference);
    const checked = planRowSchema.safeParse(cells);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      errors.push({
        row: rowNumber,
        message: describeIssue(
          issue.message,
          rowNumber,
          issue.path.length ? String(issue.path[0]) : undefined,
        ),
      });
      continue;
    }
    const row = checked.data;
    const strandNumber = row['Strand number'];
    const seenAt = row.Reference ? firstRowOfRef.get(row.Reference) : undefined;
    let problem: string | null = null;
    if (seenAt !== undefined) problem = `the reference ${row.Reference} is already used on row ${seenAt}`;
    else if (merging && !strands.has(strandNumber))
      problem = `strand ${strandNumber} is not in this plan (add the strand in the app first)`;
    else if (titleOfStrand.has(strandNumber) && titleOfStrand.get(strandNumber) !== row['Strand title']) {
      problem = `strand ${strandNumber} is called "${titleOfStrand.get(strandNumber)}" on earlier rows, not "${row['Strand title']}"`;
    }
    if (problem) {
      errors.push({ row: rowNumber, message: describeIssue(problem, rowNumber, undefined) });
      continue;
    }
    if (row.Reference) firstRowOfRef.set(row.Reference, rowNumber);
    titleOfStrand.set(strandNumber, row['Strand title']);
    valid.push({ rowNumber, row });
  }
  return { format, sheets, sha256, valid, errors, mentioned, rows: rows.length };
}

function changesOf(current: Objective, row: PlanRow): FieldChange[] {
  const wanted: Record<FieldChange['field'], string | number | null> = {
    text: row.Objective,
    year: row.Year,
    targetText: row.Target,
    targetValue: row['Target value'],
    targetUnit: row['Target unit'],
    owner: row.Owner,
  };
  return (Object.keys(wanted) as FieldChange['field'][])
    .filter((field) => wanted[field] !== current[field])
    .map((field) => ({ field, from: current[field], to: wanted[field] }));
}

/** A month given, else this month kept inside the plan period: where retiring or adding takes effect. */
async function defaultRetireFrom(store: StoreTx, given: string | undefined): Promise<string> {
  const plan = await store.plan.summary();
  const month = reportingMonthSchema.parse(given ?? store.today().slice(0, 7));
  if (given) return month;
  if (isWithin(month, plan.startMonth, plan.endMonth)) return month;
  return month < plan.startMonth ? plan.startMonth : plan.endMonth;
}

async function buildPreview(
  store: StoreTx,
  path: string,
  parsed: Parsed,
  options: PlanImportOptions,
): Promise<PlanImportPreview> {
  const preview: PlanImportPreview = {
    source: basename(path),
    format: parsed.format,
    mode: (await store.plan.hasPlan()) ? 'merge' : 'seed',
    rows: parsed.rows,
    errors: parsed.errors,
    added: [],
    changed: [],
    retired: [],
    unchanged: 0,
    warnings: [],
    retireFrom: null,
    startFrom: null,
  };
  if (preview.mode === 'seed') {
    preview.added = parsed.valid.map((v) => ({
      row: v.rowNumber,
      ref: v.row.Reference || null,
      strandNumber: v.row['Strand number'],
      text: v.row.Objective,
    }));
    return preview;
  }
  const existing = new Map((await store.plan.objectives({ includeRetired: true })).map((o) => [o.ref, o]));
  const strandTitles = new Map((await store.plan.strands()).map((s) => [s.number, s.title]));
  const warnedStrands = new Set<number>();
  for (const { rowNumber, row } of parsed.valid) {
    const strandNumber = row['Strand number'];
    if (strandTitles.get(strandNumber) !== row['Strand title'] && !warnedStrands.has(strandNumber)) {
      warnedStrands.add(strandNumber);
      preview.warnings.push(
        `Strand ${strandNumber} is called "${strandTitles.get(strandNumber)}" here and "${row['Strand title']}" in the file; strand titles are changed in the app, not by import.`,
      );
    }
    const current = row.Reference ? existing.get(row.Reference) : undefined;
    if (!current) {
      preview.added.push({ row: rowNumber, ref: row.Reference || null, strandNumber, text: row.Objective });
      continue;
    }
    if (current.retired) preview.warnings.push(`${current.ref} is retired here and stays retired.`);
    if (current.theme !== row.Theme)
      preview.warnings.push(
        `${current.ref} is under "${current.theme}" here and "${row.Theme}" in the file; its theme is part of its reference and does not change.`,
      );
    const changes = changesOf(current, row);
    if (changes.length) preview.changed.push({ row: rowNumber, ref: current.ref, changes });
    else preview.unchanged += 1;
  }
  for (const o of existing.values()) {
    if (!o.retired && !parsed.mentioned.has(o.ref)) preview.retired.push({ ref: o.ref, text: o.text });
  }
  if (preview.retired.length) preview.retireFrom = await defaultRetireFrom(store, options.retireFrom);
  if (preview.added.length) preview.startFrom = await defaultRetireFrom(store, options.startFrom);
  return preview;
}

/** Checks every row and says what importing would do; changes nothing. */
export async function previewPlanImport(
  store: StoreTx,
  path: string,
  options: PlanImportOptions = {},
): Promise<PlanImportPreview> {
  return await buildPreview(store, path, await parseRows(store, path), options);
}

export interface PlanImportInput extends PlanImportOptions {
  path: string;
  actor: string;
  /** Import the good rows and leave out the bad ones (their objectives are not retired). */
  skipBadRows?: boolean;
}

export interface PlanImportResult {
  preview: PlanImportPreview;
  added: string[];
  changed: string[];
  retired: string[];
  skippedRows: number[];
}

function refuseBadRows(preview: PlanImportPreview): never {
  const shown = preview.errors
    .slice(0, 20)
    .map((e) => e.message)
    .join(' ');
  const more = preview.errors.length > 20 ? ` …and ${preview.errors.length - 20} more.` : '';
  throw new BoardPackError(
    'invalid_input',
    `${preview.errors.length} row${preview.errors.length === 1 ? ' has' : 's have'} problems, so nothing was imported. ${shown}${more} Fix them, or import with --skip-bad-rows to leave them out.`,
  );
}

/** Applies an import: seeds an empty database, or adds, rewords and retires in one transaction. */
export async function importPlan(store: StoreTx, input: PlanImportInput): Promise<PlanImportResult> {
  const parsed = await parseRows(store, input.path);
  // The preview is made inside the transaction, so what is written follows what the plan held
  // when the write lock was taken, even if another window changed it after the file was read.
  return store.transaction(async (tx): Promise<PlanImportResult> => {
    const preview = await buildPreview(tx, input.path, parsed, input);
    if (preview.errors.length && !input.skipBadRows) refuseBadRows(preview);
    if (parsed.valid.length === 0)
      throw new BoardPackError(
        'invalid_input',
        `${preview.source} holds no objective rows to import; nothing was imported.`,
      );
    const at = tx.now();
    const seedPlan =
      preview.mode === 'seed'
        ? seedPlanFrom(tx.today(), input.path, parsed.valid, parsed.sheets, input.seed ?? {})
        : null;
    const added: string[] = [];
    const changed: string[] = [];
    const retired: string[] = [];
    if (seedPlan) {
      await tx.plan.seed(seedPlan, at, input.actor);
      added.push(...seedPlan.strands.flatMap((s) => s.themes.flatMap((g) => g.objectives.map((o) => o.ref))));
    } else {
      const rowsByNumber = new Map(parsed.valid.map((v) => [v.rowNumber, v.row]));
      for (const a of preview.added) {
        const row = rowsByNumber.get(a.row)!;
        const created = await tx.plan.addObjective(
          {
            strandNumber: a.strandNumber,
            theme: row.Theme,
            themeCode: row.Reference ? row.Reference.split('.')[1] : themeCodeOf(row.Theme)!,
            text: row.Objective,
            year: row.Year,
            targetText: row.Target,
            targetValue: row['Target value'],
            targetUnit: row['Target unit'],
            owner: row.Owner,
            startMonth: preview.startFrom!,
            ...(row.Reference ? { ref: row.Reference } : {}),
          },
          at,
          input.actor,
        );
        added.push(created.ref);
      }
      for (const c of preview.changed) {
        await tx.plan.rewordObjective(
          c.ref,
          Object.fromEntries(c.changes.map((ch) => [ch.field, ch.to])),
          at,
          input.actor,
        );
        changed.push(c.ref);
      }
      for (const r of preview.retired) {
        await tx.plan.retireObjective(r.ref, preview.retireFrom!, at, input.actor);
        retired.push(r.ref);
      }
    }
    const summary = {
      added: added.length,
      changed,
      retired,
      skippedRows: preview.errors.map((e) => e.row),
      retireFrom: preview.retireFrom,
    };
    await tx.plan.recordImport({
      sourceName: preview.source,
      sha256: parsed.sha256,
      mode: preview.mode,
      summary,
      at,
      actor: input.actor,
    });
    await tx.audit.record(at, input.actor, 'plan.import', 'plan', (await tx.plan.summary()).id, null, {
      source: preview.source,
      mode: preview.mode,
      ...summary,
    });
    return { preview, added, changed, retired, skippedRows: summary.skippedRows };
  });
}
