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
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';
import { countRowSchema, flagColumn, lastPositionRowSchema, wordsColumn } from './rowSchemas';

// An objective row, read in better-sqlite3's raw mode (an array in OBJECTIVE_COLUMNS order): zod
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
  private readonly objectiveByRef;
  private readonly planRow;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.objectiveByRef = db
      .prepare(
        `SELECT ${OBJECTIVE_COLUMNS} FROM objectives o JOIN strands s ON s.id = o.strand_id WHERE o.ref = ?`,
      )
      .raw(true);
    this.planRow = db.prepare('SELECT * FROM plan WHERE id = 1');
  }

  hasPlan(): boolean {
    return this.planRow.get() !== undefined;
  }

  /** Writes a whole plan into an empty database, in one transaction. */
  seed(plan: PlanFile, at: string, actor: string): void {
    writeTransaction(this.db, () => {
      if (this.hasPlan()) throw new BoardPackError('conflict', 'This database already holds a plan.');
      const db = this.db;
      db.prepare(
        `INSERT INTO plan (id, plan_key, title, organisation, board_name, aim, start_month, end_month, protective_marking, chairs_json)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
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
      const outcome = db.prepare('INSERT INTO outcomes (number, text) VALUES (?, ?)');
      for (const o of plan.outcomes) outcome.run(o.number, o.text);
      const theme = db.prepare('INSERT INTO themes (kind, position, name, summary) VALUES (?, ?, ?, ?)');
      plan.underpinningThemes.forEach((name, i) => theme.run('underpinning', i + 1, name, ''));
      plan.crossCuttingThemes.forEach((t, i) => theme.run('cross_cutting', i + 1, t.name, t.summary));
      const agenda = db.prepare('INSERT INTO standing_agenda (position, title) VALUES (?, ?)');
      plan.standingAgenda.forEach((title, i) => agenda.run(i + 1, title));
      const partner = db.prepare('INSERT INTO partners (position, name) VALUES (?, ?)');
      plan.partners.forEach((name, i) => partner.run(i + 1, name));
      const term = db.prepare('INSERT INTO glossary (position, term, meaning) VALUES (?, ?, ?)');
      plan.glossary.forEach((g, i) => term.run(i + 1, g.term, g.meaning));

      const strand = db.prepare('INSERT INTO strands (number, title, operation, lead) VALUES (?, ?, ?, ?)');
      const measure = db.prepare('INSERT INTO success_measures (strand_id, position, text) VALUES (?, ?, ?)');
      const aim = db.prepare('INSERT INTO strand_aims (strand_id, position, text) VALUES (?, ?, ?)');
      const objective = db.prepare(
        `INSERT INTO objectives (ref, strand_id, theme, theme_code, position, text, year, target_text, target_value,
           target_unit, owner, repeated, notes_json, start_month)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let objectiveCount = 0;
      for (const s of plan.strands) {
        const strandId = Number(strand.run(s.number, s.title, s.operation, s.lead).lastInsertRowid);
        s.successMeasures.forEach((text, i) => measure.run(strandId, i + 1, text));
        s.aims.forEach((text, i) => aim.run(strandId, i + 1, text));
        let position = 0;
        for (const group of s.themes) {
          for (const o of group.objectives) {
            position += 1;
            objectiveCount += 1;
            objective.run(
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
      this.audit.record(at, actor, 'plan.seed', 'plan', plan.id, null, {
        title: plan.title,
        strands: plan.strands.length,
        objectives: objectiveCount,
      });
      this.seedPeople(plan, at, actor);
    });
  }

  /** The plan's strand leads (roles, as the document gives them) and chairs, as the roster's first people. */
  private seedPeople(plan: PlanFile, at: string, actor: string): void {
    const lead = this.db.prepare(
      "INSERT INTO people (name, role, strand_id, from_plan) SELECT ?, 'strand_lead', id, 1 FROM strands WHERE number = ?",
    );
    for (const s of plan.strands) if (s.lead.trim()) lead.run(s.lead.trim(), s.number);
    const chair = this.db.prepare("INSERT INTO people (name, role, from_plan) VALUES (?, 'chair', 1)");
    for (const name of plan.chairs) if (name.trim()) chair.run(name.trim());
    const seeded = this.db.prepare('SELECT id, name, role FROM people WHERE from_plan = 1 ORDER BY id').all();
    if (seeded.length > 0)
      this.audit.record(at, actor, 'people.seed', 'person', 'plan', null, { people: seeded });
  }

  /**
   * True while the plan is all the database holds: no updates, meetings, issued packs, people,
   * exchange files or imports. Such a plan (a fresh install's seed) can be replaced whole.
   */
  isUntouched(): boolean {
    const row = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM issued_packs)
           + (SELECT count(*) FROM people WHERE from_plan = 0) + (SELECT count(*) FROM exchange_files_seen) + (SELECT count(*) FROM exchange_requests)
           + (SELECT count(*) FROM exchange_inbox) + (SELECT count(*) FROM plan_imports)
           + (SELECT count(*) FROM indicator_figures) AS n`,
      )
      .get();
    return countRowSchema.parse(row).n === 0;
  }

  /** Removes an untouched plan so another can be seeded in its place, in the caller's transaction. */
  clearUntouched(at: string, actor: string): void {
    writeTransaction(this.db, () => {
      if (!this.isUntouched()) {
        throw new BoardPackError(
          'conflict',
          'This database already holds work on its plan, so the plan cannot be replaced.',
        );
      }
      const before = this.summary();
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
        this.db.prepare(`DELETE FROM ${table}`).run();
      }
      this.audit.record(at, actor, 'plan.clear', 'plan', before.id, before, null);
    });
  }

  summary(): PlanSummary {
    return this.planRecord().summary;
  }

  private planRecord(): z.infer<typeof planRowSchema> {
    const row = this.planRow.get();
    if (!row)
      throw new BoardPackError(
        'not_found',
        'This database holds no plan yet. Run "init" to load the built-in plan.',
      );
    return planRowSchema.parse(row);
  }

  detail(): PlanDetail {
    const { summary, chairs } = this.planRecord();
    const db = this.db;
    const themes = themeRowsSchema.parse(
      db.prepare('SELECT kind, name, summary FROM themes ORDER BY kind, position').all(),
    );
    return {
      ...summary,
      chairs,
      outcomes: outcomeRowsSchema.parse(
        db.prepare('SELECT number, text FROM outcomes ORDER BY number').all(),
      ),
      underpinningThemes: themes.filter((t) => t.kind === 'underpinning').map((t) => t.name),
      crossCuttingThemes: themes
        .filter((t) => t.kind === 'cross_cutting')
        .map((t) => ({ name: t.name, summary: t.summary })),
      standingAgenda: titleRowsSchema
        .parse(db.prepare('SELECT title FROM standing_agenda ORDER BY position').all())
        .map((r) => r.title),
      partners: nameRowsSchema
        .parse(db.prepare('SELECT name FROM partners ORDER BY position').all())
        .map((r) => r.name),
      glossary: glossaryRowsSchema.parse(
        db.prepare('SELECT term, meaning FROM glossary ORDER BY position').all(),
      ),
    };
  }

  /** Refuses a month outside the plan period with a sentence that names the period. */
  assertMonthInPlan(month: ReportingMonth): void {
    const plan = this.summary();
    if (!isWithin(month, plan.startMonth, plan.endMonth)) {
      throw new BoardPackError(
        'outside_plan_period',
        `${month} is outside the plan period (${plan.startMonth} to ${plan.endMonth}).`,
      );
    }
  }

  strands(): Strand[] {
    const rows = strandRowsSchema.parse(
      this.db.prepare('SELECT id, number, title, operation, lead FROM strands ORDER BY number').all(),
    );
    const measures = strandTextRowsSchema.parse(
      this.db.prepare('SELECT strand_id, text FROM success_measures ORDER BY strand_id, position').all(),
    );
    const aims = strandTextRowsSchema.parse(
      this.db.prepare('SELECT strand_id, text FROM strand_aims ORDER BY strand_id, position').all(),
    );
    return rows.map((row) => ({
      ...row,
      successMeasures: measures.filter((m) => m.strand_id === row.id).map((m) => m.text),
      aims: aims.filter((a) => a.strand_id === row.id).map((a) => a.text),
    }));
  }

  strand(number: number): Strand {
    const found = this.strands().find((s) => s.number === number);
    if (!found) throw new BoardPackError('not_found', `There is no strand ${number} in the plan.`);
    return found;
  }

  /**
   * Objectives in table order; by default only those reporting in the given month (from their start
   * month until before their retirement month), or, without a month, every one not retired.
   */
  objectives(
    options: { strandNumber?: number; month?: ReportingMonth; includeRetired?: boolean } = {},
  ): Objective[] {
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
    const rows = this.db
      .prepare(
        `SELECT ${OBJECTIVE_COLUMNS} FROM objectives o JOIN strands s ON s.id = o.strand_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${OBJECTIVE_ORDER}`,
      )
      .raw(true)
      .all(...params);
    return objectiveRowsSchema.parse(rows);
  }

  objective(ref: string): Objective {
    const row = this.objectiveByRef.get(ref.trim());
    if (!row) throw new BoardPackError('not_found', `There is no objective ${ref} in the plan.`);
    return objectiveRowSchema.parse(row);
  }

  /** Adds an objective at the end of its strand with the next free reference for its theme. */
  addObjective(input: NewObjective, at: string, actor: string): Objective {
    return writeTransaction(this.db, () => {
      const strand = this.strand(input.strandNumber);
      const code = input.themeCode;
      if (!/^[RIPE]+$/.test(code)) {
        throw new BoardPackError(
          'invalid_input',
          'A theme code is made of R, I, P and E (for example E or RP).',
        );
      }
      if (!input.text.trim()) throw new BoardPackError('invalid_input', 'An objective needs its wording.');
      this.assertMonthInPlan(input.startMonth);
      const refs = refRowsSchema.parse(
        this.db
          .prepare('SELECT ref FROM objectives WHERE strand_id = ? AND theme_code = ?')
          .all(strand.id, code),
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
        if (this.objectiveByRef.get(ref))
          throw new BoardPackError('conflict', `Objective reference ${ref} is already in use.`);
      }
      const position =
        lastPositionRowSchema.parse(
          this.db
            .prepare('SELECT coalesce(max(position), 0) AS p FROM objectives WHERE strand_id = ?')
            .get(strand.id),
        ).p + 1;
      this.db
        .prepare(
          `INSERT INTO objectives (ref, strand_id, theme, theme_code, position, text, year, target_text, target_value, target_unit, owner,
             start_month)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
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
      const created = this.objective(ref);
      this.audit.record(at, actor, 'objective.add', 'objective', ref, null, created);
      return created;
    });
  }

  /** Rewords an objective; its reference never changes. */
  rewordObjective(
    ref: string,
    changes: Partial<
      Pick<NewObjective, 'text' | 'year' | 'targetText' | 'targetValue' | 'targetUnit' | 'owner'>
    >,
    at: string,
    actor: string,
  ): Objective {
    return writeTransaction(this.db, () => {
      const before = this.objective(ref);
      const text = changes.text !== undefined ? changes.text.trim() : before.text;
      if (!text) throw new BoardPackError('invalid_input', 'An objective needs its wording.');
      this.db
        .prepare(
          `UPDATE objectives SET text = ?, year = ?, target_text = ?, target_value = ?, target_unit = ?, owner = ? WHERE id = ?`,
        )
        .run(
          text,
          changes.year !== undefined ? changes.year : before.year,
          changes.targetText !== undefined ? changes.targetText : before.targetText,
          changes.targetValue !== undefined ? changes.targetValue : before.targetValue,
          changes.targetUnit !== undefined ? changes.targetUnit : before.targetUnit,
          changes.owner !== undefined ? changes.owner : before.owner,
          before.id,
        );
      const after = this.objective(ref);
      this.audit.record(at, actor, 'objective.reword', 'objective', ref, before, after);
      return after;
    });
  }

  /** Retires an objective from a month on: it keeps its history and its reference. */
  retireObjective(ref: string, fromMonth: ReportingMonth, at: string, actor: string): Objective {
    return writeTransaction(this.db, () => {
      const before = this.objective(ref);
      if (before.retired) throw new BoardPackError('conflict', `Objective ${ref} is already retired.`);
      this.assertMonthInPlan(fromMonth);
      if (fromMonth < before.startMonth) {
        throw new BoardPackError(
          'invalid_input',
          `Objective ${ref} starts reporting in ${before.startMonth}; it cannot be retired from ${fromMonth}, before it starts.`,
        );
      }
      this.db.prepare('UPDATE objectives SET retired_from = ? WHERE id = ?').run(fromMonth, before.id);
      const after = this.objective(ref);
      this.audit.record(at, actor, 'objective.retire', 'objective', ref, before, {
        ...after,
        retiredFrom: fromMonth,
      });
      return after;
    });
  }

  /** Undoes a retirement: the objective reports again in every month from its start month. */
  unretireObjective(ref: string, at: string, actor: string): Objective {
    return writeTransaction(this.db, () => {
      const before = this.objective(ref);
      if (!before.retired) throw new BoardPackError('conflict', `Objective ${ref} is not retired.`);
      this.db.prepare('UPDATE objectives SET retired_from = NULL WHERE id = ?').run(before.id);
      const after = this.objective(ref);
      this.audit.record(at, actor, 'objective.unretire', 'objective', ref, before, after);
      return after;
    });
  }

  /**
   * Deletes an objective only when nothing refers to it: no update ever recorded and no issued
   * pack. Otherwise the person is told to retire it instead.
   */
  deleteObjective(ref: string, at: string, actor: string): void {
    writeTransaction(this.db, () => {
      const before = this.objective(ref);
      const updates = countRowSchema.parse(
        this.db.prepare('SELECT count(*) AS n FROM updates WHERE objective_id = ?').get(before.id),
      ).n;
      const issued = countRowSchema.parse(
        this.db
          .prepare('SELECT count(*) AS n FROM issued_packs WHERE snapshot_json LIKE ?')
          .get(`%"${ref}"%`),
      ).n;
      if (updates > 0 || issued > 0) {
        throw new BoardPackError(
          'conflict',
          `Objective ${ref} has updates or appears in an issued pack, so it cannot be deleted. Retire it instead.`,
        );
      }
      this.db.prepare('DELETE FROM objectives WHERE id = ?').run(before.id);
      this.audit.record(at, actor, 'objective.delete', 'objective', ref, before, null);
    });
  }

  /** Settings the secretariat can change: board name, protective marking, plan start month. */
  recordImport(entry: PlanImportEntry): void {
    this.db
      .prepare(
        'INSERT INTO plan_imports (source_name, sha256, mode, summary_json, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(entry.sourceName, entry.sha256, entry.mode, JSON.stringify(entry.summary), entry.at, entry.actor);
  }

  updateSettings(
    changes: Partial<Pick<PlanSummary, 'boardName' | 'protectiveMarking' | 'startMonth' | 'endMonth'>>,
    at: string,
    actor: string,
  ): PlanSummary {
    return writeTransaction(this.db, () => {
      const before = this.summary();
      const after = { ...before, ...changes };
      if (monthIndex(after.endMonth) < monthIndex(after.startMonth)) {
        throw new BoardPackError('invalid_input', 'The plan must end after it starts.');
      }
      if (!after.boardName.trim() || !after.protectiveMarking.trim()) {
        throw new BoardPackError('invalid_input', 'The board name and protective marking cannot be empty.');
      }
      this.db
        .prepare(
          'UPDATE plan SET board_name = ?, protective_marking = ?, start_month = ?, end_month = ? WHERE id = 1',
        )
        .run(after.boardName.trim(), after.protectiveMarking.trim(), after.startMonth, after.endMonth);
      this.audit.record(at, actor, 'plan.settings', 'plan', before.id, before, after);
      return this.summary();
    });
  }
}
