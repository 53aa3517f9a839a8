// npm run dev: the screens from Vite's dev server with hot reload, main and preload rebuilt on
// change (Electron restarted when main changes, the window reloaded when the preload does).
import { spawn, type ChildProcess } from 'node:child_process';
import { build, createServer, type Rollup } from 'vite';
import { copyMigrations, mainConfig, PROJECT_ROOT, preloadConfig, rendererConfig } from './build';
import { LaunchError } from './launchError';
import { electronEnvironment, prepareElectron } from './start';

function isWatcher(output: unknown): output is Rollup.RollupWatcher {
  return typeof output === 'object' && output !== null && 'on' in output && 'close' in output;
}

/** Resolves after the first build, then calls onRebuild after each later one. */
async function watch(config: ReturnType<typeof mainConfig>, onRebuild: () => void): Promise<void> {
  const watcher = await build(config);
  if (!isWatcher(watcher)) return;
  let first = true;
  await new Promise<void>((resolve) => {
    watcher.on('event', (event) => {
      if (event.code === 'ERROR') console.error(event.error);
      if (event.code !== 'END') return;
      if (first) {
        first = false;
        resolve();
      } else {
        onRebuild();
      }
    });
  });
}

async function main(): Promise<void> {
  const { executable, binding } = prepareElectron();
  const server = await createServer({
    ...rendererConfig(),
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const devUrl = server.resolvedUrls?.local[0];
  if (!devUrl) throw new LaunchError('The Vite dev server did not start.');

  let electron: ChildProcess | null = null;
  const launch = () => {
    electron = spawn(executable, [PROJECT_ROOT], {
      stdio: 'inherit',
      env: electronEnvironment(binding, { BOARD_PACK_DEV_URL: devUrl }),
    });
    electron.on('exit', (code, signal) => {
      // Closed by the person (not by a restart): stop the dev session too.
      if (signal !== 'SIGTERM') {
        void server.close();
        process.exit(code ?? 0);
      }
    });
  };
  const restart = () => {
    copyMigrations();
    if (electron) {
      electron.removeAllListeners('exit');
      electron.kill('SIGTERM');
    }
    launch();
  };

  await watch(preloadConfig(true), () => server.ws.send({ type: 'full-reload' }));
  await watch(mainConfig(true), restart);
  copyMigrations();
  launch();
  console.log(`Board Pack dev: screens from ${devUrl}; edit and save to reload.`);
}

main().catch((error: unknown) => {
  if (error instanceof LaunchError) console.error(`\n${error.message}\n`);
  else console.error(error);
  process.exitCode = 1;
});
