// Sews a pack laid out in parts (parts.ts) into one PDF with pdf-lib: every part's pages in order,
// one set of named destinations (the contents' links and the papers' placeholders find their
// pages by them), one outline written from the pack's bookmarks, and "Page X of Y" drawn on every
// page from a small pdfmake document of page numbers (the parts leave the numbers out, as no part
// knows the pack's last page). The first part's catalog entries (XMP metadata, the output intent,
// the language) and its document information and ID are the pack's: every part has the same.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFContentStream,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DocDefinition, Node } from './content';
import { packLog } from './enginePatches';
import { pdfmakeReady } from './fonts';
import { pageNumbers } from './pageFrame';
import {
  freshCopy,
  takeBookmarks,
  withoutLeadingBreak,
  withPageNumbers,
  type Bookmark,
  type PackPart,
} from './parts';

/** How every pack PDF is opened with pdf-lib: the bytes as they are, nothing rewritten on saving. */
export const LOAD = { updateMetadata: false, parseSpeed: Infinity, throwOnInvalidObject: true } as const;

function keyText(key: PDFObject | undefined): string | null {
  if (key instanceof PDFString || key instanceof PDFHexString) return key.decodeText();
  return null;
}

/** Each named destination of a document: the index of its page, and its position there. */
export function destinationsOf(doc: PDFDocument): Map<string, { page: number; at: PDFObject[] }> {
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  const found = new Map<string, { page: number; at: PDFObject[] }>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const visit = (node: PDFDict): void => {
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const name = keyText(pairs.get(i));
      const target = doc.context.lookup(pairs.get(i + 1));
      const array = target instanceof PDFDict ? target.lookupMaybe(PDFName.of('D'), PDFArray) : target;
      if (!(array instanceof PDFArray) || name === null) continue;
      const page = pageIndex.get(array.get(0).toString());
      if (page !== undefined) found.set(name, { page, at: array.asArray().slice(1) });
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
  };
  if (root) visit(root);
  return found;
}

/** Numbers, names and null only: what follows the page in a destination pdfkit writes. */
function plainValue(value: PDFObject): PDFObject {
  if (value instanceof PDFNumber || value instanceof PDFName || value === PDFNull) return value;
  throw new Error(`A destination holds ${value.constructor.name}, not a number or name.`);
}

export class JoinedPack {
  private readonly parts: {
    pages: PDFPage[];
    destinations: Map<string, { page: number; at: PDFObject[] }>;
  }[] = [];

  private constructor(readonly doc: PDFDocument) {}

  static async create(): Promise<JoinedPack> {
    return new JoinedPack(await PDFDocument.create({ updateMetadata: false }));
  }

  /**
   * Copies a laid-out part's pages in (they are placed in part order when the pack is finished).
   * The first part's document information, ID and catalog entries become the pack's.
   */
  async add(index: number, pdf: Uint8Array): Promise<Map<string, { page: number; at: PDFObject[] }>> {
    const part = await PDFDocument.load(pdf, LOAD);
    // Every bookmark is taken off the nodes and written once (parts.ts): one left in a part would
    // be lost in the join, so the pack is built whole instead.
    if (part.catalog.get(PDFName.of('Outlines')))
      throw new Error(`part ${index + 1} has a bookmark the parts did not take`);
    const pages = await this.doc.copyPages(part, part.getPageIndices());
    const destinations = destinationsOf(part);
    this.parts[index] = { pages, destinations };
    if (index === 0) this.adopt(part);
    return destinations;
  }

  private adopt(part: PDFDocument): void {
    const copier = PDFObjectCopier.for(part.context, this.doc.context);
    const skip = new Set(['Type', 'Pages', 'Names', 'Outlines', 'PageMode']);
    for (const [key, value] of part.catalog.entries())
      if (!skip.has(key.decodeText())) this.doc.catalog.set(key, copier.copy(value));
    const { Info, ID } = part.context.trailerInfo;
    if (Info) this.doc.context.trailerInfo.Info = copier.copy(Info);
    if (ID) this.doc.context.trailerInfo.ID = copier.copy(ID);
  }

  /** The sizes of the pack's pages in order, for the page numbers' document. */
  pageSizes(): { width: number; height: number }[] {
    return this.parts.flatMap((part) => part.pages.map((page) => page.getSize()));
  }

