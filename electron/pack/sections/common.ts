// Building blocks every section uses: the section opening (with its bookmark and the anchor the
// contents page points at), ruled tables whose header repeats, and safe text.
import { dateLabel } from '../../../shared/months';
import { PACK_SECTION_TITLES, type PackSection } from '../../../shared/packSections';
import type { Node, TableNode, TextNode, TextPart } from '../content';
import { fontRuns, safeText } from '../fontRuns';
import { INK, RULED } from '../theme';

export function anchorOf(section: PackSection): string {
  return `section-${section}`;
}

export function strandAnchor(number: number): string {
  return `strand-${number}`;
}

/** A section's first lines: kicker, title (bookmarked and anchored) and an optional lede. */
export function sectionOpening(
  section: PackSection,
  kicker: string,
  lede?: string,
  title = PACK_SECTION_TITLES[section],
): Node[] {
  const nodes: Node[] = [
    { text: kicker.toUpperCase(), style: 'kicker', pageBreak: 'before' },
    { text: title, style: 'h1', id: anchorOf(section), outline: true, outlineText: title },
  ];
  if (lede) nodes.push({ text: safeText(lede), style: 'lede' });
  else nodes.push({ text: '', margin: [0, 0, 0, 10] });
  return nodes;
}

export function th(text: string, alignment: TextNode['alignment'] = 'left'): TextNode {
  return { text: text.toUpperCase(), style: 'th', alignment };
}

export function td(text: string | TextPart[], extra: Partial<TextNode> = {}): TextNode {
  return { text: typeof text === 'string' ? safeText(text) : text, style: 'td', ...extra };
}

/** A ruled table with a repeating header; a title row (if given) repeats too and is never orphaned. */
export function ruledTable(
  widths: (number | string)[],
  header: TextNode[],
  rows: Node[][],
  title?: string,
): TableNode {
  const headRows: Node[][] = [];
  if (title) {
    const titleCell: TextNode = {
      text: safeText(title),
      style: 'h3',
      colSpan: widths.length,
      margin: [0, 6, 0, 0],
    };
    headRows.push([titleCell, ...widths.slice(1).map((): Node => ({ text: '' }))]);
  }
  headRows.push(header);
  return {
    table: { widths, body: [...headRows, ...rows], headerRows: headRows.length, keepWithHeaderRows: 1 },
    layout: RULED,
    margin: [0, 0, 0, 12],
  };
}

/** A short table kept on one page (a summary of a dozen rows reads badly split); long ones flow. */
export function keptTogether(table: TableNode, rows = 16): Node {
  return table.table.body.length <= rows ? { stack: [table], unbreakable: true } : table;
}

/** Several paragraphs (blank-line separated in the source) as inlines of one text node. */
export function paragraphs(text: string, style: { color?: string } = {}): TextPart[] {
  const cleaned = text.replace(/\r\n?/g, '\n').trim();
  if (!cleaned) return [];
  return fontRuns(cleaned.replace(/\n{2,}/g, '\n'), style);
}

export function emptyNote(text: string): TextNode {
  return { text, style: 'note', italics: true, margin: [0, 0, 0, 12] };
}

export function muted(text: string): TextPart {
  return { text, color: INK.muted };
}

/** "2007-10-18T10:00" → "18 October 2007, 10:00". */
export function meetingWhen(heldAt: string, withTime = true): string {
  const [date, time] = heldAt.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const weekday = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][
    new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  ];
  const label = `${weekday} ${dateLabel(date)}`;
  return withTime && time ? `${label}, ${time}` : label;
}

export function list(items: string[]): string {
  return items.length ? items.join('; ') : '—';
}
