// Monthly progress updates: every revision kept, a draft edited in place until it is submitted,
// an accepted update changed only by a new revision. The rules live here (and in the schema's
// CHECKs), not only in the screens.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import {
  STATUSES,
  statusSchema,
  type ReportedStatus,
  type Update,
  type WorkflowState,
} from '../../shared/domain';
import type { saveDraftSchema } from '../../shared/contractSchemas';
import type { monthSummarySchema } from '../../shared/contractSummaries';
import { LOOK_FIRST } from '../../shared/conflictWords';
import { editConflict } from './editConflict';
import { reportingMonthSchema, type ReportingMonth } from '../../shared/months';
import type { AuditLog } from './audit';
import { assertWithinPeriod, noPlanError, type PlanRepository } from './plan';
import {
  assertNarrative,
  RETURNED_COLUMNS,
  revisionContent,
  UPDATE_COLUMNS,
  updateRowSchema,
  updateRowsSchema,
  withRef,
  type RevisionContent,
} from './updateRows';
import type { Sql } from './sql';
import { writeFirstRevisions, type FirstRevision } from './firstRevisions';

export type { FirstRevision };

const objectiveSpanRowSchema = z.object({
  id: z.number().int(),
  start_month: reportingMonthSchema,
  retired_from: reportingMonthSchema.nullable(),
});
type ObjectiveSpan = z.infer<typeof objectiveSpanRowSchema>;
const objectiveSpanRowsSchema = z.array(objectiveSpanRowSchema.extend({ ref: z.string() }));
const OBJECTIVE_SPANS = 'SELECT id, ref, start_month, retired_from FROM objectives';

// What a save reads before it writes, in one statement (one round trip to a server): the plan's
// period, the objective's reporting span (null columns: no such objective) and its current
// revision (null columns: none yet), as an array: those five columns, then UPDATE_COLUMNS.
const SAVE_CONTEXT = `SELECT p.start_month, p.end_month, o.id, o.start_month, o.retired_from, ${UPDATE_COLUMNS}
  FROM plan p LEFT JOIN objectives o ON o.ref = ?
  LEFT JOIN updates u ON u.objective_id = o.id AND u.month = ? AND u.is_current = 1
  WHERE p.id = 1`;
const saveContextRowSchema = z
  .tuple([
    reportingMonthSchema,
    reportingMonthSchema,
    z.number().int().nullable(),
    reportingMonthSchema.nullable(),
    reportingMonthSchema.nullable(),
  ])
  .rest(z.unknown());

// The month summary's rows: 8 strands × up to 5 statuses.
const monthSummaryRowsSchema = z.array(
  z.object({
    number: z.number().int(),
    title: z.string(),
    n: z.number().int(),
    status: statusSchema.nullable(),
    reported: z.number().int(),
  }),
);
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

/**
 * How often a save that names no base version is tried when another desk's save slips in between
 * its read and its write (only possible on a server): the caller asked for no check, so it is read
 * again and saved over, a bounded number of times. Three was too few: three desks recording 300
 * updates each on the same three objectives had one save refused in a CI run on a loaded machine.
 */
const UNCHECKED_ATTEMPTS = 10;

/** Status counts per strand for a month, as the contract's monthSummary carries them. */
export type MonthSummary = z.infer<typeof monthSummarySchema>;
export type StrandStatusCounts = MonthSummary['strands'][number];

const reportedStatuses: readonly ReportedStatus[] = [...STATUSES, 'no_update'];

function emptyCounts(): Record<ReportedStatus, number> {
  return { complete: 0, green: 0, amber: 0, red: 0, not_started: 0, no_update: 0 };
}

// Statements. The current revision and a revision by id are read as arrays (updateRowSchema).
const OBJECTIVE_SPAN = 'SELECT id, start_month, retired_from FROM objectives WHERE ref = ?';
const CURRENT = `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id
  WHERE u.objective_id = ? AND u.month = ? AND u.is_current = 1`;
