// One search across the record, in the store over a real database (a file's FTS5 index, or the
// test server's tsvector one): the index follows every insert, edit and delete by its triggers;
// hyphens, case and accents are ignored; the person's words can never be a query syntax error.
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchGroup, SearchKind } from '../../shared/contractSearch';
import { loadDemo, removeDemo } from '../../electron/demo/generate';
import { ftsQuery, snippetParts } from '../../electron/store/search';
import type { Store } from '../../electron/store/store';
import { newStore, onStoreDatabase } from '../fixtures/databases';
import { paperPdf } from '../fixtures/paperPdf';

const AT = '2007-10-02T10:00:00.000Z';
let store: Store;
afterEach(() => store?.close());

const group = (groups: SearchGroup[], kind: SearchKind) => groups.find((g) => g.kind === kind);
const ids = (groups: SearchGroup[], kind: SearchKind) => group(groups, kind)?.hits.map((h) => h.id) ?? [];
const find = (words: string, perKind = 50) => store.search.search(words, perKind);

async function meeting(): Promise<{ meetingId: number; itemId: number }> {
  const { id } = await store.meetings.create(
    { title: 'October board', heldAt: '2007-10-18T10:00', reportingMonth: '2007-09' },
    AT,
    'Secretariat',
    ['Minutes and actions of the last meeting'],
  );
  const [item] = await store.meetings.agenda(id);
  return { meetingId: id, itemId: item.id };
}

describe('search finds the plan as written, whatever the hyphens, case and accents', () => {
  it('finds the same objectives for "multi agency", "multi-agency" and "MULTI-AGENCY"', async () => {
    store = await newStore();
    const spaced = ids(await find('multi agency'), 'objective');
    expect(spaced.length).toBeGreaterThanOrEqual(3);
    expect(ids(await find('multi-agency'), 'objective').sort()).toEqual([...spaced].sort());
    expect(ids(await find('MULTI-AGENCY'), 'objective').sort()).toEqual([...spaced].sort());
  });

  it('takes each word as the start of a word: "multi ag" finds them too', async () => {
    store = await newStore();
    expect(ids(await find('multi ag'), 'objective').length).toBeGreaterThanOrEqual(3);
  });

  it('ignores accents both ways: "reunion chloe" finds "Réunion … Chloé" and "Réunion" finds "reunion"', async () => {
    store = await newStore();
    const { meetingId } = await meeting();
    const accented = await store.meetings.addMinute(
      meetingId,
      null,
      'minute',
      'Réunion with Chloé Ménard.',
      AT,
      'S',
    );
    const plain = await store.meetings.addMinute(
      meetingId,
      null,
      'decision',
      'Agreed the reunion plan.',
      AT,
      'S',
    );
    expect(ids(await find('reunion chloe'), 'minute')).toEqual([accented.id]);
    expect(ids(await find('RÉUNION'), 'minute')).toEqual([accented.id]);
    expect(ids(await find('Réunion'), 'decision')).toEqual([plain.id]);
  });
});

describe('the index follows the record', () => {
  it('finds an update narrative and next steps of any month, newest first, and only the current revision', async () => {
    store = await newStore();
    const save = (narrative: string, nextSteps: string, month = '2007-09') =>
      store.updates.save(
        { ref: '2.E.3', month, status: 'green', narrative, nextSteps, author: 'DI Reid', state: 'draft' },
        AT,
      );
    await save('Weapon sweeps in Lambeth.', 'Brief the borough commander.');
    await save('Weapon sweeps in Lambeth.', 'Brief the borough commander.', '2007-05');
    expect((await find('lambeth sweeps')).map((g) => [g.kind, g.total])).toEqual([['update', 2]]);
    expect(group(await find('commander'), 'update')?.hits.map((h) => [h.ref, h.month])).toEqual([
      ['2.E.3', '2007-05'],
      ['2.E.3', '2007-09'],
    ]);

    await save('Knife arches in Croydon.', 'Nothing further.');
    const september = group(await find('croydon'), 'update')?.hits ?? [];
    expect(september.map((h) => [h.month, h.strandNumber])).toEqual([['2007-09', 2]]);
    expect(group(await find('lambeth'), 'update')?.hits.map((h) => h.month)).toEqual(['2007-05']);
  });

  it('follows a minute edited and a meeting deleted, minutes and all', async () => {
    store = await newStore();
    const { meetingId } = await meeting();
    const minute = await store.meetings.addMinute(
      meetingId,
      null,
      'minute',
      'Tasking of the gangs unit.',
      AT,
      'S',
    );
    expect(ids(await find('gangs'), 'minute')).toEqual([minute.id]);

    await store.meetings.editMinute(minute.id, 'Tasking of the violence unit.', AT, 'S');
    expect(ids(await find('gangs'), 'minute')).toEqual([]);
    expect(ids(await find('violence unit'), 'minute')).toEqual([minute.id]);

    await onStoreDatabase(store, (db) => db.run('DELETE FROM meetings WHERE id = ?', meetingId));
    expect(ids(await find('violence unit'), 'minute')).toEqual([]);
  });

  it('finds an objective reworded, and not by its old words', async () => {
    store = await newStore();
    await store.plan.rewordObjective('2.E.3', { text: 'Zebra crossings near every school.' }, AT, 'S');
    const hits = group(await find('zebra'), 'objective')?.hits ?? [];
    expect(hits.map((h) => [h.ref, h.strandNumber])).toEqual([['2.E.3', 2]]);
  });

  it('finds an action by its words and owner, a paper by its title, an indicator by its title', async () => {
    store = await newStore();
    const { meetingId, itemId } = await meeting();
    const action = await store.meetings.addAction(
      {
        meetingId,
        description: 'Circulate the stop and search protocol',
        owner: 'Head of Performance',
        dueDate: null,
      },
      AT,
      'S',
    );
    const paper = await store.papers.add(
      {
        meetingId,
        agendaItemId: itemId,
        fileName: 'profile.pdf',
        title: 'Knife crime problem profile',
        pdf: await paperPdf(),
      },
      AT,
      'S',
    );
    const found = await find('protocol');
    expect(group(found, 'action')?.hits.map((h) => [h.ref, h.meetingId])).toEqual([[action.ref, meetingId]]);
    expect(ids(await find('performance head'), 'action')).toHaveLength(1);
    expect(ids(await find('problem profile'), 'paper')).toEqual([paper.id]);

    const indicators = await store.indicators.list();
    const first = indicators[0];
    expect(group(await find(first.title), 'indicator')?.hits.map((h) => h.ref)).toContain(first.ref);
  });
});

