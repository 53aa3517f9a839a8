// The contract's schemas for people, minutes that are corrected then approved, the action tracker
// and attendance (issue 16); shared/contract.ts names a method for each.
import './zodWithoutEval';
import { z } from 'zod';
import { isoDateSchema } from './domain';
import { baseVersionSchema, idSchema, meetingInputSchema } from './contractSchemas';

const name = z.string().trim().min(1, 'A name cannot be empty.');
const actionRef = z.string().trim().min(1, 'Give the action reference, e.g. A2007-10/1.');

export const removeMinuteInputSchema = z.object({ minuteId: idSchema });

export const approveMinutesInputSchema = z.object({
  /** The meeting whose minutes are approved; the approval is recorded at the meeting after it. */
  meetingId: idSchema,
  approvedBy: z.string().trim().min(1, 'Say who approved the minutes (usually the chair).'),
  /** The day they were approved; the next meeting's date when left out. */
  approvedOn: isoDateSchema.optional(),
  corrections: z.string().trim().default(''),
});

export const setAttendanceInputSchema = z.object({
  meetingId: idSchema,
  /** Board members present (the chairs are present by being chairs). */
  members: z.array(name).default([]),
  /** Officers and others on the roster who attended. */
  attendees: z.array(name).default([]),
  apologies: z.array(name).default([]),
  absent: z.array(name).default([]),
  represented: z.array(z.object({ member: name, deputy: name })).default([]),
  visitors: z.array(name).default([]),
});

/**
 * A change to a meeting: a list left out (chairs, members, the attendance) is kept as the meeting
 * has it when the change is written, so a save of the details does not undo attendance recorded
 * meanwhile at another desk.
 */
export const meetingUpdateInputSchema = meetingInputSchema.extend({
  id: idSchema,
  chairs: z.array(name).optional(),
  members: z.array(name).optional(),
  attendees: z.array(name).optional(),
  apologies: z.array(name).optional(),
  absent: z.array(name).optional(),
  represented: z.array(z.object({ member: name, deputy: name })).optional(),
  visitors: z.array(name).optional(),
});

export const editActionInputSchema = z.object({
  ref: actionRef,
  description: z.string().trim().min(1, 'An action needs a description.').optional(),
  owner: z.string().trim().min(1, 'An action needs an owner.').optional(),
  dueDate: isoDateSchema.nullable().optional(),
  /** A due date before the meeting that raised the action is kept only when confirmed. */
  confirmEarlyDue: z.boolean().default(false),
  baseVersion: baseVersionSchema,
});

export const actionNoteInputSchema = z.object({
  ref: actionRef,
  text: z.string().trim().min(1, 'A progress note cannot be empty.'),
  baseVersion: baseVersionSchema,
});

export const completeActionInputSchema = z.object({
  ref: actionRef,
  note: z.string().trim().min(1, 'Say how the action was closed: the closing note.'),
  baseVersion: baseVersionSchema,
});

export const reopenActionInputSchema = z.object({
  ref: actionRef,
  note: z.string().trim().default(''),
  baseVersion: baseVersionSchema,
});

export const removeActionInputSchema = z.object({
  ref: actionRef,
  reason: z.string().trim().min(1, 'Say why the action is being removed.'),
  baseVersion: baseVersionSchema,
});
