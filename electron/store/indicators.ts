// Performance indicators: the definitions (seeded from the plan file, added, edited, retired), their
// definition history, and one current monthly figure each with every revision kept. Every change
// writes its audit record in the same transaction; a refusal is a sentence and changes nothing.
import { z } from 'zod';
import {
  definitionChangeSchema,
  figureSchema,
  figureSourceSchema,
  indicatorSchema,
  type DefinitionChange,
  type Figure,
  type FigureSource,
  type FigureValue,
  type IndicatorView,
} from '../../shared/contractIndicators';
import { BoardPackError } from '../../shared/errors';
import {
  betterSchema,
  indicatorRefSchema,
  indicatorUnitSchema,
  ratioScale,
  type IndicatorTarget,
} from '../../shared/indicator';
import type { ReportingMonth } from '../../shared/months';
import type { PlanIndicator } from '../../shared/planFile';
import type { AuditLog } from './audit';
import { countRowSchema, lastPositionRowSchema } from './rowSchemas';
import type { Sql } from './sql';

const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

/** An indicators row as SQLite gives it back. */
const indicatorRowSchema = z.object({
  id: z.number().int(),
  ref: indicatorRefSchema,
  title: z.string(),
  outcome_number: z.number().int().nullable(),
  strand_number: z.number().int().nullable(),
  countable: flag,
  unit: indicatorUnitSchema.nullable(),
  per: z.number().int().nullable(),
  better: betterSchema.nullable(),
  target_kind: z.enum(['value', 'change']).nullable(),
  target_value: z.number().nullable(),
  target_text: z.string().nullable(),
  target_percent: z.number().nullable(),
  target_baseline_note: z.string().nullable(),
  source: z.string(),
  notes_json: z.string(),
  position: z.number().int(),
  retired_from: z.string().nullable(),
  demo: flag,
});
type IndicatorRow = z.infer<typeof indicatorRowSchema>;