// A new revision is written as what the board sees (is_reported = 1) when it is submitted or
// accepted: it is then the latest such revision, and CLEAR_REPORTED has run just before it.
const INSERT = `INSERT INTO updates (objective_id, month, revision, is_current, is_reported, status, narrative, next_steps,
    risks, metric_actual, author, created_at, saved_at, state, demo, version)
  VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_NEXT = `${INSERT} RETURNING ${RETURNED_COLUMNS}`;
// Two desks writing an objective's first update at once: the unique index of current revisions
// takes one, and the other inserts nothing (and answers no row) rather than failing.
const INSERT_FIRST = `${INSERT} ON CONFLICT (month, objective_id) WHERE is_current = 1 DO NOTHING RETURNING ${RETURNED_COLUMNS}`;
// Compare-and-set: each statement moves the edit count (or closes the revision) only while the count
// is the one the save started from, so of two desks saving from the same count the database lets one
// through and the other changes no row. A new revision is inserted only after its predecessor was
// closed this way (which also holds the predecessor's row lock on a server until the commit).
const EDIT_DRAFT = `UPDATE updates SET status = ?, narrative = ?, next_steps = ?, risks = ?, metric_actual = ?, author = ?,
    saved_at = ?, state = ?, is_reported = ?, version = version + 1
  WHERE id = ? AND is_current = 1 AND state = 'draft' AND version = ?
  RETURNING ${RETURNED_COLUMNS}`;
const CLOSE_REVISION = 'UPDATE updates SET is_current = 0 WHERE id = ? AND is_current = 1 AND version = ?';
const SET_STATE = `UPDATE updates SET state = ?, comment = ?, saved_at = ?, version = version + 1
  WHERE id = ? AND is_current = 1 AND state = ? AND version = ?
  RETURNING ${RETURNED_COLUMNS}`;
const CLEAR_REPORTED =
  'UPDATE updates SET is_reported = 0 WHERE objective_id = ? AND month = ? AND is_reported = 1';
const MARK_REPORTED = `UPDATE updates SET is_reported = 1 WHERE id = (
    SELECT id FROM updates WHERE objective_id = ? AND month = ? AND state IN ('submitted', 'accepted')
    ORDER BY revision DESC LIMIT 1)`;
// The month summary runs on every dashboard view: three small statements, each prepared once by the
// executor, keep it well under 2 ms. The live count is a subquery per strand: a LEFT JOIN grouped
// by every selected column (as PostgreSQL asks) made the whole summary about 5% slower on SQLite.
// The month summary in one statement (one round trip to a server): each strand with its live
// objectives, and each status reported for the month with its count; a strand with no report
// comes once, with a null status.
const MONTH_SUMMARY = `SELECT s.number, s.title, coalesce(l.n, 0) AS n, r.status, coalesce(r.n, 0) AS reported
  FROM strands s
  LEFT JOIN (SELECT strand_id, count(*) AS n FROM objectives
      WHERE start_month <= ? AND (retired_from IS NULL OR retired_from > ?)
      GROUP BY strand_id) l ON l.strand_id = s.id
  LEFT JOIN (SELECT o.strand_id, u.status, count(*) AS n FROM updates u
      JOIN objectives o ON o.id = u.objective_id
      WHERE u.month = ? AND u.is_reported = 1 AND o.start_month <= ?
        AND (o.retired_from IS NULL OR o.retired_from > ?)
      GROUP BY o.strand_id, u.status) r ON r.strand_id = s.id
  ORDER BY s.number, r.status`;

export class UpdatesRepository {
  constructor(
    private readonly sql: Sql,
    private readonly plan: PlanRepository,
    private readonly audit: AuditLog,
  ) {}

  private async objectiveFor(ref: string, month: ReportingMonth): Promise<number> {
    const found = await this.sql.get(OBJECTIVE_SPAN, ref.trim());
    return this.reportingIn(ref, month, found === undefined ? null : objectiveSpanRowSchema.parse(found));
  }

  /** The objective's id, if it takes updates for the month; otherwise the sentence saying why not. */
  private reportingIn(ref: string, month: ReportingMonth, row: ObjectiveSpan | null): number {
    if (!row) throw new BoardPackError('not_found', `There is no objective ${ref} in the plan.`);
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

  private async syncReported(objectiveId: number, month: ReportingMonth): Promise<void> {
    await this.sql.run(CLEAR_REPORTED, objectiveId, month);
    await this.sql.run(MARK_REPORTED, objectiveId, month);
  }

  /**
   * What a save needs before it writes, checked in the order the checks were always made (the plan
   * period, then the objective): the objective's id and its current revision, if any.
   */
  private async saveContext(
    ref: string,
    month: ReportingMonth,
  ): Promise<{ objectiveId: number; current: Update | null }> {
    const [row] = await this.sql.rows(SAVE_CONTEXT, ref.trim(), month);
    if (!row) throw noPlanError();
    const [start, end, id, startMonth, retiredFrom, ...update] = saveContextRowSchema.parse(row);
    assertWithinPeriod(month, start, end);
    const span =
      id === null || startMonth === null ? null : { id, start_month: startMonth, retired_from: retiredFrom };
    const objectiveId = this.reportingIn(ref, month, span);
    return { objectiveId, current: update[0] === null ? null : updateRowSchema.parse(update) };
  }

  private async currentUpdate(objectiveId: number, month: ReportingMonth): Promise<Update | null> {
    const [row] = await this.sql.rows(CURRENT, objectiveId, month);
    return row ? updateRowSchema.parse(row) : null;
  }

  /** The revision a person is working on, whatever its state; undefined when nothing is written. */
  async current(ref: string, month: ReportingMonth): Promise<Update | undefined> {
    const objectiveId = await this.objectiveFor(ref, month);
    return (await this.currentUpdate(objectiveId, month)) ?? undefined;
  }

  /**
   * Saves an update. A draft is edited in place; anything else that follows a submitted,
   * accepted or returned revision becomes a new revision, so history is never rewritten. With a
   * base version, a save made meanwhile by another desk refuses this one (edit_conflict), writing
   * nothing.
   */
  async save(input: UpdateInput, at: string): Promise<Update> {
    const content = revisionContent(input);
    const ref = input.ref.trim();
    return this.sql.transaction(async () => {
      const context = await this.saveContext(ref, input.month);
      const objectiveId = context.objectiveId;
      for (let attempt = 1; ; attempt++) {
        const before = attempt === 1 ? context.current : await this.currentUpdate(objectiveId, input.month);
        const base = input.baseVersion ?? before?.version ?? 0;
        const after =
          before?.state === 'draft'
            ? await this.editDraft(before, content, input.state, base, at)
            : await this.newRevision(
                objectiveId,
                ref,
                input.month,
                before,
                base,
                content,
                input.state,
                at,
                input.demo,
              );
        if (after === null) {
          if (input.baseVersion === undefined && attempt < UNCHECKED_ATTEMPTS) continue;
          throw await this.conflict(input.ref, input.month, objectiveId, at);
        }
        await this.audit.record(
          at,
          input.author.trim(),
          before?.state === 'draft' ? 'update.edit' : 'update.save',
          'update',
          `${input.ref}@${input.month}`,
          before,
          after,
        );
        return after;
      }
    });
  }

  /**
   * A draft edited in place, if it is still the draft at `base`: the revision as written, or null
   * when it moved on. Sent (submitted or accepted), it becomes what the board sees.
   */
  private async editDraft(
    draft: Update,
    content: RevisionContent,
    state: UpdateInput['state'],
    base: number,
    at: string,
  ): Promise<Update | null> {
    const reported = state === 'draft' ? 0 : 1;
    if (reported) await this.sql.run(CLEAR_REPORTED, draft.objectiveId, draft.month);
    const [row] = await this.sql.rows(EDIT_DRAFT, ...content, at, state, reported, draft.id, base);
    return withRef(row, draft.ref);
  }

  /**
   * A new current revision after `before` (none: the first), carrying its edit count on: the
   * revision as written, or null when `before` is no longer current at `base` (another desk saved
   * first). Submitted or accepted, it becomes what the board sees.
   */
  private async newRevision(
    objectiveId: number,
    ref: string,
    month: ReportingMonth,
    before: Update | null,
    base: number,
    content: RevisionContent,
    state: WorkflowState,
    at: string,
    demo = false,
  ): Promise<Update | null> {
    const reported = state === 'submitted' || state === 'accepted' ? 1 : 0;
    const row = [reported, ...content, at, at, state, demo ? 1 : 0, base + 1] as const;
    if (before) {
      const { changes } = await this.sql.run(CLOSE_REVISION, before.id, base);
      if (changes === 0) return null;
      if (reported) await this.sql.run(CLEAR_REPORTED, objectiveId, month);
      return withRef(
        (await this.sql.rows(INSERT_NEXT, objectiveId, month, before.revision + 1, ...row))[0],
        ref,
      );
    }
    if (base !== 0) return null;
    return withRef((await this.sql.rows(INSERT_FIRST, objectiveId, month, 1, ...row))[0], ref);
  }

  /** The refusal of a save (or, with LOOK_FIRST, a workflow step) another desk got in first. */
  private async conflict(
    ref: string,
    month: ReportingMonth,
    objectiveId: number,
    at: string,
    advice?: string,
  ): Promise<BoardPackError> {
    const current = await this.currentUpdate(objectiveId, month);
    return editConflict(
      this.audit,
      { what: 'this update', entity: 'update', entityId: `${ref}@${month}` },
      at,
      current ?? undefined,
      advice,
    );
  }

  /**
   * Submit (lead), accept or return with a comment (secretariat). With a base version, a change
   * made meanwhile by another desk refuses this step (edit_conflict), writing nothing.
   */
  async transition(
    ref: string,
    month: ReportingMonth,
    action: WorkflowAction,
    actor: string,
    at: string,
    comment = '',
    baseVersion?: number,
  ): Promise<Update> {
    return this.sql.transaction(async () => {
      const { objectiveId, current: before } = await this.saveContext(ref, month);
      if (!before)
        throw new BoardPackError('not_found', `There is no update for ${ref} in ${month} to ${action}.`);
      // The person decided on the version they saw: a later one is shown to them, not acted on.
      if (baseVersion !== undefined && before.version !== baseVersion)
        throw await this.conflict(ref, month, objectiveId, at, LOOK_FIRST);
      const base = before.version;
      let after: Update | null;
      // A revision written by newRevision is already what the board sees; a state set in place is
      // made so by syncReported.
      let sync = true;
      if (action === 'submit') {
        if (before.state !== 'draft' && before.state !== 'returned') {
          throw new BoardPackError(
            'conflict',
            `The update for ${ref} in ${month} is already ${before.state}.`,
          );
        }
        assertNarrative(ref, before.status, before.narrative);
        if (before.state === 'draft') {
          after = withRef(
            (await this.sql.rows(SET_STATE, 'submitted', '', at, before.id, 'draft', base))[0],
            before.ref,
          );
        } else {
          // A returned revision keeps its comment; resubmitting makes a new revision.
          const content: RevisionContent = [
            before.status,
            before.narrative,
            before.nextSteps,
            before.risks,
            before.metricActual,
            before.author,
          ];
          sync = false;
          after = await this.newRevision(
            objectiveId,
            before.ref,
            month,
            before,
            base,
            content,
            'submitted',
            at,
            before.demo,
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
        if (action === 'return') await this.sql.run(CLEAR_REPORTED, objectiveId, month);
        const state = action === 'accept' ? 'accepted' : 'returned';
        after = withRef(
          (await this.sql.rows(SET_STATE, state, comment.trim(), at, before.id, 'submitted', base))[0],
          before.ref,
        );
      }
      if (after === null) throw await this.conflict(ref, month, objectiveId, at, LOOK_FIRST);
      if (sync) await this.syncReported(objectiveId, month);
      await this.audit.record(at, actor, `update.${action}`, 'update', `${ref}@${month}`, before, after);
      return after;
    });
  }

  /**
   * Writes many objectives' first revision for one month at once (the demo's history), each
   * checked as save() and transition() check theirs and recorded as they record theirs, in a few
   * statements (firstRevisions.ts). Refused whole if any is refused, or any objective already has
   * an update for the month.
   */
  async writeFirstRevisions(month: ReportingMonth, entries: readonly FirstRevision[]): Promise<void> {
    await this.sql.transaction(async () => {
      const plan = await this.plan.summary();
      assertWithinPeriod(month, plan.startMonth, plan.endMonth);
      const spans = new Map(
        objectiveSpanRowsSchema.parse(await this.sql.all(OBJECTIVE_SPANS)).map((row) => [row.ref, row]),
      );
      const checked = entries.map((entry) => ({
        entry,
        objectiveId: this.reportingIn(entry.ref, month, spans.get(entry.ref.trim()) ?? null),
        content: revisionContent(entry),
      }));
      await writeFirstRevisions(this.sql, this.audit, month, checked);
    });
  }

  /** Every revision of an objective's updates, newest first; optionally for one month. */
  async history(ref: string, month?: ReportingMonth): Promise<Update[]> {
    const objective = await this.plan.objective(ref);
    const rows = updateRowsSchema.parse(
      month
        ? await this.sql.rows(
            `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.objective_id = ? AND u.month = ? ORDER BY u.month DESC, u.revision DESC`,
            objective.id,
            month,
          )
        : await this.sql.rows(
            `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.objective_id = ? ORDER BY u.month DESC, u.revision DESC`,
            objective.id,
          ),
    );
    return rows;
  }

  /** The updates the board sees for a month (latest submitted or accepted), keyed by reference. */
  reported(month: ReportingMonth, strandNumber?: number): Promise<Map<string, Update>> {
    return this.pointerMap('is_reported', month, strandNumber);
  }

  /** The revisions being worked on for a month (any state), keyed by reference. */
  working(month: ReportingMonth, strandNumber?: number): Promise<Map<string, Update>> {
    return this.pointerMap('is_current', month, strandNumber);
  }

  private async pointerMap(
    pointer: 'is_current' | 'is_reported',
    month: ReportingMonth,
    strandNumber?: number,
  ): Promise<Map<string, Update>> {
    const strandFilter =
      strandNumber === undefined ? '' : 'AND o.strand_id = (SELECT id FROM strands WHERE number = ?)';
    const params: (string | number)[] = [month];
    if (strandNumber !== undefined) params.push(strandNumber);
    const rows = await this.sql.rows(
      `SELECT ${UPDATE_COLUMNS} FROM updates u JOIN objectives o ON o.id = u.objective_id WHERE u.month = ? AND u.${pointer} = 1 ${strandFilter} ORDER BY o.id`,
      ...params,
    );
    return new Map(updateRowsSchema.parse(rows).map((update) => [update.ref, update]));
  }

  /** Status counts per strand for a month; objectives with no reported update count as "No update". */
  async monthSummary(month: ReportingMonth): Promise<MonthSummary> {
    const rows = monthSummaryRowsSchema.parse(
      await this.sql.all(MONTH_SUMMARY, month, month, month, month, month),
    );
    const totals = emptyCounts();
    const strands: StrandStatusCounts[] = [];
    for (const row of rows) {
      let strand = strands.at(-1);
      if (strand?.strandNumber !== row.number) {
        strand = { strandNumber: row.number, strandTitle: row.title, counts: emptyCounts(), total: row.n };
        strand.counts.no_update = row.n;
        strands.push(strand);
      }
      if (row.status === null) continue;
      strand.counts[row.status] += row.reported;
      strand.counts.no_update -= row.reported;
    }
    for (const strand of strands) for (const key of reportedStatuses) totals[key] += strand.counts[key];
    return { month, strands, totals, total: strands.reduce((sum, s) => sum + s.total, 0) };
  }

  /** The latest month with any reported update, or null when none has been recorded. */
  async latestReportedMonth(): Promise<ReportingMonth | null> {
    return latestMonthRowSchema.parse(
      await this.sql.get('SELECT max(month) AS month FROM updates WHERE is_reported = 1'),
    ).month;
  }

  /** How many objectives have a reported update in each month that has any, oldest first. */
  async reportedCountsByMonth(): Promise<{ month: ReportingMonth; count: number }[]> {
    return monthCountRowsSchema.parse(
      await this.sql.all(
        'SELECT month, count(*) AS count FROM updates WHERE is_reported = 1 GROUP BY month ORDER BY month',
      ),
    );
  }

  /** Months that have any reported update, oldest first. */
  async reportedMonths(): Promise<ReportingMonth[]> {
    return monthRowsSchema
      .parse(await this.sql.all('SELECT DISTINCT month FROM updates WHERE is_reported = 1 ORDER BY month'))
      .map((r) => r.month);
  }
}
