// How the audit log puts a paper's attaching, renaming and removal into words: its title (old and new
// when renamed), the agenda item it is under (as the agenda stands now) and its file, rather than the
// record's fields one by one.
import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  describeEntry,
  paperMeetingId,
  type AgendaItemPlace,
} from '../../renderer/screens/audit/describeChange';

/** A paper as the store records it in the audit log (papers.add's after, papers.remove's before). */
function recordedPaper(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 7,
    meetingId: 4,
    agendaItemId: 31,
    position: 1,
    title: 'Performance exceptions February 2008',
    fileName: 'perf-exc-feb08.pdf',
    sha256: 'ab'.repeat(32),
    sizeBytes: 2048,
    pages: 3,
    addedAt: '2008-03-20T09:00:00.000Z',
    addedBy: 'Secretariat',
    ...overrides,
  };
}

const agenda = new Map<number, AgendaItemPlace>([
  [31, { number: 3, title: 'Performance against the plan', meetingDate: '17 April 2008' }],
]);
const placeOf = (id: number) => agenda.get(id);

describe('paper changes in the audit log', () => {
  it('says which paper was attached to which agenda item, with its pages and file', () => {
    expect(describeEntry({ entity: 'paper', before: null, after: recordedPaper() }, placeOf)).toEqual([
      '“Performance exceptions February 2008” attached to item 3, Performance against the plan (meeting of 17 April 2008)',
      '3 pages · perf-exc-feb08.pdf',
    ]);
    expect(actionLabel('paper.add')).toBe('Paper attached');
  });

  it('says which paper was removed from which agenda item', () => {
    expect(
      describeEntry({ entity: 'paper', before: recordedPaper({ pages: 1 }), after: null }, placeOf),
    ).toEqual([
      '“Performance exceptions February 2008” removed from item 3, Performance against the plan (meeting of 17 April 2008)',
      '1 page · perf-exc-feb08.pdf',
    ]);
    expect(actionLabel('paper.remove')).toBe('Paper removed');
  });

  it('says a renamed paper’s old and new titles and the agenda item it is under, not its fields', () => {
    const before = recordedPaper({ title: 'perf-exc-feb08' });
    const after = recordedPaper();
    expect(describeEntry({ entity: 'paper', before, after }, placeOf)).toEqual([
      '“perf-exc-feb08” renamed to “Performance exceptions February 2008” under item 3, Performance against the plan (meeting of 17 April 2008)',
      '3 pages · perf-exc-feb08.pdf',
    ]);
    expect(actionLabel('paper.rename')).toBe('Paper renamed');
    expect(paperMeetingId(before, after)).toBe(4);
  });

  it('names the meeting when the agenda item is no longer on its agenda', () => {
    expect(
      describeEntry({ entity: 'paper', before: recordedPaper({ agendaItemId: 99 }), after: null }, placeOf),
    ).toEqual([
      '“Performance exceptions February 2008” removed from an agenda item of meeting 4',
      '3 pages · perf-exc-feb08.pdf',
    ]);
  });

  it('finds the meeting a paper entry is about, to look up its agenda', () => {
    expect(paperMeetingId(null, recordedPaper())).toBe(4);
    expect(paperMeetingId(recordedPaper({ meetingId: 5 }), null)).toBe(5);
    expect(paperMeetingId(null, { ref: '2.E.9' })).toBeNull();
  });

  it('describes other entries field by field, as before', () => {
    expect(describeEntry({ entity: 'objective', before: null, after: { ref: '2.E.9' } }, placeOf)).toEqual([
      'ref: 2.E.9',
    ]);
  });
});
