// Meetings of the board: attendance, agenda, minutes and decisions, and the action log. Overdue
// is derived from the due date, never stored.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import {
  agendaItemInputSchema,
  agendaItemSchema,
  meetingInputSchema,
  meetingSchema,
  minuteSchema,
  minutesApprovalSchema,
  type MinutesApproval,
  packSectionSchema,
} from '../../shared/contractSchemas';
import { attendanceProblem } from '../../shared/attendance';
import { dateLabel, reportingMonthSchema, type ReportingMonth } from '../../shared/months';
import { BoardActionsRepository } from './boardActions';
import { editConflict } from './editConflict';
import { PACK_SECTIONS, type PackSection } from '../../shared/packSections';
import type { AuditLog } from './audit';
import type { Sql } from './sql';
import { countRowSchema, flagColumn, jsonColumn, lastPositionRowSchema, wordsColumn } from './rowSchemas';

const representedColumn = jsonColumn(meetingSchema.shape.represented);

export { PACK_SECTIONS, packSectionSchema, type PackSection };
export type { BoardAction, BoardActionInput, BoardActionView } from './boardActions';

// The contract's input schemas, with the one thing only the store is told: whether a row is demo
// data (the demo loader's, removed with it).
const meetingWriteSchema = meetingInputSchema.extend({ demo: z.boolean().default(false) });
export type MeetingInput = z.input<typeof meetingWriteSchema>;
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;

export type Meeting = z.infer<typeof meetingSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Minute = z.infer<typeof minuteSchema>;

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
    absent_json: wordsColumn,
    represented_json: representedColumn,
    visitors_json: wordsColumn,
    demo: flagColumn,
    agenda_version: z.number().int(),
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
    absent: row.absent_json,
    represented: row.represented_json,
    visitors: row.visitors_json,
    demo: row.demo,
    agendaVersion: row.agenda_version,
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
    agenda_version: z.number().int(),
  })
  .transform((r): AgendaItem => ({
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    title: r.title,
    presenter: r.presenter,
    minutesAllotted: r.minutes_allotted,
    packSection: r.pack_section,
    agendaVersion: r.agenda_version,
  }));

/** A meeting's agenda, each item with the edit count of the whole agenda. */
const AGENDA = `SELECT a.id, a.meeting_id, a.position, a.title, a.presenter, a.minutes_allotted, a.pack_section, m.agenda_version
  FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.meeting_id = ? ORDER BY a.position`;
// Compare-and-set on the agenda's edit count; without a base version it still moves the count (and,
// on a server, holds the meeting's row until the commit, so two agenda saves never interleave).
const MOVE_AGENDA_VERSION = 'UPDATE meetings SET agenda_version = agenda_version + 1 WHERE id = ?';
const MOVE_AGENDA_VERSION_FROM =
  'UPDATE meetings SET agenda_version = agenda_version + 1 WHERE id = ? AND agenda_version = ?';

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

const approvalRowSchema = z
  .object({
    meeting_id: z.number().int(),
    approved_at_meeting_id: z.number().int(),
    approved_on: z.string(),
    approved_by: z.string(),
    corrections: z.string(),
    recorded_at: z.string(),
    recorded_by: z.string(),
  })
  .transform((r): MinutesApproval =>
    minutesApprovalSchema.parse({
      meetingId: r.meeting_id,
      approvedAtMeetingId: r.approved_at_meeting_id,
      approvedOn: r.approved_on,
      approvedBy: r.approved_by,
      corrections: r.corrections,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    }),
  );

/** A meeting's details in the column order of meetings (title … visitors_json). */
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
    JSON.stringify(m.absent),
    JSON.stringify(m.represented),
    JSON.stringify(m.visitors),
  ];
}

const LISTS = ['chairs', 'members', 'attendees', 'apologies', 'absent', 'represented', 'visitors'] as const;

/** The meeting's own lists, for those the input leaves out. */
function keptLists(meeting: Meeting, input: MeetingInput): Partial<MeetingInput> {
  return Object.fromEntries(
    LISTS.filter((list) => input[list] === undefined).map((list) => [list, meeting[list]]),
  );
}

/** Refuses, in words, a person in two attendance states. */
function refuseDoubleAttendance(m: z.infer<typeof meetingWriteSchema>): void {
  const problem = attendanceProblem(m);
  if (problem) throw new BoardPackError('invalid_input', problem);
}

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new BoardPackError('invalid_input', result.error.issues[0].message);
  return result.data;
}

export class MeetingsRepository extends BoardActionsRepository {
  constructor(sql: Sql, audit: AuditLog) {
    super(sql, audit);
  }

  async list(): Promise<Meeting[]> {
    return z.array(meetingRowSchema).parse(await this.sql.all('SELECT * FROM meetings ORDER BY held_at, id'));
  }

