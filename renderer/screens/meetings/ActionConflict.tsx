// An action, when a change to it was refused because another desk changed it first: their saved
// action beside the person's fields and the change they asked for, until "Keep mine" or "Use theirs".
import type { BoardActionRecord } from '../../../shared/contract';
import { dateLabel } from '../../../shared/months';
import { ConflictText, EditConflict, type ConflictRow } from '../../components/EditConflict';

/** The person's side: the edit form's fields, and the change they asked for, in words. */
export interface ActionFields {
  description: string;
  owner: string;
  due: string;
  asked: string;
}

function dueWords(date: string | null): string {
  return date ? dateLabel(date) : '';
}

function statusWords(a: BoardActionRecord): string {
  if (a.removedOn) return `Removed from the log on ${dateLabel(a.removedOn)}: ${a.removedReason}`;
  if (a.status === 'complete') return `Complete${a.completedOn ? ` on ${dateLabel(a.completedOn)}` : ''}`;
  return 'Open';
}

function latestWords(a: BoardActionRecord): string {
  const last = a.updates.at(-1);
  return last ? `${last.text} (${last.author}, ${dateLabel(last.at.slice(0, 10))})` : '';
}

function row(label: string, theirs: string, mine: string, differs = theirs !== mine): ConflictRow {
  return { label, theirs: <ConflictText text={theirs} />, mine: <ConflictText text={mine} />, differs };
}

export function actionConflictRows(theirs: BoardActionRecord, mine: ActionFields): ConflictRow[] {
  return [
    row('What is to be done', theirs.description, mine.description),
    row('Owner', theirs.owner, mine.owner),
    row('Due date', dueWords(theirs.dueDate), dueWords(mine.due || null)),
    row('Status and latest note', `${statusWords(theirs)}. ${latestWords(theirs)}`, mine.asked, true),
  ];
}

interface Props {
  actionRef: string;
  message: string;
  theirs: BoardActionRecord;
  mine: ActionFields;
  busy: boolean;
  onKeepMine(): void;
  onUseTheirs(): void;
}

export function ActionConflict({ actionRef, message, theirs, mine, busy, onKeepMine, onUseTheirs }: Props) {
  return (
    <EditConflict
      subject={`action ${actionRef}`}
      message={message}
      rows={actionConflictRows(theirs, mine)}
      busy={busy}
      onKeepMine={onKeepMine}
      onUseTheirs={onUseTheirs}
    />
  );
}
