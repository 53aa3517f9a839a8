// npm start: build the app, make sure Electron and a better-sqlite3 built for it are here (both
// fetched once, on the first start), then launch the desktop app.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { buildDesktop, PROJECT_ROOT } from './build';
import { electronVersion, ensureElectronBinary } from './electronBinary';
import { LaunchError } from './launchError';
import { ensureSqliteForElectron } from './sqliteForElectron';

/** The environment Electron is launched with: the Electron build of the binding, never node mode. */
export function electronEnvironment(binding: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BOARD_PACK_SQLITE_BINDING: binding, ...extra };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

export function prepareElectron(): { executable: string; binding: string } {
  const executable = ensureElectronBinary();
  const binding = ensureSqliteForElectron({ electronVersion: electronVersion() });
  return { executable, binding };
}

async function main(): Promise<void> {
  await buildDesktop();
  const { executable, binding } = prepareElectron();
  const child = spawn(executable, [PROJECT_ROOT], { stdio: 'inherit', env: electronEnvironment(binding) });
  child.on('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    if (error instanceof LaunchError) console.error(`\n${error.message}\n`);
    else console.error(error);
    process.exitCode = 1;
  });
}
