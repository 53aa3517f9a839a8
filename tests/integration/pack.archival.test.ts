// An issued (final) pack is archival PDF/A-2b: read back with pdf-lib, it has XMP metadata naming
// PDF/A-2 conformance B and agreeing with the Info dictionary, an sRGB output intent, every font
// embedded, no encryption or JavaScript, and the same bytes on rebuild; with papers merged into it
// too, when they carry their fonts. One that does not makes the pack plain PDF, said in a sentence.
// Drafts stay plain PDF. (No full validator such as veraPDF runs here: these are the checks
// that can be read back from the file.)
import { rmSync } from 'node:fs';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmpSafe } from '../../electron/pack/archival';
import { buildPack, issuePack, issuedPackPdf, listIssuedPacks } from '../../electron/pack/index';
import { fontsNotCarried, fontsNotice } from '../../electron/pdf/paperFonts';
import { notArchivalSentence } from '../../shared/packWords';
import { readPdf } from '../support/pdf';
import { buildPackFixture, tempDir, type PackFixture } from './pack.fixtures';
import { paperLine, paperPdf, paperWithFontsPdf } from './paper.fixtures';

let fixture: PackFixture;

beforeAll(async () => {
  fixture = await buildPackFixture(tempDir());
});

afterAll(async () => {
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

function streamText(stream: PDFObject | undefined): string {
  if (stream instanceof PDFRawStream)
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
  throw new Error('not a stream');
}

function streamBytes(stream: PDFObject | undefined): Uint8Array {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  throw new Error('not a stream');
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** One XMP property's text: the first element of that name, inside any rdf:Alt or rdf:Seq. */
function xmpValue(xmp: string, name: string): string | undefined {
  const element = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp)?.[1];
  if (element === undefined) return undefined;
  return (/<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(element)?.[1] ?? element).trim();
}

/** Every font dictionary the pages and their form XObjects use, found through the resources. */
function fontsOf(pdf: PDFDocument): PDFDict[] {
  const fonts = new Map<string, PDFDict>();
  const seen = new Set<PDFObject>();
  const visitResources = (resources: PDFDict | undefined): void => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    const fontDict = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = pdf.context.lookup(ref);
      if (font instanceof PDFDict) fonts.set(ref instanceof PDFRef ? ref.toString() : name.toString(), font);
    }
    const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const xobject = pdf.context.lookup(ref);
      if (xobject instanceof PDFStream)
        visitResources(xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict));
    }
  };
  for (const page of pdf.getPages()) visitResources(page.node.Resources());
  return [...fonts.values()];
}

/** Whether a font carries its glyphs (FontFile, FontFile2 or FontFile3 on its descriptor). */
function embedded(pdf: PDFDocument, font: PDFDict): boolean {
  const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
  const described = descendants ? (pdf.context.lookup(descendants.get(0)) as PDFDict) : font;
  const descriptor = described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(PDFName.of(key)) !== undefined);
}

interface Archival {
  header: string;
  xmp: string;
  info: PDFDict;
  outputIntent: PDFDict | undefined;
  profile: Uint8Array | undefined;
  fonts: { name: string; embedded: boolean }[];
  encrypted: boolean;
  javascript: boolean;
}

async function readBack(bytes: Uint8Array): Promise<Archival> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = pdf.catalog;
  const metadata = catalog.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  const intents = catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const outputIntent = intents ? (pdf.context.lookup(intents.get(0)) as PDFDict) : undefined;
  const profile = outputIntent?.lookupMaybe(PDFName.of('DestOutputProfile'), PDFStream);
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  return {
    header: Buffer.from(bytes.subarray(0, 8)).toString('latin1'),
    xmp: metadata ? streamText(metadata) : '',
    info: pdf.context.lookup(pdf.context.trailerInfo.Info) as PDFDict,
    outputIntent,
    profile: profile ? streamBytes(profile) : undefined,
    fonts: fontsOf(pdf).map((font) => ({
      name: font.get(PDFName.of('BaseFont'))?.toString() ?? '?',
      embedded: embedded(pdf, font),
    })),
    encrypted: pdf.context.trailerInfo.Encrypt !== undefined,
    javascript:
      names?.get(PDFName.of('JavaScript')) !== undefined ||
      catalog.get(PDFName.of('OpenAction')) !== undefined ||
      catalog.get(PDFName.of('AA')) !== undefined,
  };
}

function expectArchival(pack: Archival): void {
  expect(pack.header).toBe('%PDF-1.7');
  expect(xmpValue(pack.xmp, 'pdfaid:part')).toBe('2');
  expect(xmpValue(pack.xmp, 'pdfaid:conformance')).toBe('B');
  // The XMP says what the Info dictionary says.
  const info = (key: string) => text(pack.info.lookup(PDFName.of(key)));
  expect(xmpValue(pack.xmp, 'dc:title')).toBe(info('Title'));
  expect(xmpValue(pack.xmp, 'dc:creator')).toBe(info('Author'));
  expect(xmpValue(pack.xmp, 'dc:description')).toBe(info('Subject'));
  expect(xmpValue(pack.xmp, 'pdf:Keywords')).toBe(info('Keywords'));
  expect(xmpValue(pack.xmp, 'pdf:Producer')).toBe(info('Producer'));
  expect(xmpValue(pack.xmp, 'xmp:CreatorTool')).toBe(info('Creator'));
  expect(xmpValue(pack.xmp, 'xmp:CreateDate')).toBe('2007-10-18T10:00:00Z');
  expect(info('CreationDate')).toBe('D:20071018100000Z');
  expect(pack.info.get(PDFName.of('ModDate'))).toBeUndefined();
  // The sRGB output intent, with an RGB ICC profile ("acsp" signature, "RGB " data colour space).
  expect(pack.outputIntent?.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
  expect(text(pack.outputIntent?.get(PDFName.of('OutputConditionIdentifier')))).toBe('sRGB IEC61966-2.1');
  const profile = Buffer.from(pack.profile ?? new Uint8Array());
  expect(profile.toString('latin1', 36, 40)).toBe('acsp');
  expect(profile.toString('latin1', 16, 20)).toBe('RGB ');
  expect(pack.encrypted).toBe(false);
  expect(pack.javascript).toBe(false);
}

describe('a draft pack', () => {
  it('stays plain PDF 1.3 without XMP or output intent, as before', async () => {
    const draft = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: true });
    const pack = await readBack(draft.pdf);
    expect(pack.header).toBe('%PDF-1.3');
    expect(pack.xmp).toBe('');
    expect(pack.outputIntent).toBeUndefined();
  }, 120_000);
});

