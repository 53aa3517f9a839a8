import { expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/generate';
import { openStore } from '../../electron/store/store';
import { fixedClock } from '../fixtures/databases';
import { newPostgresDatabase } from '../fixtures/postgres';

it('smoke', async () => {
  const url = await newPostgresDatabase();
  const store = await openStore(url, { clock: fixedClock() });
  expect((await store.plan.objectives()).length).toBeGreaterThan(10);
  await loadDemo(store, { actor: 'Test' });
  const month = (await store.updates.latestReportedMonth())!;
  const ms = await store.updates.monthSummary(month);
  expect(ms.strands.length).toBe(8);
  expect((await store.search.search('violence', 5)).length).toBeGreaterThan(0);
  await store.close();
}, 300_000);
