// What every end-to-end file shares: a temp database (optionally with demo months), the browser
// bridge over it, one headless Chromium per file (electron/launch/chromium: the npm build, or
// CHROMIUM_PATH), and axe-core for accessibility. Screenshots and benchmarks launch it here too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../electron/bridge/index';
import { loadDemo } from '../../electron/demo/generate';
import { openStore, type Store } from '../../electron/store/store';
import { findChromium } from '../../electron/launch/chromium';
import { DatabaseSession, type DatabaseMemory } from '../../electron/shell/databaseSession';
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

export interface AppUnderTest {
  bridge: Bridge;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dbPath: string;
  /** The app's clock, for a bridge started again in a test. */
  clock: () => Date;
  /** The bridge's own open store: read the database through the store API, as the app does. */
  store: Store;
  goto(hash: string): Promise<void>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Demo months to load before the app starts; 0 for the built-in plan only. */
  demoMonths?: number;
  /** The app's clock (the demo's last month is reported on at the next meeting). */
  now?: string;
  /**
   * Answer through a desktop session remembering here, as the desktop app does, so the screens
   * may replace the open database (connect to a shared one); else the bridge's own store.
   */
  memory?: DatabaseMemory;
  /** How often the screens ask for other desks' changes (the boardPack.changesEveryMs setting). */
  changesEveryMs?: number;
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = findChromium();
  return chromium.launch({
    executablePath,
    env,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function openApp(options: AppOptions = {}): Promise<AppUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'board-pack-e2e-'));
  const dbPath = join(dir, 'board-pack.db');
  const now = new Date(options.now ?? '2008-03-20T09:00:00Z');
  const clock = () => now;
  const seeding = await openStore(dbPath, { clock });
  if (options.demoMonths) await loadDemo(seeding, { months: options.demoMonths });
  await seeding.close();
  const bridge = options.memory
    ? await startBridge({
        session: await DatabaseSession.start(dbPath, { door: 'bridge', clock, memory: options.memory }),
      })
    : await startBridge({ dbPath, clock });
  const browser = await launchChromium();
  // A fresh context is a fresh profile: no stored month or unsaved drafts from another file.
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  if (options.changesEveryMs) {
    await context.addInitScript((ms) => {
      window.localStorage.setItem('boardPack.changesEveryMs', String(ms));
    }, options.changesEveryMs);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(bridge.url);
  await page.waitForSelector('nav[aria-label="Main"]');
  const app: AppUnderTest = {
    bridge,
    browser,
    context,
    page,
    dbPath,
    clock,
    store: bridge.services.store,
    /** Moves to a screen and waits until it is drawn (and the focus has moved to it). */
    async goto(hash: string) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      const screen = hash.replace(/^#\/?/, '').split('/')[0] || 'home';
      await page.waitForSelector(`#main[data-screen="${screen}"]`);
    },
    async close() {
      await browser.close();
      await app.bridge.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page and returns the serious and critical violations, in words. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // The app's CSP forbids inline scripts, so axe is evaluated through the debugging protocol
  // (which CSP does not govern) rather than injected as a <script> tag.
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
