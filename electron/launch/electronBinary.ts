// The Electron runtime for npm start. npm does not run Electron's install script here (see
// "allowScripts" in package.json), so the first start runs it once to download the binary; later
// starts find it in node_modules/electron/dist.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LaunchError } from './launchError';

export function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

export function electronVersion(dir: string = electronPackageDir()): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The Electron executable when it has been downloaded, else null. */
export function installedElectronBinary(dir: string = electronPackageDir()): string | null {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

export type InstallRunner = (dir: string) => void;

function runElectronInstall(dir: string): void {
  spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: 'inherit', env: process.env });
}

export function ensureElectronBinary(
  dir: string = electronPackageDir(),
  runInstall: InstallRunner = runElectronInstall,
): string {
  const existing = installedElectronBinary(dir);
  if (existing) return existing;
  const version = electronVersion(dir);
  console.log(
    `First start: downloading Electron ${version} (the desktop runtime, about 100 MB). This happens once.`,
  );
  runInstall(dir);
  const installed = installedElectronBinary(dir);
  if (installed) return installed;
  throw new LaunchError(
    [
      `Board Pack could not download Electron ${version}, the desktop runtime it needs to start.`,
      'It is downloaded once, on the first start, and needs a network connection that can reach the Electron releases.',
      'Check the connection (set ELECTRON_MIRROR for a mirror; behind a proxy, set ELECTRON_GET_USE_PROXY=1 and GLOBAL_AGENT_HTTPS_PROXY) and run npm start again.',
      process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
        ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, which stops the download: unset it first.'
        : '',
      'Meanwhile, npm run preview opens Board Pack in a web browser without Electron.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
