// An audit entry's change in words a secretariat can scan: the fields that changed, old → new,
// rather than raw JSON. The full record stays in the database.
const SHOWN_FIELDS = ['ref', 'title', 'text', 'description', 'status', 'state', 'owner', 'name', 'version'];

/** What each recorded action means, in the secretariat's words; unknown ones show as recorded. */
const ACTION_LABELS: Record<string, string> = {
  'action.add': 'Action raised',
  'action.update': 'Action updated',
  'action.edit': 'Action edited or reassigned',
  'action.note': 'Progress note added',
  'action.complete': 'Action completed',
  'action.reopen': 'Action reopened',
  'action.remove': 'Action removed',
  'agenda.set': 'Agenda changed',
  'database.restore': 'Database restored from a backup',
  'demo.load': 'Demo data loaded',
  'demo.remove': 'Demo data removed',
  'exchange.request.issue': 'Request file made',
  'exchange.request.open': 'Request file opened',
  'exchange.return.export': 'Return file saved',
  'exchange.return.import': 'Return taken in',
  'exchange.update.reject': 'Incoming update kept out',
  'key.create': 'Signing key created',
  'key.trust': 'Signing key trusted',
  'meeting.create': 'Meeting planned',
  'meeting.update': 'Meeting changed',
  'minute.add': 'Minute added',
  'minute.edit': 'Minute edited',
  'minute.remove': 'Minute removed',
  'minutes.approve': 'Minutes approved',
  'objective.add': 'Objective added',
  'objective.delete': 'Objective deleted',
  'objective.retire': 'Objective retired',
  'objective.unretire': 'Objective un-retired',
  'objective.reword': 'Objective reworded',
  'pack.issue': 'Pack issued',
  'paper.add': 'Paper attached',
  'paper.remove': 'Paper removed',
  'paper.rename': 'Paper renamed',
  'person.add': 'Person added',
  'person.edit': 'Person changed',
  'people.seed': 'Strand leads and chairs added from the plan',
  'plan.import': 'Plan imported',
  'plan.seed': 'Plan loaded',
  'plan.settings': 'Plan settings changed',
  'setting.set': 'Setting changed',
  'update.save': 'Update saved',
  'update.edit': 'Draft edited',
  'update.submit': 'Update submitted',
  'update.accept': 'Update accepted',
  'update.return': 'Update returned',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

function short(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  const text =
    value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeChange(before: unknown, after: unknown): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (keys.length === 0) return ['No visible change'];
    return keys
      .slice(0, 4)
      .map((k) => `${k}: ${short(before[k])} → ${short(after[k])}`)
      .concat(keys.length > 4 ? [`and ${keys.length - 4} more`] : []);
  }
  if (isRecord(after)) {
    const shown = SHOWN_FIELDS.filter((k) => k in after).slice(0, 3);
    return shown.length ? shown.map((k) => `${k}: ${short(after[k])}`) : [short(after)];
  }
  if (after !== null && after !== undefined) return [short(after)];
  if (before !== null && before !== undefined) return ['Removed'];
  return [];
}

/** Where an agenda item stands now: its number and title on its meeting's agenda, and the meeting's date. */
export interface AgendaItemPlace {
  number: number;
  title: string;
  meetingDate: string;
}

interface PaperFacts {
  meetingId: number;
  agendaItemId: number;
  title: string;
  fileName: string;
  pages: number;
}

/** The fields of a recorded paper the words need, or null when the record is not a paper's. */
function paperFacts(value: unknown): PaperFacts | null {
  if (!isRecord(value)) return null;
  const { meetingId, agendaItemId, title, fileName, pages } = value;
  if (typeof meetingId !== 'number' || typeof agendaItemId !== 'number') return null;
  if (typeof title !== 'string' || typeof fileName !== 'string' || typeof pages !== 'number') return null;
  return { meetingId, agendaItemId, title, fileName, pages };
}

/** The meeting id a paper's audit entry is about, so the screen can look up its agenda. */
export function paperMeetingId(before: unknown, after: unknown): number | null {
  return (paperFacts(after) ?? paperFacts(before))?.meetingId ?? null;
}

/** What happened to a paper, told by its title: attached, renamed (old title to new) or removed. */
function paperEvent(earlier: PaperFacts | null, later: PaperFacts | null, item: string): string | null {
  if (earlier && later) return `“${earlier.title}” renamed to “${later.title}” under ${item}`;
  if (later) return `“${later.title}” attached to ${item}`;
  if (earlier) return `“${earlier.title}” removed from ${item}`;
  return null;
}

/**
 * A paper attached, renamed or removed, in words: its title, the agenda item it is under and its
 * file. The record keeps the item's id only, so the item is named as it stands now; an item since
 * taken off the agenda (or not looked up yet) is named by its meeting.
 */
function describePaper(
  before: unknown,
  after: unknown,
  placeOf: (agendaItemId: number) => AgendaItemPlace | undefined,
): string[] | null {
  const earlier = paperFacts(before);
  const later = paperFacts(after);
  const paper = later ?? earlier;
  if (!paper) return null;
  const place = placeOf(paper.agendaItemId);
  const item = place
    ? `item ${place.number}, ${place.title} (meeting of ${place.meetingDate})`
    : `an agenda item of meeting ${paper.meetingId}`;
  const event = paperEvent(earlier, later, item);
  const pages = paper.pages === 1 ? '1 page' : `${paper.pages} pages`;
  return event ? [event, `${pages} · ${paper.fileName}`] : null;
}

/** An audit entry's change in words; papers are told by title and agenda item rather than field by field. */
export function describeEntry(
  entry: { entity: string; before: unknown; after: unknown },
  placeOf: (agendaItemId: number) => AgendaItemPlace | undefined,
): string[] {
  const paper = entry.entity === 'paper' ? describePaper(entry.before, entry.after, placeOf) : null;
  return paper ?? describeChange(entry.before, entry.after);
}