describe('demo data', () => {
  it('is found once loaded, and gone from the search once removed', async () => {
    store = await newStore();
    await loadDemo(store, { months: 3 });
    const lambeth = await find('lambeth');
    expect(group(lambeth, 'update')?.total).toBeGreaterThan(0);

    await removeDemo(store, 'Secretariat');
    const after = await find('lambeth');
    expect(group(after, 'update')).toBeUndefined();
    expect(group(after, 'minute')).toBeUndefined();
  });
});

describe('a search answers in groups, capped, with the words marked', () => {
  it('keeps the best hits of each kind up to the cap and counts them all', async () => {
    store = await newStore();
    const { meetingId } = await meeting();
    for (let i = 1; i <= 5; i++)
      await store.meetings.addMinute(meetingId, null, 'minute', `Patrol plan number ${i}.`, AT, 'S');
    const [minutes] = await find('patrol', 2);
    expect(minutes.kind).toBe('minute');
    expect(minutes.total).toBe(5);
    expect(minutes.hits).toHaveLength(2);
    expect(minutes.hits[0]).toMatchObject({
      title: 'Minutes',
      context: 'October board, 2007-10-18',
      meetingId,
    });
  });

  it('marks the words found in a snippet as separate parts, never as markup', async () => {
    store = await newStore();
    const { meetingId } = await meeting();
    await store.meetings.addMinute(
      meetingId,
      null,
      'minute',
      'The <b>chair</b> thanked the multi-agency panel.',
      AT,
      'S',
    );
    const minutes = group(await find('multi agency'), 'minute');
    expect(minutes?.hits[0].snippet).toEqual([
      { text: 'The <b>chair</b> thanked the ', hit: false },
      { text: 'multi', hit: true },
      { text: '-', hit: false },
      { text: 'agency', hit: true },
      { text: ' panel.', hit: false },
    ]);
  });
});

describe("a person's words are never FTS5 syntax", () => {
  const HOSTILE = [
    '"',
    'NEAR(',
    '*',
    'AND',
    'OR OR',
    '(',
    ')',
    '-',
    '^',
    'title:x',
    '"multi',
    'knife"',
    'NOT knife',
    '{kind}: update',
    "'; DROP TABLE minutes; --",
    '\u0002',
    '🙂',
    'a'.repeat(200),
  ];

  it('answers quotes, NEAR(, stars, operators, column filters and markers with results or none, never an error', async () => {
    store = await newStore();
    for (const words of HOSTILE) await expect(find(words), words).resolves.toBeInstanceOf(Array);
    expect(ids(await find('"knife*" (crime)'), 'objective').length).toBeGreaterThan(0);
  });

  it('turns each word into one quoted phrase of its letters and digits, a prefix unless it ends in one character', () => {
    expect(ftsQuery('multi-agency  Knife')).toBe('"multi agency"* "Knife"*');
    expect(ftsQuery('NEAR( "xy" *')).toBe('"NEAR"* "xy"*');
    expect(ftsQuery('2.E.3 a')).toBe('"2 E 3" "a"');
    expect(ftsQuery('" * ( ) -')).toBeNull();
    expect(ftsQuery('')).toBeNull();
  });

  it('reads a snippet with a stray marker as plain text', () => {
    expect(snippetParts('a\u0002b\u0003c\u0003d')).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: true },
      { text: 'cd', hit: false },
    ]);
  });
});
