// Monthly progress updates: every revision kept, a draft edited in place until it is submitted,
// an accepted update changed only by a new revision. The rules live here (and in the schema's
// CHECKs), not only in the screens.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import {
  STATUSES,
  statusSchema,
  workflowStateSchema,
  type ReportedStatus,
  type Status,
  type Update,
} from '../../shared/domain';
import type { saveDraftSchema } from '../../shared/contractSchemas';
import type { monthSummarySchema } from '../../shared/contractSummaries';
import { needsNarrative, STATUS_LABELS } from '../../shared/status';
import { reportingMonthSchema, type ReportingMonth } from '../../shared/months';
import type { AuditLog } from './audit';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';
import type { PlanRepository } from './plan';
import { flagColumn } from './rowSchemas';

// An update row, read in better-sqlite3's raw mode (an array in UPDATE_COLUMNS order): zod checks a
// tuple in about a quarter of the time of an object without eval, and reported() and working() read
// one row per objective of the plan (2,000 in the benchmark).
const updateRowSchema = z
  .tuple([
    z.number().int(),
    z.number().int(),
    z.string(),
    reportingMonthSchema,
    z.number().int(),
    statusSchema,
    z.string(),
    z.string(),
    z.string(),
    z.number().nullable(),
    z.string(),
    z.string(),
    workflowStateSchema,
    z.string(),
    flagColumn,
  ])
  .transform(
    ([
      id,
      objective_id,
      ref,
      month,
      revision,
      status,
      narrative,
      next_steps,
      risks,
      metric_actual,
      author,
      created_at,
      state,
      comment,
      demo,
    ]): Update => ({
      id,
      objectiveId: objective_id,
      ref,
      month,
      revision,
      status,
      narrative,
      nextSteps: next_steps,
      risks,
      metricActual: metric_actual,
      author,
      createdAt: created_at,
      state,
      comment,
      demo,
    }),
  );
const updateRowsSchema = z.array(updateRowSchema);

/** The columns of updateRowSchema, in its order. */
const UPDATE_COLUMNS = `u.id, u.objective_id, o.ref, u.month, u.revision, u.status, u.narrative, u.next_steps, u.risks,
  u.metric_actual, u.author, u.created_at, u.state, u.comment, u.demo`;

const objectiveSpanRowSchema = z.object({
  id: z.number().int(),
  start_month: reportingMonthSchema,
  retired_from: reportingMonthSchema.nullable(),
});

// The month summary's three small aggregates (8 strands, up to 8 × 5 status counts).
const liveByStrandRowsSchema = z.array(
  z.object({ number: z.number().int(), title: z.string(), n: z.number().int() }),
);
const reportedByStrandRowsSchema = z.array(
  z.object({ strand_id: z.number().int(), status: statusSchema, n: z.number().int() }),
);
const strandNumberRowsSchema = z.array(z.object({ id: z.number().int(), number: z.number().int() }));
const latestMonthRowSchema = z.object({ month: reportingMonthSchema.nullable() });
const monthCountRowsSchema = z.array(z.object({ month: reportingMonthSchema, count: z.number().int() }));
const monthRowsSchema = z.array(z.object({ month: reportingMonthSchema }));

/**
 * An update to save: the contract's draft, with who wrote it, the state it is saved in — draft
 * (autosave), submitted (by a strand lead) or accepted (recorded by the secretariat) — and whether
 * it is demo data.
 */
export type UpdateInput = z.input<typeof saveDraftSchema> & {
  author: string;
  state: 'draft' | 'submitted' | 'accepted';
  demo?: boolean;
};

export type WorkflowAction = 'submit' | 'accept' | 'return';

/** Status counts per strand for a month, as the contract's monthSummary carries them. */
export type MonthSummary = z.infer<typeof monthSummarySchema>;
export type StrandStatusCounts = MonthSummary['strands'][number];

const reportedStatuses: readonly ReportedStatus[] = [...STATUSES, 'no_update'];

function emptyCounts(): Record<ReportedStatus, number> {
  return { complete: 0, green: 0, amber: 0, red: 0, not_started: 0, no_update: 0 };
}