  /**
   * Puts the pages in order and writes the named destinations and the outline; then draws each
   * page of `numbers` (one per pack page) over its page.
   */
  async finish(bookmarks: Bookmark[], numbers: Uint8Array): Promise<PDFDocument> {
    const { doc } = this;
    const pageRefs: PDFRef[] = [];
    const destinations = new Map<string, { page: number; at: PDFObject[] }>();
    for (const part of this.parts) {
      const offset = pageRefs.length;
      for (const page of part.pages) {
        doc.addPage(page);
        pageRefs.push(page.ref);
      }
      for (const [name, d] of part.destinations) destinations.set(name, { page: offset + d.page, at: d.at });
    }
    this.writeDestinations(destinations, pageRefs);
    this.writeOutline(bookmarks, destinations, pageRefs);
    const numbered = await PDFDocument.load(numbers, LOAD);
    if (numbered.getPageCount() !== pageRefs.length)
      throw new Error(`The page numbers have ${numbered.getPageCount()} pages for ${pageRefs.length}.`);
    const copier = PDFObjectCopier.for(numbered.context, doc.context);
    numbered.getPages().forEach((source, i) => {
      const number = this.numberForm(source, copier);
      const page = doc.getPage(i);
      const name = page.node.newXObject('PageNumber', number);
      const draw = PDFContentStream.of(
        doc.context.obj({}),
        [pushGraphicsState(), drawObject(name), popGraphicsState()],
        false,
      );
      page.node.addContentStream(doc.context.register(draw));
    });
    return doc;
  }

  /**
   * A page of the numbers' document as a form XObject: its content stream's bytes as pdfkit wrote
   * them (compressed once, not unpacked and packed again as pdf-lib's embedPages would), and its
   * resources (one font, copied once for all pages).
   */
  private numberForm(source: PDFPage, copier: ReturnType<typeof PDFObjectCopier.for>): PDFRef {
    const contents = source.node.Contents();
    if (!(contents instanceof PDFRawStream)) throw new Error('A page number is not one content stream.');
    const { width, height } = source.getSize();
    const filter = contents.dict.get(PDFName.of('Filter'));
    const dict = this.doc.context.obj({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, width, height],
      Resources: copier.copy(source.node.Resources() ?? this.doc.context.obj({})),
      ...(filter ? { Filter: filter } : {}),
    });
    return this.doc.context.register(PDFRawStream.of(dict, contents.contents));
  }

  private writeDestinations(found: Map<string, { page: number; at: PDFObject[] }>, pages: PDFRef[]): void {
    const { context } = this.doc;
    const names = [...found.keys()].sort((a, b) => a.localeCompare(b));
    if (names.length === 0) return;
    const pairs: PDFObject[] = names.flatMap((name) => {
      const d = found.get(name);
      if (!d) return [];
      return [PDFString.of(name), context.obj([pages[d.page], ...d.at.map(plainValue)])];
    });
    // One leaf as the tree's root, as pdfkit writes it (a root has no Limits).
    const tree = context.obj({ Names: pairs });
    this.doc.catalog.set(PDFName.of('Names'), context.obj({ Dests: context.register(tree) }));
  }

  /** The outline as pdfkit writes it (parents before children, no open counts), each item at its anchor's page. */
  private writeOutline(
    bookmarks: Bookmark[],
    found: Map<string, { page: number; at: PDFObject[] }>,
    pages: PDFRef[],
  ): void {
    if (bookmarks.length === 0) return;
    const { context } = this.doc;
    const root = context.nextRef();
    const refs = new Map(bookmarks.map((b) => [b.anchor, context.nextRef()]));
    const childrenOf = new Map<PDFRef, { ref: PDFRef; bookmark: Bookmark }[]>();
    for (const bookmark of bookmarks) {
      const parent = (bookmark.parent && refs.get(bookmark.parent)) || root;
      const ref = refs.get(bookmark.anchor);
      if (!ref) continue;
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), { ref, bookmark }]);
    }
    const firstAndLast = (ref: PDFRef): Record<string, PDFRef> => {
      const children = childrenOf.get(ref) ?? [];
      return children.length ? { First: children[0].ref, Last: children[children.length - 1].ref } : {};
    };
    for (const [parent, children] of childrenOf)
      children.forEach(({ ref, bookmark }, i) => {
        const target = found.get(bookmark.anchor);
        if (!target) throw new Error(`The pack has no page for the bookmark ${bookmark.title}.`);
        const page = this.doc.getPage(target.page);
        context.assign(
          ref,
          context.obj({
            Title: PDFHexString.fromText(bookmark.title),
            Parent: parent,
            Dest: [pages[target.page], 'XYZ', 0, page.getHeight(), 0],
            ...(i > 0 ? { Prev: children[i - 1].ref } : {}),
            ...(i < children.length - 1 ? { Next: children[i + 1].ref } : {}),
            ...firstAndLast(ref),
          }),
        );
      });
    context.assign(root, context.obj({ ...firstAndLast(root) }));
    this.doc.catalog.set(PDFName.of('Outlines'), root);
    this.doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
}

