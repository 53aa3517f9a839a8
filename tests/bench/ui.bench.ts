// UI benchmark in the tests' Chromium (electron/launch/chromium) through the browser bridge: time
// from starting the bridge to the dashboard being interactive (built-in plan + 24 demo months, and
// 2,000 objectives + 24 demo months), switching strand in the updates grid, and an autosave round
// trip; and the Performance screen at 500 indicators, beside the dashboard in the same run.
// Goals: dashboard interactive < 1 s; strand switch and autosave round trip < 100 ms at 2,000 objectives;
// the Performance screen interactive < 1 s at 500 indicators (its first screenful drawn; every row
// follows in the next render, timed too).
// UI_BENCH_ONLY=performance times the Performance screen alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { addMonths } from '../../shared/months';
import { ensureRendererBuild, startBridge } from '../../electron/bridge/index';
import { loadDemo } from '../../electron/demo/generate';
import { openStore } from '../../electron/store/store';
import { largePlan } from '../fixtures/largePlan';
import { launchChromium } from '../e2e/harness';

const RUNS = 5;
const NOW = new Date('2009-04-03T09:00:00Z');
const clock = () => NOW;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A figure's median and worst run, against its goal when the issue set one. */
function report(label: string, values: number[], goal: number | null): void {
  const m = median(values);
  const worst = Math.max(...values);
  const against = goal === null ? '' : `  goal < ${goal} ms  ${m < goal ? 'ok' : 'OVER'}`;
  console.log(
    `${label.padEnd(58)} median ${m.toFixed(0).padStart(5)} ms  worst ${worst.toFixed(0).padStart(5)} ms${against}`,
  );
}

async function makeDatabase(
  dir: string,
  name: string,
  large: boolean,
): Promise<{ path: string; objectives: number }> {
  const path = join(dir, `${name}.db`);
  const store = await openStore(path, { clock, seedPlan: large ? largePlan() : undefined });
  await loadDemo(store, { months: 24 });
  const objectives = (await store.plan.objectives()).length;
  await store.close();
  return { path, objectives };
}

// The code run in the page is passed as text: tsx would otherwise wrap named arrow functions in a
// helper (__name) that does not exist in the page.
const UNTIL = `(sel) => new Promise((resolve) => {
  const check = () => (document.querySelector(sel) ? resolve() : requestAnimationFrame(check));
  check();
})`;

