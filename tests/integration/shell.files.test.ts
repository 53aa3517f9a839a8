// What the app:// protocol (and the bridge) will serve from the built screens, and the window
// bounds file: a path never escapes the build folder, a damaged bounds file means default size.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveRendererFile } from '../../electron/shell/rendererFiles';
import { DEFAULT_BOUNDS, loadWindowBounds, saveWindowBounds } from '../../electron/shell/windowBounds';

vi.mock('electron', async () => {
  const { electronStub: stub } = await import('../fixtures/electronStub');
  return { ...stub, default: stub };
});

const { appResponse } = await import('../../electron/main/protocol');

function builtScreens(): string {
  const root = mkdtempSync(join(tmpdir(), 'board-pack-screens-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Board Pack</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
  return join(root, 'renderer');
}

describe('the app:// protocol', () => {
  it('serves the built screens with their content type and the security headers', async () => {
    const response = appResponse(builtScreens(), 'app://board-pack/assets/index.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers a screen route with index.html so a reload keeps working', async () => {
    const response = appResponse(builtScreens(), 'app://board-pack/updates/2');
    expect(await response.text()).toContain('<title>Board Pack</title>');
  });

  it('never serves a file outside the build, nor for another host', () => {
    const root = builtScreens();
    expect(appResponse(root, 'app://board-pack/../secret.txt').status).toBe(404);
    expect(appResponse(root, 'app://board-pack/%2e%2e/secret.txt').status).toBe(404);
    expect(resolveRendererFile(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveRendererFile(root, '/%2e%2e%2fsecret.txt')).toBeNull();
    expect(appResponse(root, 'app://elsewhere/index.html').status).toBe(404);
    expect(appResponse(root, 'app://board-pack/missing.js').status).toBe(404);
  });
});

describe('the window bounds file', () => {
  it('gives the saved size and position back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'board-pack-bounds-')), 'window.json');
    saveWindowBounds(file, { x: 5, y: 6, width: 1400, height: 900, maximized: true });
    expect(loadWindowBounds(file)).toEqual({ x: 5, y: 6, width: 1400, height: 900, maximized: true });
  });

  it('falls back to the default size when the file is missing or damaged', () => {
    const folder = mkdtempSync(join(tmpdir(), 'board-pack-bounds-'));
    expect(loadWindowBounds(join(folder, 'none.json'))).toEqual(DEFAULT_BOUNDS);
    writeFileSync(join(folder, 'bad.json'), '{"width": 12');
    expect(loadWindowBounds(join(folder, 'bad.json'))).toEqual(DEFAULT_BOUNDS);
    writeFileSync(join(folder, 'tiny.json'), JSON.stringify({ width: 10, height: 10 }));
    expect(loadWindowBounds(join(folder, 'tiny.json'))).toEqual(DEFAULT_BOUNDS);
  });
});
