// An update revision as the repositories read and write it: its row as an array (with the columns
// that answer it), and what a revision says, checked as every save checks it.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { statusSchema, workflowStateSchema, type Status, type Update } from '../../shared/domain';
import type { saveDraftSchema } from '../../shared/contractSchemas';
import { reportingMonthSchema } from '../../shared/months';
import { needsNarrative, STATUS_LABELS } from '../../shared/status';
import { flagColumn } from './rowSchemas';

// An update row, read as an array (sql.rows, in UPDATE_COLUMNS order): zod checks a tuple in about
// a quarter of the time of an object without eval, and reported() and working() read one row per
// objective of the plan (2,000 in the benchmark).
export const updateRowSchema = z
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
    z.number().int(),
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
      version,
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
      version,
    }),
  );
export const updateRowsSchema = z.array(updateRowSchema);

/** The columns of updateRowSchema, in its order. */
export const UPDATE_COLUMNS = `u.id, u.objective_id, o.ref, u.month, u.revision, u.status, u.narrative, u.next_steps, u.risks,
  u.metric_actual, u.author, u.created_at, u.state, u.comment, u.demo, u.version`;

/** The columns of updateRowSchema a statement on updates alone answers (RETURNING): all but the ref. */
export const RETURNED_COLUMNS = `id, objective_id, month, revision, status, narrative, next_steps, risks, metric_actual, author,
  created_at, state, comment, demo, version`;

/** A row of RETURNED_COLUMNS as updateRowSchema reads it: the objective's reference put in its place. */
export function withRef(row: unknown[] | undefined, ref: string): Update | null {
  return row ? updateRowSchema.parse([row[0], row[1], ref, ...row.slice(2)]) : null;
}

/** What a revision says, in the column order of the updates INSERT (status … author). */
export type RevisionContent = readonly [Status, string, string, string, number | null, string];

/** What a revision of an update needs to say, as the contract's draft carries it. */
export type RevisionInput = Pick<
  z.input<typeof saveDraftSchema>,
  'ref' | 'status' | 'narrative' | 'nextSteps' | 'risks' | 'metricActual'
> & { author: string; state: 'draft' | 'submitted' | 'accepted' };

/** A Red or Amber update sent to the board says why, and what is being done. */
export function assertNarrative(ref: string, status: Status, narrative: string): void {
  if (needsNarrative(status) && !narrative.trim()) {
    throw new BoardPackError(
      'narrative_required',
      `${ref} is ${STATUS_LABELS[status]}: a ${STATUS_LABELS[status]} update needs a narrative saying why and what is being done.`,
    );
  }
}

/** What a revision says, checked (a status, a narrative where one is needed, an author, a number). */
export function revisionContent(input: RevisionInput): RevisionContent {
  if (!statusSchema.safeParse(input.status).success) {
    throw new BoardPackError('invalid_input', `"${input.status}" is not a status.`);
  }
  const narrative = input.narrative ?? '';
  if (input.state !== 'draft') assertNarrative(input.ref, input.status, narrative);
  if (!input.author.trim()) throw new BoardPackError('invalid_input', 'An update needs an author.');
  if (
    input.metricActual !== undefined &&
    input.metricActual !== null &&
    !Number.isFinite(input.metricActual)
  ) {
    throw new BoardPackError('invalid_input', 'The metric actual must be a number.');
  }
  return [
    input.status,
    narrative,
    input.nextSteps ?? '',
    input.risks ?? '',
    input.metricActual ?? null,
    input.author.trim(),
  ];
}