async function waitFor(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(async () => {
    const t0 = performance.now();
    await (${UNTIL})(${JSON.stringify(selector)});
    return performance.now() - t0;
  })()`);
}

/** Milliseconds until the new strand's first screenful is drawn, and until all its rows are. */
async function switchStrand(page: Page, strand: number): Promise<[number, number]> {
  const grid = `[data-testid="updates-grid"][data-strand="${strand}"]`;
  return page.evaluate(`(async () => {
    const select = document.getElementById('strand-select');
    const t0 = performance.now();
    select.value = ${JSON.stringify(String(strand))};
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await (${UNTIL})(${JSON.stringify(`${grid}[data-ready="true"]`)});
    const first = performance.now() - t0;
    await (${UNTIL})(${JSON.stringify(`${grid}[data-complete="true"]`)});
    return [first, performance.now() - t0];
  })()`);
}

async function saveRoundTrip(page: Page, ref: string, month: string, n: number): Promise<number> {
  const input = JSON.stringify({ ref, month, status: 'green', narrative: `Benchmark ${n}` });
  return page.evaluate(`(async () => {
    const t0 = performance.now();
    const result = await window.boardPack.call('updates.saveDraft', ${input});
    if (!result.ok) throw new Error(result.error.message);
    return performance.now() - t0;
  })()`);
}

const INDICATORS = 500;
const FIGURE_MONTHS = 36;

/** The built-in plan and its demo, topped up to 500 indicators with 36 months of seeded figures each. */
async function makeIndicatorDatabase(dir: string): Promise<string> {
  const path = join(dir, 'indicators.db');
  const store = await openStore(path, { clock });
  await loadDemo(store, { months: 24 });
  let seed = 7;
  const noise = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647 - 0.5;
  };
  const at = NOW.toISOString();
  const last = '2009-03';
  for (let n = (await store.indicators.list({ includeRetired: true })).length; n < INDICATORS; n++) {
    const percent = n % 3 === 0;
    const added = await store.indicators.add(
      {
        title: `Benchmark indicator ${n + 1}`,
        outcome: null,
        strand: (n % 8) + 1,
        unit: percent ? 'percent' : 'count',
        per: null,
        better: n % 2 ? 'lower' : 'higher',
        target: percent ? { kind: 'value', value: 60 } : null,
        source: '',
        notes: [],
      },
      at,
      'Bench',
    );
    for (let m = 0; m < FIGURE_MONTHS; m++) {
      const month = addMonths(last, m - FIGURE_MONTHS + 1);
      const denominator = percent ? 200 : null;
      const numerator = percent ? Math.round(100 + noise() * 30) : null;
      const value = percent ? ((numerator ?? 0) / 200) * 100 : Math.round(300 + noise() * 60);
      await store.indicators.setFigure(
        { ref: added.ref, month, value, numerator, denominator, note: '', source: 'typed', author: 'Bench' },
        at,
      );
    }
  }
  await store.close();
  return path;
}

/** Page load → screen interactive, for the dashboard and the Performance screen, turn about. */
async function performanceScreen(browser: Browser, dir: string): Promise<void> {
  const path = await makeIndicatorDatabase(dir);
  const bridge = await startBridge({ dbPath: path, clock });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  console.log(
    `\nBuilt-in plan + 24 demo months, ${INDICATORS} indicators × ${FIGURE_MONTHS} months of figures`,
  );
  // Milliseconds from page load to each selector in turn.
  const timed = async (hash: string, selectors: string[]) => {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${bridge.url}${hash}`);
    const took: number[] = [];
    for (const selector of selectors) {
      await page.waitForSelector(selector, { timeout: 30_000 });
      took.push(performance.now() - t0);
    }
    await page.close();
    return took;
  };
  const list = '[data-testid="indicator-list"]';
  const screenSelectors = ['[data-ready="performance"]', `${list}[data-complete="true"]`];
  try {
    const home: number[] = [];
    const screen: number[] = [];
    const everyRow: number[] = [];
    await timed('#/performance', screenSelectors);
    for (let run = 0; run < RUNS; run++) {
      home.push((await timed('#/home', ['[data-ready="dashboard"]']))[0]);
      const [first, all] = await timed('#/performance', screenSelectors);
      screen.push(first);
      everyRow.push(all);
    }
    report('page load → dashboard interactive', home, 1000);
    report(`page load → Performance screen interactive (${INDICATORS} indicators)`, screen, 1000);
    report('page load → Performance screen, every row drawn', everyRow, null);
    console.log(
      `Performance screen / dashboard, same run: interactive ${(median(screen) / median(home)).toFixed(2)}×, every row drawn ${(median(everyRow) / median(home)).toFixed(2)}×`,
    );
  } finally {
    await context.close();
    await bridge.close();
  }
}

