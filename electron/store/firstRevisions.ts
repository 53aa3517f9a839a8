// Many objectives' first update for one month written at once, each with the audit records its save
// and its review would have written one at a time: the demo's months of history in a few
// statements a month (round trips to a server) rather than some twenty per objective.
import { BoardPackError } from '../../shared/errors';
import type { Update } from '../../shared/domain';
import type { ReportingMonth } from '../../shared/months';
import type { AuditLog, AuditRecord } from './audit';
import { isUniqueViolation } from './databaseErrors';
import type { Param, Sql } from './sql';
import { updateRowSchema, type RevisionContent, type RevisionInput } from './updateRows';

/** An objective's first revision for the month: saved as a draft or submitted, then perhaps reviewed. */
export interface FirstRevision extends RevisionInput {
  state: 'draft' | 'submitted';
  /** When it was saved. */
  at: string;
  demo?: boolean;
  /** The secretariat's review of a submitted revision, recorded after every save of the month. */
  review?: { action: 'accept' | 'return'; actor: string; at: string; comment?: string };
}

/** A first revision checked by the repository: its objective and what it says. */
export interface CheckedRevision {
  entry: FirstRevision;
  objectiveId: number;
  content: RevisionContent;
}

/** Rows per multi-row INSERT: 15 parameters each stays far inside either database's limit. */
const ROWS_PER_INSERT = 500;

const INSERT = `INSERT INTO updates (objective_id, month, revision, is_current, is_reported, status, narrative, next_steps,
    risks, metric_actual, author, created_at, saved_at, state, comment, demo, version) VALUES `;
const ROW = '(?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** The review's refusal in transition()'s words, or nothing. */
function refuseReview({ entry }: CheckedRevision, month: ReportingMonth): void {
  const review = entry.review;
  if (!review) return;
  if (entry.state !== 'submitted') {
    throw new BoardPackError(
      'conflict',
      `Only a submitted update can be ${review.action === 'accept' ? 'accepted' : 'returned'}; the update for ${entry.ref} in ${month} is ${entry.state}.`,
    );
  }
  if (review.action === 'return' && !review.comment?.trim()) {
    throw new BoardPackError(
      'invalid_input',
      'Say why the update is being returned, so the strand lead knows what to change.',
    );
  }
}

/** The row as it ends: a review has moved it on (one more edit), and only a sent, unreturned one is reported. */
function finalRow(month: ReportingMonth, { entry, objectiveId, content }: CheckedRevision): Param[] {
  const review = entry.review;
  const state = review ? (review.action === 'accept' ? 'accepted' : 'returned') : entry.state;
  const reported = state === 'submitted' || state === 'accepted' ? 1 : 0;
  return [
    objectiveId,
    month,
    reported,
    ...content,
    entry.at,
    review?.at ?? entry.at,
    state,
    review?.comment?.trim() ?? '',
    entry.demo ? 1 : 0,
    review ? 2 : 1,
  ];
}

/** The revision as save() answered it, and as transition() answered it after the review. */
function revisionsOf(id: number, month: ReportingMonth, { entry, objectiveId, content }: CheckedRevision) {
  const demo = entry.demo ? 1 : 0;
  const head = [id, objectiveId, entry.ref.trim(), month, 1, ...content, entry.at] as const;
  const saved: Update = updateRowSchema.parse([...head, entry.state, '', demo, 1]);
  const review = entry.review;
  if (!review) return { saved, reviewed: null };
  const state = review.action === 'accept' ? 'accepted' : 'returned';
  const reviewed: Update = updateRowSchema.parse([...head, state, review.comment?.trim() ?? '', demo, 2]);
  return { saved, reviewed };
}

/**
 * Writes the revisions in the order given, in multi-row INSERTs, then their audit records: every
 * save in that order, then every review (the secretariat reviews after the returns are in). The
 * caller's transaction holds them; an objective that already has an update for the month is
 * refused by the index of current revisions, and the transaction with it.
 */
export async function writeFirstRevisions(
  sql: Sql,
  audit: AuditLog,
  month: ReportingMonth,
  revisions: readonly CheckedRevision[],
): Promise<void> {
  for (const revision of revisions) refuseReview(revision, month);
  const ids = new Map<number, number>();
  for (let from = 0; from < revisions.length; from += ROWS_PER_INSERT) {
    const chunk = revisions.slice(from, from + ROWS_PER_INSERT);
    const rows = await sql
      .rows(
        `${INSERT}${chunk.map(() => ROW).join(', ')} RETURNING id, objective_id`,
        ...chunk.flatMap((revision) => finalRow(month, revision)),
      )
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        throw new BoardPackError(
          'conflict',
          `An objective among these already has an update for ${month}, or is named twice; these are written only where there is none yet, so nothing was written.`,
        );
      });
    for (const [id, objectiveId] of rows) ids.set(Number(objectiveId), Number(id));
  }
  const saves: AuditRecord[] = [];
  const reviews: AuditRecord[] = [];
  for (const revision of revisions) {
    const id = ids.get(revision.objectiveId);
    if (id === undefined)
      throw new Error(`The update for ${revision.entry.ref} in ${month} was not written.`);
    const { saved, reviewed } = revisionsOf(id, month, revision);
    const entityId = `${saved.ref}@${month}`;
    saves.push({
      at: revision.entry.at,
      actor: saved.author,
      action: 'update.save',
      entity: 'update',
      entityId,
      before: null,
      after: saved,
    });
    const review = revision.entry.review;
    if (review && reviewed)
      reviews.push({
        at: review.at,
        actor: review.actor,
        action: `update.${review.action}`,
        entity: 'update',
        entityId,
        before: saved,
        after: reviewed,
      });
  }
  await audit.recordMany([...saves, ...reviews]);
}
