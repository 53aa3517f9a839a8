// The people, minutes, meeting and action commands: through dispatch on a real database, what they
// print, and that a refused command leaves the database as it was.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store';
import { cli, dumpDatabase, fixedClock, tempDir } from '../fixtures/databases';

let db: string;

/** A database with two meetings (20 September and 18 October 2007), a minute and an action. */
beforeEach(async () => {
  db = join(tempDir(), 'board.db');
  const store = await openStore(db, { clock: fixedClock('2007-10-20T09:00:00.000Z') });
  try {
    const at = store.now();
    const september = await store.meetings.create(
      { title: 'Board', heldAt: '2007-09-20T10:00', reportingMonth: '2007-08' },
      at,
      'Secretariat',
      ['Apologies', 'Minutes and actions of the last meeting'],
    );
    await store.meetings.create(
      { title: 'Board', heldAt: '2007-10-18T10:00', reportingMonth: '2007-09' },
      at,
      'Secretariat',
    );
    const [item] = await store.meetings.agenda(september.id);
    await store.meetings.addMinute(
      september.id,
      item.id,
      'minute',
      'Apologies from DCS Lead.',
      at,
      'Secretariat',
    );
    await store.meetings.addAction(
      {
        meetingId: september.id,
        description: 'Report on the knife crime draft',
        owner: 'Strand 6 lead',
        dueDate: '2007-11-15',
      },
      at,
      'Secretariat',
    );
  } finally {
    await store.close();
  }
});

async function ok(args: string[]): Promise<string> {
  const result = await cli([...args, '--db', db, '--as', 'Pat Reid']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

async function refused(args: string[], message: RegExp): Promise<void> {
  const before = dumpDatabase(db);
  const result = await cli([...args, '--db', db]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(dumpDatabase(db)).toBe(before);
}

describe('people', () => {
  it('lists the seeded strand leads, adds a deputy and marks someone as left', async () => {
    expect(await ok(['people', 'list'])).toMatch(
      /Detective Chief Superintendent Child Abuse Investigation Command +strand lead +8/,
    );
    expect(
      await ok([
        'people',
        'add',
        'DI Jones',
        '--role',
        'deputy_lead',
        '--strand',
        '2',
        '--email',
        'j@example.org',
      ]),
    ).toMatch(/^Added DI Jones \(deputy lead, strand 2\) as person \d+\.\n$/);
    await refused(
      ['people', 'add', 'DI Smith', '--role', 'deputy_lead', '--strand', '2'],
      /Strand 2 already has a deputy strand lead, DI Jones/,
    );
    const id = /(\d+) {2}DI Jones/.exec(await ok(['people', 'list']))![1];
    expect(await ok(['people', 'edit', id, '--left'])).toMatch(
      /DI Jones \(deputy lead, strand 2\), marked as left/,
    );
  });
});

describe('minutes and meeting attendance', () => {
  it('corrects a minute, approves the minutes at the next meeting, then refuses a change in words', async () => {
    expect(await ok(['minutes', 'list', '1'])).toMatch(
      /1\. Apologies +minute +Apologies from DCS Lead\.[\s\S]*Not yet approved/,
    );
    expect(await ok(['minutes', 'edit', '1', 'Apologies from DCS Lead and DI Reid.'])).toMatch(
      /Corrected minute 1/,
    );
    expect(
      await ok(['minutes', 'approve', '1', '--by', 'Commander VCD', '--corrections', 'DI Reid added.']),
    ).toBe('Approved on 18 October 2007 by Commander VCD; the minutes of meeting 1 are now locked.\n');
    expect(await ok(['minutes', 'list', '1'])).toMatch(
      /Approved on 18 October 2007 by Commander VCD\. Corrections noted: DI Reid added\. The minutes are locked\./,
    );
    await refused(
      ['minutes', 'edit', '1', 'Changed.'],
      /approved on 18 October 2007 by Commander VCD and are locked/,
    );
    await refused(['minutes', 'remove', '1'], /locked/);
  });

  it('sets attendance with a deputy and a visitor, and refuses a person in two states', async () => {
    expect(
      await ok([
        'meeting',
        'attendance',
        '2',
        '--present',
        'Head of Performance',
        '--apologies',
        'MPA member',
        '--represented',
        'DCS VCD=DI Jones',
        '--visitor',
        'Home Office observer',
      ]),
    ).toBe('Attendance saved: 1 present, 1 apologies, 0 absent, 1 represented, 1 visiting.\n');
    await refused(
      ['meeting', 'attendance', '2', '--present', 'Head of Performance', '--absent', 'Head of Performance'],
      /Head of Performance is listed as present and absent; a person is in one of those, never two\./,
    );
  });
});

describe('action', () => {
  it('reassigns, notes, completes with a closing note and lists it', async () => {
    expect(await ok(['action', 'edit', 'A2007-09/1', '--owner', 'DI Jones'])).toMatch(
      /Saved A2007-09\/1: .*\(DI Jones, due 15 November 2007\) open/,
    );
    await ok(['action', 'note', 'A2007-09/1', 'Draft delayed.']);
    expect(await ok(['action', 'complete', 'A2007-09/1', '--note', 'Circulated on 19 October.'])).toBe(
      'Completed A2007-09/1 on 1 October 2007: Circulated on 19 October.\n',
    );
    const list = await ok(['action', 'list']);
    expect(list).toMatch(/A2007-09\/1 .* DI Jones .* complete +Circulated on 19 October\./);
    expect(list).not.toMatch(/Draft delayed/);
    const [json] = JSON.parse(await ok(['action', 'list', '--json'])) as {
      updates: { author: string; kind: string }[];
    }[];
    expect(json.updates.map((u) => [u.author, u.kind])).toEqual([
      ['Pat Reid', 'reassigned'],
      ['Pat Reid', 'note'],
      ['Pat Reid', 'closing'],
    ]);
  });

  it('asks before a due date earlier than the meeting, and removes an action with a reason', async () => {
    await refused(
      ['action', 'edit', 'A2007-09/1', '--due', '2007-09-01'],
      /before the meeting that raised the action \(20 September 2007\)/,
    );
    expect(await ok(['action', 'edit', 'A2007-09/1', '--due', '2007-09-01', '--confirm'])).toMatch(
      /due 1 September 2007/,
    );
    await refused(['action', 'remove', 'A2007-09/1'], /required option '--reason <text>' not specified/);
    expect(await ok(['action', 'remove', 'A2007-09/1', '--reason', 'Raised twice.'])).toBe(
      'Removed A2007-09/1 from the log: Raised twice.\n',
    );
    expect(await ok(['action', 'list'])).toBe('No actions match.\n');
  });
});

describe('help', () => {
  it('has help with examples for each of these commands', async () => {
    for (const command of [['people'], ['minutes'], ['meeting', 'attendance'], ['action']]) {
      const result = await cli([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Examples?:\n {2}\$ board-pack/);
    }
  });
});
