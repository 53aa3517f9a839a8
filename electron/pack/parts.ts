// A very large pack is laid out in parts: pdfmake keeps a whole document's layout until its last
// page is drawn (some 185 MB for 4,000 objectives), so one pdfmake document per part of about a
// thousand table rows bounds the memory by one part's layout. join.ts sews the parts into one PDF.
// Parts begin where the pack turns a page anyway (a section, a strand) or, inside a long table,
// between rows: the table goes on on a new page with its header, as it would on any page.
import type { Inline, Node, TableNode, TextNode, TextPart } from './content';

/**
 * A pack whose tables hold more than `fromRows` rows is built in parts of about `rowsPerPart` rows
 * (the built-in pack has some 300 rows, the 1,000-objective pack some 2,500). Tests make them small.
 */
export const partSizes = { fromRows: 3000, rowsPerPart: 1000 };

export interface PackPart {
  nodes: Node[];
  /** It prints page numbers of anchors ("00" pageReferences): laid out twice, so it is kept short. */
  refers: boolean;
}

function isTable(node: Node): node is TableNode {
  return typeof node === 'object' && !Array.isArray(node) && 'table' in node;
}

function childrenOf(node: Node): Node[] {
  if (typeof node !== 'object') return [];
  if (Array.isArray(node)) return node;
  if ('stack' in node) return node.stack;
  if ('columns' in node) return node.columns;
  if ('table' in node) return node.table.body.flat();
  return [];
}

/** A copy of a container node with `change` applied to each node it holds; other nodes as they are. */
function withChildren(node: Node, change: (child: Node) => Node): Node {
  if (Array.isArray(node)) return node.map(change);
  if (typeof node !== 'object') return node;
  if ('stack' in node) return { ...node, stack: node.stack.map(change) };
  if ('columns' in node) return { ...node, columns: node.columns.map(change) };
  if ('table' in node)
    return { ...node, table: { ...node.table, body: node.table.body.map((row) => row.map(change)) } };
  return node;
}

/** Table rows in a node, nested tables counted too: about what its layout weighs. */
export function tableRows(node: Node): number {
  const own = isTable(node) ? node.table.body.length - (node.table.headerRows ?? 0) : 0;
  return childrenOf(node).reduce((sum, child) => sum + tableRows(child), own);
}

function partsOf(text: TextNode['text']): TextPart[] {
  return typeof text === 'string' ? [] : text;
}

function isText(node: Node): node is TextNode {
  return typeof node === 'object' && !Array.isArray(node) && 'text' in node;
}

/** Whether a node prints the page number of an anchor. */
export function refersToPages(node: Node): boolean {
  if (isText(node) && (node.pageReference !== undefined || partsOf(node.text).some(isReference))) return true;
  return childrenOf(node).some(refersToPages);
}

function isReference(part: TextPart): part is Inline & { pageReference: string } {
  return typeof part === 'object' && part.pageReference !== undefined;
}

function startsPage(node: Node): boolean {
  return (
    typeof node === 'object' && !Array.isArray(node) && 'pageBreak' in node && node.pageBreak === 'before'
  );
}

/** The content without the page turn before its first node: a document starts on a new page anyway. */
export function withoutLeadingBreak(content: Node[]): Node[] {
  const first = content[0];
  if (first && typeof first === 'object' && !Array.isArray(first) && 'pageBreak' in first) {
    const { pageBreak: _dropped, ...rest } = first;
    return [rest, ...content.slice(1)];
  }
  return content;
}

/** A table cut into tables of at most `first`, then `rows`, body rows, each with the table's header. */
function tableChunks(table: TableNode, first: number, rows: number): TableNode[] {
  const head = table.table.headerRows ?? 0;
  const header = table.table.body.slice(0, head);
  const body = table.table.body.slice(head);
  const chunks: TableNode[] = [];
  for (let at = 0, size = first; at < body.length; at += size, size = rows)
    chunks.push({
      ...table,
      table: { ...table.table, body: [...freshCopy(header), ...body.slice(at, at + size)] },
    });
  return chunks;
}

/**
 * The pack's content in parts, or null when it is small enough to be one document. A part that
 * prints page numbers ends at the next page turn, so laying it out twice costs little.
 */
export function splitIntoParts(content: Node[], { fromRows, rowsPerPart } = partSizes): PackPart[] | null {
  if (content.reduce((sum, node) => sum + tableRows(node), 0) <= fromRows) return null;
  const parts: PackPart[] = [];
  let current: PackPart = { nodes: [], refers: false };
  let weight = 0;
  const close = (): void => {
    if (current.nodes.length) parts.push(current);
    current = { nodes: [], refers: false };
    weight = 0;
  };
  for (const node of content) {
    if (startsPage(node) && (current.refers || weight >= rowsPerPart)) close();
    const rows = tableRows(node);
    if (isTable(node) && !current.refers && weight + rows > rowsPerPart && rows > rowsPerPart / 4) {
      // A long table: its first rows fill this part, the rest go on in parts of their own.
      if (rowsPerPart - weight < rowsPerPart / 4) close();
      const chunks = tableChunks(node, rowsPerPart - weight, rowsPerPart);
      chunks.forEach((chunk, i) => {
        if (i > 0) close();
        current.nodes.push(chunk);
        current.refers ||= refersToPages(chunk);
        weight += tableRows(chunk);
      });
      continue;
    }
    current.nodes.push(node);
    current.refers ||= refersToPages(node);
    weight += rows;
  }
  close();
  return parts;
}

/**
 * A node with every page reference printed as the page number given (or "000" while the pages are
 * not yet known), each still a link to its anchor. Nodes without references are returned as they are.
 */
export function withPageNumbers(node: Node, pageOf: (anchor: string) => number | null): Node {
  if (!refersToPages(node)) return node;
  if (!isText(node)) return withChildren(node, (n) => withPageNumbers(n, pageOf));
  const number = (anchor: string): string => String(pageOf(anchor) ?? '000');
  if (node.pageReference !== undefined) {
    const { pageReference, ...rest } = node;
    return { ...rest, text: number(pageReference), linkToDestination: pageReference };
  }
  return {
    ...node,
    text: partsOf(node.text).map((part) => {
      if (!isReference(part)) return part;
      const { pageReference, ...rest } = part;
      return { ...rest, text: number(pageReference), linkToDestination: pageReference };
    }),
  };
}

/**
 * A copy of a node's objects and arrays (functions, such as table layouts, shared): pdfmake writes
 * its layout into the nodes it lays out, so a node laid out twice must be a fresh copy each time.
 */
export function freshCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(freshCopy) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, freshCopy(v)])) as T;
}

/** The node's plain words, as pdfmake titles a bookmark that has no outlineText. */
function plainText(text: TextNode['text']): string {
  return typeof text === 'string' ? text : text.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

export interface Bookmark {
  anchor: string;
  title: string;
  parent?: string;
}

/**
 * The bookmarks the nodes ask for, in order, with their `outline` flags taken off (the joined
 * pack's outline is written once, over all parts). Every bookmarked node in the pack has an id.
 */
export function takeBookmarks(node: Node, found: Bookmark[]): Node {
  if (!isText(node)) return withChildren(node, (n) => takeBookmarks(n, found));
  if (!node.outline) return node;
  const { outline: _outline, outlineText, outlineParentId, ...rest } = node;
  if (rest.id === undefined)
    throw new Error(`A bookmark has no anchor: ${outlineText ?? plainText(node.text)}`);
  found.push({
    anchor: rest.id,
    title: outlineText ?? plainText(node.text),
    ...(outlineParentId ? { parent: outlineParentId } : {}),
  });
  return rest;
}
