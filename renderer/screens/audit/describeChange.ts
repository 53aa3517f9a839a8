// An audit entry's change in words a secretariat can scan: the fields that changed, old → new,
// rather than raw JSON. The full record stays in the database.
const SHOWN_FIELDS = ['ref', 'title', 'text', 'description', 'status', 'state', 'owner', 'name', 'version'];

/** What each recorded action means, in the secretariat's words; unknown ones show as recorded. */
const ACTION_LABELS: Record<string, string> = {
  'action.add': 'Action raised',
  'action.update': 'Action updated',
  'agenda.set': 'Agenda changed',
  'demo.load': 'Demo data loaded',
  'demo.remove': 'Demo data removed',
  'key.create': 'Signing key created',
  'key.trust': 'Signing key trusted',
  'meeting.create': 'Meeting planned',
  'meeting.update': 'Meeting changed',
  'minute.add': 'Minute added',
  'minute.edit': 'Minute edited',
  'objective.add': 'Objective added',
  'objective.delete': 'Objective deleted',
  'objective.retire': 'Objective retired',
  'objective.reword': 'Objective reworded',
  'pack.issue': 'Pack issued',
  'person.add': 'Person added',
  'person.edit': 'Person changed',
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
