// Meetings of the board: attendance, agenda, minutes and decisions, and the action log. Overdue
// is derived from the due date, never stored.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { isoDateSchema, type BoardActionShownStatus, type BoardActionStatus } from '../../shared/domain';
import { reportingMonthSchema, type ReportingMonth } from '../../shared/months';
import { PACK_SECTIONS, type PackSection } from '../../shared/packSections';
import { boardActionShownStatus } from '../../shared/status';
import type { AuditLog } from './audit';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';
import type { Synchronous } from './connection';
import type { MeetingsPort } from './port';

export { PACK_SECTIONS, type PackSection };
export const packSectionSchema = z.enum(PACK_SECTIONS);

export const meetingInputSchema = z.object({
  title: z.string().trim().min(1, 'A meeting needs a title.'),
  heldAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'The meeting time is written YYYY-MM-DDTHH:MM.'),
  place: z.string().trim().default(''),
  reportingMonth: reportingMonthSchema,
  chairs: z.array(z.string().trim().min(1)).default([]),
  members: z.array(z.string().trim().min(1)).default([]),
  attendees: z.array(z.string().trim().min(1)).default([]),
  apologies: z.array(z.string().trim().min(1)).default([]),
  demo: z.boolean().default(false),
});
export type MeetingInput = z.input<typeof meetingInputSchema>;

export const agendaItemInputSchema = z.object({
  title: z.string().trim().min(1, 'An agenda item needs a title.'),
  presenter: z.string().trim().default(''),
  minutesAllotted: z.number().int().min(0).max(600).default(0),
  packSection: packSectionSchema.nullable().default(null),
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;

export const boardActionInputSchema = z.object({
  meetingId: z.number().int(),
  agendaItemId: z.number().int().nullable().default(null),
  description: z.string().trim().min(1, 'An action needs a description.'),
  owner: z.string().trim().min(1, 'An action needs an owner.'),
  dueDate: isoDateSchema.nullable().default(null),
  demo: z.boolean().default(false),
});
export type BoardActionInput = z.input<typeof boardActionInputSchema>;

export interface Meeting {
  id: number;
  title: string;
  heldAt: string;
  place: string;
  reportingMonth: ReportingMonth;
  chairs: string[];
  members: string[];
  attendees: string[];
  apologies: string[];
  demo: boolean;
}

export interface AgendaItem {
  id: number;
  meetingId: number;
  position: number;
  title: string;
  presenter: string;
  minutesAllotted: number;
  packSection: PackSection | null;
}

export interface Minute {
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  position: number;
  kind: 'minute' | 'decision';
  text: string;
}

export interface BoardAction {
  id: number;
  ref: string;
  meetingId: number;
  agendaItemId: number | null;
  description: string;
  owner: string;
  dueDate: string | null;
  status: BoardActionStatus;
  completedOn: string | null;
  demo: boolean;
  updates: { at: string; author: string; text: string }[];
}

export interface BoardActionView extends BoardAction {
  shownStatus: BoardActionShownStatus;
}

interface MeetingRow {
  id: number;
  title: string;
  held_at: string;
  place: string;
  reporting_month: string;
  chairs_json: string;
  members_json: string;
  attendees_json: string;
  apologies_json: string;
  demo: number;
}

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    title: row.title,
    heldAt: row.held_at,
    place: row.place,
    reportingMonth: row.reporting_month,
    chairs: JSON.parse(row.chairs_json) as string[],
    members: JSON.parse(row.members_json) as string[],
    attendees: JSON.parse(row.attendees_json) as string[],
    apologies: JSON.parse(row.apologies_json) as string[],
    demo: row.demo === 1,
  };
}

