// The board's action log as a tracker: raise, edit, reassign, note progress, complete with a
// closing note, reopen, and remove with a reason. Every change is audited with before and after;
// overdue is derived from the due date on the day asked, never stored. A removed action keeps its
// row, so its reference is never given to another.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import type { BoardActionShownStatus, BoardActionStatus } from '../../shared/domain';
import {
  boardActionInputSchema,
  boardActionRecordSchema,
  type boardActionSchema,
} from '../../shared/contractSchemas';
import { dateLabel } from '../../shared/months';
import { boardActionShownStatus } from '../../shared/status';
import type { AuditLog } from './audit';
import type { Param, Sql } from './sql';
import { countRowSchema, flagColumn } from './rowSchemas';
import { editConflict } from './editConflict';

const boardActionWriteSchema = boardActionInputSchema.extend({ demo: z.boolean().default(false) });
export type BoardActionInput = z.input<typeof boardActionWriteSchema>;
export type BoardAction = z.infer<typeof boardActionRecordSchema>;
export type BoardActionView = z.infer<typeof boardActionSchema>;
export type ActionNoteKind = BoardAction['updates'][number]['kind'];

/** What an edit may change; a due date before the raising meeting needs confirmEarlyDue. */
export interface ActionEdit {
  description?: string;
  owner?: string;
  dueDate?: string | null;
  confirmEarlyDue?: boolean;
  /** The version the edit started from; refused (edit_conflict) when the action has moved on. */
  baseVersion?: number;
}

/** An action's row without its progress notes, which come from board_action_updates. */
const boardActionRowSchema = z.object({
  id: z.number().int(),
  ref: z.string(),
  meeting_id: z.number().int(),
  agenda_item_id: z.number().int().nullable(),
  description: z.string(),
  owner: z.string(),
  due_date: z.string().nullable(),
  status: boardActionRecordSchema.shape.status,
  completed_on: z.string().nullable(),
  removed_on: z.string().nullable(),
  removed_reason: z.string(),
  demo: flagColumn,
  version: z.number().int(),
});
const actionNotesSchema = boardActionRecordSchema.shape.updates;
const heldAtRowSchema = z.object({ held_at: z.string() });

// Compare-and-set on the action's edit count, before anything else in a change: of two desks
// changing an action from the same count, one moves it and the other changes no row. Without a base
// version it still moves the count (and, on a server, holds the row until the commit).
const MOVE_VERSION = 'UPDATE board_actions SET version = version + 1 WHERE ref = ?';
const MOVE_VERSION_FROM = 'UPDATE board_actions SET version = version + 1 WHERE ref = ? AND version = ?';

const ACTION_NOTES =
  'SELECT at, author, text, kind FROM board_action_updates WHERE action_id = ? ORDER BY at, id';

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new BoardPackError('invalid_input', result.error.issues[0].message);
  return result.data;
}

function required(text: string, message: string): string {
  if (!text.trim()) throw new BoardPackError('invalid_input', message);
  return text.trim();
}

export class BoardActionsRepository {
  constructor(
    protected readonly sql: Sql,
    protected readonly audit: AuditLog,
  ) {}

  private async actionRows(where: string, params: Param[]): Promise<BoardAction[]> {
    const rows = z
      .array(boardActionRowSchema)
      .parse(await this.sql.all(`SELECT * FROM board_actions ${where} ORDER BY id`, ...params));
    const actions: BoardAction[] = [];
    for (const r of rows) {
      const updates = actionNotesSchema.parse(await this.sql.all(ACTION_NOTES, r.id));
      const closing = updates.filter((u) => u.kind === 'closing').at(-1);
      actions.push({
        id: r.id,
        ref: r.ref,
        meetingId: r.meeting_id,
        agendaItemId: r.agenda_item_id,
        description: r.description,
        owner: r.owner,
        dueDate: r.due_date,
        status: r.status,
        completedOn: r.completed_on,
        demo: r.demo,
        updates,
        closingNote: r.status === 'complete' && closing ? closing.text : null,
        removedOn: r.removed_on,
        removedReason: r.removed_reason,
        version: r.version,
      });
    }
    return actions;
  }

  /** Every action on the log (or a meeting's) with its shown status (open, overdue, complete) on the day given. */
  async actions(
    today: string,
    filter: { status?: BoardActionShownStatus; owner?: string; meetingId?: number } = {},
  ): Promise<BoardActionView[]> {
    const rows =
      filter.meetingId === undefined
        ? await this.actionRows('WHERE removed_on IS NULL', [])
        : await this.actionRows('WHERE removed_on IS NULL AND meeting_id = ?', [filter.meetingId]);
    return rows
      .map((a) => ({ ...a, shownStatus: boardActionShownStatus(a.status, a.dueDate, today) }))
      .filter((a) => (filter.status ? a.shownStatus === filter.status : true))
      .filter((a) => (filter.owner ? a.owner.toLowerCase().includes(filter.owner.toLowerCase()) : true));
  }

