// The browser test door: on 127.0.0.1 only, every request needs this run's token, the screens come
// with the app's CSP and the window.boardPack shim, and calls reach the same dispatch.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/index';
import { dispatch } from '../../electron/handlers/index';

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

/** A call as the preview's own page makes it: JSON, from its origin, with the cookie. */
function call(method: string, input: unknown, headers: Record<string, string> = { cookie }) {
  return fetch(`${bridge.origin}/__bridge/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bridge.origin, ...headers },
    body: JSON.stringify({ method, input }),
  });
}

/** Bytes exactly as written, for what Node's HTTP client would tidy up (a Host with a trailing space). */
function rawRequest(head: string): Promise<string> {
  const { port } = new URL(bridge.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(`${head}\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

async function peopleNamed(name: string): Promise<number> {
  const people = await dispatch(bridge.services, 'people.list', undefined);
  if (!people.ok) throw new Error(people.error.message);
  return (people.value as { name: string }[]).filter((person) => person.name === name).length;
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
    // The token travels only in the cookie: a header carrying it opens nothing.
    expect((await call('app.info', undefined, { 'x-board-pack-token': bridge.token })).status).toBe(401);
    expect((await fetch(`${bridge.origin}/?token=guessed`)).status).toBe(401);
  });

  it('trades the token in the link for a cookie only this origin sends back', async () => {
    const first = await fetch(bridge.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(first.headers.get('set-cookie')).toMatch(`board_pack_token_${new URL(bridge.origin).port}=`);
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
    expect(shim.body).not.toContain(bridge.token);
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
    expect((await bridge.services.store.updates.working('2007-10')).get('1.E.1')?.status).toBe('green');
  });
});

describe('what the bridge refuses, even with the cookie', () => {
  const intruder = { name: 'Mallory Intruder', role: 'secretariat' };

  it('refuses a call from a page of another origin, naming it or not', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null', `${bridge.origin}.evil`]) {
      const response = await call('people.save', intruder, { cookie, origin });
      expect(response.status, origin).toBe(403);
    }
    const unnamed = await fetch(`${bridge.origin}/__bridge/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ method: 'people.save', input: intruder }),
    });
    expect(unnamed.status).toBe(403);
    expect(await peopleNamed(intruder.name)).toBe(0);
  });

  it('refuses a request the browser says came from another site or origin', async () => {
    for (const site of ['same-site', 'cross-site']) {
      const response = await call('people.save', intruder, { cookie, 'sec-fetch-site': site });
      expect(response.status, site).toBe(403);
      expect((await get('/', { cookie, 'sec-fetch-site': site })).status, site).toBe(403);
    }
    expect(await peopleNamed(intruder.name)).toBe(0);
    expect((await get('/', { cookie, 'sec-fetch-site': 'none' })).status).toBe(200);
  });

  it('refuses Origin null with text/plain, and any call that is not JSON', async () => {
    const body = JSON.stringify({ method: 'people.save', input: intruder });
    const post = (headers: Record<string, string>) =>
      fetch(`${bridge.origin}/__bridge/call`, { method: 'POST', headers: { cookie, ...headers }, body });
    expect((await post({ origin: 'null', 'content-type': 'text/plain' })).status).toBe(403);
    for (const type of [
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
    ]) {
      expect((await post({ origin: bridge.origin, 'content-type': type })).status, type).toBe(415);
    }
    expect(await peopleNamed(intruder.name)).toBe(0);
    expect(
      (await post({ origin: bridge.origin, 'content-type': 'application/json; charset=utf-8' })).status,
    ).toBe(200);
    expect(await peopleNamed(intruder.name)).toBe(1);
  });

  it('compares the Host exactly: a trailing space, a second Host or another port is a wrong host', async () => {
    const { port } = new URL(bridge.origin);
    const line = `GET / HTTP/1.1\r\nCookie: ${cookie}`;
    expect(await rawRequest(`${line}\r\nHost: 127.0.0.1:${port}`)).toBe('HTTP/1.1 200 OK');
    for (const host of [
      `Host: 127.0.0.1:${port} `,
      `Host: 127.0.0.1:${port}\t`,
      `Host: 127.0.0.1:${port}\r\nHost: evil.example`,
      'Host: 127.0.0.1:1',
      `Host: localhost:${port}`,
    ]) {
      expect(await rawRequest(`${line}\r\n${host}`), JSON.stringify(host)).toBe('HTTP/1.1 403 Forbidden');
    }
  });

  it('answers a path that climbs out of the screens with 404, never the index page', async () => {
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '/%252e%252e/etc/passwd',
      '/./index.html',
      '/updates/3',
      '/etc/passwd',
    ]) {
      const response = await get(path, { cookie });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('<html');
    }
    expect((await get('/index.html', { cookie })).status).toBe(200);
    expect((await get('/assets/app.js', { cookie })).status).toBe(200);
  });

  it('keeps every response to its own origin, and the shim to its own page', async () => {
    for (const path of ['/', '/assets/app.js', '/__bridge/shim.js', '/missing.js']) {
      const response = await get(path, { cookie });
      expect(response.headers['cross-origin-resource-policy'], path).toBe('same-origin');
    }
    const included = await get('/__bridge/shim.js', {
      cookie,
      'sec-fetch-site': 'same-site',
      'sec-fetch-dest': 'script',
    });
    expect(included.status).toBe(403);
    const asPage = await get('/__bridge/shim.js', {
      cookie,
      'sec-fetch-site': 'none',
      'sec-fetch-dest': 'document',
    });
    expect(asPage.status).toBe(403);
    const own = await get('/__bridge/shim.js', {
      cookie,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-dest': 'script',
    });
    expect(own.status).toBe(200);
  });

  it('takes the token from the link only when a browser opens it', async () => {
    const posted = await fetch(`${bridge.url}`, { method: 'POST', redirect: 'manual' });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('set-cookie')).toBeNull();
  });
});
