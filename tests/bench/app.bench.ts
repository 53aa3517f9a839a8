// App benchmark at the contract: what the screens wait for, measured through the browser bridge's
// HTTP door and through dispatch in-process, with the built-in plan + 24 demo months and with a
// 2,000-objective plan + 24 demo months. (tests/bench/ui.bench.ts measures the same in Chromium.)
// Goals: bridge start → dashboard data < 1 s; strand switch (updates.grid) and autosave < 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureRendererBuild, startBridge, type Bridge } from '../../electron/bridge/index';
import { loadDemo } from '../../electron/demo/generate';
import { createServices, dispatch } from '../../electron/handlers/index';
import { openStore } from '../../electron/store/store';
import { largePlan } from '../fixtures/largePlan';

const NOW = new Date('2009-04-03T09:00:00Z');
const clock = () => NOW;
const MONTH = '2009-03';
const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(label: string, values: number[], goal?: number): void {
  const m = median(values);
  const verdict = goal === undefined ? '' : `  goal < ${goal} ms  ${m < goal ? 'ok' : 'OVER'}`;
  console.log(
    `${label.padEnd(60)} median ${m.toFixed(1).padStart(7)} ms  worst ${Math.max(...values)
      .toFixed(1)
      .padStart(7)} ms${verdict}`,
  );
}

async function makeDatabase(dir: string, large: boolean): Promise<string> {
  const path = join(dir, large ? 'large.db' : 'builtin.db');
  const store = await openStore(path, { clock, seedPlan: large ? largePlan() : undefined });
  await loadDemo(store, { months: 24 });
  await store.close();
  return path;
}

async function post(bridge: Bridge, cookie: string, method: string, input?: unknown): Promise<unknown> {
  const response = await fetch(`${bridge.origin}/__bridge/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bridge.origin, cookie },
    body: JSON.stringify({ method, input }),
  });
  const result = (await response.json()) as { ok: boolean; error?: { message: string }; value?: unknown };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

async function timed<T>(work: () => Promise<T> | T): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Bridge start → the page and the three calls the dashboard makes before it is interactive. */
async function startToDashboard(
  path: string,
  rendererDir: string,
): Promise<{ ms: number; bridge: Bridge; cookie: string }> {
  const start = performance.now();
  const bridge = await startBridge({ dbPath: path, clock, rendererDir });
  const first = await fetch(bridge.url, { redirect: 'manual' });
  const cookie = String(first.headers.get('set-cookie')).split(';')[0];
  await (await fetch(`${bridge.origin}/`, { headers: { cookie } })).text();
  await Promise.all([
    post(bridge, cookie, 'app.info'),
    post(bridge, cookie, 'months.list'),
    post(bridge, cookie, 'dashboard.get', { month: MONTH }),
  ]);
  return { ms: performance.now() - start, bridge, cookie };
}

async function main(): Promise<void> {
  console.log(`machine load average (1 min) at start: ${loadavg()[0].toFixed(2)}`);
  const rendererDir = await ensureRendererBuild();
  const dir = mkdtempSync(join(tmpdir(), 'board-pack-app-bench-'));
  try {
    for (const large of [false, true]) {
      const path = await makeDatabase(dir, large);
      const store = await openStore(path, { clock });
      const objectives = (await store.plan.objectives()).length;
      console.log(
        `\n${large ? '2,000-objective plan' : 'Built-in plan'} (${objectives} objectives) + 24 demo months`,
      );

      const starts: number[] = [];
      let open: { bridge: Bridge; cookie: string } | null = null;
      for (let run = 0; run < 5; run++) {
        if (open) await open.bridge.close();
        const started = await startToDashboard(path, rendererDir);
        starts.push(started.ms);
        open = started;
      }
      report('bridge start → page + dashboard data (HTTP)', starts, 1000);
      const { bridge, cookie } = open!;

      const services = createServices(store, { door: 'test', log: (c, e) => console.error(c, e) });
      const inProcess = async (method: string, input?: unknown) => {
        const result = await dispatch(services, method, input);
        if (!result.ok) throw new Error(result.error.message);
      };
      const samples = async (work: (i: number) => Promise<unknown>) => {
        const values: number[] = [];
        for (let i = 0; i < RUNS; i++) values.push(await timed(() => work(i)));
        return values;
      };
      report('dashboard.get (dispatch)', await samples(() => inProcess('dashboard.get', { month: MONTH })));
      report(
        'plan.objectives, whole plan with status (dispatch)',
        await samples(() => inProcess('plan.objectives', { month: MONTH })),
      );
      report(
        'updates.grid, one strand (dispatch)',
        await samples((i) => inProcess('updates.grid', { strandNumber: (i % 8) + 1, month: MONTH })),
      );
      report(
        'strand switch: updates.grid over HTTP',
        await samples((i) =>
          post(bridge, cookie, 'updates.grid', { strandNumber: (i % 8) + 1, month: MONTH }),
        ),
        100,
      );
      const refs = (await store.plan.objectives({ strandNumber: 3 })).map((o) => o.ref);
      report(
        'autosave round trip: updates.saveDraft over HTTP',
        await samples((i) =>
          post(bridge, cookie, 'updates.saveDraft', {
            ref: refs[i % refs.length],
            month: MONTH,
            status: 'green',
            narrative: `Bench ${i}`,
          }),
        ),
        100,
      );
      await bridge.close();
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