/** A meeting's details in the column order of meetings (title … apologies_json). */
function detailColumns(m: z.infer<typeof meetingInputSchema>): (string | number)[] {
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

export class MeetingsRepository implements Synchronous<MeetingsPort> {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  list(): Meeting[] {
    return (this.db.prepare('SELECT * FROM meetings ORDER BY held_at, id').all() as MeetingRow[]).map(
      toMeeting,
    );
  }

  get(id: number): Meeting {
    const row = this.db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
    if (!row) throw new BoardPackError('not_found', `There is no meeting ${id}.`);
    return toMeeting(row);
  }

  /** The meeting held before this one, whose minutes and actions the pack carries. */
  previous(id: number): Meeting | null {
    const meeting = this.get(id);
    const row = this.db
      .prepare(
        'SELECT * FROM meetings WHERE (held_at < ? OR (held_at = ? AND id < ?)) ORDER BY held_at DESC, id DESC LIMIT 1',
      )
      .get(meeting.heldAt, meeting.heldAt, meeting.id) as MeetingRow | undefined;
    return row ? toMeeting(row) : null;
  }

  /** The latest meeting reporting on a month, if any. */
  forMonth(month: ReportingMonth): Meeting | null {
    const row = this.db
      .prepare('SELECT * FROM meetings WHERE reporting_month = ? ORDER BY held_at DESC, id DESC LIMIT 1')
      .get(month) as MeetingRow | undefined;
    return row ? toMeeting(row) : null;
  }

  /** Creates a meeting; with standingAgenda, its agenda starts from the board's standing items. */
  create(input: MeetingInput, at: string, actor: string, standingAgenda: string[] = []): Meeting {
    const m = parse(meetingInputSchema, input);
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
    const m = parse(meetingInputSchema, input);
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
    return (
      this.db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position').all(meetingId) as {
        id: number;
        meeting_id: number;
        position: number;
        title: string;
        presenter: string;
        minutes_allotted: number;
        pack_section: PackSection | null;
      }[]
    ).map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      position: r.position,
      title: r.title,
      presenter: r.presenter,
      minutesAllotted: r.minutes_allotted,
      packSection: r.pack_section,
    }));
  }

  /** Replaces the whole agenda in one go (add, edit, reorder), keeping items by id where given. */
  setAgenda(
    meetingId: number,
    items: (AgendaItemInput & { id?: number })[],
    at: string,
    actor: string,
  ): AgendaItem[] {
    const parsed = items.map((item) => ({ id: item.id, ...parse(agendaItemInputSchema, item) }));
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
    const { n } = this.db
      .prepare('SELECT count(*) AS n FROM papers WHERE agenda_item_id = ?')
      .get(item.id) as {
      n: number;
    };
    if (n === 0) return;
    throw new BoardPackError(
      'conflict',
      `Item ${item.position} "${item.title}" carries ${n === 1 ? 'a paper' : `${n} papers`}; remove ${n === 1 ? 'it' : 'them'} from the item first, or keep the item on the agenda.`,
    );
  }

  minutes(meetingId: number): Minute[] {
    return (
      this.db.prepare('SELECT * FROM minutes WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as {
        id: number;
        meeting_id: number;
        agenda_item_id: number | null;
        position: number;
        kind: 'minute' | 'decision';
        text: string;
      }[]
    ).map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      agendaItemId: r.agenda_item_id,
      position: r.position,
      kind: r.kind,
      text: r.text,
    }));
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
        (
          this.db
            .prepare('SELECT coalesce(max(position), 0) AS p FROM minutes WHERE meeting_id = ?')
            .get(meetingId) as { p: number }
        ).p + 1;
      const id = Number(
        this.db
          .prepare(
            'INSERT INTO minutes (meeting_id, agenda_item_id, position, kind, text) VALUES (?, ?, ?, ?, ?)',
          )
          .run(meetingId, agendaItemId, position, kind, text.trim()).lastInsertRowid,
      );
      const minute = this.minutes(meetingId).find((m) => m.id === id) as Minute;
      this.audit.record(at, actor, 'minute.add', 'meeting', meetingId, null, minute);
      return minute;
    });
  }

  editMinute(minuteId: number, text: string, at: string, actor: string): Minute {
    if (!text.trim()) throw new BoardPackError('invalid_input', 'A minute cannot be empty.');
    return writeTransaction(this.db, () => {
      const row = this.db.prepare('SELECT meeting_id FROM minutes WHERE id = ?').get(minuteId) as
        { meeting_id: number } | undefined;
      if (!row) throw new BoardPackError('not_found', `There is no minute ${minuteId}.`);
      const before = this.minutes(row.meeting_id).find((m) => m.id === minuteId);
      this.db.prepare('UPDATE minutes SET text = ? WHERE id = ?').run(text.trim(), minuteId);
      const after = this.minutes(row.meeting_id).find((m) => m.id === minuteId) as Minute;
      this.audit.record(at, actor, 'minute.edit', 'meeting', row.meeting_id, before, after);
      return after;
    });
  }

  private actionRows(where: string, params: (string | number)[]): BoardAction[] {
    const rows = this.db.prepare(`SELECT * FROM board_actions ${where} ORDER BY id`).all(...params) as {
      id: number;
      ref: string;
      meeting_id: number;
      agenda_item_id: number | null;
      description: string;
      owner: string;
      due_date: string | null;
      status: BoardActionStatus;
      completed_on: string | null;
      demo: number;
    }[];
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
      demo: r.demo === 1,
      updates: updates.all(r.id) as BoardAction['updates'],
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
    const a = parse(boardActionInputSchema, input);
    return writeTransaction(this.db, () => {
      const meeting = this.get(a.meetingId);
      const prefix = `A${meeting.heldAt.slice(0, 7)}/`;
      const count = (
        this.db.prepare('SELECT count(*) AS n FROM board_actions WHERE ref LIKE ?').get(`${prefix}%`) as {
          n: number;
        }
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
