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
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';
import { countRowSchema, flagColumn } from './rowSchemas';

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
});
const actionNotesSchema = boardActionRecordSchema.shape.updates;
const heldAtRowSchema = z.object({ held_at: z.string() });

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
    protected readonly db: Db,
    protected readonly audit: AuditLog,
  ) {}

  private actionRows(where: string, params: (string | number)[]): BoardAction[] {
    const rows = z
      .array(boardActionRowSchema)
      .parse(this.db.prepare(`SELECT * FROM board_actions ${where} ORDER BY id`).all(...params));
    const notes = this.db.prepare(
      'SELECT at, author, text, kind FROM board_action_updates WHERE action_id = ? ORDER BY at, id',
    );
    return rows.map((r) => {
      const updates = actionNotesSchema.parse(notes.all(r.id));
      const closing = updates.filter((u) => u.kind === 'closing').at(-1);
      return {
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
      };
    });
  }

  /** Every action on the log (or a meeting's) with its shown status (open, overdue, complete) on the day given. */
  actions(
    today: string,
    filter: { status?: BoardActionShownStatus; owner?: string; meetingId?: number } = {},
  ): BoardActionView[] {
    const rows =
      filter.meetingId === undefined
        ? this.actionRows('WHERE removed_on IS NULL', [])
        : this.actionRows('WHERE removed_on IS NULL AND meeting_id = ?', [filter.meetingId]);
    return rows
      .map((a) => ({ ...a, shownStatus: boardActionShownStatus(a.status, a.dueDate, today) }))
      .filter((a) => (filter.status ? a.shownStatus === filter.status : true))
      .filter((a) => (filter.owner ? a.owner.toLowerCase().includes(filter.owner.toLowerCase()) : true));
  }

  /** One action by reference, removed ones included (their record stays). */
  action(ref: string): BoardAction {
    const found = this.actionRows('WHERE ref = ?', [ref.trim()]);
    if (found.length === 0) throw new BoardPackError('not_found', `There is no action ${ref}.`);
    return found[0];
  }

  /** Raises an action; its reference is the meeting's date and a number, e.g. A2007-09/3. */
  addAction(input: BoardActionInput, at: string, actor: string): BoardAction {
    const a = parse(boardActionWriteSchema, input);
    return writeTransaction(this.db, () => {
      const heldAt = this.heldAt(a.meetingId);
      this.refuseEarlyDue(a.dueDate, heldAt, a.confirmEarlyDue);
      const prefix = `A${heldAt.slice(0, 7)}/`;
      const count = countRowSchema.parse(
        this.db.prepare('SELECT count(*) AS n FROM board_actions WHERE ref LIKE ?').get(`${prefix}%`),
      ).n;
      const ref = `${prefix}${count + 1}`;
      this.db
        .prepare(
          `INSERT INTO board_actions (ref, meeting_id, agenda_item_id, description, owner, due_date, status, demo)
           VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
        )
        .run(ref, a.meetingId, a.agendaItemId, a.description, a.owner, a.dueDate, a.demo ? 1 : 0);
      const action = this.action(ref);
      this.audit.record(at, actor, 'action.add', 'board_action', ref, null, action);
      return action;
    });
  }

  /** Changes the description, owner or due date; a new owner is noted as a reassignment. */
  editAction(ref: string, edit: ActionEdit, at: string, actor: string): BoardAction {
    return this.change(ref, 'action.edit', at, actor, (before) => {
      const description =
        edit.description === undefined
          ? before.description
          : required(edit.description, 'An action needs a description.');
      const owner =
        edit.owner === undefined ? before.owner : required(edit.owner, 'An action needs an owner.');
      const dueDate = edit.dueDate === undefined ? before.dueDate : edit.dueDate;
      if (dueDate !== before.dueDate)
        this.refuseEarlyDue(dueDate, this.heldAt(before.meetingId), edit.confirmEarlyDue ?? false);
      this.db
        .prepare('UPDATE board_actions SET description = ?, owner = ?, due_date = ? WHERE id = ?')
        .run(description, owner, dueDate, before.id);
      if (owner !== before.owner)
        this.note(before.id, at, actor, 'reassigned', `Reassigned from ${before.owner} to ${owner}.`);
      if (dueDate !== before.dueDate)
        this.note(
          before.id,
          at,
          actor,
          'edited',
          `Due date ${dueWords(before.dueDate)} changed to ${dueWords(dueDate)}.`,
        );
    });
  }

  /** A dated progress note, by whom, kept in order. */
  addNote(ref: string, text: string, at: string, actor: string): BoardAction {
    const note = required(text, 'A progress note cannot be empty.');
    return this.change(ref, 'action.note', at, actor, (before) =>
      this.note(before.id, at, actor, 'note', note),
    );
  }

  /** Completes an action with the note it is closed with. */
  completeAction(ref: string, note: string, on: string, at: string, actor: string): BoardAction {
    const closing = required(note, 'Say how the action was closed: the closing note.');
    return this.change(ref, 'action.complete', at, actor, (before) => {
      if (before.status === 'complete')
        throw new BoardPackError('conflict', `Action ${before.ref} is already complete.`);
      this.db
        .prepare("UPDATE board_actions SET status = 'complete', completed_on = ? WHERE id = ?")
        .run(on, before.id);
      this.note(before.id, at, actor, 'closing', closing);
    });
  }

  /** Reopens a completed action, with an optional note saying why. */
  reopenAction(ref: string, note: string, at: string, actor: string): BoardAction {
    return this.change(ref, 'action.reopen', at, actor, (before) => {
      if (before.status !== 'complete')
        throw new BoardPackError('conflict', `Action ${before.ref} is open already.`);
      this.db
        .prepare("UPDATE board_actions SET status = 'open', completed_on = NULL WHERE id = ?")
        .run(before.id);
      this.note(before.id, at, actor, 'reopened', note.trim() || 'Reopened.');
    });
  }

  /** Takes an action off the log, saying why; its record and reference stay. */
  removeAction(ref: string, reason: string, on: string, at: string, actor: string): BoardAction {
    const why = required(reason, 'Say why the action is being removed.');
    return this.change(ref, 'action.remove', at, actor, (before) => {
      this.db
        .prepare('UPDATE board_actions SET removed_on = ?, removed_reason = ? WHERE id = ?')
        .run(on, why, before.id);
    });
  }

  /** Adds a progress note to an action and, optionally, completes or reopens it (the demo's and older callers' way). */
  updateAction(
    ref: string,
    change: { note?: string; status?: BoardActionStatus; on: string },
    at: string,
    actor: string,
  ): BoardAction {
    return this.change(ref, 'action.update', at, actor, (before) => {
      if (change.note !== undefined && change.note.trim()) {
        const kind = change.status === 'complete' && before.status !== 'complete' ? 'closing' : 'note';
        this.note(before.id, at, actor, kind, change.note.trim());
      }
      if (change.status && change.status !== before.status) {
        this.db
          .prepare('UPDATE board_actions SET status = ?, completed_on = ? WHERE id = ?')
          .run(change.status, change.status === 'complete' ? change.on : null, before.id);
      }
    });
  }

  /** One change to a live action in one transaction, audited with before and after. */
  private change(
    ref: string,
    auditAction: string,
    at: string,
    actor: string,
    work: (before: BoardAction) => void,
  ): BoardAction {
    return writeTransaction(this.db, () => {
      const before = this.action(ref);
      if (before.removedOn !== null)
        throw new BoardPackError(
          'conflict',
          `Action ${before.ref} was removed from the log on ${dateLabel(before.removedOn)} (${before.removedReason}); it cannot be changed.`,
        );
      work(before);
      const after = this.action(ref);
      this.audit.record(at, actor, auditAction, 'board_action', before.ref, before, after);
      return after;
    });
  }

  private note(actionId: number, at: string, author: string, kind: ActionNoteKind, text: string): void {
    this.db
      .prepare('INSERT INTO board_action_updates (action_id, at, author, text, kind) VALUES (?, ?, ?, ?, ?)')
      .run(actionId, at, author, text, kind);
  }

  private heldAt(meetingId: number): string {
    const row = this.db.prepare('SELECT held_at FROM meetings WHERE id = ?').get(meetingId);
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
