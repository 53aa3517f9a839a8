// Runs every tests/bench/*.bench.ts in its own child process, in name order, and prints their
// output. `npm run bench -- --filter store` runs only the benchmarks whose file name contains "store".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const tsxCli = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function filterArg(argv: string[]): string | null {
  const at = argv.findIndex((a) => a === '--filter' || a.startsWith('--filter='));
  if (at === -1) return null;
  return argv[at].includes('=') ? argv[at].split('=')[1] : (argv[at + 1] ?? null);
}

const filter = filterArg(process.argv.slice(2));
const benches = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter === null || f.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(
    filter ? `No benchmark file name contains "${filter}".` : 'There are no benchmarks in tests/bench.',
  );
  process.exit(1);
}

let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench} ==`);
  const result = spawnSync(process.execPath, [tsxCli, join(benchDir, bench)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.log(`${bench} failed (exit ${result.status ?? result.signal}).`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
