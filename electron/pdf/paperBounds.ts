// How big a paper really is, counted without trusting it: its pages (one page object may be listed
// 100,000 times in a 0.6 MB file) and the size of its page content once unpacked (1 MB of deflated
// zeros unpacks to 1 GB). Both counts stop as soon as they pass the limit, so checking a hostile
// file costs no more than checking one at the limit.
import { inflateSync, constants as zlib } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFName,
  PDFPageLeaf,
  PDFPageTree,
  PDFRawStream,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

/** A count that stopped at its limit: `over` when there was more. */
export interface BoundedCount {
  count: number;
  over: boolean;
}

/**
 * The leaves of the page tree as a viewer counts them (a page listed twice is two pages), stopping
 * at maxPages + 1. Throws when the tree has no root, or reaches one of its own nodes twice (a loop,
 * which no reader would finish): the file is damaged. Walks with its own stack, so a deep tree
 * cannot overflow the call stack.
 */
export function countPages(doc: PDFDocument, maxPages: number): BoundedCount {
  const root = doc.catalog.lookup(PDFName.of('Pages'));
  if (!(root instanceof PDFPageTree)) throw new Error('The PDF has no page tree.');
  const stack: PDFObject[] = [root];
  const nodes = new Set<PDFPageTree>();
  let pages = 0;
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node instanceof PDFPageLeaf) {
      if (++pages > maxPages) return { count: pages, over: true };
      continue;
    }
    if (!(node instanceof PDFPageTree)) continue;
    if (nodes.has(node)) throw new Error('The page tree loops back on itself.');
    nodes.add(node);
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = (kids?.size() ?? 0) - 1; i >= 0; i--) {
      const kid = kids?.lookup(i);
      if (kid) stack.push(kid);
    }
  }
  return { count: pages, over: false };
}

function filtersOf(stream: PDFRawStream): string[] {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  if (filter instanceof PDFName) return [filter.asString()];
  if (filter instanceof PDFArray)
    return filter.asArray().map((f) => (f instanceof PDFName ? f.asString() : String(f)));
  return [];
}

function isRangeError(error: unknown): boolean {
  return error instanceof RangeError || (error as { code?: unknown })?.code === 'ERR_BUFFER_TOO_LARGE';
}

/**
 * A stream's unpacked size, up to `budget` + 1 bytes. Deflate (nearly every content stream) with
 * zlib and maxOutputLength, so a bomb is stopped inside zlib; other filters, and deflate zlib
 * finds damaged, with pdf-lib's own decoder (the one the pack uses), asked for no more than that.
 */
function decodedSize(stream: PDFRawStream, budget: number): number {
  const filters = filtersOf(stream);
  if (filters.length === 0) return stream.contents.length;
  if (filters.length === 1 && filters[0] === '/FlateDecode') {
    try {
      return inflateSync(stream.contents, {
        maxOutputLength: budget + 1,
        finishFlush: zlib.Z_SYNC_FLUSH,
      }).length;
    } catch (error) {
      if (isRangeError(error)) return budget + 1;
    }
  }
  return decodePDFRawStream(stream).getBytes(budget + 1).length;
}

/** A page's /Contents: one stream, or an array of them. */
function contentStreams(doc: PDFDocument, contents: PDFObject | undefined): PDFRawStream[] {
  const resolved = contents ? doc.context.lookup(contents) : undefined;
  const items = resolved instanceof PDFArray ? resolved.asArray() : [resolved];
  return items
    .map((item) => (item ? doc.context.lookup(item) : undefined))
    .filter((item): item is PDFRawStream => item instanceof PDFRawStream);
}

/** Streams of drawing instructions that are not a page's own: form XObjects and tiling patterns. */
function isDrawingStream(stream: PDFRawStream): boolean {
  const subtype = stream.dict.lookup(PDFName.of('Subtype'));
  const patternType = stream.dict.lookup(PDFName.of('PatternType'));
  return subtype === PDFName.of('Form') || patternType !== undefined;
}

/**
 * The bytes of drawing instructions the paper unpacks to, stopping past maxBytes: each page's own
 * content streams as often as the page is listed (the pack unpacks them once per page it draws),
 * and every form XObject and tiling pattern once (a viewer unpacks those to show the page). Images
 * and fonts are not counted: a scanned paper is large there by nature, and the pack copies them
 * packed. Throws when a stream cannot be unpacked at all.
 */
export function countDecodedContent(doc: PDFDocument, maxBytes: number): BoundedCount {
  let total = 0;
  const add = (stream: PDFRawStream): boolean => {
    total += decodedSize(stream, maxBytes - total);
    return total > maxBytes;
  };
  for (const page of doc.getPages()) {
    for (const stream of contentStreams(doc, page.node.get(PDFName.of('Contents'))))
      if (add(stream)) return { count: total, over: true };
  }
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && isDrawingStream(object) && add(object))
      return { count: total, over: true };
  }
  return { count: total, over: false };
}
