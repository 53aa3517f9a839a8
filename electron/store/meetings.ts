// Meetings of the board: attendance, agenda, minutes and decisions, and the action log. Overdue
// is derived from the due date, never stored.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import type { BoardActionShownStatus, BoardActionStatus } from '../../shared/domain';
import {
  agendaItemInputSchema,
  agendaItemSchema,
  boardActionInputSchema,
  boardActionRecordSchema,
  type boardActionSchema,
  meetingInputSchema,
  meetingSchema,
  minuteSchema,
  packSectionSchema,
} from '../../shared/contractSchemas';
import { reportingMonthSchema, type ReportingMonth } from '../../shared/months';
import { PACK_SECTIONS, type PackSection } from '../../shared/packSections';
import { boardActionShownStatus } from '../../shared/status';
import type { AuditLog } from './audit';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';
import { countRowSchema, flagColumn, lastPositionRowSchema, wordsColumn } from './rowSchemas';

export { PACK_SECTIONS, packSectionSchema, type PackSection };

// The contract's input schemas, with the one thing only the store is told: whether a row is demo
// data (the demo loader's, removed with it).
const meetingWriteSchema = meetingInputSchema.extend({ demo: z.boolean().default(false) });
export type MeetingInput = z.input<typeof meetingWriteSchema>;
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;
const boardActionWriteSchema = boardActionInputSchema.extend({ demo: z.boolean().default(false) });
export type BoardActionInput = z.input<typeof boardActionWriteSchema>;

export type Meeting = z.infer<typeof meetingSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Minute = z.infer<typeof minuteSchema>;
export type BoardAction = z.infer<typeof boardActionRecordSchema>;
export type BoardActionView = z.infer<typeof boardActionSchema>;

const meetingRowSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    held_at: z.string(),
    place: z.string(),
    reporting_month: reportingMonthSchema,
    chairs_json: wordsColumn,
    members_json: wordsColumn,
    attendees_json: wordsColumn,
    apologies_json: wordsColumn,
    demo: flagColumn,
  })
  .transform((row): Meeting => ({
    id: row.id,
    title: row.title,
    heldAt: row.held_at,
    place: row.place,
    reportingMonth: row.reporting_month,
    chairs: row.chairs_json,
    members: row.members_json,
    attendees: row.attendees_json,
    apologies: row.apologies_json,
    demo: row.demo,
  }));

const agendaItemRowSchema = z
  .object({
    id: z.number().int(),
    meeting_id: z.number().int(),
    position: z.number().int(),
    title: z.string(),
    presenter: z.string(),
    minutes_allotted: z.number().int(),
    pack_section: packSectionSchema.nullable(),
  })
  .transform((r): AgendaItem => ({
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    title: r.title,
    presenter: r.presenter,
    minutesAllotted: r.minutes_allotted,
    packSection: r.pack_section,
  }));

const minuteRowSchema = z
  .object({
    id: z.number().int(),
    meeting_id: z.number().int(),
    agenda_item_id: z.number().int().nullable(),
    position: z.number().int(),
    kind: minuteSchema.shape.kind,
    text: z.string(),
  })
  .transform((r): Minute => ({
    id: r.id,
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    position: r.position,
    kind: r.kind,
    text: r.text,
  }));

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
  demo: flagColumn,
});
const actionNotesSchema = boardActionRecordSchema.shape.updates;

/** A meeting's details in the column order of meetings (title … apologies_json). */
function detailColumns(m: z.infer<typeof meetingWriteSchema>): (string | number)[] {
  return [
    m.title,
    m.heldAt,
    m.place,
    m.reportingMonth,
    JSON.stringify(m.chairs),
    JSON.stringify(m.members),
    JSON.stringify(m.attendees),
    JSON.stringify(m.apologies),
  ];
}

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new BoardPackError('invalid_input', result.error.issues[0].message);
  return result.data;
}

export class MeetingsRepository {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  list(): Meeting[] {
    return z
      .array(meetingRowSchema)
      .parse(this.db.prepare('SELECT * FROM meetings ORDER BY held_at, id').all());
  }

  get(id: number): Meeting {
    const row = this.db.prepare('SELECT * FROM meetings WHERE id = ?').get(id);
    if (!row) throw new BoardPackError('not_found', `There is no meeting ${id}.`);
    return meetingRowSchema.parse(row);
  }

  /** The meeting held before this one, whose minutes and actions the pack carries. */
  previous(id: number): Meeting | null {
    const meeting = this.get(id);
    const row = this.db
      .prepare(
        'SELECT * FROM meetings WHERE (held_at < ? OR (held_at = ? AND id < ?)) ORDER BY held_at DESC, id DESC LIMIT 1',
      )
      .get(meeting.heldAt, meeting.heldAt, meeting.id);
    return row ? meetingRowSchema.parse(row) : null;
  }

