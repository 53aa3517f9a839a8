// Child process for the speed-up tests: builds one meeting's pack from an existing database and
// prints its SHA-256 and which speed-ups ran. Its environment says whether they may
// (BOARD_PACK_PDFMAKE_ONLY); its fourth argument may simulate an upgraded pdfkit first:
//   version  pdfkit's package.json gives another version;
//   renamed  pdfkit's embedded fonts shape in a method of another name (a changed internal);
//   throws   a speed-up's first call into pdfkit throws while the pack is built.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { pdfkitOfPdfmake } from '../../electron/pack/enginePatches';

type Shaper = (this: unknown, text: string, features?: unknown) => unknown;
interface FontPrototype {
  layoutRun: Shaper;
  layoutCached: Shaper;
  shapeRun?: Shaper;
}

function fontPrototype(): FontPrototype {
  const PDFKit = pdfkitOfPdfmake();
  const file = new URL('../../resources/fonts/NotoSans-Regular.ttf', import.meta.url).pathname;
  const font: unknown = new PDFKit({ autoFirstPage: false, font: null }).font(file)._font;
  return Object.getPrototypeOf(font) as FontPrototype;
}

function simulate(change: string | undefined): void {
  if (change === 'version') {
    const read = fs.readFileSync;
    const fake = (...args: Parameters<typeof read>) => {
      const text = read(...args);
      const path = String(args[0]);
      if (!path.endsWith('/pdfkit/package.json')) return text;
      return String(text).replace(/"version": "[^"]+"/, '"version": "0.19.2"');
    };
    fs.readFileSync = fake as typeof read;
    syncBuiltinESMExports();
  } else if (change === 'renamed') {
    // As a pdfkit release that renamed layoutRun would be: its own cache calls the new name.
    const prototype = fontPrototype();
    prototype.shapeRun = prototype.layoutRun;
    Reflect.deleteProperty(prototype, 'layoutRun');
    prototype.layoutCached = function (this: unknown, text: string) {
      return prototype.shapeRun?.call(this, text);
    };
  } else if (change === 'throws') {
    const prototype = fontPrototype();
    const own = prototype.layoutRun;
    let thrown = false;
    prototype.layoutRun = function (this: unknown, text: string, features?: unknown) {
      if (!thrown && new Error().stack?.includes('sharedWords')) {
        thrown = true;
        throw new TypeError('simulated: a changed internal');
      }
      return own.call(this, text, features);
    };
  }
}

const [path, meetingId, draft, change] = process.argv.slice(2);
simulate(change);
const { buildPack } = await import('../../electron/pack/index');
const { activePatches, patchesOff } = await import('../../electron/pack/enginePatches');
const { openStore } = await import('../../electron/store/store');
const store = await openStore(path, { seedPlan: null });
const built = await buildPack(store, { meetingId: Number(meetingId), draft: draft === 'draft' });
await store.close();
console.log(
  JSON.stringify({ sha256: built.sha256, pages: built.pages, patches: activePatches(), off: patchesOff() }),
);
