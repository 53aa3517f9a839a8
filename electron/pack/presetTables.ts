// Gives every top-level table fixed column widths (the '*' column worked out here, as pdfmake
// would) and sets its cells' text into lines ahead of time (see typeset.ts).
import type { Node, TableLayout, TableNode, TextNode, TextPart } from './content';
import { FONT } from './fonts';
import { CONTENT_WIDTH, SIZE } from './theme';
import { setLines, type BaseStyle } from './typeset';

const BASE: BaseStyle = { font: FONT.text, fontSize: SIZE.body, bold: false, italics: false };

function columnWidths(table: TableNode, layout: TableLayout): number[] {
  const { widths } = table.table;
  const probe = { table: { widths, body: table.table.body } };
  const padding = widths.reduce<number>(
    (sum, _w, i) => sum + (layout.paddingLeft?.(i) ?? 4) + (layout.paddingRight?.(i, probe) ?? 4),
    0,
  );
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => typeof w !== 'number').length;
  const star = stars ? (CONTENT_WIDTH - fixed - padding) / stars : 0;
  return widths.map((w) => (typeof w === 'number' ? w : star));
}

function hasPageReference(parts: string | TextPart[]): boolean {
  return Array.isArray(parts) && parts.some((p) => typeof p !== 'string' && p.pageReference !== undefined);
}

function setCell(cell: TextNode, width: number): TextNode {
  if (cell.colSpan !== undefined || hasPageReference(cell.text) || cell.text === '') return cell;
  const inner = width - (cell.margin ? cell.margin[0] + cell.margin[2] : 0);
  const base: BaseStyle = {
    font: cell.font ?? BASE.font,
    fontSize: cell.fontSize ?? BASE.fontSize,
    bold: cell.bold ?? false,
    italics: cell.italics ?? false,
  };
  const parts = typeof cell.text === 'string' ? [cell.text] : cell.text;
  return { ...cell, text: setLines(parts, inner, base) };
}

function isTextCell(node: Node): node is TextNode {
  return typeof node === 'object' && !Array.isArray(node) && 'text' in node && !('table' in node);
}

export function presetTables(node: Node): Node {
  if (Array.isArray(node)) return node.map(presetTables);
  if (typeof node === 'object' && 'stack' in node) return { ...node, stack: node.stack.map(presetTables) };
  if (typeof node !== 'object' || !('table' in node) || typeof node.layout !== 'object') return node;
  const widths = columnWidths(node, node.layout);
  const body = node.table.body.map((row) =>
    row.map((cell, i) => (isTextCell(cell) ? setCell(cell, widths[i]) : cell)),
  );
  return { ...node, table: { ...node.table, widths, body } };
}
