// Store benchmark: a generated store of 2,000 objectives (8 strands × 250) × 120 months of updates.
// Prints open/migrate times, the month's status summary query, one durable update, and DB size.
// Targets on the reference machine: summary under 2 ms, one update under 0.5 ms.
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addMonths } from '../../shared/months';
import { planFileSchema } from '../../shared/planFile';
import { openDatabase } from '../../electron/store/open';
import { openStore } from '../../electron/store/store';
import { rawDatabase } from '../fixtures/databases';
import { END, OBJECTIVES_PER_STRAND, START, STRANDS, syntheticPlan, writeBenchHistory } from './benchPlan';

const ms = (start: number) => performance.now() - start;
const fmt = (value: number) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

const dir = mkdtempSync(join(tmpdir(), 'board-pack-bench-'));
const path = join(dir, 'bench.db');
const plan = planFileSchema.parse(syntheticPlan());
const clock = () => new Date('2017-04-05T09:00:00.000Z');

try {
  // Timings move with whatever else the machine is doing; the load says how quiet it was.
  line('machine load average (1 min) at start', loadavg()[0].toFixed(2));
  let start = performance.now();
  openDatabase(join(dir, 'empty.db')).close();
  line('open + migrate, fresh file', fmt(ms(start)));

  start = performance.now();
  let store = await openStore(path, { clock, seedPlan: plan });
  line(`open + migrate + seed plan (${STRANDS * OBJECTIVES_PER_STRAND} objectives)`, fmt(ms(start)));

  // Bulk history, written straight to the table in one transaction.
  start = performance.now();
  const raw = rawDatabase(path);
  const rows = writeBenchHistory(raw);
  line(`bulk insert ${rows.toLocaleString('en-GB')} update rows (one transaction)`, fmt(ms(start)));
  await store.close();

  start = performance.now();
  store = await openStore(path, { clock });
  line('open + migrate, existing file (up to date)', fmt(ms(start)));

  const month = addMonths(START, 60);
  for (let i = 0; i < 20; i++) await store.updates.monthSummary(month);
  const summaryTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await store.updates.monthSummary(month);
    summaryTimes.push(ms(t));
  }
  const summary = stats(summaryTimes);
  line(
    `month status summary (${month}, 200 runs, warm)`,
    `median ${fmt(summary.median)}, p95 ${fmt(summary.p95)}  [target < 2 ms]`,
  );

  // One durable update: a new submitted revision over an accepted one, with its audit row, in its
  // own transaction, synchronous=FULL.
  const refs = (await store.plan.objectives()).slice(0, 520).map((o) => o.ref);
  const updateMonth = END;
  const saveOne = async (ref: string) =>
    await store.updates.save(
      {
        ref,
        month: updateMonth,
        status: 'amber',
        narrative: 'Slipping: two posts vacant; cover agreed.',
        author: 'Bench',
        state: 'submitted',
      },
      store.now(),
    );
  for (const ref of refs.slice(0, 20)) await saveOne(ref);
  const updateTimes: number[] = [];
  for (const ref of refs.slice(20, 520)) {
    const t = performance.now();
    await saveOne(ref);
    updateTimes.push(ms(t));
  }
  const update = stats(updateTimes);
  line(
    'one durable update (synchronous=FULL, as openDatabase sets it; 500 runs)',
    `median ${fmt(update.median)}, p95 ${fmt(update.p95)}  [target < 0.5 ms]`,
  );

  await store.close();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const size = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
  line('database size', `${(size / 1024 / 1024).toFixed(1)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