export class UpdatesRepository {
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly plan: PlanRepository,
    private readonly audit: AuditLog,
  ) {
    this.statements = {
      objective: db.prepare('SELECT id, start_month, retired_from FROM objectives WHERE ref = ?'),
      current: db
        .prepare(
          `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id
           WHERE u.objective_id = ? AND u.month = ? AND u.is_current = 1`,
        )
        .raw(true),
      clearCurrent: db.prepare(
        'UPDATE updates SET is_current = 0 WHERE objective_id = ? AND month = ? AND is_current = 1',
      ),
      insert: db.prepare(
        `INSERT INTO updates (objective_id, month, revision, is_current, status, narrative, next_steps, risks, metric_actual,
           author, created_at, saved_at, state, demo)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      editDraft: db.prepare(
        `UPDATE updates SET status = ?, narrative = ?, next_steps = ?, risks = ?, metric_actual = ?, author = ?, saved_at = ?, state = ?
         WHERE id = ? AND state = 'draft'`,
      ),
      setState: db.prepare('UPDATE updates SET state = ?, comment = ?, saved_at = ? WHERE id = ?'),
      clearReported: db.prepare(
        'UPDATE updates SET is_reported = 0 WHERE objective_id = ? AND month = ? AND is_reported = 1',
      ),
      markReported: db.prepare(
        `UPDATE updates SET is_reported = 1 WHERE id = (
           SELECT id FROM updates WHERE objective_id = ? AND month = ? AND state IN ('submitted', 'accepted')
           ORDER BY revision DESC LIMIT 1)`,
      ),
      byId: db
        .prepare(
          `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.id = ?`,
        )
        .raw(true),
      // The month summary runs on every dashboard view; preparing its statements once keeps it well under 2 ms.
      liveByStrand: db.prepare(
        `SELECT s.number, s.title, count(o.id) AS n FROM strands s
         LEFT JOIN objectives o ON o.strand_id = s.id AND o.start_month <= ?
           AND (o.retired_from IS NULL OR o.retired_from > ?)
         GROUP BY s.id ORDER BY s.number`,
      ),
      reportedByStrand: db.prepare(
        `SELECT o.strand_id AS strand_id, u.status AS status, count(*) AS n FROM updates u
         JOIN objectives o ON o.id = u.objective_id
         WHERE u.month = ? AND u.is_reported = 1 AND o.start_month <= ?
           AND (o.retired_from IS NULL OR o.retired_from > ?)
         GROUP BY o.strand_id, u.status`,
      ),
      strandNumbers: db.prepare('SELECT id, number FROM strands'),
    };
  }

  private objectiveFor(ref: string, month: ReportingMonth): number {
    const found = this.statements.objective.get(ref.trim());
    if (!found) throw new BoardPackError('not_found', `There is no objective ${ref} in the plan.`);
    const row = objectiveSpanRowSchema.parse(found);
    if (row.start_month > month) {
      throw new BoardPackError(
        'invalid_input',
        `Objective ${ref} starts reporting in ${row.start_month}; it takes no updates for ${month}.`,
      );
    }
    if (row.retired_from !== null && row.retired_from <= month) {
      throw new BoardPackError(
        'invalid_input',
        `Objective ${ref} was retired from ${row.retired_from}; it takes no updates for ${month}.`,
      );
    }
    return row.id;
  }

  private assertNarrative(ref: string, status: Status, narrative: string): void {
    if (needsNarrative(status) && !narrative.trim()) {
      throw new BoardPackError(
        'narrative_required',
        `${ref} is ${STATUS_LABELS[status]}: a ${STATUS_LABELS[status]} update needs a narrative saying why and what is being done.`,
      );
    }
  }

  private syncReported(objectiveId: number, month: ReportingMonth): void {
    this.statements.clearReported.run(objectiveId, month);
    this.statements.markReported.run(objectiveId, month);
  }

  private currentUpdate(objectiveId: number, month: ReportingMonth): Update | null {
    const row = this.statements.current.get(objectiveId, month);
    return row ? updateRowSchema.parse(row) : null;
  }

  /** The revision a person is working on, whatever its state; undefined when nothing is written. */
  current(ref: string, month: ReportingMonth): Update | undefined {
    const objectiveId = this.objectiveFor(ref, month);
    return this.currentUpdate(objectiveId, month) ?? undefined;
  }

  /**
   * Saves an update. A draft is edited in place; anything else that follows a submitted,
   * accepted or returned revision becomes a new revision, so history is never rewritten.
   */
  save(input: UpdateInput, at: string): Update {
    if (!statusSchema.safeParse(input.status).success) {
      throw new BoardPackError('invalid_input', `"${input.status}" is not a status.`);
    }
    const narrative = input.narrative ?? '';
    if (input.state !== 'draft') this.assertNarrative(input.ref, input.status, narrative);
    if (!input.author.trim()) throw new BoardPackError('invalid_input', 'An update needs an author.');
    if (
      input.metricActual !== undefined &&
      input.metricActual !== null &&
      !Number.isFinite(input.metricActual)
    ) {
      throw new BoardPackError('invalid_input', 'The metric actual must be a number.');
    }
    return writeTransaction(this.db, () => {
      this.plan.assertMonthInPlan(input.month);
      const objectiveId = this.objectiveFor(input.ref, input.month);
      const before = this.currentUpdate(objectiveId, input.month);
      const values = [
        input.status,
        narrative,
        input.nextSteps ?? '',
        input.risks ?? '',
        input.metricActual ?? null,
        input.author.trim(),
      ] as const;
      let id: number;
      if (before && before.state === 'draft') {
        this.statements.editDraft.run(...values, at, input.state, before.id);
        id = before.id;
      } else {
        this.statements.clearCurrent.run(objectiveId, input.month);
        const revision = (before?.revision ?? 0) + 1;
        id = Number(
          this.statements.insert.run(
            objectiveId,
            input.month,
            revision,
            ...values,
            at,
            at,
            input.state,
            input.demo ? 1 : 0,
          ).lastInsertRowid,
        );
      }
      if (input.state !== 'draft') this.syncReported(objectiveId, input.month);
      const after = updateRowSchema.parse(this.statements.byId.get(id));
      this.audit.record(
        at,
        input.author.trim(),
        before?.state === 'draft' ? 'update.edit' : 'update.save',
        'update',
        `${input.ref}@${input.month}`,
        before,
        after,
      );
      return after;
    });
  }

  /** Submit (lead), accept or return with a comment (secretariat). */
  transition(
    ref: string,
    month: ReportingMonth,
    action: WorkflowAction,
    actor: string,
    at: string,
    comment = '',
  ): Update {
    return writeTransaction(this.db, () => {
      this.plan.assertMonthInPlan(month);
      const objectiveId = this.objectiveFor(ref, month);
      const before = this.currentUpdate(objectiveId, month);
      if (!before)
        throw new BoardPackError('not_found', `There is no update for ${ref} in ${month} to ${action}.`);
      let id = before.id;
      if (action === 'submit') {
        if (before.state !== 'draft' && before.state !== 'returned') {
          throw new BoardPackError(
            'conflict',
            `The update for ${ref} in ${month} is already ${before.state}.`,
          );
        }
        this.assertNarrative(ref, before.status, before.narrative);
        if (before.state === 'draft') {
          this.statements.setState.run('submitted', '', at, before.id);
        } else {
          // A returned revision keeps its comment; resubmitting makes a new revision.
          this.statements.clearCurrent.run(objectiveId, month);
          id = Number(
            this.statements.insert.run(
              objectiveId,
              month,
              before.revision + 1,
              before.status,
              before.narrative,
              before.nextSteps,
              before.risks,
              before.metricActual,
              before.author,
              at,
              at,
              'submitted',
              before.demo ? 1 : 0,
            ).lastInsertRowid,
          );
        }
      } else {
        if (before.state !== 'submitted') {
          throw new BoardPackError(
            'conflict',
            `Only a submitted update can be ${action === 'accept' ? 'accepted' : 'returned'}; the update for ${ref} in ${month} is ${before.state}.`,
          );
        }
        if (action === 'return' && !comment.trim()) {
          throw new BoardPackError(
            'invalid_input',
            'Say why the update is being returned, so the strand lead knows what to change.',
          );
        }
        // A returned revision stops being what the board sees before its state changes (schema CHECK).
        if (action === 'return') this.statements.clearReported.run(objectiveId, month);
        this.statements.setState.run(
          action === 'accept' ? 'accepted' : 'returned',
          comment.trim(),
          at,
          before.id,
        );
      }
      this.syncReported(objectiveId, month);
      const after = updateRowSchema.parse(this.statements.byId.get(id));
      this.audit.record(at, actor, `update.${action}`, 'update', `${ref}@${month}`, before, after);
      return after;
    });
  }

  /** Every revision of an objective's updates, newest first; optionally for one month. */
  history(ref: string, month?: ReportingMonth): Update[] {
    const objective = this.plan.objective(ref);
    const rows = updateRowsSchema.parse(
      month
        ? this.db
            .prepare(
              `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.objective_id = ? AND u.month = ? ORDER BY u.month DESC, u.revision DESC`,
            )
            .raw(true)
            .all(objective.id, month)
        : this.db
            .prepare(
              `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.objective_id = ? ORDER BY u.month DESC, u.revision DESC`,
            )
            .raw(true)
            .all(objective.id),
    );
    return rows;
  }

  /** The updates the board sees for a month (latest submitted or accepted), keyed by reference. */
  reported(month: ReportingMonth, strandNumber?: number): Map<string, Update> {
    return this.pointerMap('is_reported', month, strandNumber);
  }

  /** The revisions being worked on for a month (any state), keyed by reference. */
  working(month: ReportingMonth, strandNumber?: number): Map<string, Update> {
    return this.pointerMap('is_current', month, strandNumber);
  }

  private pointerMap(
    pointer: 'is_current' | 'is_reported',
    month: ReportingMonth,
    strandNumber?: number,
  ): Map<string, Update> {
    const strandFilter =
      strandNumber === undefined ? '' : 'AND o.strand_id = (SELECT id FROM strands WHERE number = ?)';
    const params: (string | number)[] = [month];
    if (strandNumber !== undefined) params.push(strandNumber);
    const rows = this.db
      .prepare(
        `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.month = ? AND u.${pointer} = 1 ${strandFilter} ORDER BY o.id`,
      )
      .raw(true)
      .all(...params);
    return new Map(updateRowsSchema.parse(rows).map((update) => [update.ref, update]));
  }

  /** Status counts per strand for a month; objectives with no reported update count as "No update". */
  monthSummary(month: ReportingMonth): MonthSummary {
    const live = liveByStrandRowsSchema.parse(this.statements.liveByStrand.all(month, month));
    const reported = reportedByStrandRowsSchema.parse(
      this.statements.reportedByStrand.all(month, month, month),
    );
    const strandIds = new Map(
      strandNumberRowsSchema.parse(this.statements.strandNumbers.all()).map((r) => [r.id, r.number]),
    );
    const totals = emptyCounts();
    const strands = live.map((s) => {
      const counts = emptyCounts();
      for (const r of reported) if (strandIds.get(r.strand_id) === s.number) counts[r.status] += r.n;
      const reportedCount = STATUSES.reduce((sum, status) => sum + counts[status], 0);
      counts.no_update = s.n - reportedCount;
      for (const key of reportedStatuses) totals[key] += counts[key];
      return { strandNumber: s.number, strandTitle: s.title, counts, total: s.n };
    });
    return { month, strands, totals, total: strands.reduce((sum, s) => sum + s.total, 0) };
  }

  /** The latest month with any reported update, or null when none has been recorded. */
  latestReportedMonth(): ReportingMonth | null {
    return latestMonthRowSchema.parse(
      this.db.prepare('SELECT max(month) AS month FROM updates WHERE is_reported = 1').get(),
    ).month;
  }

  /** How many objectives have a reported update in each month that has any, oldest first. */
  reportedCountsByMonth(): { month: ReportingMonth; count: number }[] {
    return monthCountRowsSchema.parse(
      this.db
        .prepare(
          'SELECT month, count(*) AS count FROM updates WHERE is_reported = 1 GROUP BY month ORDER BY month',
        )
        .all(),
    );
  }

  /** Months that have any reported update, oldest first. */
  reportedMonths(): ReportingMonth[] {
    return monthRowsSchema
      .parse(this.db.prepare('SELECT DISTINCT month FROM updates WHERE is_reported = 1 ORDER BY month').all())
      .map((r) => r.month);
  }
}
