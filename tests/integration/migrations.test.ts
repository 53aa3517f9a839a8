// Each migration upgrades a database of the version before it, holding representative rows: the
// rows come through unchanged and the new constraints hold. Databases are real SQLite files.
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrate';
import { openStore } from '../../electron/store/store';
import { fixedClock } from '../fixtures/databases';
import {
  boardAtSchema1,
  boardAtSchema4,
  boardAtSchema5,
  boardAtSchema6,
  databaseAt,
  exchangeAtSchema2,
  insertAgendaItem,
  insertExchangeInbox,
  insertExchangeRequest,
  insertExchangeReturn,
  insertMeeting,
  insertPaper,
  insertTrustedLead,
  insertUpdate,
  rowsOf,
  tableNames,
  upgrade,
  type Db,
} from '../fixtures/schemaVersions';

let db: Db | undefined;
afterEach(() => {
  if (db?.open) db.close();
  db = undefined;
});

const userVersion = (d: Db): number => d.pragma('user_version', { simple: true }) as number;

/** Every row of every table, to compare a database before and after an upgrade. */
function snapshot(d: Db, tables: string[] = tableNames(d)): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((t) => [t, rowsOf(d, t)]));
}

describe('0002_exchange, from schema 1', () => {
  it('keeps the board and adds the exchange tables with their rules', () => {
    db = databaseAt(1);
    boardAtSchema1(db);
    const before = snapshot(db);

    expect(upgrade(db, 2)).toBe(2);

    expect(snapshot(db, Object.keys(before))).toEqual(before);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['installation_key', 'trusted_keys', 'exchange_requests']),
    );
    // A strand lead's key names its strand; the secretariat's names none.
    expect(() =>
      db!
        .prepare(
          "INSERT INTO trusted_keys (fingerprint, role, name, strand_number, trusted_at, trusted_by) VALUES ('f', 'strand_lead', 'Lead', NULL, 'x', 'y')",
        )
        .run(),
    ).toThrow(/CHECK/);
    exchangeAtSchema2(db);
    expect(() => insertExchangeReturn(db!, 'ret-2', 'no-such-request', 2, '2007-09')).toThrow(/FOREIGN KEY/);
  });
});

describe('0003_papers, from schema 2', () => {
  it('keeps the board and the exchange, and adds papers that belong to an agenda item', () => {
    db = databaseAt(2);
    const { meetingId, itemId } = boardAtSchema1(db);
    exchangeAtSchema2(db);
    const before = snapshot(db);

    expect(upgrade(db, 3)).toBe(3);

    expect(snapshot(db, Object.keys(before))).toEqual(before);
    insertPaper(db, meetingId, itemId);
    expect(rowsOf(db, 'papers')).toHaveLength(1);
    expect(() => insertPaper(db!, meetingId, 999)).toThrow(/FOREIGN KEY/);
    // No cascade from the item: an item carrying a paper cannot go.
    expect(() => db!.prepare('DELETE FROM agenda_items WHERE id = ?').run(itemId)).toThrow(/FOREIGN KEY/);
  });
});

