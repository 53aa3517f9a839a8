// The desktop shell's wiring under plain Node with a stubbed 'electron': the secure window, the
// app:// protocol with its CSP, one IPC channel that checks every call before a handler runs,
// navigation, new windows and permissions refused, the menu, and errors written to a log file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, MENU_CHANNEL, METHOD_NAMES, type CallResult } from '../../shared/contract';
import { handlers } from '../../electron/handlers/index';
import { openStore } from '../../electron/store/store';
import { electronStub, FakeBrowserWindow, FakeWebContents, navigationEvent } from '../fixtures/electronStub';
import { closedPort } from '../fixtures/secretKeeper';

vi.mock('electron', async () => {
  const { electronStub: stub } = await import('../fixtures/electronStub');
  return { ...stub, default: stub };
});

const { startApp } = await import('../../electron/main/app');
const { safeStorageKeeper } = await import('../../electron/main/safeStorageKeeper');

const APP_PAGE = 'app://board-pack/index.html';
const dir = mkdtempSync(join(tmpdir(), 'board-pack-shell-'));
const dbPath = join(dir, 'board.db');
let window: FakeBrowserWindow;
let rejectionListener: NodeJS.UnhandledRejectionListener | undefined;
const savedDb = process.env.BOARD_PACK_DB;

async function eventually<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out waiting for the shell');
}

function ipcCall(
  method: unknown,
  input: unknown,
  senderUrl: string = APP_PAGE,
): Promise<CallResult<unknown>> {
  const handler = electronStub.ipcMain.handlers.get(CALL_CHANNEL);
  if (!handler) throw new Error('no IPC handler registered');
  return handler({ senderFrame: { url: senderUrl } } as never, method as never, input as never) as Promise<
    CallResult<unknown>
  >;
}

function clickFileMenu(label: string): void {
  const template = electronStub.Menu.current?.template as {
    label?: string;
    submenu?: { label?: string; click?: () => void }[];
  }[];
  template
    .find((item) => item.label === '&File')
    ?.submenu?.find((item) => item.label === label)
    ?.click?.();
}

function fileMenuLabels(): string[] {
  const template = electronStub.Menu.current?.template as {
    label?: string;
    submenu?: { label?: string }[];
  }[];
  const file = template.find((item) => item.label === '&File');
  return (file?.submenu ?? [])
    .map((item) => item.label)
    .filter((label): label is string => label !== undefined);
}

beforeAll(async () => {
  process.env.BOARD_PACK_DB = dbPath;
  electronStub.app.paths.appData = dir;
  const before = new Set(process.listeners('unhandledRejection'));
  startApp();
  rejectionListener = process.listeners('unhandledRejection').find((l) => !before.has(l));
  electronStub.app.becomeReady();
  window = await eventually(() => FakeBrowserWindow.instances[0]);
});

afterAll(() => {
  if (savedDb === undefined) delete process.env.BOARD_PACK_DB;
  else process.env.BOARD_PACK_DB = savedDb;
  if (rejectionListener) process.removeListener('unhandledRejection', rejectionListener);
  electronStub.app.emit('will-quit');
});

