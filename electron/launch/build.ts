// Builds the desktop app into out/: the screens with Vite (out/renderer), the main process as an
// ES module (out/main/index.js, with the migrations beside it) and the sandboxed preload as
// CommonJS (out/preload/index.cjs), as sandboxed preloads cannot be ES modules.
import react from '@vitejs/plugin-react';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type InlineConfig, type Rollup } from 'vite';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT_DIR = join(PROJECT_ROOT, 'out');
export const RENDERER_OUT_DIR = join(OUT_DIR, 'renderer');

/** zod's sources carry comments Rollup cannot place; harmless, and noise in every build. */
function onwarn(warning: Rollup.RollupLog, warn: (warning: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
  warn(warning);
}

export function rendererConfig(outDir: string = RENDERER_OUT_DIR): InlineConfig {
  return {
    configFile: false,
    root: join(PROJECT_ROOT, 'renderer'),
    // Absolute paths: app://board-pack/ and the bridge both serve the screens from the root, and
    // a reload on a deep route still finds /assets/….
    base: '/',
    plugins: [react()],
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      // The polyfill would be an extra script; Electron's Chromium supports modulepreload.
      modulePreload: { polyfill: false },
      sourcemap: false,
      rollupOptions: { onwarn },
    },
  };
}

/** A Node program bundled as the main process is: dependencies stay in node_modules. */
export function nodeBundle(
  entry: string,
  outDir: string,
  format: 'es' | 'cjs',
  fileName: string,
  watch: boolean,
): InlineConfig {
  return {
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      sourcemap: true,
      watch: watch ? {} : null,
      // Chunks (modules loaded only when needed, such as the papers pass) sit beside the entry, so
      // paths relative to a module (resources, migrations) are the same from every file.
      rollupOptions: {
        onwarn,
        output: { format, entryFileNames: fileName, chunkFileNames: '[name]-[hash].js' },
      },
    },
    // The preload runs sandboxed: it may only require('electron'), so everything else is bundled in.
    ssr: format === 'cjs' ? { noExternal: true, external: ['electron'] } : {},
  };
}

export function mainConfig(watch = false): InlineConfig {
  return nodeBundle(
    join(PROJECT_ROOT, 'electron/main/index.ts'),
    join(OUT_DIR, 'main'),
    'es',
    'index.js',
    watch,
  );
}

export function preloadConfig(watch = false): InlineConfig {
  return nodeBundle(
    join(PROJECT_ROOT, 'electron/preload/index.ts'),
    join(OUT_DIR, 'preload'),
    'cjs',
    'index.cjs',
    watch,
  );
}

/** migrate.ts reads ./migrations/ beside its module, which after bundling is out/main/. */
export function copyMigrations(bundleDir: string = join(OUT_DIR, 'main')): void {
  const target = join(bundleDir, 'migrations');
  mkdirSync(target, { recursive: true });
  cpSync(join(PROJECT_ROOT, 'electron/store/migrations'), target, { recursive: true });
}

export async function buildRenderer(outDir: string = RENDERER_OUT_DIR): Promise<void> {
  await build(rendererConfig(outDir));
}

export async function buildDesktop(): Promise<void> {
  await buildRenderer();
  await build(mainConfig());
  copyMigrations();
  await build(preloadConfig());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  buildDesktop()
    .then(() =>
      console.log(`Built the app into ${OUT_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s.`),
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
