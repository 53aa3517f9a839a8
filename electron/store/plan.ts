// The plan aggregate: strategy, outcomes, themes, strands, their measures and aims, objectives,
// partners and glossary. Seeded from a plan file; edited by add / reword / retire, never deleted
// once an objective has updates.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { planYearSchema, type Objective, type PlanSummary, type Strand } from '../../shared/domain';
import { planDetailSchema, type newObjectiveSchema } from '../../shared/contractSchemas';
import { isWithin, monthIndex, reportingMonthSchema, type ReportingMonth } from '../../shared/months';
import { MAX_OBJECTIVE_NUMBER, nextObjectiveNumber } from '../../shared/objectiveRefs';
import type { PlanFile } from '../../shared/planFile';
import type { AuditLog } from './audit';
import type { Sql } from './sql';
import { countRowSchema, flagColumn, lastPositionRowSchema, wordsColumn } from './rowSchemas';

// An objective row, read as an array in OBJECTIVE_COLUMNS order (the executor's rows()): zod
// checks a tuple in about a quarter of the time of an object without eval, and objectives() reads
// every objective of the plan (2,000 in the benchmark) on most screens.
const objectiveRowSchema = z
  .tuple([
    z.number().int(),
    z.string(),
    z.number().int(),
    z.string(),
    z.string(),
    z.string(),
    planYearSchema.nullable(),
    z.string().nullable(),
    // Infinity as a target was stored by imports before they refused it; it is read as it is so the
    // next import can mend it (spreadsheet.hostile.test).
    z.union([z.number(), z.literal(Infinity), z.literal(-Infinity)]).nullable(),
    z.string().nullable(),
    z.string().nullable(),
    flagColumn,
    wordsColumn,
    z.number().int(),
    reportingMonthSchema,
    reportingMonthSchema.nullable(),
  ])
  .transform(
    ([
      id,
      ref,
      strand_number,
      theme,
      theme_code,
      text,
      year,
      target_text,
      target_value,
      target_unit,
      owner,
      repeated,
      notes_json,
      position,
      start_month,
      retired_from,
    ]): Objective => ({
      id,
      ref,
      strandNumber: strand_number,
      theme,
      themeCode: theme_code,
      text,
      year,
      targetText: target_text,
      targetValue: target_value,
      targetUnit: target_unit,
      owner,
      repeated,
      notes: notes_json,
      position,
      retired: retired_from !== null,
      startMonth: start_month,
      retiredFrom: retired_from,
    }),
  );
const objectiveRowsSchema = z.array(objectiveRowSchema);

const planRowSchema = z
  .object({
    plan_key: z.string(),
    title: z.string(),
    organisation: z.string(),
    board_name: z.string(),
    aim: z.string(),
    start_month: reportingMonthSchema,
    end_month: reportingMonthSchema,
    protective_marking: z.string(),
    chairs_json: wordsColumn,
  })
  .transform((row) => ({
    summary: {
      id: row.plan_key,
      title: row.title,
      organisation: row.organisation,
      boardName: row.board_name,
      aim: row.aim,
      startMonth: row.start_month,
      endMonth: row.end_month,
      protectiveMarking: row.protective_marking,
    } satisfies PlanSummary,
    chairs: row.chairs_json,
  }));

const themeRowsSchema = z.array(
  z.object({ kind: z.enum(['underpinning', 'cross_cutting']), name: z.string(), summary: z.string() }),
);
const outcomeRowsSchema = planDetailSchema.shape.outcomes;
const glossaryRowsSchema = planDetailSchema.shape.glossary;
const titleRowsSchema = z.array(z.object({ title: z.string() }));
const nameRowsSchema = z.array(z.object({ name: z.string() }));
const strandRowsSchema = z.array(
  z.object({
    id: z.number().int(),
    number: z.number().int(),
    title: z.string(),
    operation: z.string().nullable(),
    lead: z.string(),
  }),
);
const strandTextRowsSchema = z.array(z.object({ strand_id: z.number().int(), text: z.string() }));
const refRowsSchema = z.array(z.object({ ref: z.string() }));

/** The columns of objectiveRowSchema, in its order. */
const OBJECTIVE_COLUMNS = `o.id, o.ref, s.number AS strand_number, o.theme, o.theme_code, o.text, o.year,
  o.target_text, o.target_value, o.target_unit, o.owner, o.repeated, o.notes_json, o.position, o.start_month,
  o.retired_from`;

