// Renders resources/icons/icon.svg to the PNG sizes packaging uses (resources/icons/png/NxN.png
// and a 1024 px icon.png) with headless Chromium: run after changing the drawing.
// Usage: npx tsx electron/launch/renderIcons.ts  (the tests' Chromium: the npm build, or CHROMIUM_PATH)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium';
import { PROJECT_ROOT } from './build';

const ICONS = join(PROJECT_ROOT, 'resources', 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

async function main(): Promise<void> {
  const svg = readFileSync(join(ICONS, 'icon.svg'), 'utf8');
  const { executablePath, env } = findChromium();
  const browser = await chromium.launch({ executablePath, env, args: ['--no-sandbox'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      writeFileSync(join(ICONS, 'png', `${size}x${size}.png`), png);
      if (size === 1024) writeFileSync(join(ICONS, 'icon.png'), png);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Rendered ${SIZES.length} sizes into ${join(ICONS, 'png')}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