  async get(id: number): Promise<Meeting> {
    const row = await this.sql.get('SELECT * FROM meetings WHERE id = ?', id);
    if (!row) throw new BoardPackError('not_found', `There is no meeting ${id}.`);
    return meetingRowSchema.parse(row);
  }

  /** The meeting held before this one, whose minutes and actions the pack carries. */
  async previous(id: number): Promise<Meeting | null> {
    const meeting = await this.get(id);
    const row = await this.sql.get(
      'SELECT * FROM meetings WHERE (held_at < ? OR (held_at = ? AND id < ?)) ORDER BY held_at DESC, id DESC LIMIT 1',
      meeting.heldAt,
      meeting.heldAt,
      meeting.id,
    );
    return row ? meetingRowSchema.parse(row) : null;
  }

  /** The latest meeting reporting on a month, if any. */
  async forMonth(month: ReportingMonth): Promise<Meeting | null> {
    const row = await this.sql.get(
      'SELECT * FROM meetings WHERE reporting_month = ? ORDER BY held_at DESC, id DESC LIMIT 1',
      month,
    );
    return row ? meetingRowSchema.parse(row) : null;
  }

  /** Creates a meeting; with standingAgenda, its agenda starts from the board's standing items. */
  async create(
    input: MeetingInput,
    at: string,
    actor: string,
    standingAgenda: string[] = [],
  ): Promise<Meeting> {
    const m = parse(meetingWriteSchema, input);
    refuseDoubleAttendance(m);
    return this.sql.transaction(async () => {
      const id = await this.sql.insert(
        `INSERT INTO meetings (title, held_at, place, reporting_month, chairs_json, members_json, attendees_json, apologies_json,
           absent_json, represented_json, visitors_json, demo)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ...detailColumns(m),
        m.demo ? 1 : 0,
      );
      for (const [i, title] of standingAgenda.entries())
        await this.sql.run(
          'INSERT INTO agenda_items (meeting_id, position, title) VALUES (?, ?, ?)',
          id,
          i + 1,
          title,
        );
      const meeting = await this.get(id);
      await this.audit.record(at, actor, 'meeting.create', 'meeting', id, null, meeting);
      return meeting;
    });
  }

  /**
   * Writes a meeting's details. A list left out (chairs, members, the attendance) is kept as the
   * meeting has it, read in the same transaction: a save of the details does not undo attendance
   * recorded meanwhile at another desk.
   */
  async updateDetails(id: number, input: MeetingInput, at: string, actor: string): Promise<Meeting> {
    return this.rewrite(id, (before) => ({ ...input, ...keptLists(before, input) }), at, actor);
  }

  /** Rewrites the meeting's row from what it holds now, with its audit record, in one transaction. */
  private async rewrite(
    id: number,
    change: (before: Meeting) => MeetingInput,
    at: string,
    actor: string,
  ): Promise<Meeting> {
    return this.sql.transaction(async () => {
      // The meeting's row is locked before it is read, so two desks' saves of one meeting run one
      // after the other, each from what the other wrote (on PostgreSQL; SQLite's BEGIN IMMEDIATE
      // already holds the whole database).
      await this.sql.run('UPDATE meetings SET title = title WHERE id = ?', id);
      const before = await this.get(id);
      const m = parse(meetingWriteSchema, change(before));
      refuseDoubleAttendance(m);
      await this.sql.run(
        `UPDATE meetings SET title = ?, held_at = ?, place = ?, reporting_month = ?, chairs_json = ?, members_json = ?,
           attendees_json = ?, apologies_json = ?, absent_json = ?, represented_json = ?, visitors_json = ? WHERE id = ?`,
        ...detailColumns(m),
        id,
      );
      const after = await this.get(id);
      await this.audit.record(at, actor, 'meeting.update', 'meeting', id, before, after);
      return after;
    });
  }

  async agenda(meetingId: number): Promise<AgendaItem[]> {
    return z.array(agendaItemRowSchema).parse(await this.sql.all(AGENDA, meetingId));
  }

  /**
   * Replaces the whole agenda in one go (add, edit, reorder), keeping items by id where given. With
   * a base version (the agendaVersion the edits started from), an agenda saved meanwhile by another
   * desk refuses this one (edit_conflict), writing nothing.
   */
  async setAgenda(
    meetingId: number,
    items: (AgendaItemInput & { id?: number })[],
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<AgendaItem[]> {
    const parsed = items.map((item) => parse(agendaItemInputSchema, item));
    return this.sql.transaction(async () => {
      await this.get(meetingId);
      const moved =
        baseVersion === undefined
          ? await this.sql.run(MOVE_AGENDA_VERSION, meetingId)
          : await this.sql.run(MOVE_AGENDA_VERSION_FROM, meetingId, baseVersion);
      if (moved.changes === 0) {
        throw await editConflict(
          this.audit,
          {
            what: 'this agenda',
            entity: 'meeting',
            entityId: meetingId,
            actions: ['agenda.set', 'meeting.create'],
          },
          at,
          await this.agenda(meetingId),
        );
      }
      // Read after the count moved (and, on a server, the meeting's row is held): the agenda as it was
      // just before this save, the count it had put back for the audit record.
      const before = (await this.agenda(meetingId)).map((item) => ({
        ...item,
        agendaVersion: item.agendaVersion - 1,
      }));
      const keep = new Set(parsed.map((p) => p.id).filter((id): id is number => id !== undefined));
      for (const old of before) {
        if (keep.has(old.id)) continue;
        await this.refuseDroppingPapers(old);
        await this.refuseDroppingMinutes(old);
        await this.sql.run('DELETE FROM agenda_items WHERE id = ?', old.id);
      }
      // Move kept items out of the way so positions can be rewritten without breaking UNIQUE.
      await this.sql.run('UPDATE agenda_items SET position = -position WHERE meeting_id = ?', meetingId);
      for (const [i, item] of parsed.entries()) {
        if (item.id !== undefined) {
          if (!before.some((b) => b.id === item.id))
            throw new BoardPackError('not_found', `Agenda item ${item.id} is not on this meeting's agenda.`);
          await this.sql.run(
            'UPDATE agenda_items SET position = ?, title = ?, presenter = ?, minutes_allotted = ?, pack_section = ? WHERE id = ?',
            i + 1,
            item.title,
            item.presenter,
            item.minutesAllotted,
            item.packSection,
            item.id,
          );
        } else {
          await this.sql.run(
            'INSERT INTO agenda_items (meeting_id, position, title, presenter, minutes_allotted, pack_section) VALUES (?, ?, ?, ?, ?, ?)',
            meetingId,
            i + 1,
            item.title,
            item.presenter,
            item.minutesAllotted,
            item.packSection,
          );
        }
      }
      const after = await this.agenda(meetingId);
      await this.audit.record(at, actor, 'agenda.set', 'meeting', meetingId, before, after);
      return after;
    });
  }

  /** An item carrying papers is never dropped with them: its papers are removed (or moved) first. */
  private async refuseDroppingPapers(item: AgendaItem): Promise<void> {
    const { n } = countRowSchema.parse(
      await this.sql.get('SELECT count(*) AS n FROM papers WHERE agenda_item_id = ?', item.id),
    );
    if (n === 0) return;
    throw new BoardPackError(
      'conflict',
      `Item ${item.position} "${item.title}" carries ${n === 1 ? 'a paper' : `${n} papers`}; remove ${n === 1 ? 'it' : 'them'} from the item first, or keep the item on the agenda.`,
    );
  }

  /** An item's minutes would go with it: they are removed (while that is allowed) first. */
  private async refuseDroppingMinutes(item: AgendaItem): Promise<void> {
    const { n } = countRowSchema.parse(
      await this.sql.get('SELECT count(*) AS n FROM minutes WHERE agenda_item_id = ?', item.id),
    );
    if (n === 0) return;
    throw new BoardPackError(
      'conflict',
      `Item ${item.position} "${item.title}" has ${n === 1 ? 'a minute' : `${n} minutes`} recorded against it; keep the item on the agenda, or remove ${n === 1 ? 'it' : 'them'} first.`,
    );
  }

  async minutes(meetingId: number): Promise<Minute[]> {
    return z
      .array(minuteRowSchema)
      .parse(
        await this.sql.all('SELECT * FROM minutes WHERE meeting_id = ? ORDER BY position, id', meetingId),
      );
  }

  /** One minute by its id; not_found when there is none. */
  private async minute(minuteId: number): Promise<Minute> {
    const row = await this.sql.get('SELECT * FROM minutes WHERE id = ?', minuteId);
    if (!row) throw new BoardPackError('not_found', `There is no minute ${minuteId}.`);
    return minuteRowSchema.parse(row);
  }

  async addMinute(
    meetingId: number,
    agendaItemId: number | null,
    kind: 'minute' | 'decision',
    text: string,
    at: string,
    actor: string,
  ): Promise<Minute> {
    if (!text.trim()) throw new BoardPackError('invalid_input', 'A minute cannot be empty.');
    return this.sql.transaction(async () => {
      await this.get(meetingId);
      await this.refuseLocked(meetingId);
      if (agendaItemId !== null && !(await this.agenda(meetingId)).some((a) => a.id === agendaItemId)) {
        throw new BoardPackError('not_found', `Agenda item ${agendaItemId} is not on this meeting's agenda.`);
      }
      const position =
        lastPositionRowSchema.parse(
          await this.sql.get(
            'SELECT coalesce(max(position), 0) AS p FROM minutes WHERE meeting_id = ?',
            meetingId,
          ),
        ).p + 1;
      const id = await this.sql.insert(
        'INSERT INTO minutes (meeting_id, agenda_item_id, position, kind, text) VALUES (?, ?, ?, ?, ?)',
        meetingId,
        agendaItemId,
        position,
        kind,
        text.trim(),
      );
      const minute = await this.minute(id);
      await this.audit.record(at, actor, 'minute.add', 'meeting', meetingId, null, minute);
      return minute;
    });
  }

  async editMinute(minuteId: number, text: string, at: string, actor: string): Promise<Minute> {
    if (!text.trim()) throw new BoardPackError('invalid_input', 'A minute cannot be empty.');
    return this.sql.transaction(async () => {
      const before = await this.minute(minuteId);
      await this.refuseLocked(before.meetingId);
      await this.sql.run('UPDATE minutes SET text = ? WHERE id = ?', text.trim(), minuteId);
      const after = await this.minute(minuteId);
      await this.audit.record(at, actor, 'minute.edit', 'meeting', before.meetingId, before, after);
      return after;
    });
  }

  /** Removes a minute or decision, until the minutes are approved. */
  async removeMinute(minuteId: number, at: string, actor: string): Promise<Minute> {
    return this.sql.transaction(async () => {
      const before = await this.minute(minuteId);
      await this.refuseLocked(before.meetingId);
      await this.sql.run('DELETE FROM minutes WHERE id = ?', minuteId);
      await this.audit.record(at, actor, 'minute.remove', 'meeting', before.meetingId, before, null);
      return before;
    });
  }

  /** The approval of a meeting's minutes; null until the next meeting records it. */
  async approval(meetingId: number): Promise<MinutesApproval | null> {
    const row = await this.sql.get('SELECT * FROM minutes_approvals WHERE meeting_id = ?', meetingId);
    return row ? approvalRowSchema.parse(row) : null;
  }

  /**
   * Records, at the meeting after it, that a meeting's minutes were approved (by whom, on which
   * day, with any corrections noted); from then on they are locked.
   */
  async approveMinutes(
    input: { meetingId: number; approvedBy: string; approvedOn?: string; corrections: string },
    at: string,
    actor: string,
  ): Promise<MinutesApproval> {
    const approvedBy = input.approvedBy.trim();
    if (!approvedBy)
      throw new BoardPackError('invalid_input', 'Say who approved the minutes (usually the chair).');
    return this.sql.transaction(async () => {
      const meeting = await this.get(input.meetingId);
      await this.refuseLocked(meeting.id);
      const next = await this.next(meeting);
      if (!next) {
        throw new BoardPackError(
          'conflict',
          `The minutes of ${dateLabel(meeting.heldAt.slice(0, 10))} are approved at the next meeting, and none is recorded yet.`,
        );
      }
      const approvedOn = input.approvedOn ?? next.heldAt.slice(0, 10);
      if (approvedOn < meeting.heldAt.slice(0, 10))
        throw new BoardPackError(
          'invalid_input',
          'Minutes cannot be approved before the meeting they record.',
        );
      await this.sql.run(
        `INSERT INTO minutes_approvals (meeting_id, approved_at_meeting_id, approved_on, approved_by, corrections, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        meeting.id,
        next.id,
        approvedOn,
        approvedBy,
        input.corrections.trim(),
        at,
        actor,
      );
      const approval = await this.approval(meeting.id);
      if (!approval) throw new Error('The approval just recorded was not found.');
      await this.audit.record(at, actor, 'minutes.approve', 'meeting', meeting.id, null, approval);
      return approval;
    });
  }

  /** Sets who attended and how; a person in two states is refused in words. */
  async setAttendance(
    meetingId: number,
    lists: Pick<MeetingInput, 'members' | 'attendees' | 'apologies' | 'absent' | 'represented' | 'visitors'>,
    at: string,
    actor: string,
  ): Promise<Meeting> {
    return this.rewrite(meetingId, (meeting) => ({ ...meeting, ...lists }), at, actor);
  }

  /** The meeting held after this one, at which its minutes are approved. */
  private async next(meeting: Meeting): Promise<Meeting | null> {
    const row = await this.sql.get(
      'SELECT * FROM meetings WHERE (held_at > ? OR (held_at = ? AND id > ?)) ORDER BY held_at, id LIMIT 1',
      meeting.heldAt,
      meeting.heldAt,
      meeting.id,
    );
    return row ? meetingRowSchema.parse(row) : null;
  }

  private async refuseLocked(meetingId: number): Promise<void> {
    const approval = await this.approval(meetingId);
    if (!approval) return;
    throw new BoardPackError(
      'conflict',
      `These minutes were approved on ${dateLabel(approval.approvedOn)} by ${approval.approvedBy} and are locked; a correction now goes in the minutes of a later meeting.`,
    );
  }
}
