// Finds the Chromium that the browser tests, screenshots and benchmarks drive: CHROMIUM_PATH if
// set, else the build shipped inside the @sparticuz/chromium package (a devDependency), so every
// machine runs the same browser and nothing comes from apt.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { x as untar } from 'tar';

export interface ChromiumBinary {
  executablePath: string;
  /** The environment to start it with (the npm build's libraries and fonts), or the caller's. */
  env: Record<string, string>;
  /** Where it came from, for a benchmark's or a script's report. */
  source: string;
}

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const FONTS = join(PROJECT, 'resources', 'fonts');

/** The package's own folder (its bin/ holds the compressed browser, fonts and libraries). */
function packageDir(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
    return join(dirname(entry), '..', '..');
  } catch {
    throw new Error(
      'The browser tests need @sparticuz/chromium, a devDependency: run npm install (or set CHROMIUM_PATH).',
    );
  }
}

function callerEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/**
 * Unpacks the package's browser into a fresh folder and renames that folder into place, so a
 * second process starting at the same moment either finds the finished folder or loses the rename
 * and uses the winner's: nobody ever starts a half-written binary.
 */
function unpack(pkg: string, target: string): void {
  const staging = mkdtempSync(`${target}.unpacking-`);
  try {
    // The package unpacks into the OS temp folder; a child process whose TMPDIR is the staging
    // folder keeps that away from /tmp/chromium, which other projects' copies share.
    const script =
      "const { default: c } = await import('@sparticuz/chromium'); process.stdout.write(await c.executablePath());";
    const made = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: PROJECT,
      env: { ...callerEnv(), TMPDIR: staging },
      encoding: 'utf8',
    });
    if (made !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${made}`);
    // The NSS and expat libraries it links against, which a machine with only Node lacks.
    untar({ file: join(pkg, 'bin', 'al2023.tar.br'), cwd: staging, brotli: true, sync: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // mkdtemp makes the folder private; the unpacked browser is the same for every user.
  chmodSync(staging, 0o755);
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another process finished first: its folder is complete, so use it and drop ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'chromium'))) throw error;
  }
}

/**
 * A fontconfig file naming only the app's own fonts (resources/fonts), so pages render in the
 * same Noto fonts on every machine, one with no fonts installed included.
 */
function fontsConfig(root: string): string {
  const file = join(root, `fonts-${createHash('sha256').update(FONTS).digest('hex').slice(0, 12)}.conf`);
  if (existsSync(file)) return file;
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${FONTS}</dir>`,
    `  <cachedir>${join(root, 'fontconfig-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, xml);
  renameSync(partial, file);
  return file;
}

/**
 * The browser to launch. The npm build is unpacked once per version into the temp folder
 * (about 200 MB, a few seconds); later calls, in any process, reuse it.
 */
export function findChromium(): ChromiumBinary {
  const own = process.env.CHROMIUM_PATH;
  if (own && !existsSync(own))
    throw new Error(`CHROMIUM_PATH is ${own}, which does not exist: unset it to use the npm Chromium.`);
  if (own) return { executablePath: own, env: callerEnv(), source: `CHROMIUM_PATH (${own})` };
  const pkg = packageDir();
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const root = join(tmpdir(), 'board-pack-chromium');
  const target = join(root, version);
  mkdirSync(root, { recursive: true });
  if (!existsSync(join(target, 'chromium'))) unpack(pkg, target);
  const env = callerEnv();
  const lib = join(target, 'lib');
  return {
    executablePath: join(target, 'chromium'),
    env: {
      ...env,
      LD_LIBRARY_PATH: env.LD_LIBRARY_PATH ? `${lib}:${env.LD_LIBRARY_PATH}` : lib,
      FONTCONFIG_FILE: fontsConfig(root),
    },
    source: `@sparticuz/chromium ${version}`,
  };
}
