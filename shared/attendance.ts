// Attendance at a meeting: each person is in one state (present, apologies, absent, represented by
// a deputy, visiting), never two. One rule for the store, the screens and the command line.

export const ATTENDANCE_STATES = ['present', 'apologies', 'absent', 'represented', 'visitor'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceState, string> = {
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent',
  represented: 'Represented by a deputy',
  visitor: 'Visitor',
};

export interface AttendanceLists {
  chairs: readonly string[];
  members: readonly string[];
  attendees: readonly string[];
  apologies: readonly string[];
  absent: readonly string[];
  represented: readonly { member: string; deputy: string }[];
  visitors: readonly string[];
}

const key = (name: string) => name.trim().toLowerCase();

/** Each name with the one state its lists give it; chairs are present (and may be listed as members). */
function statesOf(lists: AttendanceLists): Map<string, { name: string; states: Set<AttendanceState> }> {
  const states = new Map<string, { name: string; states: Set<AttendanceState> }>();
  const put = (name: string, state: AttendanceState) => {
    const entry = states.get(key(name)) ?? { name: name.trim(), states: new Set<AttendanceState>() };
    entry.states.add(state);
    states.set(key(name), entry);
  };
  for (const name of [...lists.chairs, ...lists.members, ...lists.attendees]) put(name, 'present');
  for (const name of lists.apologies) put(name, 'apologies');
  for (const name of lists.absent) put(name, 'absent');
  for (const r of lists.represented) put(r.member, 'represented');
  for (const name of lists.visitors) put(name, 'visitor');
  return states;
}

/** The sentence refusing a person in two states (or the same list twice), or null when all is well. */
export function attendanceProblem(lists: AttendanceLists): string | null {
  for (const { name, states } of statesOf(lists).values()) {
    if (states.size < 2) continue;
    const words = [...states].map((s) => ATTENDANCE_LABELS[s].toLowerCase());
    return `${name} is listed as ${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}; a person is in one of those, never two.`;
  }
  for (const r of lists.represented) {
    if (key(r.member) === key(r.deputy)) return `${r.member} cannot be their own deputy.`;
  }
  const seen = new Set<string>();
  for (const name of [
    ...lists.members,
    ...lists.attendees,
    ...lists.apologies,
    ...lists.absent,
    ...lists.visitors,
  ]) {
    if (seen.has(key(name))) return `${name.trim()} is listed twice.`;
    seen.add(key(name));
  }
  return null;
}
