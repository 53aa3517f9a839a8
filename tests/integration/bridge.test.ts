// The browser test door: on 127.0.0.1 only, every request needs this run's token, the screens come
// with the app's CSP and the window.boardPack shim, and calls reach the same dispatch.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/index';

let bridge: Bridge;
let cookie = '';

function screens(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'board-pack-bridge-screens-')), 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <script type="module" src="/assets/app.js"></script>\n  </head>\n</html>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'window.started = true;');
  return dir;
}

/** A raw request, so the Host header can be what an attacker's page would send. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(bridge.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function call(method: string, input: unknown, headers: Record<string, string> = { cookie }) {
  return fetch(`${bridge.origin}/__bridge/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ method, input }),
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'board-pack-bridge-'));
  bridge = await startBridge({
    dbPath: join(dir, 'board.db'),
    clock: () => new Date('2007-10-15T09:00:00Z'),
    rendererDir: screens(),
  });
  const first = await fetch(bridge.url, { redirect: 'manual' });
  cookie = String(first.headers.get('set-cookie')).split(';')[0];
});

afterAll(() => bridge.close());

describe('the browser bridge', () => {
  it('listens on 127.0.0.1 only, on a port chosen for this run', async () => {
    expect(bridge.boundAddress).toBe('127.0.0.1');
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.services.door).toBe('bridge');
    const { port } = new URL(bridge.origin);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal);
    for (const other of others) await expect(fetch(`http://${other!.address}:${port}/`)).rejects.toThrow();
  });

  it('refuses a request without the token', async () => {
    const response = await fetch(`${bridge.origin}/`);
    expect(response.status).toBe(401);
    expect((await call('app.info', undefined, {})).status).toBe(401);
    expect((await call('app.info', undefined, { 'x-board-pack-token': 'guessed' })).status).toBe(401);
    expect((await fetch(`${bridge.origin}/?token=guessed`)).status).toBe(401);
  });

  it('trades the token in the link for a cookie only this origin sends back', async () => {
    const first = await fetch(bridge.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses a page that reached it under another host name', async () => {
    const response = await get('/', { cookie, host: 'attacker.example' });
    expect(response.status).toBe(403);
  });

  it('serves the screens with the app’s CSP and the window.boardPack shim loaded first', async () => {
    const page = await get('/', { cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body.indexOf('/__bridge/shim.js')).toBeLessThan(page.body.indexOf('/assets/app.js'));
    const shim = await get('/__bridge/shim.js', { cookie });
    expect(shim.body).toContain('window');
    expect(shim.body).toContain(bridge.token);
    expect((await get('/__bridge/shim.js')).status).toBe(401);
  });

  it('answers the contract through the same dispatch as the desktop app', async () => {
    const info = await (await call('app.info', undefined)).json();
    expect(info).toMatchObject({ ok: true, value: { door: 'bridge' } });
    const refused = await (await call('updates.grid', { strandNumber: 1, month: 'October' })).json();
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const saved = await (
      await call('updates.saveDraft', { ref: '1.E.1', month: '2007-10', status: 'green' })
    ).json();
    expect(saved).toMatchObject({ ok: true, value: { state: 'draft' } });
    expect(bridge.services.store.updates.working('2007-10').get('1.E.1')?.status).toBe('green');
  });
});