describe('the desktop shell', () => {
  it('creates one window with context isolation, the sandbox, no Node and web security on', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
  });

  it('loads the screens from the app:// protocol, never a file or remote URL', () => {
    expect(window.loadURL).toHaveBeenCalledWith(APP_PAGE);
    expect(electronStub.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electronStub.protocol.handlers.has('app')).toBe(true);
  });

  it('sets the Content-Security-Policy header on what the app:// protocol serves', async () => {
    const handler = electronStub.protocol.handlers.get('app');
    const response = await handler!(new Request(APP_PAGE));
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|https?:/);
  });

  it('takes the single-instance lock and brings the window forward when started again', () => {
    electronStub.app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
  });

  it('opens the database given for this machine, seeded with the built-in plan', async () => {
    const result = await ipcCall('app.info', undefined);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toMatchObject({
      databasePath: dbPath,
      door: 'electron',
      version: '1.2.3',
    });
    const plan = await ipcCall('plan.get', undefined);
    expect(plan.ok && (plan.value as { strands: unknown[] }).strands).toHaveLength(8);
  });

  it('routes every contract method through the one channel, rejecting invalid input before its handler runs', async () => {
    const spies = METHOD_NAMES.map((method) => vi.spyOn(handlers, method));
    for (const method of METHOD_NAMES) {
      const result = await ipcCall(method, 42);
      expect(result.ok, method).toBe(false);
      expect(!result.ok && result.error.code, method).toBe('invalid_input');
      expect(!result.ok && result.error.message, method).not.toMatch(/There is no method/);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    spies.forEach((spy) => spy.mockRestore());
  });

  it('refuses calls from anything but the app’s own page', async () => {
    const spy = vi.spyOn(handlers, 'audit.list');
    const result = await ipcCall('audit.list', {}, 'https://attacker.example/');
    expect(result.ok).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents();
    electronStub.app.emit('web-contents-created', {}, contents);
    const away = navigationEvent();
    contents.emit('will-navigate', away, 'https://example.org/');
    expect(away.defaultPrevented).toBe(true);
    const file = navigationEvent();
    contents.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.defaultPrevented).toBe(true);
    const within = navigationEvent();
    contents.emit('will-navigate', within, 'app://board-pack/index.html#/plan');
    expect(within.defaultPrevented).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { permissionRequest, permissionCheck } = electronStub.session.defaultSession;
    const answer = vi.fn();
    (permissionRequest as (...args: unknown[]) => void)({}, 'media', answer, {});
    (permissionRequest as (...args: unknown[]) => void)({}, 'notifications', answer, {});
    expect(answer.mock.calls).toEqual([[false], [false]]);
    expect((permissionCheck as (...args: unknown[]) => boolean)(null, 'clipboard-read', APP_PAGE, {})).toBe(
      false,
    );
  });

  it('has a File menu with the database commands and Build pack…, which opens the pack screen', () => {
    expect(fileMenuLabels()).toEqual([
      'Open database…',
      'New database…',
      'Connect to a shared database…',
      'Backup…',
      'Restore…',
      'Build pack…',
    ]);
    const template = electronStub.Menu.current?.template as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    template
      .find((item) => item.label === '&File')
      ?.submenu?.find((item) => item.label === 'Build pack…')
      ?.click?.();
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'build-pack');
  });

  it('opens another database from File → Open database…, remembers it and tells the screens to reload', async () => {
    const other = join(dir, 'other.db');
    await (await openStore(other)).close();
    electronStub.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    clickFileMenu('Open database…');
    await eventually(() =>
      window.webContents.send.mock.calls.some((c) => c[1] === 'database-changed') ? true : undefined,
    );
    const info = await ipcCall('app.info', undefined);
    expect(info.ok && info.value).toMatchObject({ databasePath: other });
    expect(JSON.parse(readFileSync(join(dir, 'Board Pack', 'database.json'), 'utf8'))).toEqual({
      databasePath: other,
    });
  });

  it('says why it will not open a file that is not a Board Pack database, and keeps the open one', async () => {
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'meeting notes');
    electronStub.dialog.showMessageBox.mockClear();
    electronStub.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [notes] });
    clickFileMenu('Open database…');
    const shown = await eventually(
      () =>
        electronStub.dialog.showMessageBox.mock.calls[0] as unknown as
          [unknown, { message: string }] | undefined,
    );
    expect(shown[1].message).toMatch(/not a Board Pack database/);
    const info = await ipcCall('app.info', undefined);
    expect(info.ok && info.value).toMatchObject({ databasePath: join(dir, 'other.db') });
    expect(readFileSync(notes, 'utf8')).toBe('meeting notes');
  });

  it('opens the connect dialog in the screens from File → Connect to a shared database…', () => {
    clickFileMenu('Connect to a shared database…');
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'connect-shared');
  });

  it('keeps a password with safeStorage, never where Linux has no keyring to keep it', () => {
    const stub = electronStub.safeStorage;
    const keeper = safeStorageKeeper('linux');
    expect(keeper.available()).toBe(true);
    const sealed = keeper.seal('s3cret');
    expect(sealed.includes('s3cret')).toBe(false);
    expect(keeper.open(sealed)).toBe('s3cret');
    stub.backend = 'basic_text';
    try {
      expect(keeper.available()).toBe(false);
      expect(safeStorageKeeper('win32').available()).toBe(true);
    } finally {
      stub.backend = 'gnome_libsecret';
    }
  });

  it('remembers the window’s size and position in the user-data folder', () => {
    window.emit('close');
    const saved = JSON.parse(readFileSync(join(dir, 'Board Pack', 'window.json'), 'utf8'));
    expect(saved).toEqual({ x: 40, y: 30, width: 1280, height: 800, maximized: false });
  });

  it('writes unhandled errors to a log file in the user-data folder', () => {
    rejectionListener?.(new Error('a promise nobody awaited'), Promise.resolve());
    const log = readFileSync(join(dir, 'Board Pack', 'logs', 'board-pack.log'), 'utf8');
    expect(log).toContain('unhandled rejection in main');
    expect(log).toContain('a promise nobody awaited');
  });
});

