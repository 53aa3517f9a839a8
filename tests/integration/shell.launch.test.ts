// npm start's preparations, without downloading anything: it finds Electron once downloaded, says
// plainly when the download is impossible, and prepares better-sqlite3 for Electron in its own
// folder without touching the Node build the tests use.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureElectronBinary, installedElectronBinary } from '../../electron/launch/electronBinary';
import { LaunchError } from '../../electron/launch/launchError';
import { ensureSqliteForElectron, sqliteBindingPath } from '../../electron/launch/sqliteForElectron';
import { electronEnvironment } from '../../electron/launch/start';

function fakeElectronPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'board-pack-electron-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '40.10.2' }));
  return dir;
}

const nodeBuild = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

describe('the Electron runtime for npm start', () => {
  it('uses the binary once it has been downloaded', () => {
    const dir = fakeElectronPackage();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    let installs = 0;
    expect(ensureElectronBinary(dir, () => installs++)).toBe(join(dir, 'dist', 'electron'));
    expect(installs).toBe(0);
  });

  it('downloads it on the first start', () => {
    const dir = fakeElectronPackage();
    const binary = ensureElectronBinary(dir, (packageDir) => {
      mkdirSync(join(packageDir, 'dist'));
      writeFileSync(join(packageDir, 'dist', 'electron'), '');
      writeFileSync(join(packageDir, 'path.txt'), 'electron');
    });
    expect(binary).toBe(installedElectronBinary(dir));
  });

  it('says plainly what to do when the download is impossible', () => {
    const dir = fakeElectronPackage();
    let thrown: unknown;
    try {
      ensureElectronBinary(dir, () => undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LaunchError);
    expect((thrown as Error).message).toMatch(/could not download Electron 40\.10\.2/);
    expect((thrown as Error).message).toMatch(/npm run preview/);
  });

  it('launches Electron with the Electron build of the binding and never as plain Node', () => {
    process.env.ELECTRON_RUN_AS_NODE = '1';
    const env = electronEnvironment('/cache/better_sqlite3.node');
    delete process.env.ELECTRON_RUN_AS_NODE;
    expect(env.BOARD_PACK_SQLITE_BINDING).toBe('/cache/better_sqlite3.node');
    expect(env.ELECTRON_RUN_AS_NODE).toBeUndefined();
  });
});

describe('better-sqlite3 for Electron', () => {
  it('is prepared in its own folder from a prebuilt binary, leaving the Node build alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'board-pack-root-'));
    const nodeBuildBefore = statSync(nodeBuild).mtimeMs;
    const commands: string[][] = [];
    const binding = ensureSqliteForElectron(
      { electronVersion: '40.10.2', platform: 'linux', arch: 'x64' },
      (_command, args, cwd) => {
        commands.push(args);
        mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
        writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), 'electron build');
      },
      root,
    );
    expect(binding).toBe(
      sqliteBindingPath({ electronVersion: '40.10.2', platform: 'linux', arch: 'x64' }, root),
    );
    expect(binding.startsWith(join(root, '.cache', 'electron-sqlite', '40.10.2-linux-x64'))).toBe(true);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toEqual(expect.arrayContaining(['--runtime=electron', '--target=40.10.2']));
    expect(existsSync(join(dirname(dirname(dirname(binding))), 'binding.gyp'))).toBe(true);
    expect(statSync(nodeBuild).mtimeMs).toBe(nodeBuildBefore);
    expect(readFileSync(binding, 'utf8')).toBe('electron build');
  });

  it('compiles against Electron’s headers when no prebuilt binary is found, and explains when that fails too', () => {
    const root = mkdtempSync(join(tmpdir(), 'board-pack-root-'));
    const commands: string[][] = [];
    expect(() =>
      ensureSqliteForElectron(
        { electronVersion: '40.10.2', platform: 'linux', arch: 'x64' },
        (_c, args) => commands.push(args),
        root,
      ),
    ).toThrow(/could not prepare its database engine/);
    expect(commands).toHaveLength(2);
    expect(commands[1]).toEqual(expect.arrayContaining(['rebuild', '--target=40.10.2']));
    expect(commands[1].some((arg) => arg.startsWith('--dist-url='))).toBe(true);
  });
});
