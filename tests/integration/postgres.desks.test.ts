// Several desks on one database on a real PostgreSQL server, through the store as the app uses it:
// three desks saving at once in processes of their own lose nothing and are refused nothing; a
// connection the server ends in the middle of a change leaves none of it, says so in words, and
// the next call works; a server that cannot be reached is a sentence, not a stack; two desks
// opening a fresh database at once both get in, and the plan is seeded once.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isBoardPackError } from '../../shared/errors';
import { loadBuiltInPlan } from '../../electron/store/planFile';
import type { Sql } from '../../electron/store/sql';
import { openStore, type SqlStore } from '../../electron/store/store';
import { APP_WRITER, CLI_WRITER, runWriter } from '../fixtures/concurrentWriters';
import { cli, dumpStore, FIXED_NOW, fixedClock, onStoreDatabase } from '../fixtures/databases';
import { asAdmin, newPostgresDatabase } from '../fixtures/postgres';

const AT = '2007-10-02T10:00:00.000Z';
const SAVES_PER_DESK = 300;

/** A store on a fresh server database holding the built-in plan. */
async function seededStore(): Promise<SqlStore> {
  return openStore(await newPostgresDatabase({ seededAt: FIXED_NOW }), { clock: fixedClock() });
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The connection (server process) a store's executor is using now. */
async function backendOf(store: SqlStore): Promise<number> {
  const pid = await store.internals.sql.value('SELECT pg_backend_pid()');
  if (typeof pid !== 'number') throw new Error('no backend pid');
  return pid;
}

/** Ends a connection from the server's side, as an administrator (or a restart) does, and waits until it is gone. */
async function terminate(pid: number): Promise<void> {
  await asAdmin((admin) => admin.query('SELECT pg_terminate_backend($1, 10000)', [pid]));
}

/** Expects the one sentence for a server that cannot be reached, with no stack trace in it. */
function expectUnreachable(failure: unknown): void {
  expect(isBoardPackError(failure) && failure.code).toBe('unreachable');
  const message = failure instanceof Error ? failure.message : '';
  expect(message).toMatch(/^The shared database at .+ cannot be reached .*Nothing you typed is lost/);
  expect(message).not.toMatch(/\n\s+at /);
}

describe('three desks saving at once', () => {
  it(`keeps all ${3 * SAVES_PER_DESK} saves from two desktop apps and the command line, none refused, each audited`, async () => {
    const location = await newPostgresDatabase({ migrated: true });
    const store = await openStore(location, { clock: fixedClock() });
    try {
      const desks = [
        { writer: 'Desk A', script: APP_WRITER },
        { writer: 'Desk B', script: APP_WRITER },
        { writer: 'Desk C', script: CLI_WRITER },
      ];
      const reports = await Promise.all(
        desks.map(({ writer, script }) => runWriter(script, location, writer, SAVES_PER_DESK)),
      );
      for (const report of reports) expect(report.failures).toEqual([]);
      await onStoreDatabase(store, async (sql) => {
        for (const { writer } of desks) {
          // Every save is a submitted revision of its own: each narrative is there once...
          const expected = Array.from({ length: SAVES_PER_DESK }, (_, i) => `${writer} ${i}`).sort();
          expect(
            await sql.column('SELECT narrative FROM updates WHERE author = ? ORDER BY narrative', writer),
          ).toEqual(expected);
          // ...with its two audit rows, saved as a draft and submitted (updates.record's steps).
          expect(
            await sql.rows(
              "SELECT action, count(*) FROM audit_log WHERE actor = ? AND entity = 'update' GROUP BY action ORDER BY action",
              writer,
            ),
          ).toEqual([
            ['update.save', SAVES_PER_DESK],
            ['update.submit', SAVES_PER_DESK],
          ]);
        }
        await expectRevisionsInOrder(sql, desks.length * SAVES_PER_DESK);
      });
    } finally {
      await store.close();
    }
  }, 600_000);
});

/**
 * Each objective's revisions for October: 1, 2, 3 … with no gap and no number given twice (the
 * database, not a desk's earlier read, decides the next one), exactly one of them current.
 */
async function expectRevisionsInOrder(sql: Sql, saves: number): Promise<void> {
  const objectives = await sql.rows(
    `SELECT count(*), count(DISTINCT revision), min(revision), max(revision), sum(is_current)
       FROM updates WHERE month = '2007-10' GROUP BY objective_id ORDER BY objective_id`,
  );
  expect(objectives).toHaveLength(3);
  for (const [n, distinct, min, max, current] of objectives)
    expect([distinct, min, max, current]).toEqual([n, 1, n, 1]);
  expect(objectives.reduce((sum, [n]) => sum + Number(n), 0)).toBe(saves);
}

describe('two desks saving one meeting at once', () => {
  it("keeps one desk's details and the other's attendance, whichever writes last", async () => {
    const location = await newPostgresDatabase({ seededAt: FIXED_NOW });
    const secretariat = await openStore(location, { clock: fixedClock() });
    const chair = await openStore(location, { clock: fixedClock() });
    try {
      const meeting = await secretariat.meetings.create(
        { title: 'Board', heldAt: '2007-10-20T14:00', reportingMonth: '2007-10', attendees: ['Jo Bloggs'] },
        AT,
        'Secretariat',
      );
      // The secretariat's details save holds its transaction open while the chair records apologies.
      let detailsWritten: () => void = () => {};
      const written = new Promise<void>((resolve) => (detailsWritten = resolve));
      const details = secretariat.transaction(async (tx) => {
        await tx.meetings.updateDetails(
          meeting.id,
          { title: 'Board', heldAt: '2007-10-20T14:00', reportingMonth: '2007-10', place: 'Room 9' },
          AT,
          'Secretariat',
        );
        detailsWritten();
        await new Promise((resolve) => setTimeout(resolve, 400));
      });
      await written;
      const attendance = chair.meetings.setAttendance(
        meeting.id,
        { attendees: ['Jo Bloggs'], apologies: ['Sam Smith'] },
        AT,
        'Chair',
      );
      await Promise.all([details, attendance]);
      const stored = await chair.meetings.get(meeting.id);
      expect(stored.place).toBe('Room 9');
      expect(stored.apologies).toEqual(['Sam Smith']);
      expect(stored.attendees).toEqual(['Jo Bloggs']);
    } finally {
      await secretariat.close();
      await chair.close();
    }
  });
});

describe('a connection dropped in the middle of a change', () => {
  it('keeps nothing of a meeting whose agenda was still being written, says the server cannot be reached, and the next call works', async () => {
    const store = await seededStore();
    try {
      const before = await dumpStore(store);
      const pid = await backendOf(store);
      const failure = await store
        .transaction(async (tx) => {
          const meeting = await tx.meetings.create(
            {
              title: 'Serious Violence Strategy Board',
              heldAt: '2007-10-18T10:00',
              reportingMonth: '2007-09',
            },
            AT,
            'Secretariat',
          );
          await terminate(pid);
          await tx.meetings.setAgenda(meeting.id, [{ title: 'Apologies' }], AT, 'Secretariat');
        })
        .catch((error: unknown) => error);
      expectUnreachable(failure);
      expect(await dumpStore(store)).toBe(before);
      // The next call reaches the server on a new connection, and the change can be made again.
      const meeting = await store.meetings.create(
        { title: 'Serious Violence Strategy Board', heldAt: '2007-10-18T10:00', reportingMonth: '2007-09' },
        AT,
        'Secretariat',
        ['Apologies'],
      );
      expect(await backendOf(store)).not.toBe(pid);
      expect((await store.meetings.list()).map((m) => m.id)).toEqual([meeting.id]);
      expect(await store.meetings.agenda(meeting.id)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('keeps neither an update nor its audit row when the connection ends while the audit row is written', async () => {
    const store = await seededStore();
    try {
      // A trigger that holds the audit row's INSERT, so the connection is ended exactly there: after
      // the update's own row, inside the same transaction.
      await onStoreDatabase(store, (sql) =>
        sql.exec(`CREATE FUNCTION hold_audit() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN PERFORM pg_sleep(20); RETURN NEW; END $$;
          CREATE TRIGGER hold_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION hold_audit();`),
      );
      const before = await dumpStore(store);
      const pid = await backendOf(store);
      const saving = store.updates
        .save(
          {
            ref: '2.E.3',
            month: '2007-09',
            status: 'green',
            narrative: 'On track.',
            author: 'DI Reid',
            state: 'submitted',
          },
          AT,
        )
        .catch((error: unknown) => error);
      await untilWaiting(pid, 'PgSleep');
      await terminate(pid);
      expectUnreachable(await saving);
      expect(await dumpStore(store)).toBe(before);
      await onStoreDatabase(store, (sql) => sql.exec('DROP TRIGGER hold_audit ON audit_log'));
      const saved = await store.updates.save(
        {
          ref: '2.E.3',
          month: '2007-09',
          status: 'green',
          narrative: 'On track.',
          author: 'DI Reid',
          state: 'submitted',
        },
        AT,
      );
      expect(saved.revision).toBe(1);
      expect((await store.audit.list({ entity: 'update' })).map((e) => e.entityId)).toEqual([
        '2.E.3@2007-09',
      ]);
    } finally {
      await store.close();
    }
  });
});

/** Waits until the server process is waiting on the event named (pg_stat_activity's wait_event). */
async function untilWaiting(pid: number, event: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = await asAdmin((admin) =>
      admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event = $2', [pid, event]),
    );
    if (found.rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Server process ${pid} never waited on ${event}.`);
}

describe('a server that cannot be reached', () => {
  it('is one sentence when a desk opens the database, in the app and on the command line, with no stack trace', async () => {
    const port = await closedPort();
    const address = `postgres://board_pack:secret@127.0.0.1:${port}/board_pack`;
    // Opening, nothing was typed yet and the address itself may be wrong: the sentence says so.
    const sentence = `The shared database at 127.0.0.1:${port}/board_pack cannot be reached: the server or the network is down, or the server's name or port is wrong.`;
    const failure = await openStore(address).catch((error: unknown) => error);
    expect(isBoardPackError(failure) && failure.code).toBe('unreachable');
    expect(failure instanceof Error && failure.message).toBe(sentence);
    const result = await cli(['check', '--db', address]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${sentence}\n`);
    expect(result.stderr).not.toContain('secret');
    expect(result.stdout).toBe('');
  });
});

describe('desks opening a fresh database at the same moment', () => {
  it('all get in, and the plan and its indicators are seeded once', async () => {
    const location = await newPostgresDatabase();
    const desks = await Promise.all([1, 2, 3].map(() => openStore(location, { clock: fixedClock() })));
    try {
      const plan = loadBuiltInPlan();
      for (const desk of desks) {
        expect((await desk.plan.summary()).boardName).toBe(plan.boardName);
        expect(await desk.indicators.count()).toBe(plan.indicators.length);
      }
      expect(
        await desks[0].internals.sql.rows(
          "SELECT action, count(*) FROM audit_log WHERE action IN ('plan.seed', 'people.seed', 'indicators.seed') GROUP BY action ORDER BY action",
        ),
      ).toEqual([
        ['indicators.seed', 1],
        ['people.seed', 1],
        ['plan.seed', 1],
      ]);
      expect(await desks[0].internals.sql.value('SELECT count(*) FROM plan')).toBe(1);
      expect(await desks[0].internals.sql.value('SELECT count(*) FROM objectives')).toBe(
        (await desks[1].plan.objectives()).length,
      );
    } finally {
      await Promise.all(desks.map((desk) => desk.close()));
    }
  });
});
