// The refusal of a save another desk got in first: the database said so (a compare-and-set that
// changed no row, or an insert a unique index refused), and this says who, when and where, from the
// audit row of the change that won, with the record as it is now for the screen to show.
import type { AuditEntity } from '../../shared/auditEntities';
import { editConflictSentence } from '../../shared/conflictWords';
import { BoardPackError } from '../../shared/errors';
import type { AuditLog } from './audit';

/** The record a refused save was aimed at, as the audit log names it. */
export interface ConflictedRecord {
  /** The words for it in the sentence: "this update", "this agenda", "action A2007-10/1". */
  what: string;
  entity: AuditEntity;
  entityId: string | number;
  /** Only changes of these kinds moved its edit count (a meeting's entries hold more than its agenda). */
  actions?: readonly string[];
}

/**
 * The refusal, with `current` the record as it is now. `advice` says what the person can do: by
 * default, choose between the two versions on screen (a save); a workflow step says look first.
 */
export async function editConflict(
  audit: AuditLog,
  record: ConflictedRecord,
  at: string,
  current: unknown,
  advice?: string,
): Promise<BoardPackError> {
  const change = await audit.latestChange(record.entity, record.entityId, record.actions);
  return new BoardPackError(
    'edit_conflict',
    editConflictSentence(record.what, change, at, { advice }),
    current,
  );
}
