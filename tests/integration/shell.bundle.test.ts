// The built desktop app, not only its sources: npm run build's out/main/index.js started under
// Node with a stand-in for 'electron' finds its preload, screens, migrations, built-in plan and
// pack fonts through its own relative paths, and answers the contract.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDesktop, OUT_DIR } from '../../electron/launch/build';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrate';

const RUNNER = fileURLToPath(new URL('../fixtures/bundledMain/run.mjs', import.meta.url));
let seen: {
  window: { url: string; webPreferences: Record<string, unknown> };
  privileged: unknown[];
  info: { ok: boolean; value: { door: string; databasePath: string; schemaVersion: number } };
  draft: { ok: boolean; pages: number; head: string };
  page: { status: number; csp: string; body: string };
  quit: boolean;
};
let dbPath = '';

beforeAll(async () => {
  await buildDesktop();
  const dir = mkdtempSync(join(tmpdir(), 'board-pack-bundle-'));
  dbPath = join(dir, 'board.db');
  const output = execFileSync(process.execPath, [RUNNER, join(OUT_DIR, 'main', 'index.js')], {
    encoding: 'utf8',
    env: { ...process.env, BOARD_PACK_DB: dbPath, STUB_APP_DATA: dir },
  });
  seen = JSON.parse(output.trim().split('\n').pop() ?? '{}');
});

describe('the built desktop app', () => {
  it('opens its window on app:// with the built preload beside it', () => {
    expect(seen.quit).toBe(false);
    expect(seen.window.url).toBe('app://board-pack/index.html');
    expect(seen.window.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(existsSync(String(seen.window.webPreferences.preload))).toBe(true);
    expect(String(seen.window.webPreferences.preload)).toBe(join(OUT_DIR, 'preload', 'index.cjs'));
  });

  it('creates and migrates the database with the built-in plan', () => {
    expect(seen.info.ok).toBe(true);
    expect(seen.info.value).toMatchObject({ door: 'electron', databasePath: dbPath });
    expect(seen.info.value.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('builds a pack with its fonts', () => {
    expect(seen.draft).toMatchObject({ ok: true, head: '%PDF-' });
    expect(seen.draft.pages).toBeGreaterThan(0);
  });

  it('carries no browser bridge: the desktop app never opens an HTTP port', () => {
    const files = readdirSync(join(OUT_DIR, 'main')).filter((f) => f.endsWith('.js'));
    expect(files).toContain('index.js');
    for (const file of files) {
      const main = readFileSync(join(OUT_DIR, 'main', file), 'utf8');
      expect(main).not.toContain('__bridge');
      expect(main).not.toMatch(/from "node:http"|createServer\(/);
    }
  });

  it('serves the built screens with the CSP', () => {
    expect(seen.page.status).toBe(200);
    expect(seen.page.csp).toContain("default-src 'none'");
    expect(seen.page.body).toMatch(/<script type="module"[^>]*src="\/assets\//);
  });
});
