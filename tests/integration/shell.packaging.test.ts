// The packaging configuration, checked with electron-builder's own schema (packaging itself needs
// downloads and cannot run here): the targets asked for, the native module unpacked, the icons
// and everything the main process reads at run time included.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { PROJECT_ROOT } from '../../electron/launch/build';

const CONFIG = join(PROJECT_ROOT, 'electron-builder.yml');

async function config() {
  return getConfig(PROJECT_ROOT, CONFIG, null);
}

function targets(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

describe('the packaging configuration', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validateConfiguration(await config(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds an NSIS installer and a portable exe, a dmg, an AppImage and a deb', async () => {
    const c = await config();
    expect(c.appId).toBe('uk.gov.boardpack.app');
    expect(c.productName).toBe('Board Pack');
    expect(targets(c.win?.target)).toEqual(['nsis', 'portable']);
    expect(targets(c.mac?.target)).toEqual(['dmg']);
    expect(targets(c.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(c.publish).toBeNull();
  });

  it('unpacks better-sqlite3 from the asar archive and turns off running as plain Node', async () => {
    const c = await config();
    expect(c.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(c.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });

  it('packs the built app and what main reads at run time, with icons that exist', async () => {
    const c = await config();
    const files = (Array.isArray(c.files) ? c.files : [c.files]).flatMap((f) =>
      typeof f === 'object' && f !== null && 'filter' in f ? f.filter : f,
    );
    expect(files).toEqual(expect.arrayContaining(['out/**', 'resources/plans/**', 'resources/fonts/**']));
    for (const icon of [c.win?.icon, c.mac?.icon, c.linux?.icon])
      expect(existsSync(join(PROJECT_ROOT, String(icon)))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(join(PROJECT_ROOT, 'resources/icons/png', `${size}x${size}.png`))).toBe(true);
    const png = readFileSync(join(PROJECT_ROOT, 'resources/icons/icon.png'));
    expect(png.readUInt32BE(16)).toBe(1024);
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      main: string;
      productName: string;
    };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.productName).toBe('Board Pack');
  });
});