  /** One action by reference, removed ones included (their record stays). */
  async action(ref: string): Promise<BoardAction> {
    const found = await this.actionRows('WHERE ref = ?', [ref.trim()]);
    if (found.length === 0) throw new BoardPackError('not_found', `There is no action ${ref}.`);
    return found[0];
  }

  /** Raises an action; its reference is the meeting's date and a number, e.g. A2007-09/3. */
  async addAction(input: BoardActionInput, at: string, actor: string): Promise<BoardAction> {
    const a = parse(boardActionWriteSchema, input);
    return this.sql.transaction(async () => {
      const heldAt = await this.heldAt(a.meetingId);
      this.refuseEarlyDue(a.dueDate, heldAt, a.confirmEarlyDue);
      const prefix = `A${heldAt.slice(0, 7)}/`;
      const count = countRowSchema.parse(
        await this.sql.get('SELECT count(*) AS n FROM board_actions WHERE ref LIKE ?', `${prefix}%`),
      ).n;
      const ref = `${prefix}${count + 1}`;
      await this.sql.run(
        `INSERT INTO board_actions (ref, meeting_id, agenda_item_id, description, owner, due_date, status, demo)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
        ref,
        a.meetingId,
        a.agendaItemId,
        a.description,
        a.owner,
        a.dueDate,
        a.demo ? 1 : 0,
      );
      const action = await this.action(ref);
      await this.audit.record(at, actor, 'action.add', 'board_action', ref, null, action);
      return action;
    });
  }

  /** Changes the description, owner or due date; a new owner is noted as a reassignment. */
  async editAction(ref: string, edit: ActionEdit, at: string, actor: string): Promise<BoardAction> {
    return this.change(ref, edit.baseVersion, 'action.edit', at, actor, async (before) => {
      const description =
        edit.description === undefined
          ? before.description
          : required(edit.description, 'An action needs a description.');
      const owner =
        edit.owner === undefined ? before.owner : required(edit.owner, 'An action needs an owner.');
      const dueDate = edit.dueDate === undefined ? before.dueDate : edit.dueDate;
      if (dueDate !== before.dueDate)
        this.refuseEarlyDue(dueDate, await this.heldAt(before.meetingId), edit.confirmEarlyDue ?? false);
      await this.sql.run(
        'UPDATE board_actions SET description = ?, owner = ?, due_date = ? WHERE id = ?',
        description,
        owner,
        dueDate,
        before.id,
      );
      if (owner !== before.owner)
        await this.note(before.id, at, actor, 'reassigned', `Reassigned from ${before.owner} to ${owner}.`);
      if (dueDate !== before.dueDate)
        await this.note(
          before.id,
          at,
          actor,
          'edited',
          `Due date ${dueWords(before.dueDate)} changed to ${dueWords(dueDate)}.`,
        );
    });
  }

  /** A dated progress note, by whom, kept in order. */
  async addNote(
    ref: string,
    text: string,
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<BoardAction> {
    const note = required(text, 'A progress note cannot be empty.');
    return this.change(ref, baseVersion, 'action.note', at, actor, (before) =>
      this.note(before.id, at, actor, 'note', note),
    );
  }

  /** Completes an action with the note it is closed with. */
  async completeAction(
    ref: string,
    note: string,
    on: string,
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<BoardAction> {
    const closing = required(note, 'Say how the action was closed: the closing note.');
    return this.change(ref, baseVersion, 'action.complete', at, actor, async (before) => {
      if (before.status === 'complete')
        throw new BoardPackError('conflict', `Action ${before.ref} is already complete.`);
      await this.sql.run(
        "UPDATE board_actions SET status = 'complete', completed_on = ? WHERE id = ?",
        on,
        before.id,
      );
      await this.note(before.id, at, actor, 'closing', closing);
    });
  }

  /** Reopens a completed action, with an optional note saying why. */
  async reopenAction(
    ref: string,
    note: string,
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<BoardAction> {
    return this.change(ref, baseVersion, 'action.reopen', at, actor, async (before) => {
      if (before.status !== 'complete')
        throw new BoardPackError('conflict', `Action ${before.ref} is open already.`);
      await this.sql.run(
        "UPDATE board_actions SET status = 'open', completed_on = NULL WHERE id = ?",
        before.id,
      );
      await this.note(before.id, at, actor, 'reopened', note.trim() || 'Reopened.');
    });
  }

  /** Takes an action off the log, saying why; its record and reference stay. */
  async removeAction(
    ref: string,
    reason: string,
    on: string,
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<BoardAction> {
    const why = required(reason, 'Say why the action is being removed.');
    return this.change(ref, baseVersion, 'action.remove', at, actor, async (before) => {
      await this.sql.run(
        'UPDATE board_actions SET removed_on = ?, removed_reason = ? WHERE id = ?',
        on,
        why,
        before.id,
      );
    });
  }

  /** Adds a progress note to an action and, optionally, completes or reopens it (the demo's and older callers' way). */
  async updateAction(
    ref: string,
    change: { note?: string; status?: BoardActionStatus; on: string; baseVersion?: number },
    at: string,
    actor: string,
  ): Promise<BoardAction> {
    return this.change(ref, change.baseVersion, 'action.update', at, actor, async (before) => {
      if (change.note !== undefined && change.note.trim()) {
        const kind = change.status === 'complete' && before.status !== 'complete' ? 'closing' : 'note';
        await this.note(before.id, at, actor, kind, change.note.trim());
      }
      if (change.status && change.status !== before.status) {
        await this.sql.run(
          'UPDATE board_actions SET status = ?, completed_on = ? WHERE id = ?',
          change.status,
          change.status === 'complete' ? change.on : null,
          before.id,
        );
      }
    });
  }

  /**
   * One change to a live action in one transaction, audited with before and after. With a base
   * version, a change made meanwhile by another desk refuses this one (edit_conflict), writing
   * nothing.
   */
  private async change(
    ref: string,
    baseVersion: number | undefined,
    auditAction: string,
    at: string,
    actor: string,
    work: (before: BoardAction) => Promise<void>,
  ): Promise<BoardAction> {
    return this.sql.transaction(async () => {
      const moved =
        baseVersion === undefined
          ? await this.sql.run(MOVE_VERSION, ref.trim())
          : await this.sql.run(MOVE_VERSION_FROM, ref.trim(), baseVersion);
      if (moved.changes === 0) {
        const current = await this.action(ref);
        // As the screens see it (the tracker's output): its status on the day of the refused change.
        const shownStatus = boardActionShownStatus(current.status, current.dueDate, at.slice(0, 10));
        throw await editConflict(
          this.audit,
          { what: `action ${current.ref}`, entity: 'board_action', entityId: current.ref },
          at,
          { ...current, shownStatus },
        );
      }
      // Read after the count moved (and, on a server, the row is held): the action as it was just
      // before this change, the count it had put back for the audit record.
      const held = await this.action(ref);
      const before = { ...held, version: held.version - 1 };
      if (before.removedOn !== null)
        throw new BoardPackError(
          'conflict',
          `Action ${before.ref} was removed from the log on ${dateLabel(before.removedOn)} (${before.removedReason}); it cannot be changed.`,
        );
      await work(before);
      const after = await this.action(ref);
      await this.audit.record(at, actor, auditAction, 'board_action', before.ref, before, after);
      return after;
    });
  }

  private async note(
    actionId: number,
    at: string,
    author: string,
    kind: ActionNoteKind,
    text: string,
  ): Promise<void> {
    await this.sql.run(
      'INSERT INTO board_action_updates (action_id, at, author, text, kind) VALUES (?, ?, ?, ?, ?)',
      actionId,
      at,
      author,
      text,
      kind,
    );
  }

  private async heldAt(meetingId: number): Promise<string> {
    const row = await this.sql.get('SELECT held_at FROM meetings WHERE id = ?', meetingId);
    if (!row) throw new BoardPackError('not_found', `There is no meeting ${meetingId}.`);
    return heldAtRowSchema.parse(row).held_at;
  }

  /** The board sets due dates after it meets: an earlier one is usually a slip, so it is asked about first. */
  private refuseEarlyDue(dueDate: string | null, heldAt: string, confirmed: boolean): void {
    const held = heldAt.slice(0, 10);
    if (dueDate === null || dueDate >= held || confirmed) return;
    throw new BoardPackError(
      'needs_confirmation',
      `The due date, ${dateLabel(dueDate)}, is before the meeting that raised the action (${dateLabel(held)}). Check the date, or confirm that it is right.`,
    );
  }
}

function dueWords(date: string | null): string {
  return date ? dateLabel(date) : '(none)';
}