const figureRowSchema = z.object({
  ref: z.string(),
  month: z.string(),
  revision: z.number().int(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  source: figureSourceSchema,
  author: z.string(),
  saved_at: z.string(),
});

/** A coalesce(max(revision), 0) AS r row: the month's last revision, 0 when none. */
const lastRevisionRowSchema = z.object({ r: z.number().int() });

/** A min(month) AS m row: the earliest month found, null when none. */
const firstMonthRowSchema = z.object({ m: z.string().nullable() });

/**
 * What the analysis reads of a current figure, for every indicator at once (thousands of rows):
 * checked as the columns' types only, as figureRowSchema is; the month and reference were checked
 * when the figure was written.
 */
type FigureValueRow = [
  indicator: number,
  month: string,
  value: number,
  numerator: number | null,
  denominator: number | null,
];

const isNumberOrNull = (v: unknown) => v === null || typeof v === 'number';

/**
 * Checked by a predicate rather than a schema per row: zod, compiled without eval, allocates a
 * result for every value it checks, which for thousands of rows was most of the read's garbage.
 */
const figureValueRowsSchema = z.custom<FigureValueRow[]>(
  (rows) =>
    Array.isArray(rows) &&
    rows.every(
      (r: unknown) =>
        Array.isArray(r) &&
        typeof r[0] === 'number' &&
        typeof r[1] === 'string' &&
        typeof r[2] === 'number' &&
        isNumberOrNull(r[3]) &&
        isNumberOrNull(r[4]),
    ),
  'A figure value row is not (indicator id, month, value, numerator, denominator).',
);

/** An indicator's id and reference, in the plan's order. */
const indicatorOrderSchema = z.array(z.tuple([z.number(), z.string()]));

const changeRowSchema = z.object({
  ref: z.string(),
  month: z.string(),
  note: z.string(),
  at: z.string(),
  actor: z.string(),
});

function targetOf(row: IndicatorRow): IndicatorTarget | null {
  if (row.target_kind === 'value' && row.target_value !== null) {
    return { kind: 'value', value: row.target_value, ...(row.target_text ? { text: row.target_text } : {}) };
  }
  if (row.target_kind === 'change' && row.target_percent !== null && row.target_baseline_note !== null) {
    return { kind: 'change', percent: row.target_percent, baselineNote: row.target_baseline_note };
  }
  return null;
}

/** An indicator's notes, kept as a JSON array of strings. */
const notesSchema = z.array(z.string());

function toIndicator(raw: unknown): IndicatorView {
  const row = indicatorRowSchema.parse(raw);
  return indicatorSchema.parse({
    ref: row.ref,
    title: row.title,
    outcome: row.outcome_number,
    strand: row.strand_number,
    countable: row.countable,
    unit: row.unit,
    per: row.per,
    better: row.better,
    target: targetOf(row),
    source: row.source,
    notes: notesSchema.parse(JSON.parse(row.notes_json)),
    position: row.position,
    retiredFrom: row.retired_from,
    demo: row.demo,
  });
}

function toFigure(raw: unknown): Figure {
  const row = figureRowSchema.parse(raw);
  return figureSchema.parse({ ...row, savedAt: row.saved_at });
}

function toChange(raw: unknown): DefinitionChange & { ref: string } {
  const row = changeRowSchema.parse(raw);
  return { ...definitionChangeSchema.parse(row), ref: row.ref };
}

/** What an indicator is, as add and edit take it. */
export interface IndicatorFields {
  title: string;
  outcome: number | null;
  strand: number | null;
  unit: z.infer<typeof indicatorUnitSchema>;
  per: number | null;
  better: z.infer<typeof betterSchema>;
  target: IndicatorTarget | null;
  source: string;
  notes: string[];
}

export interface NewIndicator extends IndicatorFields {
  /** A reference the secretariat names; the next free one (S3.M9, KO2.M1) when absent. */
  ref?: string;
  demo?: boolean;
}

export interface FigureInput {
  ref: string;
  month: ReportingMonth;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
  source: FigureSource;
  author: string;
}

export interface IndicatorFilter {
  strandNumber?: number;
  outcome?: number;
  includeRetired?: boolean;
  /** Live in this month (not retired from it or before). */
  month?: ReportingMonth;
}

const INDICATOR_COLUMNS = `id, ref, title, outcome_number, strand_number, countable, unit, per, better, target_kind,
  target_value, target_text, target_percent, target_baseline_note, source, notes_json, position, retired_from, demo`;
const FIGURE_COLUMNS = `i.ref, f.month, f.revision, f.value, f.numerator, f.denominator, f.note, f.source, f.author,
  f.saved_at`;
const BY_REF = `SELECT ${INDICATOR_COLUMNS} FROM indicators WHERE ref = ?`;
const CURRENT_FIGURE = `SELECT ${FIGURE_COLUMNS} FROM indicator_figures f JOIN indicators i ON i.id = f.indicator_id
  WHERE f.indicator_id = ? AND f.month = ? AND f.is_current = 1`;

function targetColumns(target: IndicatorTarget | null): (number | string | null)[] {
  if (target === null) return [null, null, null, null, null];
  if (target.kind === 'value') return ['value', target.value, target.text ?? null, null, null];
  return ['change', null, null, target.percent, target.baselineNote];
}

/** Decimal places a number is written with, so "33.3" agrees with 1/3 × 100 and "33" does too. */
function placesOf(value: number): number {
  const written = String(value);
  if (written.includes('e')) return 6;
  return Math.min(6, written.split('.')[1]?.length ?? 0);
}

/** A sentence for a figure whose numerator and denominator do not fit its indicator, or null. */
export function figureProblem(
  indicator: Pick<IndicatorView, 'ref' | 'unit' | 'per' | 'countable' | 'retiredFrom'>,
  figure: Pick<FigureInput, 'month' | 'value' | 'numerator' | 'denominator'>,
): string | null {
  const { ref } = indicator;
  if (!indicator.countable || indicator.unit === null)
    return `Indicator ${ref} is not countable: it takes no figures.`;
  if (indicator.retiredFrom !== null && indicator.retiredFrom <= figure.month)
    return `Indicator ${ref} was retired from ${indicator.retiredFrom}; it takes no figure for ${figure.month}.`;
  if (!Number.isFinite(figure.value)) return `The value for ${ref} in ${figure.month} is not a number.`;
  const { numerator, denominator } = figure;
  if ((numerator === null) !== (denominator === null))
    return `Give both the numerator and the denominator for ${ref} in ${figure.month}, or neither.`;
  if (numerator === null || denominator === null) return null;
  const scale = ratioScale({ unit: indicator.unit, per: indicator.per ?? undefined });
  if (scale === null)
    return `Indicator ${ref} is a count: it takes a value, not a numerator and denominator.`;
  if (numerator < 0) return `The numerator for ${ref} in ${figure.month} is negative.`;
  if (!(denominator > 0)) return `The denominator for ${ref} in ${figure.month} must be more than nothing.`;
  const exact = (numerator / denominator) * scale;
  const tolerance = 0.5 * 10 ** -placesOf(figure.value) + 1e-9;
  if (Math.abs(figure.value - exact) > tolerance) {
    const shown = Number(exact.toFixed(Math.max(2, placesOf(figure.value))));
    return `The value for ${ref} in ${figure.month} is ${figure.value}, but ${numerator} out of ${denominator} is ${shown}: correct the value, the numerator or the denominator.`;
  }
  return null;
}

/** Figures per multi-row INSERT: 8 parameters each stays far inside either database's limit. */
const FIGURES_PER_INSERT = 1000;

export class IndicatorsRepository {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditLog,
  ) {}

  async count(): Promise<number> {
    return countRowSchema.parse(await this.sql.get('SELECT count(*) AS n FROM indicators')).n;
  }

  async list(filter: IndicatorFilter = {}): Promise<IndicatorView[]> {
    const where: string[] = [];
    const args: (number | string)[] = [];
    if (filter.strandNumber !== undefined) {
      where.push('strand_number = ?');
      args.push(filter.strandNumber);
    }
    if (filter.outcome !== undefined) {
      where.push('outcome_number = ?');
      args.push(filter.outcome);
    }
    if (filter.month !== undefined) {
      where.push('(retired_from IS NULL OR retired_from > ?)');
      args.push(filter.month);
    } else if (!filter.includeRetired) where.push('retired_from IS NULL');
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    return (
      await this.sql.all(
        `SELECT ${INDICATOR_COLUMNS} FROM indicators ${clause} ORDER BY position, id`,
        ...args,
      )
    ).map(toIndicator);
  }

  async get(ref: string): Promise<IndicatorView> {
    return toIndicator(await this.row(ref));
  }

  private async row(ref: string): Promise<{ id: number }> {
    const row = (await this.sql.get(BY_REF, ref.trim())) as { id: number } | undefined;
    if (!row) throw new BoardPackError('not_found', `There is no indicator ${ref}.`);
    return row;
  }

  /** The plan file's indicators, in its order, into a database that has none; one audit record. */
  async seed(
    indicators: readonly PlanIndicator[],
    at: string,
    actor: string,
    action = 'indicators.seed',
  ): Promise<number> {
    return this.sql.transaction(async () => {
      if (indicators.length === 0) return 0;
      if ((await this.count()) > 0)
        throw new BoardPackError('conflict', 'This database already holds indicators.');
      for (const [i, indicator] of indicators.entries()) {
        const countable = indicator.countable;
        await this.insert({
          ref: indicator.ref,
          title: indicator.title,
          outcome: indicator.outcome,
          strand: indicator.strand,
          countable,
          unit: countable ? indicator.unit : null,
          per: countable ? (indicator.per ?? null) : null,
          better: countable ? indicator.better : null,
          target: countable ? indicator.target : null,
          source: countable ? indicator.source : '',
          notes: indicator.notes,
          position: i + 1,
          demo: false,
        });
      }
      await this.audit.record(at, actor, action, 'indicator', 'all', null, {
        indicators: indicators.map((i) => i.ref),
      });
      return indicators.length;
    });
  }

  private async insert(
    values: Omit<IndicatorFields, 'unit' | 'better'> & {
      ref: string;
      countable: boolean;
      unit: IndicatorFields['unit'] | null;
      better: IndicatorFields['better'] | null;
      position: number;
      demo: boolean;
    },
  ): Promise<void> {
    await this.sql.run(
      `INSERT INTO indicators (ref, title, outcome_number, strand_number, countable, unit, per, better, target_kind,
         target_value, target_text, target_percent, target_baseline_note, source, notes_json, position, demo)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      values.ref,
      values.title,
      values.outcome,
      values.strand,
      values.countable ? 1 : 0,
      values.unit,
      values.per,
      values.better,
      ...targetColumns(values.target),
      values.source,
      JSON.stringify(values.notes),
      values.position,
      values.demo ? 1 : 0,
    );
  }

  private async assertPlace(fields: Pick<IndicatorFields, 'outcome' | 'strand'>): Promise<void> {
    if (fields.outcome === null && fields.strand === null)
      throw new BoardPackError('invalid_input', 'Say which key outcome or strand the indicator belongs to.');
    if (fields.outcome !== null) {
      const found = await this.sql.get('SELECT 1 FROM outcomes WHERE number = ?', fields.outcome);
      if (!found) throw new BoardPackError('not_found', `The plan has no key outcome ${fields.outcome}.`);
    }
    if (fields.strand !== null) {
      const found = await this.sql.get('SELECT 1 FROM strands WHERE number = ?', fields.strand);
      if (!found) throw new BoardPackError('not_found', `The plan has no strand ${fields.strand}.`);
    }
  }

  private assertMeasure(fields: Pick<IndicatorFields, 'unit' | 'per'>): void {
    if (fields.unit === 'rate' && fields.per === null)
      throw new BoardPackError('invalid_input', 'A rate says what it is per, such as per 1000.');
    if (fields.unit !== 'rate' && fields.per !== null)
      throw new BoardPackError(
        'invalid_input',
        'Only a rate is per a number; leave "per" out for this unit.',
      );
  }

  /** The next free reference: S3.M9 on a strand, KO2.M1 for a key outcome alone. */
  private async nextRef(fields: Pick<IndicatorFields, 'outcome' | 'strand'>): Promise<string> {
    const stem = fields.strand !== null ? `S${fields.strand}.M` : `KO${fields.outcome}.M`;
    // lower() on both sides: SQLite's LIKE ignores case and PostgreSQL's does not.
    const taken = (
      (await this.sql.all('SELECT ref FROM indicators WHERE lower(ref) LIKE lower(?)', `${stem}%`)) as {
        ref: string;
      }[]
    ).map((r) => Number(/^\d+/.exec(r.ref.slice(stem.length))?.[0] ?? 0));
    return `${stem}${Math.max(0, ...taken) + 1}`;
  }

  async add(input: NewIndicator, at: string, actor: string): Promise<IndicatorView> {
    return this.sql.transaction(async () => {
      await this.assertPlace(input);
      this.assertMeasure(input);
      const ref = input.ref ?? (await this.nextRef(input));
      if (await this.sql.get(BY_REF, ref))
        throw new BoardPackError(
          'conflict',
          `There is already an indicator ${ref}; choose another reference.`,
        );
      const position =
        lastPositionRowSchema.parse(
          await this.sql.get('SELECT coalesce(max(position), 0) AS p FROM indicators'),
        ).p + 1;
      await this.insert({ ...input, ref, countable: true, position, demo: input.demo ?? false });
      const added = await this.get(ref);
      await this.audit.record(at, actor, 'indicator.add', 'indicator', ref, null, added);
      return added;
    });
  }

  async edit(
    ref: string,
    changes: Partial<IndicatorFields>,
    at: string,
    actor: string,
  ): Promise<IndicatorView> {
    return this.sql.transaction(async () => {
      const before = await this.get(ref);
      if (!before.countable && (changes.unit !== undefined || changes.better !== undefined))
        throw new BoardPackError(
          'invalid_input',
          `Indicator ${ref} is not countable: add a new indicator for the figure the board will count.`,
        );
      const unit = changes.unit ?? before.unit;
      const per = changes.per !== undefined ? changes.per : unit === 'rate' ? before.per : null;
      const next = {
        title: changes.title ?? before.title,
        outcome: changes.outcome !== undefined ? changes.outcome : before.outcome,
        strand: changes.strand !== undefined ? changes.strand : before.strand,
        unit,
        per,
        better: changes.better ?? before.better,
        target: changes.target !== undefined ? changes.target : before.target,
        source: changes.source ?? before.source,
        notes: changes.notes ?? before.notes,
      };
      await this.assertPlace(next);
      if (before.countable) this.assertMeasure({ unit: next.unit ?? 'count', per: next.per });
      if ((next.unit !== before.unit || next.per !== before.per) && (await this.hasFigures(ref)))
        throw new BoardPackError(
          'conflict',
          `Indicator ${ref} already has figures in ${before.unit === 'rate' ? `a rate per ${before.per}` : `its unit (${before.unit})`}: its unit cannot change. Add a new indicator for the new measure.`,
        );
      await this.sql.run(
        `UPDATE indicators SET title = ?, outcome_number = ?, strand_number = ?, unit = ?, per = ?, better = ?,
           target_kind = ?, target_value = ?, target_text = ?, target_percent = ?, target_baseline_note = ?,
           source = ?, notes_json = ? WHERE ref = ?`,
        next.title,
        next.outcome,
        next.strand,
        next.unit,
        next.per,
        next.better,
        ...targetColumns(next.target),
        next.source,
        JSON.stringify(next.notes),
        ref,
      );
      const after = await this.get(ref);
      await this.audit.record(at, actor, 'indicator.edit', 'indicator', ref, before, after);
      return after;
    });
  }

  private async hasFigures(ref: string): Promise<boolean> {
    return (
      (await this.sql.get(
        'SELECT 1 FROM indicator_figures WHERE indicator_id = ? LIMIT 1',
        (await this.row(ref)).id,
      )) !== undefined
    );
  }

  /** Retires an indicator from a month (figures before it stay); null brings it back. */
  async retire(
    ref: string,
    fromMonth: ReportingMonth | null,
    at: string,
    actor: string,
  ): Promise<IndicatorView> {
    return this.sql.transaction(async () => {
      const before = await this.get(ref);
      if (fromMonth !== null) {
        const later = firstMonthRowSchema.parse(
          await this.sql.get(
            'SELECT min(month) AS m FROM indicator_figures WHERE indicator_id = ? AND month >= ?',
            (await this.row(ref)).id,
            fromMonth,
          ),
        );
        if (later.m !== null)
          throw new BoardPackError(
            'conflict',
            `Indicator ${ref} has a figure for ${later.m}: retire it from a month after its last figure.`,
          );
      }
      await this.sql.run('UPDATE indicators SET retired_from = ? WHERE ref = ?', fromMonth, ref);
      const after = await this.get(ref);
      const action = fromMonth === null ? 'indicator.unretire' : 'indicator.retire';
      await this.audit.record(at, actor, action, 'indicator', ref, before, after);
      return after;
    });
  }

  /** Records a definition change at a month: the series starts a new segment there. */
  async addBreak(
    ref: string,
    month: ReportingMonth,
    note: string,
    at: string,
    actor: string,
    demo = false,
  ): Promise<DefinitionChange> {
    return this.sql.transaction(async () => {
      const indicator = await this.get(ref);
      if (!indicator.countable)
        throw new BoardPackError(
          'invalid_input',
          `Indicator ${ref} is not countable: it has no series to rebase.`,
        );
      if (!note.trim()) throw new BoardPackError('invalid_input', 'Say what changed in the definition.');
      const { id } = await this.row(ref);
      if (
        await this.sql.get(
          'SELECT 1 FROM indicator_definition_changes WHERE indicator_id = ? AND month = ?',
          id,
          month,
        )
      )
        throw new BoardPackError('conflict', `Indicator ${ref} already has a definition change at ${month}.`);
      await this.sql.run(
        'INSERT INTO indicator_definition_changes (indicator_id, month, note, at, actor, demo) VALUES (?, ?, ?, ?, ?, ?)',
        id,
        month,
        note.trim(),
        at,
        actor,
        demo ? 1 : 0,
      );
      const change = { month, note: note.trim(), at, actor };
      await this.audit.record(at, actor, 'indicator.break', 'indicator', ref, null, change);
      return change;
    });
  }

  /** Each indicator's definition changes, oldest first; one indicator's when ref is given. */
  async definitionChanges(ref?: string): Promise<(DefinitionChange & { ref: string })[]> {
    const sql = `SELECT i.ref, c.month, c.note, c.at, c.actor FROM indicator_definition_changes c
       JOIN indicators i ON i.id = c.indicator_id ${ref === undefined ? '' : 'WHERE i.ref = ?'}
       ORDER BY i.position, i.id, c.month`;
    const rows = ref === undefined ? await this.sql.all(sql) : await this.sql.all(sql, ref);
    return rows.map(toChange);
  }

  /**
   * Saves a month's figure as a new revision (the first, or one replacing the current). Saving
   * the same figure again changes nothing and answers the current one.
   */
  async setFigure(input: FigureInput, at: string): Promise<Figure> {
    return this.sql.transaction(async () => {
      const indicator = await this.get(input.ref);
      const problem = figureProblem(indicator, input);
      if (problem !== null) throw new BoardPackError('invalid_input', problem);
      const { id } = await this.row(input.ref);
      const current = await this.sql.get(CURRENT_FIGURE, id, input.month);
      const before = current === undefined ? null : toFigure(current);
      if (before !== null && sameFigure(before, input)) return before;
      if (before !== null)
        await this.sql.run(
          'UPDATE indicator_figures SET is_current = 0 WHERE indicator_id = ? AND month = ? AND is_current = 1',
          id,
          input.month,
        );
      const revision =
        lastRevisionRowSchema.parse(
          await this.sql.get(
            'SELECT coalesce(max(revision), 0) AS r FROM indicator_figures WHERE indicator_id = ? AND month = ?',
            id,
            input.month,
          ),
        ).r + 1;
      await this.sql.run(
        `INSERT INTO indicator_figures (indicator_id, month, revision, is_current, value, numerator, denominator, note,
           source, author, saved_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        input.month,
        revision,
        input.value,
        input.numerator,
        input.denominator,
        input.note,
        input.source,
        input.author,
        at,
      );
      const after = toFigure(await this.sql.get(CURRENT_FIGURE, id, input.month));
      // Demo figures are many and marked as demo; the demo load records itself once.
      if (input.source !== 'demo')
        await this.audit.record(
          at,
          input.author,
          'indicator.figure',
          'indicator',
          `${input.ref} ${input.month}`,
          before,
          after,
        );
      return after;
    });
  }

  /**
   * The demo's figures, many at once: each checked as setFigure checks it, each the first revision
   * of a month that has none (a month with a figure is refused by the index of current figures),
   * in multi-row INSERTs (a round trip each to a server, rather than four per figure). Demo
   * figures write no audit record: the demo load records itself once.
   */
  async addDemoFigures(inputs: readonly Omit<FigureInput, 'source'>[], at: string): Promise<number> {
    return this.sql.transaction(async () => {
      const indicators = new Map((await this.list({ includeRetired: true })).map((i) => [i.ref, i]));
      const rows = inputs.map((input) => {
        const indicator = indicators.get(input.ref.trim());
        if (!indicator) throw new BoardPackError('not_found', `There is no indicator ${input.ref}.`);
        const problem = figureProblem(indicator, input);
        if (problem !== null) throw new BoardPackError('invalid_input', problem);
        return [
          indicator.ref,
          input.month,
          input.value,
          input.numerator,
          input.denominator,
          input.note,
          input.author,
          at,
        ];
      });
      for (let from = 0; from < rows.length; from += FIGURES_PER_INSERT) {
        const chunk = rows.slice(from, from + FIGURES_PER_INSERT);
        await this.sql.run(
          `INSERT INTO indicator_figures (indicator_id, month, revision, is_current, value, numerator, denominator, note,
             source, author, saved_at) VALUES ${chunk.map(() => "((SELECT id FROM indicators WHERE ref = ?), ?, 1, 1, ?, ?, ?, ?, 'demo', ?, ?)").join(', ')}`,
          ...chunk.flat(),
        );
      }
      return rows.length;
    });
  }

  /** Current figures, by indicator position then month; optionally some indicators and months. */
  async currentFigures(
    options: { refs?: readonly string[]; from?: ReportingMonth; to?: ReportingMonth } = {},
  ): Promise<Figure[]> {
    const where = ['f.is_current = 1'];
    const args: string[] = [];
    if (options.from !== undefined) {
      where.push('f.month >= ?');
      args.push(options.from);
    }
    if (options.to !== undefined) {
      where.push('f.month <= ?');
      args.push(options.to);
    }
    if (options.refs !== undefined) {
      where.push(`i.ref IN (${options.refs.map(() => '?').join(', ') || 'NULL'})`);
      args.push(...options.refs);
    }
    return (
      await this.sql.all(
        `SELECT ${FIGURE_COLUMNS} FROM indicator_figures f JOIN indicators i ON i.id = f.indicator_id
         WHERE ${where.join(' AND ')} ORDER BY i.position, i.id, f.month`,
        ...args,
      )
    ).map(toFigure);
  }

  /**
   * What was counted, month by month, of the current figures (of some indicators, up to a month,
   * when given), by indicator position then month: what the analysis of a list of indicators reads.
   */
  async figureValues(
    options: { refs?: readonly string[]; to?: ReportingMonth } = {},
  ): Promise<FigureValue[]> {
    const where = ['f.is_current = 1'];
    const args: string[] = [];
    if (options.to !== undefined) {
      where.push('f.month <= ?');
      args.push(options.to);
    }
    if (options.refs !== undefined) {
      where.push(
        `f.indicator_id IN (SELECT id FROM indicators WHERE ref IN (${options.refs.map(() => '?').join(', ') || 'NULL'}))`,
      );
      args.push(...options.refs);
    }
    // In the order of the current-figure index, as bare rows: no sort, and no reference and no
    // property names repeated on each of thousands of rows. They are put in the plan's order below.
    const rows = figureValueRowsSchema.parse(
      await this.sql.rows(
        `SELECT f.indicator_id, f.month, f.value, f.numerator, f.denominator
         FROM indicator_figures f WHERE ${where.join(' AND ')} ORDER BY f.indicator_id, f.month`,
        ...args,
      ),
    );
    // Each indicator's rows are one run in index order: where it starts and ends.
    const runs = new Map<number, [number, number]>();
    rows.forEach(([id], i) => {
      const run = runs.get(id);
      if (run === undefined) runs.set(id, [i, i + 1]);
      else run[1] = i + 1;
    });
    const order = indicatorOrderSchema.parse(
      await this.sql.rows('SELECT id, ref FROM indicators ORDER BY position, id'),
    );
    const values: FigureValue[] = [];
    for (const [id, ref] of order) {
      const [from, to] = runs.get(id) ?? [0, 0];
      for (let i = from; i < to; i++) {
        const [, month, value, numerator, denominator] = rows[i];
        values.push({ ref, month, value, numerator, denominator });
      }
    }
    return values;
  }

  /** Every revision of an indicator's figures (one month's when given), newest first per month. */
  async revisions(ref: string, month?: ReportingMonth): Promise<Figure[]> {
    const { id } = await this.row(ref);
    const sql = `SELECT ${FIGURE_COLUMNS} FROM indicator_figures f JOIN indicators i ON i.id = f.indicator_id
       WHERE f.indicator_id = ? ${month === undefined ? '' : 'AND f.month = ?'} ORDER BY f.month, f.revision DESC`;
    const rows = month === undefined ? await this.sql.all(sql, id) : await this.sql.all(sql, id, month);
    return rows.map(toFigure);
  }

  /**
   * Removes the demo's figures and definition changes, and any indicator the demo added, in the
   * caller's transaction (the demo removal records itself). A figure revised by a person over a
   * demo one is kept, with its demo revisions, so nobody's work is lost.
   */
  async removeDemo(): Promise<{ figures: number; definitionChanges: number; indicators: number }> {
    return this.sql.transaction(async () => {
      const figures = (
        await this.sql.run(
          `DELETE FROM indicator_figures WHERE source = 'demo' AND (indicator_id, month) NOT IN (
             SELECT indicator_id, month FROM indicator_figures WHERE source <> 'demo')`,
        )
      ).changes;
      const definitionChanges = (
        await this.sql.run('DELETE FROM indicator_definition_changes WHERE demo = 1')
      ).changes;
      const indicators = (
        await this.sql.run(
          'DELETE FROM indicators WHERE demo = 1 AND id NOT IN (SELECT indicator_id FROM indicator_figures)',
        )
      ).changes;
      return { figures, definitionChanges, indicators };
    });
  }
}

function sameFigure(current: Figure, input: FigureInput): boolean {
  return (
    current.value === input.value &&
    current.numerator === input.numerator &&
    current.denominator === input.denominator &&
    current.note === input.note
  );
}