/**
 * Deletes objects nothing refers to. pdf-lib's page embedding copies each paper page, content
 * streams and all, and then writes the page again as a form XObject, leaving the copy unused but
 * saved: a text-heavy paper went into the pack at almost twice its size (a 580 KB paper added
 * 905 KB). Walks from the trailer's Root and Info, so whatever the pack shows is kept.
 */
function dropUnreachable(pack: PDFDocument): void {
  const { context } = pack;
  const reached = new Set<string>();
  const queue: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter(
    (o): o is PDFObject => o !== undefined,
  );
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (next instanceof PDFRef) {
      if (reached.has(next.toString())) continue;
      reached.add(next.toString());
      const target = context.lookup(next);
      if (target) queue.push(target);
    } else if (next instanceof PDFDict) {
      for (const [, value] of next.entries()) queue.push(value);
    } else if (next instanceof PDFArray) {
      for (let i = 0; i < next.size(); i++) queue.push(next.get(i));
    } else if (next instanceof PDFStream) {
      queue.push(next.dict);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref.toString())) context.delete(ref);
  }
}

/** The document's bytes, written the same way every time: no dates, no object streams, nothing unreachable. */
export async function savedPdf(pack: PDFDocument): Promise<Buffer> {
  await pack.flush();
  dropUnreachable(pack);
  const saved = await pack.save({
    useObjectStreams: false,
    addDefaultPage: false,
    objectsPerTick: Infinity,
    updateFieldAppearances: false,
  });
  return Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
}

let fullCollection: (() => void) | null | undefined;

/**
 * A full garbage collection, between parts. A part's layout is garbage once the part is joined,
 * but V8 grows its heap by up to four times what was live at its last full collection before it
 * collects again: left to itself, it let the 4,000-objective pack's process grow past 500 MB with
 * some 120 MB live. Node's v8.setFlagsFromString with V8's expose-gc flag gives a new context a
 * `gc` function (as Jest's leak detector gets one); where that is refused, parts are joined
 * without it, at the cost of memory only, and the log says so once.
 */
