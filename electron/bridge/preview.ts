// npm run preview [database]: Board Pack in a web browser through the bridge, for machines where
// Electron cannot run. Only this computer can reach it, and only with the printed link.
import { spawn } from 'node:child_process';
import { defaultDatabasePath, ensureDatabaseFolder } from '../store/paths';
import { startBridge } from './server';

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Open the link above in a browser.'));
  child.unref();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dbPath = args.find((a) => !a.startsWith('--')) ?? defaultDatabasePath();
  ensureDatabaseFolder(dbPath);
  console.log('Building the screens (first run only)…');
  const bridge = await startBridge({ dbPath });
  console.log(
    `\nBoard Pack preview of ${dbPath}\n\n  ${bridge.url}\n\nOnly this computer can open it, and only with this link. Press Ctrl+C to stop.`,
  );
  if (!args.includes('--no-open')) openInBrowser(bridge.url);
  const stop = () => {
    void bridge.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
