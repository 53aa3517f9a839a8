// The gate in front of the pack's speed-ups that reach into pdfkit's private members. Each patch is
// written for exact versions of pdfmake, pdfkit and fontkit (package.json pins them); on any other
// version, with BOARD_PACK_PDFMAKE_ONLY=1, or on any error while installing or running it, the
// patch is not installed (or is taken out again), one line is logged, and the pack is built through
// the libraries' public API alone, to the same bytes. A pack build never fails because a speed-up did.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFKitDocument from 'pdfkit';

export type Engine = 'pdfmake' | 'pdfkit' | 'fontkit';
export type EngineVersions = Record<Engine, string | null>;

/** The versions the patches were written and tested against: the exact versions package.json pins. */
export const WRITTEN_FOR = { pdfmake: '0.3.11', pdfkit: '0.19.1', fontkit: '2.0.4' } as const;

export interface EnginePatch {
  /** The patch's name, as the log and the benchmark give it. */
  name: string;
  /** The engines whose private members it touches; each must be at its WRITTEN_FOR version. */
  touches: Engine[];
  /** Installs the patch and returns how to take it out; throws if the internals are not as expected. */
  install(): () => void;
}

/** Builds with pdfmake's and pdfkit's public API alone: no patch is installed. */
export function publicApiOnly(): boolean {
  return process.env.BOARD_PACK_PDFMAKE_ONLY === '1';
}

type PatchLog = (line: string) => void;
let log: PatchLog = (line) => console.warn(`[board-pack] ${line}`);

/** Where a patch's one line goes when it switches itself off (the desktop app's log file). */
export function setEnginePatchLog(write: PatchLog): void {
  log = write;
}

/** One line to the same log: the pack's own ways round a library's limits say when they step aside. */
export function packLog(line: string): void {
  log(line);
}

const requireHere = createRequire(import.meta.url);

/** The package.json of the package whose entry file this is: the nearest one named `name` above it. */
function manifestOf(entry: string, name: string): { version: string; path: string } {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const path = join(dir, 'package.json');
      const manifest: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (typeof manifest !== 'object' || manifest === null) continue;
      if ('name' in manifest && manifest.name === name && 'version' in manifest)
        return { version: String(manifest.version), path };
    } catch {
      // No package.json at this level: look further up.
    }
  }
  throw new Error(`No package.json for ${name} above ${entry}.`);
}

interface Resolved {
  pdfmakeEntry: string;
  pdfkitEntry: string;
  versions: EngineVersions;
}
let resolved: Resolved | null = null;

/** pdfmake as this file imports it, pdfkit as pdfmake imports it, fontkit as pdfkit imports it. */
function resolveEngines(): Resolved {
  if (resolved) return resolved;
  const pdfmakeEntry = requireHere.resolve('pdfmake');
  const pdfkitEntry = createRequire(pdfmakeEntry).resolve('pdfkit');
  const fontkitEntry = createRequire(pdfkitEntry).resolve('fontkit');
  resolved = {
    pdfmakeEntry,
    pdfkitEntry,
    versions: {
      pdfmake: manifestOf(pdfmakeEntry, 'pdfmake').version,
      pdfkit: manifestOf(pdfkitEntry, 'pdfkit').version,
      fontkit: manifestOf(fontkitEntry, 'fontkit').version,
    },
  };
  return resolved;
}

/** The installed versions, as the pack loads them. */
export function engineVersions(): EngineVersions {
  return resolveEngines().versions;
}

/** pdfmake's own copy of pdfkit, so that what is patched and measured is what pdfmake draws with. */
export function pdfkitOfPdfmake(): typeof PDFKitDocument {
  const loaded: { default?: typeof PDFKitDocument } | typeof PDFKitDocument = createRequire(
    resolveEngines().pdfmakeEntry,
  )('pdfkit');
  return 'default' in loaded && loaded.default ? loaded.default : (loaded as typeof PDFKitDocument);
}

const active = new Map<string, () => void>();
const off = new Map<string, string>();

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function switchOff(name: string, reason: string): void {
  off.set(name, reason);
  log(`pack fast path ${name} is off (${reason}); packs are built through the libraries' public API`);
}

/** Why a patch touching these engines must not be installed with these versions, or null. */
function versionMismatch(patch: EnginePatch, found: EngineVersions): string | null {
  for (const engine of patch.touches) {
    if (found[engine] !== WRITTEN_FOR[engine])
      return `written for ${engine} ${WRITTEN_FOR[engine]}, found ${found[engine] ?? 'none'}`;
  }
  return null;
}

/**
 * Installs a patch if the engines are the versions it was written for and its install succeeds;
 * otherwise logs one line and leaves the libraries as they ship. `found` is for tests.
 */
export function installPatch(patch: EnginePatch, found?: EngineVersions): boolean {
  if (active.has(patch.name)) return true;
  if (off.has(patch.name) || publicApiOnly()) return false;
  let mismatch: string | null;
  try {
    mismatch = versionMismatch(patch, found ?? engineVersions());
  } catch (error) {
    mismatch = `its engines' versions could not be read: ${describe(error)}`;
  }
  if (mismatch) {
    switchOff(patch.name, mismatch);
    return false;
  }
  try {
    active.set(patch.name, patch.install());
    return true;
  } catch (error) {
    switchOff(patch.name, `installing it failed: ${describe(error)}`);
    return false;
  }
}

/**
 * A running patch threw: it is taken out, so this call (which falls back to the library's own
 * method) and every later one go through the public path.
 */
export function patchFailed(name: string, error: unknown): void {
  const remove = active.get(name);
  if (!remove) return;
  active.delete(name);
  remove();
  switchOff(name, `it failed while building a pack: ${describe(error)}`);
}

/** The patches installed and running now, by name. */
export function activePatches(): string[] {
  return [...active.keys()].sort();
}

/** Why each patch that switched itself off did so. */
export function patchesOff(): Record<string, string> {
  return Object.fromEntries(off);
}