describe('the desktop shell when another copy is running', () => {
  it('quits without opening a window or the database', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'board-pack-shell-second-'));
    process.env.BOARD_PACK_DB = join(otherDir, 'second.db');
    electronStub.app.reset();
    electronStub.app.singleInstance = false;
    const windows = FakeBrowserWindow.instances.length;
    startApp();
    electronStub.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electronStub.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(windows);
    expect(existsSync(join(otherDir, 'second.db'))).toBe(false);
    electronStub.app.singleInstance = true;
  });
});

describe('the desktop shell given a file that is not a Board Pack database', () => {
  it('says so and leaves the file untouched when the person chooses to quit', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'board-pack-shell-refused-'));
    const notOurs = join(otherDir, 'minutes.db');
    writeFileSync(notOurs, 'These are the minutes, not a database.');
    process.env.BOARD_PACK_DB = notOurs;
    electronStub.app.reset();
    electronStub.dialog.showMessageBox.mockClear();
    electronStub.app.paths.appData = otherDir;
    startApp();
    electronStub.app.becomeReady();
    await eventually(() => (electronStub.app.quit.mock.calls.length > 0 ? true : undefined));
    const shown = electronStub.dialog.showMessageBox.mock.calls[0] as unknown as [{ detail: string }];
    expect(shown[0].detail).toMatch(/not a Board Pack database/);
    expect(readFileSync(notOurs, 'utf8')).toBe('These are the minutes, not a database.');
  });
});

describe('the desktop shell remembering a shared database that cannot be reached', () => {
  it('says so in one sentence, tries again when asked, and opens a file only when the person chooses one', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'board-pack-shell-server-'));
    const userData = join(otherDir, 'Board Pack');
    mkdirSync(userData);
    const port = await closedPort();
    const remembered = JSON.stringify({
      server: { address: `postgres://secretariat@127.0.0.1:${port}/board_pack?sslmode=disable` },
    });
    writeFileSync(join(userData, 'database.json'), remembered);
    const chosen = join(otherDir, 'for-now.db');
    await (await openStore(chosen)).close();
    process.env.BOARD_PACK_DB = join(otherDir, 'never-made.db');
    electronStub.app.reset();
    electronStub.app.paths.appData = otherDir;
    electronStub.dialog.showMessageBox.mockClear();
    electronStub.dialog.showMessageBox
      .mockResolvedValueOnce({ response: 0 })
      .mockResolvedValueOnce({ response: 1 });
    electronStub.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
    const windows = FakeBrowserWindow.instances.length;
    startApp();
    electronStub.app.becomeReady();
    await eventually(() => (FakeBrowserWindow.instances.length > windows ? true : undefined));

    const asked = electronStub.dialog.showMessageBox.mock.calls as unknown as [
      { message: string; buttons: string[] },
    ][];
    expect(asked).toHaveLength(2);
    expect(asked[0][0].message).toBe(
      `The shared database at 127.0.0.1:${port}/board_pack cannot be reached: the server or the network is down, or the server's name or port is wrong.`,
    );
    expect(asked[0][0].buttons).toEqual(['Try again', 'Open a database file instead…', 'Quit']);
    const info = await ipcCall('app.info', undefined);
    expect(info.ok && info.value).toMatchObject({ databasePath: chosen });
    // The file is for this run: the next start tries the shared database again.
    expect(readFileSync(join(userData, 'database.json'), 'utf8')).toBe(remembered);
    expect(existsSync(join(otherDir, 'never-made.db'))).toBe(false);
  });
});
