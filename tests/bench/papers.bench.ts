// Papers benchmark, on the built-in plan's pack (the pack tests' fixture): how long adding a paper
// takes (pdf-lib reads it and embeds every page once to check it), and how long the pdf-lib pass
// that draws papers into the pack takes, for a 10-page paper, a 200-page text paper and an 18 MB
// scanned paper (six pages of 3 MB raw images). Prints sizes too. Medians of a few runs.
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { drawObject, PDFDocument, popGraphicsState, pushGraphicsState, scale, StandardFonts } from 'pdf-lib';
import { packDefinition } from '../../electron/pack/build';
import { pdfmakeReady } from '../../electron/pack/fonts';
import { buildPack } from '../../electron/pack/index';
import { collectPack, contentHash, type PackEdition } from '../../electron/pack/model';
import { drawPapers } from '../../electron/pack/papers';
import { buildPackFixture, firstFinalEdition, tempDir } from '../integration/pack.fixtures';
import { paperPdf } from '../integration/paper.fixtures';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result = await work();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

/** A long text paper: `pages` pages of 60 lines each. */
async function textPaper(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 60; line++)
      page.drawText(
        `Page ${n}, line ${line + 1}: the borough partnership reviewed the plan and agreed further work.`,
        {
          x: 50,
          y: 800 - line * 12,
          size: 9,
          font,
        },
      );
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A scanned paper: each page one 1000 × 1000 RGB image, stored raw (3 MB a page), as cheap scanners do. */
async function scannedPaper(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  let seed = 7;
  for (let n = 1; n <= pages; n++) {
    const pixels = new Uint8Array(1000 * 1000 * 3);
    for (let i = 0; i < pixels.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      pixels[i] = 200 + (seed % 56);
    }
    const image = doc.context.register(
      doc.context.stream(pixels, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: 1000,
        Height: 1000,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      }),
    );
    const page = doc.addPage([595.28, 841.89]);
    const name = page.node.newXObject('Scan', image);
    page.pushOperators(pushGraphicsState(), scale(595.28, 841.89), drawObject(name), popGraphicsState());
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const fixture = await buildPackFixture(tempDir());
const { store, current } = fixture;
const item = (await store.meetings.agenda(current.id))[2];
console.log(`${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}`);

const without = await timed(2, async () => await buildPack(store, { meetingId: current.id, draft: false }));
console.log(
  `pack without papers: ${without.result.pages} pages, ${(without.result.pdf.length / 1024).toFixed(0)} KB, build ${without.ms.toFixed(0)} ms`,
);

const papers: [string, Buffer][] = [
  ['10-page paper', await paperPdf('Ten page paper', 10)],
  ['200-page text paper', await textPaper(200)],
  ['18 MB scanned paper (6 pages)', await scannedPaper(6)],
];
const edition: PackEdition = firstFinalEdition();

for (const [label, pdf] of papers) {
  const added = await timed(2, async () => {
    for (const p of await store.papers.list(current.id))
      await store.papers.remove(p.id, store.now(), 'Bench');
    return await store.papers.add(
      { meetingId: current.id, agendaItemId: item.id, fileName: `${label}.pdf`, pdf },
      store.now(),
      'Bench',
    );
  });
  const model = await collectPack(store, current.id, edition);
  const laidOut = await pdfmakeReady()
    .createPdf(packDefinition(model, contentHash(model), { value: 0 }))
    .getBuffer();
  const bytes = await store.papers.pdf(added.result.id);
  const pass = await timed(3, () => drawPapers(laidOut, model.papers ?? [], () => bytes));
  const whole = await timed(1, async () => await buildPack(store, { meetingId: current.id, draft: false }));
  console.log(
    [
      `${label}: ${(pdf.length / 1024).toFixed(0)} KB, ${added.result.pages} pages`,
      `  add (checks included) ${added.ms.toFixed(0)} ms`,
      `  pdf-lib pass ${pass.ms.toFixed(0)} ms (pdfmake's ${(laidOut.length / 1024).toFixed(0)} KB -> ${(pass.result.length / 1024).toFixed(0)} KB)`,
      `  whole build ${whole.ms.toFixed(0)} ms, ${whole.result.pages} pages`,
    ].join('\n'),
  );
}

await store.close();
rmSync(fixture.dir, { recursive: true, force: true });