  /** The latest meeting reporting on a month, if any. */
  forMonth(month: ReportingMonth): Meeting | null {
    const row = this.db
      .prepare('SELECT * FROM meetings WHERE reporting_month = ? ORDER BY held_at DESC, id DESC LIMIT 1')
      .get(month);
    return row ? meetingRowSchema.parse(row) : null;
  }

  /** Creates a meeting; with standingAgenda, its agenda starts from the board's standing items. */
  create(input: MeetingInput, at: string, actor: string, standingAgenda: string[] = []): Meeting {
    const m = parse(meetingWriteSchema, input);
    return writeTransaction(this.db, () => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO meetings (title, held_at, place, reporting_month, chairs_json, members_json, attendees_json, apologies_json, demo)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...detailColumns(m), m.demo ? 1 : 0).lastInsertRowid,
      );
      const insert = this.db.prepare(
        'INSERT INTO agenda_items (meeting_id, position, title) VALUES (?, ?, ?)',
      );
      standingAgenda.forEach((title, i) => insert.run(id, i + 1, title));
      const meeting = this.get(id);
      this.audit.record(at, actor, 'meeting.create', 'meeting', id, null, meeting);
      return meeting;
    });
  }

  updateDetails(id: number, input: MeetingInput, at: string, actor: string): Meeting {
    const m = parse(meetingWriteSchema, input);
    return writeTransaction(this.db, () => {
      const before = this.get(id);
      this.db
        .prepare(
          `UPDATE meetings SET title = ?, held_at = ?, place = ?, reporting_month = ?, chairs_json = ?, members_json = ?,
             attendees_json = ?, apologies_json = ? WHERE id = ?`,
        )
        .run(...detailColumns(m), id);
      const after = this.get(id);
      this.audit.record(at, actor, 'meeting.update', 'meeting', id, before, after);
      return after;
    });
  }

  agenda(meetingId: number): AgendaItem[] {
    return z
      .array(agendaItemRowSchema)
      .parse(
        this.db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position').all(meetingId),
      );
  }

  /** Replaces the whole agenda in one go (add, edit, reorder), keeping items by id where given. */
  setAgenda(
    meetingId: number,
    items: (AgendaItemInput & { id?: number })[],
    at: string,
    actor: string,
  ): AgendaItem[] {
    const parsed = items.map((item) => parse(agendaItemInputSchema, item));
    return writeTransaction(this.db, () => {
      this.get(meetingId);
      const before = this.agenda(meetingId);
      const keep = new Set(parsed.map((p) => p.id).filter((id): id is number => id !== undefined));
      for (const old of before) {
        if (keep.has(old.id)) continue;
        this.refuseDroppingPapers(old);
        this.db.prepare('DELETE FROM agenda_items WHERE id = ?').run(old.id);
      }
      // Move kept items out of the way so positions can be rewritten without breaking UNIQUE.
      this.db.prepare('UPDATE agenda_items SET position = -position WHERE meeting_id = ?').run(meetingId);
      parsed.forEach((item, i) => {
        if (item.id !== undefined) {
          if (!before.some((b) => b.id === item.id))
            throw new BoardPackError('not_found', `Agenda item ${item.id} is not on this meeting's agenda.`);
          this.db
            .prepare(
              'UPDATE agenda_items SET position = ?, title = ?, presenter = ?, minutes_allotted = ?, pack_section = ? WHERE id = ?',
            )
            .run(i + 1, item.title, item.presenter, item.minutesAllotted, item.packSection, item.id);
        } else {
          this.db
            .prepare(
              'INSERT INTO agenda_items (meeting_id, position, title, presenter, minutes_allotted, pack_section) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(meetingId, i + 1, item.title, item.presenter, item.minutesAllotted, item.packSection);
        }
      });
      const after = this.agenda(meetingId);
      this.audit.record(at, actor, 'agenda.set', 'meeting', meetingId, before, after);
      return after;
    });
  }

  /** An item carrying papers is never dropped with them: its papers are removed (or moved) first. */
  private refuseDroppingPapers(item: AgendaItem): void {
    const { n } = countRowSchema.parse(
      this.db.prepare('SELECT count(*) AS n FROM papers WHERE agenda_item_id = ?').get(item.id),
    );
    if (n === 0) return;
    throw new BoardPackError(
      'conflict',
      `Item ${item.position} "${item.title}" carries ${n === 1 ? 'a paper' : `${n} papers`}; remove ${n === 1 ? 'it' : 'them'} from the item first, or keep the item on the agenda.`,
    );
  }

  minutes(meetingId: number): Minute[] {
    return z
      .array(minuteRowSchema)
      .parse(
        this.db.prepare('SELECT * FROM minutes WHERE meeting_id = ? ORDER BY position, id').all(meetingId),
      );
  }

  /** One minute by its id; not_found when there is none. */
  private minute(minuteId: number): Minute {
    const row = this.db.prepare('SELECT * FROM minutes WHERE id = ?').get(minuteId);
    if (!row) throw new BoardPackError('not_found', `There is no minute ${minuteId}.`);
    return minuteRowSchema.parse(row);
  }

  addMinute(
    meetingId: number,
    agendaItemId: number | null,
    kind: 'minute' | 'decision',
    text: string,
    at: string,
    actor: string,
  ): Minute {
    if (!text.trim()) throw new BoardPackError('invalid_input', 'A minute cannot be empty.');
    return writeTransaction(this.db, () => {
      this.get(meetingId);
      if (agendaItemId !== null && !this.agenda(meetingId).some((a) => a.id === agendaItemId)) {
        throw new BoardPackError('not_found', `Agenda item ${agendaItemId} is not on this meeting's agenda.`);
      }
      const position =
        lastPositionRowSchema.parse(
          this.db
            .prepare('SELECT coalesce(max(position), 0) AS p FROM minutes WHERE meeting_id = ?')
            .get(meetingId),
        ).p + 1;
      const id = Number(
        this.db
          .prepare(
            'INSERT INTO minutes (meeting_id, agenda_item_id, position, kind, text) VALUES (?, ?, ?, ?, ?)',
          )
          .run(meetingId, agendaItemId, position, kind, text.trim()).lastInsertRowid,
      );
      const minute = this.minute(id);
      this.audit.record(at, actor, 'minute.add', 'meeting', meetingId, null, minute);
      return minute;
    });
  }

  editMinute(minuteId: number, text: string, at: string, actor: string): Minute {
    if (!text.trim()) throw new BoardPackError('invalid_input', 'A minute cannot be empty.');
    return writeTransaction(this.db, () => {
      const before = this.minute(minuteId);
      this.db.prepare('UPDATE minutes SET text = ? WHERE id = ?').run(text.trim(), minuteId);
      const after = this.minute(minuteId);
      this.audit.record(at, actor, 'minute.edit', 'meeting', before.meetingId, before, after);
      return after;
    });
  }

  private actionRows(where: string, params: (string | number)[]): BoardAction[] {
    const rows = z
      .array(boardActionRowSchema)
      .parse(this.db.prepare(`SELECT * FROM board_actions ${where} ORDER BY id`).all(...params));
    const updates = this.db.prepare(
      'SELECT at, author, text FROM board_action_updates WHERE action_id = ? ORDER BY at, id',
    );
    return rows.map((r) => ({
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
      updates: actionNotesSchema.parse(updates.all(r.id)),
    }));
  }

  /** Every action (or a meeting's, by index) with its shown status (open, overdue, complete) on the given day. */
  actions(
    today: string,
    filter: { status?: BoardActionShownStatus; owner?: string; meetingId?: number } = {},
  ): BoardActionView[] {
    const rows =
      filter.meetingId === undefined
        ? this.actionRows('', [])
        : this.actionRows('WHERE meeting_id = ?', [filter.meetingId]);
    return rows
      .map((a) => ({ ...a, shownStatus: boardActionShownStatus(a.status, a.dueDate, today) }))
      .filter((a) => (filter.status ? a.shownStatus === filter.status : true))
      .filter((a) => (filter.owner ? a.owner.toLowerCase().includes(filter.owner.toLowerCase()) : true));
  }

  action(ref: string): BoardAction {
    const found = this.actionRows('WHERE ref = ?', [ref]);
    if (found.length === 0) throw new BoardPackError('not_found', `There is no action ${ref}.`);
    return found[0];
  }

  /** Raises an action; its reference is the meeting's date and a number, e.g. A2007-09/3. */
  addAction(input: BoardActionInput, at: string, actor: string): BoardAction {
    const a = parse(boardActionWriteSchema, input);
    return writeTransaction(this.db, () => {
      const meeting = this.get(a.meetingId);
      const prefix = `A${meeting.heldAt.slice(0, 7)}/`;
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

  /** Adds a progress note to an action and, optionally, completes or reopens it. */
  updateAction(
    ref: string,
    change: { note?: string; status?: BoardActionStatus; on: string },
    at: string,
    actor: string,
  ): BoardAction {
    return writeTransaction(this.db, () => {
      const before = this.action(ref);
      if (change.note !== undefined && change.note.trim()) {
        this.db
          .prepare('INSERT INTO board_action_updates (action_id, at, author, text) VALUES (?, ?, ?, ?)')
          .run(before.id, at, actor, change.note.trim());
      }
      if (change.status && change.status !== before.status) {
        this.db
          .prepare('UPDATE board_actions SET status = ?, completed_on = ? WHERE id = ?')
          .run(change.status, change.status === 'complete' ? change.on : null, before.id);
      }
      const after = this.action(ref);
      this.audit.record(at, actor, 'action.update', 'board_action', ref, before, after);
      return after;
    });
  }
}
