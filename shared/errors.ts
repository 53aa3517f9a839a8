// The one error type for expected failures: a sentence a person can act on, and a code for tests
// and for the screens to branch on. Anything else is unexpected and shown as "nothing was changed".
export type BoardPackErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'outside_plan_period'
  | 'narrative_required'
  | 'not_a_database'
  | 'not_board_pack'
  | 'newer_schema'
  | 'read_only'
  | 'invalid_plan'
  | 'conflict'
  /**
   * A save that started from a version another desk (or window) has since changed: nothing was
   * written, and the error carries the record as it is now (`current`) to show beside the person's.
   */
  | 'edit_conflict'
  /** A change the person must confirm first (a due date before the meeting that raised the action). */
  | 'needs_confirmation'
  | 'refused_file'
  /** A file signed by a key this copy does not trust yet: the person may confirm it and trust it. */
  | 'unknown_key'
  /** An exchange file locked with a passphrase, opened without it or with the wrong one. */
  | 'passphrase_required'
  | 'in_use'
  /** The disk (or the user's quota) is full: nothing was written. */
  | 'disk_full'
  /** A file could not be written for another reason the system gave; nothing was changed. */
  | 'write_failed'
  /** A file exists but cannot be read (permissions, a device, a pipe). */
  | 'unreadable'
  /** The database is still locked by another window or process after waiting. */
  | 'busy'
  /** A shared database server could not be reached, or the connection to it was lost. */
  | 'unreachable'
  /** A shared database server refused the user name or password, or wanted a password and had none. */
  | 'access_refused'
  /** No database is open yet: the desktop app is waiting for the shared database's password. */
  | 'no_database';

export class BoardPackError extends Error {
  readonly code: BoardPackErrorCode;
  /** With edit_conflict: the record as it is now, as the refused method would have answered it. */
  readonly current: unknown;

  constructor(code: BoardPackErrorCode, message: string, current?: unknown) {
    super(message);
    this.name = 'BoardPackError';
    this.code = code;
    this.current = current;
  }
}

export function isBoardPackError(error: unknown): error is BoardPackError {
  return error instanceof BoardPackError;
}