async function main(): Promise<void> {
  await ensureRendererBuild();
  // Figures move with the machine's load: say what it was.
  console.log(
    `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the start`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'board-pack-ui-bench-'));
  const browser = await launchChromium();
  const only = process.env.UI_BENCH_ONLY;
  try {
    for (const large of only === 'performance' ? [] : [false, true]) {
      const made = await makeDatabase(dir, large ? 'large' : 'builtin', large);
      console.log(
        `\n${large ? '2,000-objective plan' : 'Built-in plan'} (${made.objectives} objectives) + 24 demo months`,
      );
      // First start: a fresh browser profile, so no remembered month.
      const startup: number[] = [];
      let last: { page: Page; port: number; closeBridge(): Promise<void>; close(): Promise<void> } | null =
        null;
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const page = await context.newPage();
        const t0 = performance.now();
        const bridge = await startBridge({ dbPath: made.path, clock });
        await page.goto(bridge.url);
        await page.waitForSelector('[data-ready="dashboard"]', { timeout: 30_000 });
        startup.push(performance.now() - t0);
        if (last) await last.close();
        last = {
          page,
          port: Number(new URL(bridge.origin).port),
          closeBridge: () => bridge.close(),
          close: async () => {
            await context.close();
            await bridge.close();
          },
        };
      }
      if (!last) continue;
      // Reopening: the same profile and origin (same port), so the month is remembered and the
      // dashboard is asked for at once.
      const reopen: number[] = [];
      const profile = last.page.context();
      const port = last.port;
      await last.page.close();
      await last.closeBridge();
      for (let run = 0; run < RUNS; run++) {
        const page = await profile.newPage();
        const t0 = performance.now();
        const bridge = await startBridge({ dbPath: made.path, clock, port });
        await page.goto(bridge.url);
        await page.waitForSelector('[data-ready="dashboard"]', { timeout: 30_000 });
        reopen.push(performance.now() - t0);
        last = {
          page,
          port,
          closeBridge: () => bridge.close(),
          close: async () => {
            await profile.close();
            await bridge.close();
          },
        };
        if (run < RUNS - 1) {
          await page.close();
          await bridge.close();
        }
      }
      report('bridge start → dashboard interactive (first start)', startup, 1000);
      report('bridge start → dashboard interactive (reopen)', reopen, 1000);
      const page = last.page;

      // Strand switch: change the strand select in the page and wait for the new grid.
      await page.evaluate(() => {
        window.location.hash = '#/updates/1';
      });
      await page.waitForSelector('[data-testid="updates-grid"][data-strand="1"][data-ready="true"]');
      const switches: number[] = [];
      const fullSwitches: number[] = [];
      for (let i = 0; i < RUNS * 2; i++) {
        const [first, all] = await switchStrand(page, (i % 7) + 2);
        switches.push(first);
        fullSwitches.push(all);
      }
      report('strand switch (first screenful of the new strand drawn)', switches, 100);
      report('strand switch (every row of the new strand drawn)', fullSwitches, 250);

      // Autosave round trip: the saveDraft call the grid makes, from the page through the bridge.
      const ref = await page.evaluate(
        () =>
          document.querySelector('[data-testid="updates-grid"] tr[data-ref]')?.getAttribute('data-ref') ?? '',
      );
      const month = await page.inputValue('#reporting-month');
      const saves: number[] = [];
      for (let i = 0; i < RUNS * 2; i++) {
        saves.push(await saveRoundTrip(page, ref, month, i));
      }
      report('autosave round trip (saveDraft, page → database → page)', saves, 100);
      // Those saves went round the grid, which still holds the row's old edit count: read it again,
      // or its next save would rightly be refused as a conflict and never reach "All changes saved".
      await page.reload();
      await page.waitForSelector('[data-testid="updates-grid"][data-ready="true"]');

      // Keystroke to "All changes saved", which includes the deliberate 350 ms typing pause. The
      // row must be one a person may still change (not submitted or accepted).
      const editable = await page.evaluate(`(() => {
        const rows = [...document.querySelectorAll('[data-testid="updates-grid"] tr[data-ref]')];
        const row = rows.find((r) => !/^(Submitted|Accepted)/.test(r.querySelector('[data-testid="row-state"]').textContent));
        if (row) row.click();
        return Boolean(row);
      })()`);
      if (!editable) console.log('(no editable row on this strand; keystroke figure skipped)');
      await page.focus('#updates-grid-focus');
      const keyed: number[] = [];
      for (let i = 0; editable && i < RUNS; i++) {
        await page.keyboard.press(i % 2 ? 'g' : 'c');
        keyed.push(await waitFor(page, '[data-testid="save-state"][data-state="saved"]'));
        await page.waitForTimeout(50);
      }
      if (keyed.length) report('status key → "All changes saved" (incl. 350 ms pause)', keyed, 1000);
      await last.close();
    }
    await performanceScreen(browser, dir);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
