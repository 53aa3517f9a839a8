// A statement is a round trip to a server, so the busiest paths are held to a few: an update's save,
// the month summary, and the demo load (once some 29,000 statements, a round trip per row).
import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { loadDemo } from '../../electron/demo/generate';
import { openStore, type SqlStore } from '../../electron/store/store';
import { fixedClock } from '../fixtures/databases';
import { newPostgresDatabase } from '../fixtures/postgres';

let store: SqlStore | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await store?.close();
});

/** How many statements work sends to the server (each a round trip), BEGIN and COMMIT included. */
async function statements(work: () => Promise<unknown>): Promise<number> {
  const query = vi.spyOn(pg.Client.prototype, 'query');
  await work();
  const count = query.mock.calls.length;
  query.mockRestore();
  return count;
}

it('saves an update in at most seven statements, and sums a month in one', async () => {
  store = await openStore(await newPostgresDatabase(), { clock: fixedClock() });
  const open = store;
  const save = (status: 'green' | 'amber', state: 'draft' | 'submitted' | 'accepted') =>
    open.updates.save(
      { ref: '2.E.3', month: '2007-09', status, narrative: 'Slipping.', author: 'DI Reid', state },
      open.now(),
    );
  expect(await statements(() => save('green', 'draft'))).toBeLessThanOrEqual(5);
  expect(await statements(() => save('amber', 'submitted'))).toBeLessThanOrEqual(6);
  expect(await statements(() => save('green', 'accepted'))).toBeLessThanOrEqual(7);
  expect((await open.updates.current('2.E.3', '2007-09'))?.state).toBe('accepted');
  expect(await statements(() => open.updates.monthSummary('2007-09'))).toBe(1);
});

it('loads six demo months in a few hundred statements', async () => {
  store = await openStore(await newPostgresDatabase(), { clock: fixedClock() });
  const open = store;
  expect(await statements(() => loadDemo(open, { months: 6 }))).toBeLessThan(600);
  expect(await open.updates.reportedMonths()).toHaveLength(6);
}, 120_000);