/** Sort key for references such as 2.E.3 and 2.E.10: strand, then position in the table. */
const OBJECTIVE_ORDER = 's.number, o.position, o.id';

const OBJECTIVE_BY_REF = `SELECT ${OBJECTIVE_COLUMNS} FROM objectives o JOIN strands s ON s.id = o.strand_id WHERE o.ref = ?`;
const PLAN_ROW = 'SELECT * FROM plan WHERE id = 1';

/** The plan as the store holds it: the contract's plan detail without its strands and theme headings. */
export type PlanDetail = Omit<z.infer<typeof planDetailSchema>, 'strands' | 'themes'>;

/**
 * An objective to add, as the contract takes it, with what the store is told besides: a reference
 * issued elsewhere (a spreadsheet, a request; the next free one when absent) and the first month it
 * reports in (the caller decides, usually the current reporting month).
 */
export type NewObjective = Omit<z.input<typeof newObjectiveSchema>, 'startMonth'> & {
  ref?: string;
  startMonth: ReportingMonth;
};

// The statements that write a plan file into an empty database (seed).
const INSERT_OUTCOME = 'INSERT INTO outcomes (number, text) VALUES (?, ?)';
const INSERT_THEME = 'INSERT INTO themes (kind, position, name, summary) VALUES (?, ?, ?, ?)';
const INSERT_AGENDA_ITEM = 'INSERT INTO standing_agenda (position, title) VALUES (?, ?)';
const INSERT_PARTNER = 'INSERT INTO partners (position, name) VALUES (?, ?)';
const INSERT_TERM = 'INSERT INTO glossary (position, term, meaning) VALUES (?, ?, ?)';
const INSERT_STRAND = 'INSERT INTO strands (number, title, operation, lead) VALUES (?, ?, ?, ?)';
const INSERT_MEASURE = 'INSERT INTO success_measures (strand_id, position, text) VALUES (?, ?, ?)';
const INSERT_AIM = 'INSERT INTO strand_aims (strand_id, position, text) VALUES (?, ?, ?)';
const INSERT_SEEDED_OBJECTIVE = `INSERT INTO objectives (ref, strand_id, theme, theme_code, position, text, year, target_text, target_value,
    target_unit, owner, repeated, notes_json, start_month)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_SEEDED_LEAD =
  "INSERT INTO people (name, role, strand_id, from_plan) SELECT ?, 'strand_lead', id, 1 FROM strands WHERE number = ?";
const INSERT_SEEDED_CHAIR = "INSERT INTO people (name, role, from_plan) VALUES (?, 'chair', 1)";

/** The refusal of a database that holds no plan yet. */
export function noPlanError(): BoardPackError {
  return new BoardPackError(
    'not_found',
    'This database holds no plan yet. Run "init" to load the built-in plan.',
  );
}

/**
 * Refuses a month outside the plan period (start to end) with a sentence that names the period;
 * for a caller that read the period with its own rows (one round trip to a server, not two).
 */
export function assertWithinPeriod(month: ReportingMonth, start: ReportingMonth, end: ReportingMonth): void {
  if (!isWithin(month, start, end))
    throw new BoardPackError(
      'outside_plan_period',
      `${month} is outside the plan period (${start} to ${end}).`,
    );
}

/** A spreadsheet import of the plan, as recorded: what, from where, by whom. */
export interface PlanImportEntry {
  sourceName: string;
  sha256: string;
  mode: string;
  summary: unknown;
  at: string;
  actor: string;
}

export class PlanRepository {
  constructor(
    private readonly sql: Sql,
    private readonly audit: AuditLog,
  ) {}

  async hasPlan(): Promise<boolean> {
    return (await this.sql.get(PLAN_ROW)) !== undefined;
  }

  /** The objective's row as rows() answers it (an array in OBJECTIVE_COLUMNS order), if there is one. */
  private async objectiveRow(ref: string): Promise<unknown[] | undefined> {
    return (await this.sql.rows(OBJECTIVE_BY_REF, ref))[0];
  }

  /** Writes a whole plan into an empty database, in one transaction. */
  async seed(plan: PlanFile, at: string, actor: string): Promise<void> {
    await this.sql.transaction(async () => {
      if (await this.hasPlan()) throw new BoardPackError('conflict', 'This database already holds a plan.');
      const sql = this.sql;
      await sql.run(
        `INSERT INTO plan (id, plan_key, title, organisation, board_name, aim, start_month, end_month, protective_marking, chairs_json)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        plan.id,
        plan.title,
        plan.organisation,
        plan.boardName,
        plan.aim,
        plan.period.startMonth,
        plan.period.endMonth,
        plan.protectiveMarking,
        JSON.stringify(plan.chairs),
      );
      for (const o of plan.outcomes) await sql.run(INSERT_OUTCOME, o.number, o.text);
      for (const [i, name] of plan.underpinningThemes.entries())
        await sql.run(INSERT_THEME, 'underpinning', i + 1, name, '');
      for (const [i, t] of plan.crossCuttingThemes.entries())
        await sql.run(INSERT_THEME, 'cross_cutting', i + 1, t.name, t.summary);
      for (const [i, title] of plan.standingAgenda.entries()) await sql.run(INSERT_AGENDA_ITEM, i + 1, title);
      for (const [i, name] of plan.partners.entries()) await sql.run(INSERT_PARTNER, i + 1, name);
      for (const [i, g] of plan.glossary.entries()) await sql.run(INSERT_TERM, i + 1, g.term, g.meaning);

      let objectiveCount = 0;
      for (const s of plan.strands) {
        const strandId = await sql.insert(INSERT_STRAND, s.number, s.title, s.operation, s.lead);
        for (const [i, text] of s.successMeasures.entries())
          await sql.run(INSERT_MEASURE, strandId, i + 1, text);
        for (const [i, text] of s.aims.entries()) await sql.run(INSERT_AIM, strandId, i + 1, text);
        let position = 0;
        for (const group of s.themes) {
          for (const o of group.objectives) {
            position += 1;
            objectiveCount += 1;
            await sql.run(
              INSERT_SEEDED_OBJECTIVE,
              o.ref,
              strandId,
              group.theme,
              group.code,
              position,
              o.text,
              o.year,
              o.target?.text ?? null,
              o.target?.value ?? null,
              o.target?.unit ?? null,
              o.owner,
              o.repeated ? 1 : 0,
              JSON.stringify(o.notes),
              // The built-in plan's objectives report from the plan's first month.
              plan.period.startMonth,
            );
          }
        }
      }
      await this.audit.record(at, actor, 'plan.seed', 'plan', plan.id, null, {
        title: plan.title,
        strands: plan.strands.length,
        objectives: objectiveCount,
      });
      await this.seedPeople(plan, at, actor);
    });
  }

  /** The plan's strand leads (roles, as the document gives them) and chairs, as the roster's first people. */
  private async seedPeople(plan: PlanFile, at: string, actor: string): Promise<void> {
    for (const s of plan.strands)
      if (s.lead.trim()) await this.sql.run(INSERT_SEEDED_LEAD, s.lead.trim(), s.number);
    for (const name of plan.chairs) if (name.trim()) await this.sql.run(INSERT_SEEDED_CHAIR, name.trim());
    const seeded = await this.sql.all('SELECT id, name, role FROM people WHERE from_plan = 1 ORDER BY id');
    if (seeded.length > 0)
      await this.audit.record(at, actor, 'people.seed', 'person', 'plan', null, { people: seeded });
  }

  /**
   * True while the plan is all the database holds: no updates, meetings, issued packs, people,
   * exchange files or imports. Such a plan (a fresh install's seed) can be replaced whole.
   */
  async isUntouched(): Promise<boolean> {
    const row = await this.sql.get(
      `SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM issued_packs)
         + (SELECT count(*) FROM people WHERE from_plan = 0) + (SELECT count(*) FROM exchange_files_seen) + (SELECT count(*) FROM exchange_requests)
         + (SELECT count(*) FROM exchange_inbox) + (SELECT count(*) FROM plan_imports)
         + (SELECT count(*) FROM indicator_figures) AS n`,
    );
    return countRowSchema.parse(row).n === 0;
  }

  /** Removes an untouched plan so another can be seeded in its place, in the caller's transaction. */
  async clearUntouched(at: string, actor: string): Promise<void> {
    await this.sql.transaction(async () => {
      if (!(await this.isUntouched())) {
        throw new BoardPackError(
          'conflict',
          'This database already holds work on its plan, so the plan cannot be replaced.',
        );
      }
      const before = await this.summary();
      for (const table of [
        // The plan's indicators go with it (they have no figures, or the plan is not untouched).
        'indicator_definition_changes',
        'indicators',
        // The people seeded from the plan (the leads of its strands) go with it.
        'people',
        'objectives',
        'success_measures',
        'strand_aims',
        'strands',
        'outcomes',
        'themes',
        'standing_agenda',
        'partners',
        'glossary',
        'plan',
      ]) {
        await this.sql.run(`DELETE FROM ${table}`);
      }
      await this.audit.record(at, actor, 'plan.clear', 'plan', before.id, before, null);
    });
  }

  async summary(): Promise<PlanSummary> {
    return (await this.planRecord()).summary;
  }

  private async planRecord(): Promise<z.infer<typeof planRowSchema>> {
    const row = await this.sql.get(PLAN_ROW);
    if (!row) throw noPlanError();
    return planRowSchema.parse(row);
  }

  async detail(): Promise<PlanDetail> {
    const { summary, chairs } = await this.planRecord();
    const sql = this.sql;
    const themes = themeRowsSchema.parse(
      await sql.all('SELECT kind, name, summary FROM themes ORDER BY kind, position, id'),
    );
    return {
      ...summary,
      chairs,
      outcomes: outcomeRowsSchema.parse(await sql.all('SELECT number, text FROM outcomes ORDER BY number')),
      underpinningThemes: themes.filter((t) => t.kind === 'underpinning').map((t) => t.name),
      crossCuttingThemes: themes
        .filter((t) => t.kind === 'cross_cutting')
        .map((t) => ({ name: t.name, summary: t.summary })),
      standingAgenda: titleRowsSchema
        .parse(await sql.all('SELECT title FROM standing_agenda ORDER BY position'))
        .map((r) => r.title),
      partners: nameRowsSchema
        .parse(await sql.all('SELECT name FROM partners ORDER BY position'))
        .map((r) => r.name),
      glossary: glossaryRowsSchema.parse(
        await sql.all('SELECT term, meaning FROM glossary ORDER BY position'),
      ),
    };
  }

  /** Refuses a month outside the plan period with a sentence that names the period. */
  async assertMonthInPlan(month: ReportingMonth): Promise<void> {
    const plan = await this.summary();
    assertWithinPeriod(month, plan.startMonth, plan.endMonth);
  }

  async strands(): Promise<Strand[]> {
    const rows = strandRowsSchema.parse(
      await this.sql.all('SELECT id, number, title, operation, lead FROM strands ORDER BY number'),
    );
    const measures = strandTextRowsSchema.parse(
      await this.sql.all('SELECT strand_id, text FROM success_measures ORDER BY strand_id, position'),
    );
    const aims = strandTextRowsSchema.parse(
      await this.sql.all('SELECT strand_id, text FROM strand_aims ORDER BY strand_id, position'),
    );
    return rows.map((row) => ({
      ...row,
      successMeasures: measures.filter((m) => m.strand_id === row.id).map((m) => m.text),
      aims: aims.filter((a) => a.strand_id === row.id).map((a) => a.text),
    }));
  }

  async strand(number: number): Promise<Strand> {
    const found = (await this.strands()).find((s) => s.number === number);
    if (!found) throw new BoardPackError('not_found', `There is no strand ${number} in the plan.`);
    return found;
  }

  /**
   * Objectives in table order; by default only those reporting in the given month (from their start
   * month until before their retirement month), or, without a month, every one not retired.
   */
  async objectives(
    options: { strandNumber?: number; month?: ReportingMonth; includeRetired?: boolean } = {},
  ): Promise<Objective[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.strandNumber !== undefined) {
      where.push('s.number = ?');
      params.push(options.strandNumber);
    }
    if (!options.includeRetired) {
      if (options.month) {
        where.push('o.start_month <= ? AND (o.retired_from IS NULL OR o.retired_from > ?)');
        params.push(options.month, options.month);
      } else {
        where.push('o.retired_from IS NULL');
      }
    }
    const rows = await this.sql.rows(
      `SELECT ${OBJECTIVE_COLUMNS} FROM objectives o JOIN strands s ON s.id = o.strand_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${OBJECTIVE_ORDER}`,
      ...params,
    );
    return objectiveRowsSchema.parse(rows);
  }

  async objective(ref: string): Promise<Objective> {
    const row = await this.objectiveRow(ref.trim());
    if (!row) throw new BoardPackError('not_found', `There is no objective ${ref} in the plan.`);
    return objectiveRowSchema.parse(row);
  }

  /** Adds an objective at the end of its strand with the next free reference for its theme. */
  async addObjective(input: NewObjective, at: string, actor: string): Promise<Objective> {
    return await this.sql.transaction(async () => {
      const strand = await this.strand(input.strandNumber);
      const code = input.themeCode;
      if (!/^[RIPE]+$/.test(code)) {
        throw new BoardPackError(
          'invalid_input',
          'A theme code is made of R, I, P and E (for example E or RP).',
        );
      }
      if (!input.text.trim()) throw new BoardPackError('invalid_input', 'An objective needs its wording.');
      await this.assertMonthInPlan(input.startMonth);
      const refs = refRowsSchema.parse(
        await this.sql.all(
          'SELECT ref FROM objectives WHERE strand_id = ? AND theme_code = ?',
          strand.id,
          code,
        ),
      );
      const next = nextObjectiveNumber(refs.map((r) => r.ref));
      if (input.ref === undefined && next === null)
        throw new BoardPackError(
          'invalid_input',
          `Theme ${code} of strand ${strand.number} has used every reference up to ${strand.number}.${code}.${MAX_OBJECTIVE_NUMBER}.`,
        );
      const ref = input.ref ?? `${strand.number}.${code}.${next}`;
      if (input.ref !== undefined) {
        if (!new RegExp(`^${strand.number}\\.${code}\\.[1-9]\\d*$`).test(ref)) {
          throw new BoardPackError(
            'invalid_input',
            `Reference ${ref} does not fit strand ${strand.number}, theme ${code} (expected ${strand.number}.${code}.N).`,
          );
        }
        if (await this.objectiveRow(ref))
          throw new BoardPackError('conflict', `Objective reference ${ref} is already in use.`);
      }
      const position =
        lastPositionRowSchema.parse(
          await this.sql.get(
            'SELECT coalesce(max(position), 0) AS p FROM objectives WHERE strand_id = ?',
            strand.id,
          ),
        ).p + 1;
      await this.sql.run(
        `INSERT INTO objectives (ref, strand_id, theme, theme_code, position, text, year, target_text, target_value, target_unit, owner,
           start_month)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ref,
        strand.id,
        input.theme,
        code,
        position,
        input.text.trim(),
        input.year,
        input.targetText ?? null,
        input.targetValue ?? null,
        input.targetUnit ?? null,
        input.owner ?? null,
        input.startMonth,
      );
      const created = await this.objective(ref);
      await this.audit.record(at, actor, 'objective.add', 'objective', ref, null, created);
      return created;
    });
  }

  /** Rewords an objective; its reference never changes. */
  async rewordObjective(
    ref: string,
    changes: Partial<
      Pick<NewObjective, 'text' | 'year' | 'targetText' | 'targetValue' | 'targetUnit' | 'owner'>
    >,
    at: string,
    actor: string,
  ): Promise<Objective> {
    return await this.sql.transaction(async () => {
      const before = await this.objective(ref);
      const text = changes.text !== undefined ? changes.text.trim() : before.text;
      if (!text) throw new BoardPackError('invalid_input', 'An objective needs its wording.');
      await this.sql.run(
        `UPDATE objectives SET text = ?, year = ?, target_text = ?, target_value = ?, target_unit = ?, owner = ? WHERE id = ?`,
        text,
        changes.year !== undefined ? changes.year : before.year,
        changes.targetText !== undefined ? changes.targetText : before.targetText,
        changes.targetValue !== undefined ? changes.targetValue : before.targetValue,
        changes.targetUnit !== undefined ? changes.targetUnit : before.targetUnit,
        changes.owner !== undefined ? changes.owner : before.owner,
        before.id,
      );
      const after = await this.objective(ref);
      await this.audit.record(at, actor, 'objective.reword', 'objective', ref, before, after);
      return after;
    });
  }

  /** Retires an objective from a month on: it keeps its history and its reference. */
  async retireObjective(
    ref: string,
    fromMonth: ReportingMonth,
    at: string,
    actor: string,
  ): Promise<Objective> {
    return await this.sql.transaction(async () => {
      const before = await this.objective(ref);
      if (before.retired) throw new BoardPackError('conflict', `Objective ${ref} is already retired.`);
      await this.assertMonthInPlan(fromMonth);
      if (fromMonth < before.startMonth) {
        throw new BoardPackError(
          'invalid_input',
          `Objective ${ref} starts reporting in ${before.startMonth}; it cannot be retired from ${fromMonth}, before it starts.`,
        );
      }
      await this.sql.run('UPDATE objectives SET retired_from = ? WHERE id = ?', fromMonth, before.id);
      const after = await this.objective(ref);
      await this.audit.record(at, actor, 'objective.retire', 'objective', ref, before, {
        ...after,
        retiredFrom: fromMonth,
      });
      return after;
    });
  }

  /** Undoes a retirement: the objective reports again in every month from its start month. */
  async unretireObjective(ref: string, at: string, actor: string): Promise<Objective> {
    return await this.sql.transaction(async () => {
      const before = await this.objective(ref);
      if (!before.retired) throw new BoardPackError('conflict', `Objective ${ref} is not retired.`);
      await this.sql.run('UPDATE objectives SET retired_from = NULL WHERE id = ?', before.id);
      const after = await this.objective(ref);
      await this.audit.record(at, actor, 'objective.unretire', 'objective', ref, before, after);
      return after;
    });
  }

  /**
   * Deletes an objective only when nothing refers to it: no update ever recorded and no issued
   * pack. Otherwise the person is told to retire it instead.
   */
  async deleteObjective(ref: string, at: string, actor: string): Promise<void> {
    await this.sql.transaction(async () => {
      const before = await this.objective(ref);
      const updates = countRowSchema.parse(
        await this.sql.get('SELECT count(*) AS n FROM updates WHERE objective_id = ?', before.id),
      ).n;
      const issued = countRowSchema.parse(
        await this.sql.get('SELECT count(*) AS n FROM issued_packs WHERE snapshot_json LIKE ?', `%"${ref}"%`),
      ).n;
      if (updates > 0 || issued > 0) {
        throw new BoardPackError(
          'conflict',
          `Objective ${ref} has updates or appears in an issued pack, so it cannot be deleted. Retire it instead.`,
        );
      }
      await this.sql.run('DELETE FROM objectives WHERE id = ?', before.id);
      await this.audit.record(at, actor, 'objective.delete', 'objective', ref, before, null);
    });
  }

  /** Settings the secretariat can change: board name, protective marking, plan start month. */
  async recordImport(entry: PlanImportEntry): Promise<void> {
    await this.sql.run(
      'INSERT INTO plan_imports (source_name, sha256, mode, summary_json, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)',
      entry.sourceName,
      entry.sha256,
      entry.mode,
      JSON.stringify(entry.summary),
      entry.at,
      entry.actor,
    );
  }

  async updateSettings(
    changes: Partial<Pick<PlanSummary, 'boardName' | 'protectiveMarking' | 'startMonth' | 'endMonth'>>,
    at: string,
    actor: string,
  ): Promise<PlanSummary> {
    return await this.sql.transaction(async () => {
      const before = await this.summary();
      const after = { ...before, ...changes };
      if (monthIndex(after.endMonth) < monthIndex(after.startMonth)) {
        throw new BoardPackError('invalid_input', 'The plan must end after it starts.');
      }
      if (!after.boardName.trim() || !after.protectiveMarking.trim()) {
        throw new BoardPackError('invalid_input', 'The board name and protective marking cannot be empty.');
      }
      await this.sql.run(
        'UPDATE plan SET board_name = ?, protective_marking = ?, start_month = ?, end_month = ? WHERE id = 1',
        after.boardName.trim(),
        after.protectiveMarking.trim(),
        after.startMonth,
        after.endMonth,
      );
      await this.audit.record(at, actor, 'plan.settings', 'plan', before.id, before, after);
      return await this.summary();
    });
  }
}