describe('an issued pack', () => {
  it('is PDF/A-2b: XMP, sRGB output intent, every font embedded, and the same bytes on rebuild', async () => {
    const issued = await issuePack(fixture.store, { meetingId: fixture.current.id }, 'Secretariat');
    const bytes = await issuedPackPdf(fixture.store, issued.id);
    const pack = await readBack(bytes);
    expectArchival(pack);
    expect(pack.fonts.length).toBeGreaterThan(1);
    expect(pack.fonts.filter((f) => !f.embedded)).toEqual([]);
    const rebuilt = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    expect(rebuilt.sha256).not.toBe('');
    const again = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    expect(again.sha256).toBe(rebuilt.sha256);
  }, 120_000);

  it('keeps PDF/A-2b with papers merged in that carry their fonts: every font embedded, XMP and output intent kept', async () => {
    const paper = await paperWithFontsPdf('Problem profile', 2);
    expect(fontsNotCarried(await PDFDocument.load(paper))).toEqual([]);
    // Attaching it says nothing about fonts (the Helvetica paper's notice is in contract.papers.ts).
    expect(await fontsNotice(paper, 'Problem profile')).toEqual({});
    await fixture.store.papers.add(
      {
        meetingId: fixture.current.id,
        agendaItemId: (await fixture.store.meetings.agenda(fixture.current.id))[2].id,
        fileName: 'Problem profile.pdf',
        pdf: paper,
      },
      fixture.store.now(),
      'Secretariat',
    );
    const first = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    const second = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    expect(second.sha256).toBe(first.sha256);
    expect(first.notArchival).toBeUndefined();
    expectArchival(await readBack(first.pdf));
    // Read back by a second reader (MuPDF): the paper is in the pack, and every font is embedded.
    const read = readPdf(first.pdf);
    expect(read.pageTexts().join('\n')).toContain(paperLine('Problem profile', 2, 2));
    expect(read.outputIntents()).toEqual(['GTS_PDFA1']);
    expect(read.fonts().length).toBeGreaterThan(1);
    expect(read.fonts().filter((f) => !f.embedded)).toEqual([]);
  }, 120_000);

  it('is issued without the PDF/A claim, and says why, when a merged paper does not carry its fonts', async () => {
    const bare = await paperPdf('Knife crime update', 1);
    // pdf-lib's standard fonts are named, not embedded: a reader substitutes its own.
    expect(fontsNotCarried(await PDFDocument.load(bare))).toEqual(['Helvetica', 'Helvetica-Bold']);
    await fixture.store.papers.add(
      {
        meetingId: fixture.current.id,
        agendaItemId: (await fixture.store.meetings.agenda(fixture.current.id))[2].id,
        fileName: 'Knife crime update.pdf',
        pdf: bare,
      },
      fixture.store.now(),
      'Secretariat',
    );
    const sentence =
      'This pack is not marked archival (PDF/A) because the paper “Knife crime update” does not carry its fonts.';
    const issued = await issuePack(fixture.store, { meetingId: fixture.current.id }, 'Secretariat');
    expect(issued.notArchival).toBe(sentence);
    expect((await listIssuedPacks(fixture.store, fixture.current.id)).at(-1)?.notArchival).toBe(sentence);
    expect(notArchivalSentence(['A', 'B', 'C'])).toBe(
      'This pack is not marked archival (PDF/A) because the papers “A”, “B” and “C” do not carry their fonts.',
    );

    const read = readPdf(await issuedPackPdf(fixture.store, issued.id));
    // No claim at all: no XMP naming PDF/A, no PDF/A output intent; the reason read back is true.
    expect(read.xmp()).not.toMatch(/pdfaid/);
    expect(read.outputIntents()).toEqual([]);
    const unembedded = read
      .fonts()
      .filter((f) => !f.embedded)
      .map((f) => f.name);
    expect(unembedded.sort()).toEqual(['Helvetica', 'Helvetica-Bold']);
    // The paper that does carry its fonts is still drawn, and the pack's own fonts are embedded.
    expect(read.pageTexts().join('\n')).toContain(paperLine('Problem profile', 1, 2));
    expect(read.fonts().filter((f) => f.embedded).length).toBeGreaterThan(1);

    const first = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    const again = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    expect(again.sha256).toBe(first.sha256);
    expect(first.notArchival).toBe(sentence);
    // A draft never claims PDF/A, so it has nothing to say.
    const draft = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: true });
    expect(draft.notArchival).toBeUndefined();
  }, 120_000);

  it('writes metadata whose XMP stays well-formed for a board called "Health & Wellbeing <North>"', () => {
    expect(xmpSafe('Health & Wellbeing <North>')).toBe('Health and Wellbeing ‹North›');
  });
});