describe('0004_schema_gaps, from schema 3', () => {
  function boardAtSchema3(): Db {
    const d = databaseAt(3);
    const { meetingId, itemId } = boardAtSchema1(d);
    exchangeAtSchema2(d);
    insertPaper(d, meetingId, itemId);
    return d;
  }

  it('rebuilds the tables without losing or changing a row, children of meetings included', () => {
    db = boardAtSchema3();
    const kept = tableNames(db).filter((t) => t !== 'app_meta' && t !== 'reporting_periods');
    const before = snapshot(db, kept);

    expect(upgrade(db, 4)).toBe(4);

    expect(snapshot(db, kept)).toEqual(before);
    expect(rowsOf(db, 'agenda_items')).toHaveLength(2);
    expect(rowsOf(db, 'papers')).toHaveLength(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('drops the unused app_meta and reporting_periods tables', () => {
    db = boardAtSchema3();
    upgrade(db);
    expect(tableNames(db)).not.toContain('app_meta');
    expect(tableNames(db)).not.toContain('reporting_periods');
  });

  it('refuses month 00 and months past 12 wherever a month is stored, and takes 01 to 12', () => {
    db = boardAtSchema3();
    upgrade(db);
    const objectiveId = (db.prepare("SELECT id FROM objectives WHERE ref = '1.E.1'").get() as { id: number })
      .id;
    const writes: [string, (month: string, n: number) => void][] = [
      ['updates', (month) => insertUpdate(db!, objectiveId, month, 'draft')],
      ['meetings', (month) => insertMeeting(db!, month)],
      ['exchange_requests', (month, n) => insertExchangeRequest(db!, `req-m${n}`, 2, month)],
      ['exchange_inbox', (month, n) => insertExchangeInbox(db!, `in-m${n}`, 2, month)],
      ['exchange_returns', (month, n) => insertExchangeReturn(db!, `ret-m${n}`, 'req-1', 2, month)],
      [
        'plan',
        (month) => db!.prepare('UPDATE plan SET start_month = ?, end_month = ?').run(month, '2008-03'),
      ],
    ];
    for (const [table, write] of writes) {
      expect(() => write('2007-00', 1), `${table} 2007-00`).toThrow(/CHECK/);
      expect(() => write('2007-19', 2), `${table} 2007-19`).toThrow(/CHECK/);
      expect(() => write('2007-13', 3), `${table} 2007-13`).toThrow(/CHECK/);
    }
    db.prepare("DELETE FROM updates WHERE month = '2007-10'").run();
    expect(() => insertUpdate(db!, objectiveId, '2007-12', 'draft')).not.toThrow();
    expect(() => insertMeeting(db!, '2007-01')).not.toThrow();
  });

  it('refuses an exchange row for a strand the plan does not have', () => {
    db = boardAtSchema3();
    upgrade(db);
    expect(() => insertTrustedLead(db!, 9)).toThrow(/FOREIGN KEY/);
    expect(() => insertExchangeRequest(db!, 'req-9x', 9, '2007-09')).toThrow(/FOREIGN KEY/);
    expect(() => insertExchangeInbox(db!, 'in-9', 9, '2007-09')).toThrow(/FOREIGN KEY/);
    expect(() => insertExchangeReturn(db!, 'ret-9', 'req-1', 9, '2007-09')).toThrow(/FOREIGN KEY/);
  });

  it('keeps the rules of the rebuilt tables: frozen accepted updates, one current revision, cascades', () => {
    db = boardAtSchema3();
    upgrade(db);
    expect(() => db!.prepare("UPDATE updates SET narrative = 'x' WHERE state = 'accepted'").run()).toThrow(
      /accepted update/,
    );
    const objectiveId = (db.prepare("SELECT id FROM objectives WHERE ref = '2.E.3'").get() as { id: number })
      .id;
    expect(() => insertUpdate(db!, objectiveId, '2007-09', 'draft')).toThrow(/UNIQUE/);
    const meetingId = insertMeeting(db, '2007-11');
    insertAgendaItem(db, meetingId, 1);
    db.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId);
    expect(db.prepare('SELECT count(*) AS n FROM agenda_items WHERE meeting_id = ?').get(meetingId)).toEqual({
      n: 0,
    });
  });

  it("finds a meeting's actions by index", () => {
    db = boardAtSchema3();
    upgrade(db);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM board_actions WHERE meeting_id = ?').all(1) as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING INDEX board_actions_meeting/);
  });

  it('leaves a database it cannot upgrade as it was: an exchange row naming a missing strand', () => {
    db = databaseAt(3);
    boardAtSchema1(db);
    exchangeAtSchema2(db);
    db.pragma('foreign_keys = OFF');
    insertExchangeInbox(db, 'in-orphan', 7, '2007-09');
    db.pragma('foreign_keys = ON');
    const before = snapshot(db);

    expect(() => upgrade(db!)).toThrow(/could not be upgraded/);

    expect(userVersion(db)).toBe(3);
    expect(snapshot(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('is what opening a schema 3 file in the app does', async () => {
    db = boardAtSchema3();
    const path = db.name;
    db.close();
    const store = await openStore(path, { clock: fixedClock() });
    try {
      expect(await store.settings.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.plan.hasPlan()).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('0005_objective_months, from schema 4', () => {
  function objectiveMonths(d: Db): { ref: string; start_month: string; retired_from: string | null }[] {
    return d.prepare('SELECT ref, start_month, retired_from FROM objectives ORDER BY ref').all() as {
      ref: string;
      start_month: string;
      retired_from: string | null;
    }[];
  }

  it('starts every objective already held at the plan start month and keeps each retirement', () => {
    db = databaseAt(4);
    boardAtSchema4(db);
    const kept = tableNames(db).filter((t) => t !== 'objectives');
    const before = snapshot(db, kept);
    const objectivesBefore = rowsOf(db, 'objectives');

    expect(upgrade(db, 5)).toBe(5);

    expect(objectiveMonths(db)).toEqual([
      { ref: '1.E.1', start_month: '2007-04', retired_from: null },
      { ref: '1.P.1', start_month: '2007-04', retired_from: '2007-11' },
      { ref: '2.E.3', start_month: '2007-04', retired_from: null },
    ]);
    const withoutStart = rowsOf(db, 'objectives').map((row) => {
      const { start_month: _start, ...rest } = row as Record<string, unknown>;
      return rest;
    });
    expect(withoutStart).toEqual(objectivesBefore);
    expect(snapshot(db, kept)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('starts an objective retired before the plan began no later than its retirement', () => {
    db = databaseAt(4);
    const { retiredId } = boardAtSchema4(db);
    db.prepare("UPDATE objectives SET retired_from = '2007-02' WHERE id = ?").run(retiredId);

    upgrade(db, 5);

    expect(objectiveMonths(db).find((o) => o.ref === '1.P.1')).toEqual({
      ref: '1.P.1',
      start_month: '2007-02',
      retired_from: '2007-02',
    });
  });

  it('refuses a start month that is not a month, and a retirement before the start', () => {
    db = databaseAt(4);
    boardAtSchema4(db);
    upgrade(db, 5);
    const set = (column: string, value: string) => () =>
      db!.prepare(`UPDATE objectives SET ${column} = ? WHERE ref = '1.E.1'`).run(value);
    expect(set('start_month', '2007-13')).toThrow(/CHECK constraint failed/);
    expect(set('retired_from', '2007-00')).toThrow(/CHECK constraint failed/);
    expect(set('retired_from', '2007-03')).toThrow(/CHECK constraint failed/);
    expect(set('retired_from', '2007-04')).not.toThrow();
  });

  it('is what opening a schema 4 file in the app does: the objectives report from the plan start', async () => {
    db = databaseAt(4);
    boardAtSchema4(db);
    const path = db.name;
    db.close();
    const store = await openStore(path, { clock: fixedClock() });
    try {
      expect(await store.settings.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.plan.objective('1.P.1')).toMatchObject({
        startMonth: '2007-04',
        retiredFrom: '2007-11',
      });
      expect((await store.plan.objectives({ month: '2007-10' })).map((o) => o.ref)).toEqual([
        '1.E.1',
        '1.P.1',
        '2.E.3',
      ]);
      expect((await store.plan.objectives({ month: '2007-11' })).map((o) => o.ref)).toEqual([
        '1.E.1',
        '2.E.3',
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('0006_indicators, from schema 5', () => {
  const month = "'2007-10'";
  function insertIndicator(d: Db, columns: string, values: string): void {
    d.prepare(
      `INSERT INTO indicators (ref, title, position, ${columns}) VALUES ('KO1', 'Homicide', 1, ${values})`,
    ).run();
  }

  it('keeps every row of the board and adds empty indicator tables', () => {
    db = databaseAt(4);
    boardAtSchema5(db);
    const before = snapshot(db);

    expect(upgrade(db, 6)).toBe(6);

    expect(snapshot(db, Object.keys(before))).toEqual(before);
    expect(tableNames(db).filter((t) => !(t in before))).toEqual([
      'indicator_definition_changes',
      'indicator_figures',
      'indicators',
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses an indicator without a place, a unit for a measure that is not countable, or a rate without its base', () => {
    db = databaseAt(4);
    boardAtSchema5(db);
    upgrade(db, 6);
    const d = db;
    const insert = (columns: string, values: string) => () => {
      d.prepare('DELETE FROM indicators').run();
      insertIndicator(d, columns, values);
    };
    expect(insert('outcome_number, countable, unit, better', "1, 1, 'count', 'lower'")).not.toThrow();
    expect(insert('countable, unit, better', "1, 'count', 'lower'")).toThrow(/CHECK constraint failed/);
    expect(insert('outcome_number, countable, unit, better', "1, 0, 'count', 'lower'")).toThrow(/CHECK/);
    expect(insert('outcome_number, countable, notes_json', '1, 0, \'["No figure."]\'')).not.toThrow();
    expect(insert('outcome_number, countable, notes_json', "1, 0, '[]'")).toThrow(/CHECK/);
    expect(insert('outcome_number, countable, unit, better', "1, 1, 'rate', 'lower'")).toThrow(/CHECK/);
    expect(
      insert('outcome_number, countable, unit, per, better', "1, 1, 'rate', 1000, 'lower'"),
    ).not.toThrow();
    expect(
      insert('outcome_number, countable, unit, better, target_kind', "1, 1, 'count', 'lower', 'value'"),
    ).toThrow(/CHECK/);
    expect(
      insert('outcome_number, countable, unit, better, retired_from', `1, 1, 'count', 'lower', '2007-13'`),
    ).toThrow(/CHECK/);
  });

  it('keeps one current figure per month, refuses a month that is not one, and freezes saved revisions', () => {
    db = databaseAt(4);
    boardAtSchema5(db);
    upgrade(db, 6);
    insertIndicator(db, 'outcome_number, countable, unit, better', "1, 1, 'percent', 'higher'");
    const figure = (m: string, revision: number, current: number, extra = 'NULL, NULL') =>
      db!
        .prepare(
          `INSERT INTO indicator_figures (indicator_id, month, revision, is_current, value, numerator, denominator, source, author, saved_at)
           VALUES (1, ${m}, ${revision}, ${current}, 25, ${extra}, 'typed', 'Secretariat', '2007-11-01T09:00:00Z')`,
        )
        .run();
    figure(month, 1, 0);
    figure(month, 2, 1, '1, 4');
    expect(() => figure(month, 3, 1)).toThrow(/UNIQUE constraint failed/);
    expect(() => figure("'2007-00'", 1, 1)).toThrow(/CHECK constraint failed/);
    expect(() => figure("'2007-11'", 1, 1, '1, NULL')).toThrow(/CHECK constraint failed/);
    expect(() => figure("'2007-11'", 1, 1, '1, 0')).toThrow(/CHECK constraint failed/);
    expect(() => db!.prepare('UPDATE indicator_figures SET value = 30 WHERE revision = 2').run()).toThrow(
      /changed only by a new revision/,
    );
    expect(() =>
      db!.prepare('UPDATE indicator_figures SET is_current = 0 WHERE revision = 2').run(),
    ).not.toThrow();
  });

  it('is what opening a schema 5 file in the app does: no built-in indicators for a plan that is not the built-in one', async () => {
    db = databaseAt(4);
    boardAtSchema5(db);
    const path = db.name;
    db.close();
    const store = await openStore(path, { clock: fixedClock() });
    try {
      expect(await store.settings.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.indicators.count()).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('0007_meetings_people, from schema 6', () => {
  function atSchema7(): Db {
    const d = databaseAt(4);
    boardAtSchema6(d);
    upgrade(d, 7);
    return d;
  }

  it('keeps every row and seeds each strand’s lead from the plan once, audited', () => {
    db = databaseAt(4);
    boardAtSchema6(db);
    const before = snapshot(db);
    const auditBefore = rowsOf(db, 'audit_log').length;

    expect(upgrade(db, 7)).toBe(7);

    const unchanged = Object.keys(before).filter(
      (t) => !['people', 'meetings', 'audit_log', 'board_actions', 'board_action_updates'].includes(t),
    );
    expect(snapshot(db, unchanged)).toEqual(Object.fromEntries(unchanged.map((t) => [t, before[t]])));
    expect(
      db.prepare('SELECT name, role, strand_id, email, retired, from_plan FROM people ORDER BY id').all(),
    ).toEqual([
      {
        name: 'Pat Reid',
        role: 'secretariat',
        strand_id: null,
        email: 'pat@example.org',
        retired: 0,
        from_plan: 0,
      },
      { name: 'DCS Lead', role: 'strand_lead', strand_id: 1, email: '', retired: 0, from_plan: 1 },
      { name: 'DCS Lead', role: 'strand_lead', strand_id: 2, email: '', retired: 0, from_plan: 1 },
    ]);
    const audit = rowsOf(db, 'audit_log') as { action: string }[];
    expect(audit.slice(0, auditBefore)).toEqual(before.audit_log);
    expect(audit.slice(auditBefore).map((a) => a.action)).toEqual(['people.seed']);
    expect(db.prepare('SELECT absent_json, represented_json, visitors_json FROM meetings').all()).toEqual([
      { absent_json: '[]', represented_json: '[]', visitors_json: '[]' },
    ]);
    expect(db.prepare('SELECT kind FROM board_action_updates').all()).toEqual([{ kind: 'note' }]);
    expect(db.prepare('SELECT removed_on, removed_reason FROM board_actions').all()).toEqual([
      { removed_on: null, removed_reason: '' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('locks approved minutes whatever writes, and keeps a removed action’s reason with its date', () => {
    db = atSchema7();
    const d = db;
    const [meeting] = rowsOf(d, 'meetings') as { id: number }[];
    const next = insertMeeting(d, '2007-10');
    d.prepare(
      `INSERT INTO minutes_approvals (meeting_id, approved_at_meeting_id, approved_on, approved_by, recorded_at, recorded_by)
       VALUES (?, ?, '2007-10-18', 'Chair', '2007-10-18T12:00:00Z', 'Secretariat')`,
    ).run(meeting.id, next);
    expect(() => d.prepare("UPDATE minutes SET text = 'Changed.'").run()).toThrow(
      /Approved minutes are locked/,
    );
    expect(() =>
      d
        .prepare("INSERT INTO minutes (meeting_id, position, kind, text) VALUES (?, 9, 'minute', 'Late.')")
        .run(meeting.id),
    ).toThrow(/Approved minutes are locked/);
    expect(() =>
      d
        .prepare(
          `INSERT INTO minutes_approvals (meeting_id, approved_at_meeting_id, approved_on, approved_by, recorded_at, recorded_by)
         VALUES (?, ?, '18 Oct', 'Chair', 'x', 'y')`,
        )
        .run(next, meeting.id),
    ).toThrow(/CHECK constraint failed/);
    expect(() => d.prepare("UPDATE board_actions SET removed_on = '2007-10-18'").run()).toThrow(/CHECK/);
    expect(() =>
      d.prepare("UPDATE board_actions SET removed_on = '2007-10-18', removed_reason = 'Raised twice.'").run(),
    ).not.toThrow();
    expect(() => d.prepare("INSERT INTO people (name, role) VALUES ('Deputy', 'deputy_lead')").run()).toThrow(
      /CHECK/,
    );
  });

  it('is what opening a schema 6 file in the app does: the leads are on the roster', async () => {
    db = databaseAt(4);
    boardAtSchema6(db);
    const path = db.name;
    db.close();
    const store = await openStore(path, { clock: fixedClock() });
    try {
      expect(await store.settings.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      const people = await store.people.list();
      expect(people.filter((p) => p.role === 'strand_lead').map((p) => p.strandNumber)).toEqual([1, 2]);
      expect(await store.plan.isUntouched()).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('0008_search, from schema 7', () => {
  const found = (d: Db, words: string) =>
    d
      .prepare(
        'SELECT rowid >> 40 AS kind, rowid & 1099511627775 AS id FROM search_index WHERE search_index MATCH ? ORDER BY rowid',
      )
      .all(words);

  it('keeps every row and indexes the rows already held: objectives, current updates, minutes, decisions, actions, papers, indicators', () => {
    db = databaseAt(4);
    boardAtSchema6(db);
    upgrade(db, 7);
    const before = snapshot(db);

    upgrade(db, 8);

    expect(snapshot(db, Object.keys(before))).toEqual(before);
    expect(found(db, '"knife"')).toEqual([
      { kind: 1, id: 1 },
      { kind: 1, id: 2 },
      { kind: 1, id: 3 },
    ]);
    expect(found(db, '"behind"')).toHaveLength(3);
    expect(found(db, '"multi agency" "croydon"')).toEqual([{ kind: 3, id: 2 }]);
    expect(found(db, '"agreed"')).toEqual([{ kind: 7, id: 1 }]);
    expect(found(db, '"report" "back" "chair"')).toEqual([{ kind: 4, id: 1 }]);
    expect(found(db, '"finance"')).toEqual([{ kind: 5, id: 1 }]);
    expect(found(db, '"homicide"')).toEqual([{ kind: 6, id: 1 }]);
    // FTS5's own check of the index against its content: it throws when they differ.
    expect(() =>
      db!.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run(),
    ).not.toThrow();
  });

  it('is what opening a schema 6 file in the app does: after both upgrades the search finds the minute written before', async () => {
    db = databaseAt(4);
    boardAtSchema6(db);
    const path = db.name;
    db.close();
    const store = await openStore(path, { clock: fixedClock() });
    try {
      const groups = await store.search.search('multi agency', 8);
      expect(groups.map((g) => [g.kind, g.total, g.hits[0].context])).toEqual([
        ['minute', 1, 'October board, 2007-10-20'],
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('0009_desks, from schema 8', () => {
  it('keeps every row; old audit rows name no desk or user, and every edit count starts at 1', () => {
    db = databaseAt(4);
    boardAtSchema6(db);
    upgrade(db, 8);
    const before = snapshot(db);

    upgrade(db, 9);

    const after = snapshot(db, Object.keys(before));
    const added: Record<string, Record<string, unknown>> = {
      audit_log: { desk: '', db_user: '' },
      updates: { version: 1 },
      meetings: { agenda_version: 1 },
      board_actions: { version: 1 },
    };
    for (const table of Object.keys(before)) {
      const expected = before[table].map((row) => ({ ...(row as object), ...(added[table] ?? {}) }));
      expect(after[table], table).toEqual(expected);
    }
    expect(before.audit_log.length).toBeGreaterThan(0);
    expect(before.updates.length).toBeGreaterThan(0);
    expect(before.board_actions.length).toBeGreaterThan(0);
  });
});