export function collectGarbage(): void {
  if (fullCollection === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      if (typeof gc !== 'function') throw new Error('V8 gave no gc function');
      fullCollection = () => (gc as () => void)();
    } catch (error) {
      fullCollection = null;
      packLog(
        `a large pack's parts are joined without collecting garbage between them (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  fullCollection?.();
}

/**
 * When to force a full collection between parts: once the heap holds more than HEAP_BETWEEN_PARTS,
 * or, in a process that keeps more than that alive, GROWTH_BETWEEN_PARTS more than it held after
 * the last one. Measured on the 4,000-objective pack (two builds in one process, in turns, under
 * tsx, which adds some 40 MB): with no collection the process peaked at 480-760 MB; after every
 * part at 330-360 MB, but V8 then collected so often that the builds took 14-16 s of CPU against
 * 9-12 s; with this threshold, 320-420 MB and 11-15 s (at 180 or 210 MB: 355-415 and 430-455 MB,
 * and no less CPU). V8's own asynchronous major collection, started between parts, left the peak
 * at 510-600 MB. What is live between parts is some 60 MB (heap snapshot).
 *
 * Where the extra CPU goes (measured later, bundled as the app runs it): a forced collection, made
 * when no part's objects are alive, also lets go of objects V8's optimized code refers to, so V8
 * throws away and compiles again most of pdfmake's, pdfkit's and pdf-lib's hot functions after
 * each one (700-1,600 "weak objects" deoptimizations in three builds, against 1 with V8's own
 * collections); the compiler threads' time is most of the difference. Bounding V8's heap growth
 * instead (`--heap-growing-percent=20` while the parts are laid out, no forced collection) ended
 * those deoptimizations and took about a sixth off the CPU of a warm build (9.1-13.9 s against
 * 11.8-15.6 s, in turns), but the process peaked at 303-448 MB, over the 400 MB goal in three runs
 * of eight. Retaining dead maps for 100 collections (`--retain-maps-for-n-gc=100`), or collecting
 * from inside the next part's layout, left the deoptimizations as they were. So the forced
 * collection stays.
 */
const HEAP_BETWEEN_PARTS = 150 * 1024 * 1024;
const GROWTH_BETWEEN_PARTS = 64 * 1024 * 1024;

function garbageBudget(): () => void {
  let live = 0;
  return () => {
    const used = process.memoryUsage().heapUsed;
    if (used < Math.max(HEAP_BETWEEN_PARTS, live + GROWTH_BETWEEN_PARTS)) return;
    collectGarbage();
    live = process.memoryUsage().heapUsed;
  };
}

/**
 * Lays each part out as its own pdfmake document (the pack's definition, with the part's content)
 * and joins them. Parts that print page numbers (the contents, the agenda) are laid out first with
 * blanks, to count their pages, and again with the numbers once every part's pages are known.
 * `pageCount` is the one the definition's footer writes, and ends as the pack's. The parts' nodes
 * are let go as each is laid out (pdfmake writes its layout into them): only one part's layout is
 * alive at a time.
 */
export async function layOutParts(
  definition: DocDefinition,
  parts: PackPart[],
  pageCount: { value: number },
): Promise<Buffer> {
  const pdfmake = pdfmakeReady();
  const bookmarks: Bookmark[] = [];
  const contents = parts.map((part) => {
    const nodes = withoutLeadingBreak(part.nodes.map((n) => takeBookmarks(n, bookmarks)));
    part.nodes = [];
    return nodes;
  });
  const layOut = async (content: Node[]): Promise<{ pdf: Buffer; pages: number }> => {
    const first = content[0];
    const turned = typeof first === 'object' && !Array.isArray(first) && 'pageOrientation' in first;
    const pdf = await pdfmake
      .createPdf({ ...definition, content, ...(turned ? { pageOrientation: first.pageOrientation } : {}) })
      .getBuffer();
    return { pdf, pages: pageCount.value };
  };
  const joined = await JoinedPack.create();
  const collectIfGrown = garbageBudget();
  const anchors = new Map<string, { part: number; page: number }>();
  const pages: number[] = [];
  for (const [i, part] of parts.entries()) {
    // Counting pages, a part that prints numbers is laid out on a copy: its nodes are laid out again.
    const laidOut = await layOut(
      part.refers ? contents[i].map((n) => withPageNumbers(freshCopy(n), () => null)) : contents[i],
    );
    pages[i] = laidOut.pages;
    if (!part.refers) contents[i] = [];
    collectIfGrown();
    const found = part.refers
      ? destinationsOf(await PDFDocument.load(laidOut.pdf, LOAD))
      : await joined.add(i, laidOut.pdf);
    for (const [name, d] of found) anchors.set(name, { part: i, page: d.page });
  }
  const offsets = pages.map((_, i) => pages.slice(0, i).reduce((a, b) => a + b, 0));
  const pageOf = (anchor: string): number | null => {
    const found = anchors.get(anchor);
    return found ? offsets[found.part] + found.page + 1 : null;
  };
  for (const [i, part] of parts.entries()) {
    if (!part.refers) continue;
    const laidOut = await layOut(contents[i].map((n) => withPageNumbers(n, pageOf)));
    if (laidOut.pages !== pages[i])
      throw new Error(`part ${i + 1} took ${laidOut.pages} pages with its page numbers, ${pages[i]} without`);
    await joined.add(i, laidOut.pdf);
    contents[i] = [];
    collectIfGrown();
  }
  const numbers = await pdfmake
    .createPdf(
      pageNumbers(joined.pageSizes(), {
        pageSize: definition.pageSize,
        pageMargins: definition.pageMargins,
        defaultStyle: definition.defaultStyle,
        styles: definition.styles,
        info: definition.info,
      }),
    )
    .getBuffer();
  const pack = await joined.finish(bookmarks, numbers);
  pageCount.value = pack.getPageCount();
  return savedPdf(pack);
}
