// Another web page against npm run preview, in Chromium: the preview's page has been opened once, so
// the browser holds its cookie, and a page served from another port of 127.0.0.1 (same site, other
// origin) tries to add a person, to copy the database into a folder it chose, and to read the
// token by including the shim as a script. Each attempt changes nothing and reads nothing, while
// the preview's own page keeps working.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/index';
import { openApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let elsewhere: Server;
let elsewhereOrigin: string;
let page: Page;
let chosenFolder: string;

const INTRUDER = { name: 'Mallory Intruder', role: 'secretariat' };

async function peopleNamed(name: string): Promise<number> {
  const people = await dispatch(app.bridge.services, 'people.list', undefined);
  if (!people.ok) throw new Error(people.error.message);
  return (people.value as { name: string }[]).filter((person) => person.name === name).length;
}

async function backupFolder(): Promise<string> {
  const settings = await dispatch(app.bridge.services, 'backups.settings', undefined);
  if (!settings.ok) throw new Error(settings.error.message);
  return (settings.value as { folder: string }).folder;
}

/** A page of another origin on this computer: 127.0.0.1 on a port of its own. */
async function startElsewhere(): Promise<void> {
  elsewhere = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><head><title>Elsewhere</title></head><body></body></html>');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  const address = elsewhere.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  elsewhereOrigin = `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  app = await openApp();
  await startElsewhere();
  chosenFolder = join(mkdtempSync(join(tmpdir(), 'board-pack-attack-')), 'loot');
  page = await app.context.newPage();
  await page.goto(`${elsewhereOrigin}/`);
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
  if (chosenFolder) rmSync(join(chosenFolder, '..'), { recursive: true, force: true });
});

describe('a page of another origin against the preview', () => {
  it('is on the same site as the preview, so the browser would send the preview’s cookie', async () => {
    const cookies = await app.context.cookies(app.bridge.origin);
    expect(cookies.some((cookie) => cookie.value === app.bridge.token)).toBe(true);
    expect(new URL(elsewhereOrigin).hostname).toBe(new URL(app.bridge.origin).hostname);
    expect(elsewhereOrigin).not.toBe(app.bridge.origin);
  });

  it('cannot add a person with a no-cors POST carrying the cookie', async () => {
    const call = `${app.bridge.origin}/__bridge/call`;
    const body = JSON.stringify({ method: 'people.save', input: INTRUDER });
    const outcomes = await page.evaluate(
      async ({ call, body }) => {
        // text/plain is what a no-cors request may send; application/json is dropped by the browser.
        const headers: Record<string, string>[] = [{}, { 'Content-Type': 'application/json' }];
        return Promise.all(
          headers.map((h) =>
            fetch(call, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: h, body })
              .then((response) => response.type)
              .catch((error: unknown) => String(error)),
          ),
        );
      },
      { call, body },
    );
    // Cross-Origin-Resource-Policy keeps even the opaque answer from the page.
    expect(outcomes).toEqual(['TypeError: Failed to fetch', 'TypeError: Failed to fetch']);
    expect(await peopleNamed(INTRUDER.name)).toBe(0);
  });

  it('cannot add a person with a text/plain form posted into a hidden frame', async () => {
    // The classic form: the field's name and value join into a JSON body ("name=value").
    const field = JSON.stringify({ method: 'people.save', input: INTRUDER, pad: '' }).slice(0, -2);
    await page.evaluate(
      async ({ action, field }) => {
        const frame = document.createElement('iframe');
        frame.name = 'sink';
        document.body.append(frame);
        const form = document.createElement('form');
        form.method = 'POST';
        form.enctype = 'text/plain';
        form.action = action;
        form.target = 'sink';
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = field;
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        form.submit();
        await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 3000))]);
      },
      { action: `${app.bridge.origin}/__bridge/call`, field },
    );
    expect(await peopleNamed(INTRUDER.name)).toBe(0);
  });

  it('cannot make the preview write a copy of the database into a folder it chose', async () => {
    const before = await backupFolder();
    const answers = await page.evaluate(
      async ({ call, folder }) => {
        const attempts: string[] = [];
        const post = async (method: string, input: unknown, init: RequestInit) => {
          try {
            const response = await fetch(call, {
              method: 'POST',
              credentials: 'include',
              body: JSON.stringify({ method, input }),
              ...init,
            });
            attempts.push(`${method} ${response.type} ${response.status}`);
          } catch (error) {
            attempts.push(`${method} ${String(error)}`);
          }
        };
        for (const init of [
          { mode: 'no-cors' as const },
          { mode: 'cors' as const, headers: { 'Content-Type': 'application/json' } },
          { mode: 'cors' as const, headers: { 'Content-Type': 'text/plain' } },
        ]) {
          await post('backups.configure', { folder }, init);
          await post('backups.toFolder', undefined, init);
        }
        return attempts;
      },
      { call: `${app.bridge.origin}/__bridge/call`, folder: chosenFolder },
    );
    // No answer is readable by the page: opaque, or refused before CORS would even matter.
    expect(answers.every((answer) => !/ 200$/.test(answer) || answer.includes('opaque'))).toBe(true);
    expect(existsSync(chosenFolder) ? readdirSync(chosenFolder) : []).toEqual([]);
    expect(await backupFolder()).toBe(before);
  });

  it('cannot read the token by including the shim as a script', async () => {
    const token = app.bridge.token;
    const loot = await page.evaluate(async (shim) => {
      const seen: string[] = [];
      // Whatever the shim would send, and wherever it would keep the token, this page looks.
      const realFetch = window.fetch.bind(window);
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        seen.push(JSON.stringify(init?.headers ?? {}));
        return realFetch(input, init);
      };
      const script = document.createElement('script');
      script.src = shim;
      const outcome = await new Promise<string>((resolve) => {
        script.addEventListener('load', () => resolve('loaded'));
        script.addEventListener('error', () => resolve('blocked'));
        document.head.append(script);
      });
      const bridge = (window as unknown as { boardPack?: { call(m: string): Promise<unknown> } }).boardPack;
      if (bridge) seen.push(JSON.stringify(await bridge.call('app.info')));
      seen.push(document.cookie);
      return { outcome, hasBridge: bridge !== undefined, seen: seen.join('\n') };
    }, `${app.bridge.origin}/__bridge/shim.js`);
    expect(loot.outcome).toBe('blocked');
    expect(loot.hasBridge).toBe(false);
    expect(loot.seen).not.toContain(token);
  });

  it('leaves the preview’s own page working, without the token readable from its script', async () => {
    const own = await app.page.evaluate(async () => {
      const info = await window.boardPack!.call('app.info');
      const saved = await window.boardPack!.call('people.save', {
        name: 'Priya Secretariat',
        role: 'secretariat',
      });
      return { info: info.ok, saved: saved.ok, cookie: document.cookie };
    });
    expect(own).toEqual({ info: true, saved: true, cookie: '' });
    expect(await peopleNamed('Priya Secretariat')).toBe(1);
    await app.goto('#/settings');
    await app.page.waitForSelector('main h1');
  });
});
