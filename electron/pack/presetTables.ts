// Gives every top-level table fixed column widths (the '*' column worked out here, as pdfmake
// would) and sets its cells' text into lines ahead of time (see typeset.ts), also the text of a
// cell laid out as columns of fixed widths beside one '*' column (a mark beside its words).
import type { ColumnsNode, Node, TableLayout, TableNode, TextNode, TextPart } from './content';
import { FONT } from './fonts';
import { resolveText } from './inlineStyles';
import { CONTENT_WIDTH, SIZE, STYLES } from './theme';
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

/**
 * A text node of a known width set into lines, as pdfmake would break it. Its style must be
 * plain properties (inlineStyles.ts), not a named style.
 */
export function presetText(cell: TextNode, width: number): TextNode {
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

/**
 * A text node that spans the page's text block set into lines; a named style is resolved first.
 * Spaced letters are left to pdfmake: the widths here are of the letters alone.
 */
export function presetFullWidth(node: TextNode): TextNode {
  const plain = resolveText(node, STYLES);
  return plain.characterSpacing === undefined ? presetText(plain, CONTENT_WIDTH) : node;
}

function isTextCell(node: Node): node is TextNode {
  return typeof node === 'object' && !Array.isArray(node) && 'text' in node && !('table' in node);
}

function isColumnsCell(node: Node): node is ColumnsNode {
  return typeof node === 'object' && !Array.isArray(node) && 'columns' in node;
}

/** Columns of fixed widths and at most one '*', as pdfmake shares out a cell's width among them. */
function setColumns(cell: ColumnsNode, width: number): ColumnsNode {
  const widths = cell.columns.map((c) =>
    typeof c === 'object' && !Array.isArray(c) && 'width' in c ? c.width : undefined,
  );
  const stars = widths.filter((w) => w === '*').length;
  if (stars > 1 || widths.some((w) => w !== '*' && typeof w !== 'number')) return cell;
  const gaps = (cell.columnGap ?? 0) * (cell.columns.length - 1);
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const star = width - fixed - gaps;
  const columns = cell.columns.map((c, i) =>
    isTextCell(c) ? presetText(c, typeof widths[i] === 'number' ? widths[i] : star) : c,
  );
  return { ...cell, columns };
}

function setCell(cell: Node, width: number): Node {
  if (isTextCell(cell)) return presetText(cell, width);
  if (isColumnsCell(cell)) return setColumns(cell, width);
  return cell;
}

export function presetTables(node: Node): Node {
  if (Array.isArray(node)) return node.map(presetTables);
  if (typeof node === 'object' && 'stack' in node) return { ...node, stack: node.stack.map(presetTables) };
  if (typeof node !== 'object' || !('table' in node) || typeof node.layout !== 'object') return node;
  const widths = columnWidths(node, node.layout);
  const body = node.table.body.map((row) => row.map((cell, i) => setCell(cell, widths[i])));
  return { ...node, table: { ...node.table, widths, body } };
}
