// The built screens for the bridge, built on demand and kept by the hash of their sources in
// .cache/renderer/<hash>/, so tests and previews in parallel share one build and a change to any
// screen is never served stale.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildRenderer, PROJECT_ROOT } from '../launch/build';

const SOURCES = ['renderer', 'shared', 'electron/launch/build.ts', 'package-lock.json'];
const CACHE_DIR = join(PROJECT_ROOT, '.cache', 'renderer');
/** Builds kept besides the newest: a preview still running on an older build keeps working. */
const KEEP_BUILDS = 4;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

export function rendererSourceHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of filesUnder(join(PROJECT_ROOT, source))) {
      hash.update(relative(PROJECT_ROOT, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Removes all but the newest few finished builds, so the cache does not grow with every edit. */
function pruneOldBuilds(): void {
  const builds = readdirSync(CACHE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name))
    .map((entry) => ({
      path: join(CACHE_DIR, entry.name),
      at: statSync(join(CACHE_DIR, entry.name)).mtimeMs,
    }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP_BUILDS + 1)) rmSync(old.path, { recursive: true, force: true });
}

/** The folder holding a build of the current screens, building it first when there is none. */
export async function ensureRendererBuild(): Promise<string> {
  const target = join(CACHE_DIR, rendererSourceHash());
  if (existsSync(join(target, 'index.html'))) return target;
  mkdirSync(CACHE_DIR, { recursive: true });
  const staging = `${target}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await buildRenderer(staging);
    renameSync(staging, target);
    pruneOldBuilds();
  } catch (error) {
    // Another process finished the same build first: use theirs.
    if (existsSync(join(target, 'index.html'))) return target;
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}
