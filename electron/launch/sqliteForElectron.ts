// better-sqlite3 is a native module: the tests use the build in node_modules (made for Node's
// ABI); Electron needs one made for its own ABI. npm start prepares that second build in its own
// folder, .cache/electron-sqlite/<electron>-<platform>-<arch>/, and main loads it as
// better-sqlite3's nativeBinding, so both work from one checkout in either order.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { PROJECT_ROOT } from './build';
import { LaunchError } from './launchError';

/** Where Electron publishes the headers node-gyp compiles against (override for a mirror). */
const ELECTRON_HEADERS_URL = process.env.BOARD_PACK_ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';

export interface SqliteTarget {
  electronVersion: string;
  platform?: NodeJS.Platform;
  arch?: string;
}

export type Runner = (command: string, args: string[], cwd: string) => void;

const requireHere = createRequire(import.meta.url);

function run(command: string, args: string[], cwd: string): void {
  spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
}

export function sqliteBuildFolder(target: SqliteTarget, root: string = PROJECT_ROOT): string {
  const platform = target.platform ?? process.platform;
  const arch = target.arch ?? process.arch;
  return join(root, '.cache', 'electron-sqlite', `${target.electronVersion}-${platform}-${arch}`);
}

export function sqliteBindingPath(target: SqliteTarget, root: string = PROJECT_ROOT): string {
  return join(sqliteBuildFolder(target, root), 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** Copies better-sqlite3's sources, without the Node build in build/, into the Electron folder. */
function copySources(packageDir: string, sourceDir: string): void {
  mkdirSync(packageDir, { recursive: true });
  cpSync(sourceDir, packageDir, {
    recursive: true,
    filter: (source) => {
      const inner = source.slice(sourceDir.length);
      return !inner.startsWith(`${sep}build`) && !inner.startsWith(`${sep}node_modules`);
    },
  });
}

export function ensureSqliteForElectron(
  target: SqliteTarget,
  runner: Runner = run,
  root: string = PROJECT_ROOT,
): string {
  const binding = sqliteBindingPath(target, root);
  if (existsSync(binding)) return binding;
  const platform = target.platform ?? process.platform;
  const arch = target.arch ?? process.arch;
  const packageDir = dirname(dirname(dirname(binding)));
  const sourceDir = dirname(requireHere.resolve('better-sqlite3/package.json'));
  console.log(
    `First start: preparing the database engine (better-sqlite3) for Electron ${target.electronVersion}.`,
  );
  copySources(packageDir, sourceDir);

  // A prebuilt binary for Electron's ABI, published by better-sqlite3 for each release.
  runner(
    process.execPath,
    [
      requireHere.resolve('prebuild-install/bin.js'),
      '--runtime=electron',
      `--target=${target.electronVersion}`,
      `--arch=${arch}`,
      `--platform=${platform}`,
    ],
    packageDir,
  );
  if (existsSync(binding)) return binding;

  // No prebuilt binary: compile it against Electron's headers (needs Python 3 and a C++ toolchain).
  runner(
    process.execPath,
    [
      requireHere.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${target.electronVersion}`,
      `--arch=${arch}`,
      `--dist-url=${ELECTRON_HEADERS_URL}`,
      `--devdir=${join(root, '.cache', 'electron-gyp')}`,
    ],
    packageDir,
  );
  if (existsSync(binding)) return binding;
  throw new LaunchError(
    [
      `Board Pack could not prepare its database engine (better-sqlite3) for Electron ${target.electronVersion}.`,
      'No prebuilt copy could be downloaded, and building one needs Python 3 and a C++ compiler',
      '(on Windows, the Visual Studio Build Tools; on macOS, the Xcode command line tools).',
      'Check the network connection or install those tools, then run npm start again.',
      'Meanwhile, npm run preview opens Board Pack in a web browser without Electron.',
    ].join('\n'),
  );
}
